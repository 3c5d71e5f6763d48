// Fullcourt dashboard: plain JS over the coordinator's REST API (/runs, /runs/{id}, /runs/{id}/grid,
// /runs/{id}/tasks/{processor}/{date}). Every string from the API goes into the page through esc()
// or textContent: error texts are arbitrary (a worker's exception message).
(function () {
  'use strict';

  var REFRESH_MS = 3000;
  var API = new URL('../runs', location.href).href; // relative, so the coordinator may sit behind a path prefix

  var $ = function (id) { return document.getElementById(id); };
  var state = {
    runId: null,        // the run shown
    runsJson: null,     // last /runs answer, to skip re-rendering when nothing changed
    runJson: null,
    grid: null,         // last grid: {dates, processors, statuses, cells[]}
    gridShape: null,    // run + dates + processors the table was built for
    task: null,         // {processor, date} of the open task
    taskJson: null
  };

  function esc(value) {
    return String(value == null ? '' : value)
      .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store' }).then(function (r) {
      if (!r.ok) {
        var err = new Error(r.status + ' ' + r.statusText + ' for ' + url);
        err.status = r.status;
        throw err;
      }
      return r.text();
    });
  }

  function runUrl(runId) { return API + '/' + encodeURIComponent(runId); }

  function duration(seconds) {
    if (seconds == null) { return '–'; }
    seconds = Math.round(seconds);
    var h = Math.floor(seconds / 3600), m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
    return (h ? h + 'h ' : '') + (h || m ? m + 'm ' : '') + s + 's';
  }

  function millis(ms) {
    if (ms == null) { return ''; }
    return ms < 1000 ? ms + ' ms' : (ms / 1000).toFixed(ms < 10000 ? 2 : 1) + ' s';
  }

  function time(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    return isNaN(d) ? String(iso) : d.toISOString().replace('T', ' ').replace('Z', '');
  }

  function progressBar(p) {
    var pct = p.total ? Math.floor(100 * p.finished / p.total) : 100;
    return '<span class="bar"><span style="width:' + pct + '%"></span></span>' + p.finished + ' / ' + p.total +
      ' (' + pct + '%)';
  }

  // ---- runs ----

  function renderRuns(runs) {
    var rows = runs.slice().reverse().map(function (r) {
      return '<tr data-run="' + esc(r.runId) + '"' + (r.runId === state.runId ? ' class="selected"' : '') + '>' +
        '<td>' + esc(r.runId) + '</td><td><span class="state">' + esc(r.state) + '</span></td>' +
        '<td>' + esc(r.policy) + '</td><td>' + progressBar(r.progress) + '</td>' +
        '<td>' + esc(r.progress.tasksPerMinute) + '</td><td>' + esc(duration(r.progress.etaSeconds)) + '</td>' +
        '<td>' + esc(r.totals.DEAD) + '</td><td>' + esc(time(r.acceptedAt)) + '</td></tr>';
    });
    $('runs').tBodies[0].innerHTML = rows.join('');
    $('no-runs').hidden = runs.length > 0;
  }

  function selectRun(runId) {
    if (runId === state.runId) { return; }
    state.runId = runId;
    state.runJson = null;
    state.grid = null;
    state.gridShape = null;
    closeTask();
    $('grid').innerHTML = '';
    history.replaceState(null, '', '#run=' + encodeURIComponent(runId));
    Array.prototype.forEach.call($('runs').tBodies[0].rows, function (tr) {
      tr.classList.toggle('selected', tr.getAttribute('data-run') === runId);
    });
    refresh();
  }

  // ---- one run: progress, legend, grid ----

  function renderRun(run) {
    $('run-section').hidden = false;
    $('run-id').textContent = run.runId;
    $('run-state').textContent = run.state;
    var p = run.progress;
    $('run-progress').innerHTML = progressBar(p) + ' · ' + esc(p.tasksPerMinute) + ' tasks/min · ETA ' +
      esc(run.state === 'RUNNING' ? duration(p.etaSeconds) : '–') +
      (run.finishedAt ? ' · finished ' + esc(time(run.finishedAt)) : '');
    var legend = Object.keys(run.totals).map(function (s) {
      return '<span class="legend-item" data-state="' + esc(s) + '"><span class="swatch s-' + esc(s) + '"></span>' +
        esc(s) + ' <b>' + esc(run.totals[s]) + '</b></span>';
    });
    legend.push('<span class="legend-item"><span class="swatch s-none"></span>no task</span>');
    $('legend').innerHTML = legend.join('');
  }

  function cellClass(grid, code, phaseStart) {
    var cls = code === '.' ? 's-none' : 's-' + grid.statuses[code.charCodeAt(0) - 48];
    return phaseStart ? cls + ' phase-start' : cls;
  }

  function renderGrid(grid) {
    var shape = JSON.stringify([state.runId, grid.dates, grid.processors.map(function (p) { return p.processor; })]);
    var procs = grid.processors;
    var phaseStart = procs.map(function (p, i) { return i > 0 && procs[i - 1].phase !== p.phase; });
    var table = $('grid');
    if (shape !== state.gridShape) {
      // built once per run (and when its shape changes) as one string; later refreshes touch changed cells only
      var html = ['<thead><tr><th>date</th>'];
      procs.forEach(function (p, i) {
        html.push('<th class="p' + (phaseStart[i] ? ' phase-start' : '') + '" data-processor="' + esc(p.processor) +
          '" title="' + esc(p.processor + ' (phase ' + p.phase + ')') + '"><span>' + esc(p.processor) + '</span></th>');
      });
      html.push('</tr></thead><tbody>');
      grid.dates.forEach(function (d, di) {
        html.push('<tr><th>' + esc(d) + '</th>');
        procs.forEach(function (p, pi) {
          html.push('<td class="' + cellClass(grid, p.cells.charAt(di), phaseStart[pi]) + '"></td>');
        });
        html.push('</tr>');
      });
      html.push('</tbody>');
      table.innerHTML = html.join('');
      state.gridShape = shape;
    } else {
      var rows = table.tBodies[0].rows;
      procs.forEach(function (p, pi) {
        var before = state.grid.processors[pi].cells;
        if (before === p.cells) { return; }
        for (var di = 0; di < p.cells.length; di++) {
          if (before.charAt(di) !== p.cells.charAt(di)) {
            var td = rows[di].cells[pi + 1];
            td.className = cellClass(grid, p.cells.charAt(di), phaseStart[pi]) +
              (td.classList.contains('sel') ? ' sel' : '');
          }
        }
      });
    }
    state.grid = grid;
  }

  function cellAt(td) {
    if (!state.grid || td.cellIndex < 1) { return null; }
    var p = state.grid.processors[td.cellIndex - 1];
    var date = state.grid.dates[td.parentNode.sectionRowIndex];
    if (!p || !date || p.cells.charAt(td.parentNode.sectionRowIndex) === '.') { return null; }
    return { processor: p.processor, date: date };
  }

  // ---- one task: attempts and errors ----

  function openTask(td) {
    var cell = cellAt(td);
    if (!cell) { return; }
    var selected = $('grid').querySelector('td.sel');
    if (selected) { selected.classList.remove('sel'); }
    td.classList.add('sel');
    state.task = cell;
    state.taskJson = null;
    $('task').hidden = false;
    $('task-detail').innerHTML = '<p class="muted">loading ' + esc(cell.processor + '/' + cell.date) + '…</p>';
    refreshTask();
  }

  function closeTask() {
    state.task = null;
    state.taskJson = null;
    $('task').hidden = true;
    var selected = $('grid').querySelector('td.sel');
    if (selected) { selected.classList.remove('sel'); }
  }

  function renderTask(t) {
    var html = ['<h3 id="task-title">' + esc(t.taskId) + ' <span class="state">' +
      esc(t.status) + '</span></h3>',
      '<table class="task-summary"><tbody>',
      '<tr><th>dispatch</th><td>' + esc(t.dispatch) + '</td><th>attempts</th><td>' + esc(t.attempts) + '</td></tr>',
      '<tr><th>started</th><td>' + esc(time(t.startedAt)) + '</td><th>finished</th><td>' + esc(time(t.finishedAt)) +
      '</td></tr>',
      '<tr><th>duration</th><td>' + esc(millis(t.durationMs)) + '</td><th>rows</th><td>' + esc(t.rows) + '</td></tr>',
      '</tbody></table>'];
    if (t.lastError) {
      html.push('<h4>Last error</h4><pre class="task-error">' + esc(t.lastError) + '</pre>');
    }
    if (t.skipReason) {
      html.push('<h4>Skip reason</h4><p class="task-skip">' + esc(t.skipReason) + '</p>');
    }
    html.push('<h4>Attempts</h4>');
    if (!t.attemptHistory || t.attemptHistory.length === 0) {
      html.push('<p class="muted">none yet</p>');
    } else {
      html.push('<table id="task-attempts"><thead><tr><th>dispatch</th><th>attempt</th><th>start</th><th>end</th>' +
        '<th>duration</th><th>rows</th><th>outcome</th><th>error / skip reason</th></tr></thead><tbody>');
      t.attemptHistory.forEach(function (a) {
        html.push('<tr><td>' + esc(a.dispatch) + '</td><td>' + esc(a.attempt) + '</td><td>' + esc(time(a.startedAt)) +
          '</td><td>' + esc(time(a.endedAt)) + '</td><td>' + esc(millis(a.durationMs)) + '</td><td>' + esc(a.rows) +
          '</td><td>' + esc(a.outcome || 'running') + '</td><td class="error">' + esc(a.error || a.skipReason || '') +
          '</td></tr>');
      });
      html.push('</tbody></table>');
    }
    html.push('<h4>Ledger</h4><table id="task-ledger"><thead><tr><th>event</th><th>dispatch</th><th>attempt</th>' +
      '<th>at</th><th>detail</th></tr></thead><tbody>');
    (t.history || []).forEach(function (e) {
      html.push('<tr><td>' + esc(e.type) + '</td><td>' + esc(e.dispatch) + '</td><td>' + esc(e.attempt) + '</td><td>' +
        esc(time(e.at)) + '</td><td class="error">' + esc(e.detail) + '</td></tr>');
    });
    html.push('</tbody></table>');
    $('task-detail').innerHTML = html.join('');
  }

  function refreshTask() {
    var task = state.task;
    if (!task || !state.runId) { return Promise.resolve(); }
    var url = runUrl(state.runId) + '/tasks/' + encodeURIComponent(task.processor) + '/' + encodeURIComponent(task.date);
    return getJson(url).then(function (text) {
      if (state.task !== task || text === state.taskJson) { return; }
      state.taskJson = text;
      renderTask(JSON.parse(text));
    });
  }

  // ---- refresh loop ----

  function refresh() {
    return getJson(API).then(function (text) {
      if (text !== state.runsJson) {
        state.runsJson = text;
        var runs = JSON.parse(text);
        renderRuns(runs);
        if (!state.runId && runs.length) {
          selectRun(runs[runs.length - 1].runId); // the newest
          return;
        }
      }
      if (!state.runId) { return; }
      var runId = state.runId;
      return Promise.all([getJson(runUrl(runId)), getJson(runUrl(runId) + '/grid')]).then(function (answers) {
        if (runId !== state.runId) { return; }
        if (answers[0] !== state.runJson) {
          state.runJson = answers[0];
          renderRun(JSON.parse(answers[0]));
        }
        renderGrid(JSON.parse(answers[1]));
        return refreshTask();
      });
    }).then(function () {
      $('problem').hidden = true;
      $('refreshed').textContent = 'updated ' + new Date().toLocaleTimeString() + ' · every ' + REFRESH_MS / 1000 + ' s';
    }, function (err) {
      $('problem').hidden = false;
      $('problem').textContent = err.status === 404 && state.runId
        ? 'no run ' + state.runId + ' (yet)' : 'cannot reach the coordinator: ' + err.message;
    });
  }

  function loop() {
    refresh().then(function () { setTimeout(loop, REFRESH_MS); });
  }

  $('runs').addEventListener('click', function (e) {
    var tr = e.target.closest('tr[data-run]');
    if (tr) { selectRun(tr.getAttribute('data-run')); }
  });
  $('grid').addEventListener('click', function (e) {
    var td = e.target.closest('td');
    if (td) { openTask(td); }
  });
  // one title for the cell under the pointer, rather than ~28,000 title attributes
  $('grid').addEventListener('mouseover', function (e) {
    var td = e.target.closest('td');
    var cell = td && cellAt(td);
    if (cell) {
      td.title = cell.processor + ' ' + cell.date + ': ' + td.className.replace(/^s-| .*$/g, '');
    }
  });
  $('task-close').addEventListener('click', closeTask);

  var fromHash = /^#run=(.+)$/.exec(location.hash);
  if (fromHash) { state.runId = decodeURIComponent(fromHash[1]); }
  loop();
}());
