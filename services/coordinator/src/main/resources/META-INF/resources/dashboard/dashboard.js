// Fullcourt dashboard: plain JS over the coordinator's REST API (/runs, /runs/{id}, /runs/{id}/grid,
// /runs/{id}/tasks/{processor}/{date}, /stale). Every string from the API goes into the page through esc()
// or textContent: error texts are arbitrary (a worker's exception message).
(function () {
  'use strict';

  var REFRESH_MS = 3000;
  var API = new URL('../runs', location.href).href; // relative, so the coordinator may sit behind a path prefix
  var STALE_API = new URL('../stale', location.href).href;
  // judging reads the warehouse's lineage (a few queries): less often than the runs
  var FRESH_REFRESH_MS = 30000;
  var FRESH_DEFAULT_DAYS = 60;   // without a run, the calendar's last 60 days
  var FRESH_LISTED = 20000;      // stale partitions fetched with their reasons; cells beyond show their kind only

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
        return r.text().then(function (body) {
          var said = '';
          try { said = JSON.parse(body).message || ''; } catch (e) { /* not JSON: the status says it */ }
          var err = new Error(said || r.status + ' ' + r.statusText + ' for ' + url);
          err.status = r.status;
          throw err;
        });
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

  // ---- freshness: the warehouse's stale partitions over a date range, outside any run ----

  var fresh = {
    from: null, to: null, // the range judged
    edited: false,        // the user chose the range: it no longer follows the selected run
    calendarAskedAt: 0,   // when the calendar's last date was asked for (the default without a run)
    json: null,           // last /stale answer
    stale: null,          // that answer parsed, and its partitions by "processor/date"
    byCell: {},
    at: 0                 // when it was last asked for
  };

  function addDays(isoDate, days) {
    var d = new Date(isoDate + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  }

  function staleUrl() {
    return STALE_API + '?from=' + encodeURIComponent(fresh.from) + '&to=' + encodeURIComponent(fresh.to) +
      '&limit=' + FRESH_LISTED;
  }

  // Judges the range when it is another than the one shown, or when forced (the judge button).
  function setFreshRange(from, to, force) {
    if (from === fresh.from && to === fresh.to && !force) { return; }
    fresh.from = from;
    fresh.to = to;
    $('fresh-from').value = from;
    $('fresh-to').value = to;
    refreshFresh();
  }

  function runRange() {
    var dates = state.grid && state.grid.dates;
    return dates && dates.length ? [dates[0], dates[dates.length - 1]] : null;
  }

  // The default range: the selected run's dates; without a run, the calendar's last FRESH_DEFAULT_DAYS days.
  function freshDefaults() {
    $('fresh-run-range').hidden = !runRange();
    if (fresh.edited) { return; }
    var range = runRange();
    if (range) {
      setFreshRange(range[0], range[1]);
    } else if (!fresh.from && !state.runId && Date.now() - fresh.calendarAskedAt >= FRESH_REFRESH_MS) {
      // asked again later while there is no calendar: the all-in-one writes its seasons at its first start
      fresh.calendarAskedAt = Date.now();
      getJson(STALE_API + '?limit=0').then(function (text) {
        var s = JSON.parse(text);
        if (fresh.from) { return; } // a run's range or the user's came first
        if (!s.calendarLast) { renderFresh(s); return; }
        setFreshRange(addDays(s.calendarLast, 1 - FRESH_DEFAULT_DAYS), s.calendarLast);
      }, freshProblem);
    }
  }

  function refreshFresh() {
    if (!fresh.from || !fresh.to) { return Promise.resolve(); }
    var url = staleUrl();
    fresh.at = Date.now();
    return getJson(url).then(function (text) {
      if (url !== staleUrl()) { return; } // another range was asked for meanwhile
      if (text !== fresh.json) {
        fresh.json = text;
        renderFresh(JSON.parse(text));
      }
      $('fresh-summary').className = 'muted';
      $('fresh-summary').textContent = freshSummary(fresh.stale);
    }, freshProblem);
  }

  function freshSummary(s) {
    if (s.from == null) { return 'no game dates in the calendar (raw.schedule): nothing to judge'; }
    return (s.stale ? s.stale + ' stale of ' + s.judged + ' partitions judged'
      : 'nothing stale (' + s.judged + ' partitions judged)') + ', ' + s.from + ' .. ' + s.to + ' · judged ' +
      new Date().toLocaleTimeString();
  }

  function freshProblem(err) {
    $('fresh-summary').className = 'problem';
    $('fresh-summary').textContent = 'cannot judge freshness: ' + err.message;
  }

  function kindCounts(s) {
    var counts = {};
    s.grid.kinds.forEach(function (k) { counts[k] = 0; });
    Object.keys(s.byProcessor).forEach(function (p) {
      Object.keys(s.byProcessor[p]).forEach(function (k) { counts[k] = (counts[k] || 0) + s.byProcessor[p][k]; });
    });
    return counts;
  }

  function freshClass(s, code, phaseStart) {
    var cls = code === '.' ? 's-none' : code === '-' ? 'f-FRESH' : 'k-' + s.grid.kinds[code.charCodeAt(0) - 48];
    return phaseStart ? cls + ' phase-start' : cls;
  }

  function renderFresh(s) {
    fresh.stale = s;
    fresh.byCell = {};
    s.partitions.forEach(function (p) { fresh.byCell[p.processor + '/' + p.date] = p; });
    $('fresh-summary').className = 'muted';
    $('fresh-summary').textContent = freshSummary(s);
    var counts = kindCounts(s);
    var legend = ['<span class="legend-item" data-kind="FRESH"><span class="swatch f-FRESH"></span>fresh <b>' +
      esc(s.judged - s.stale) + '</b></span>'];
    s.grid.kinds.forEach(function (k) {
      legend.push('<span class="legend-item' + (counts[k] ? '' : ' zero') + '" data-kind="' + esc(k) + '">' +
        '<span class="swatch k-' + esc(k) + '"></span>' + esc(k) + ' <b>' + esc(counts[k]) + '</b></span>');
    });
    legend.push('<span class="legend-item"><span class="swatch s-none"></span>not judged (no games, bootstrap)</span>');
    $('fresh-legend').innerHTML = legend.join('');
    $('fresh-reasons').innerHTML = s.reasons.map(function (r) {
      return '<li><b>' + esc(r.count) + '</b> ' + esc(r.text) + '</li>';
    }).join('');
    var procs = s.grid.processors;
    var phaseStart = procs.map(function (p, i) { return i > 0 && procs[i - 1].phase !== p.phase; });
    var html = ['<thead><tr><th>date</th>'];
    procs.forEach(function (p, i) {
      html.push('<th class="p' + (phaseStart[i] ? ' phase-start' : '') + '" data-processor="' + esc(p.processor) +
        '" title="' + esc(p.processor + ' (phase ' + p.phase + ')') + '"><span>' + esc(p.processor) + '</span></th>');
    });
    html.push('</tr></thead><tbody>');
    s.grid.dates.forEach(function (d, di) {
      html.push('<tr><th>' + esc(d) + '</th>');
      procs.forEach(function (p, pi) {
        html.push('<td class="' + freshClass(s, p.cells.charAt(di), phaseStart[pi]) + '"></td>');
      });
      html.push('</tr>');
    });
    html.push('</tbody>');
    $('fresh-grid').innerHTML = html.join('');
    closeFreshReason();
  }

  // What a cell of the freshness grid says: its partition, state and (when stale) reason.
  function freshCellAt(td) {
    var s = fresh.stale;
    if (!s || td.cellIndex < 1) { return null; }
    var p = s.grid.processors[td.cellIndex - 1];
    var date = s.grid.dates[td.parentNode.sectionRowIndex];
    if (!p || !date) { return null; }
    var code = p.cells.charAt(td.parentNode.sectionRowIndex);
    var listed = fresh.byCell[p.processor + '/' + date];
    var kind = code === '.' ? null : code === '-' ? 'FRESH' : s.grid.kinds[code.charCodeAt(0) - 48];
    var reason = kind === 'FRESH' ? 'fresh: its lineage matches its inputs and its model version'
      : !kind ? 'not judged: no games that day, or a bootstrap day of the processor'
        : listed ? listed.reason : 'reason not listed (more than ' + FRESH_LISTED + ' stale: narrow the range)';
    return { processor: p.processor, date: date, kind: kind, reason: reason };
  }

  function openFreshReason(td) {
    var cell = freshCellAt(td);
    if (!cell || !cell.kind) { return; }
    var selected = $('fresh-grid').querySelector('td.sel');
    if (selected) { selected.classList.remove('sel'); }
    td.classList.add('sel');
    $('fresh-reason').hidden = false;
    $('fresh-reason-detail').innerHTML = '<h3 id="fresh-reason-title">' + esc(cell.processor + ' ' + cell.date) +
      ' <span class="state">' + esc(cell.kind) + '</span></h3><p class="reason">' + esc(cell.reason) + '</p>';
  }

  function closeFreshReason() {
    $('fresh-reason').hidden = true;
    var selected = $('fresh-grid').querySelector('td.sel');
    if (selected) { selected.classList.remove('sel'); }
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
    }).then(function () {
      freshDefaults();
      if (fresh.from && Date.now() - fresh.at >= FRESH_REFRESH_MS) { refreshFresh(); }
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
  $('fresh-form').addEventListener('submit', function (e) {
    e.preventDefault();
    fresh.edited = true;
    setFreshRange($('fresh-from').value, $('fresh-to').value, true);
  });
  $('fresh-run-range').addEventListener('click', function () {
    fresh.edited = false;
    freshDefaults();
  });
  $('fresh-grid').addEventListener('click', function (e) {
    var td = e.target.closest('td');
    if (td) { openFreshReason(td); }
  });
  $('fresh-grid').addEventListener('mouseover', function (e) {
    var td = e.target.closest('td');
    var cell = td && freshCellAt(td);
    if (cell) { td.title = cell.processor + ' ' + cell.date + ': ' + cell.reason; }
  });
  $('fresh-reason-close').addEventListener('click', closeFreshReason);

  var fromHash = /^#run=(.+)$/.exec(location.hash);
  if (fromHash) { state.runId = decodeURIComponent(fromHash[1]); }
  loop();
}());
