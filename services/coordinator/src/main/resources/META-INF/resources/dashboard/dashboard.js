// Fullcourt dashboard: plain JS over the coordinator's REST API (/runs, /runs/{id}, /runs/{id}/grid,
// /runs/{id}/timeline, /runs/{id}/tasks/{processor}/{date}, /activity, /stale, /validation; actions: POST /requests,
// /runs/{id}/replay, /cancel, /pause, /resume). Every string from the API goes into the page through esc()
// or textContent: error texts are arbitrary (a worker's exception message).
(function () {
  'use strict';

  var REFRESH_MS = 3000;
  var API = new URL('../runs', location.href).href; // relative, so the coordinator may sit behind a path prefix
  var STALE_API = new URL('../stale', location.href).href;
  var VALIDATION_API = new URL('../validation', location.href).href;
  var REQUESTS_API = new URL('../requests', location.href).href;
  var ACTIVITY_API = new URL('../activity', location.href).href;
  var TIMELINE_ROWS = 60;        // a longer run's dates are bucketed into this many rows
  var SVG = 'http://www.w3.org/2000/svg';
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
    taskJson: null,
    zero: {},           // "processor/date" of the run's tasks that succeeded with 0 rows
    timelineJson: null
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

  // A state-changing call: JSON body and the client header, as the API's StateChangeGuard demands.
  // Resolves to {ok, json, message}: message is what the coordinator said, or the HTTP status.
  function postJson(url, body) {
    return fetch(url, {
      method: 'POST', cache: 'no-store', body: JSON.stringify(body || {}),
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Fullcourt-Client': 'dashboard' }
    }).then(function (r) {
      return r.text().then(function (text) {
        var json = null;
        try { json = JSON.parse(text); } catch (e) { /* not JSON: the status says it */ }
        var said = json && json.message;
        return { ok: r.ok, json: json, message: said || (r.ok ? '' : r.status + ' ' + r.statusText) };
      });
    }, function (err) {
      return { ok: false, json: null, message: 'cannot reach the coordinator: ' + err.message };
    });
  }

  function showAnswer(el, ok, text) {
    el.hidden = false;
    el.className = 'answer ' + (ok ? 'ok' : 'error');
    el.textContent = text;
  }

  function runUrl(runId) { return API + '/' + encodeURIComponent(runId); }

  // A run's state as its badge's classes: one colour per state (RUNNING, PAUSED, CANCELLING, CANCELLED, COMPLETED,
  // COMPLETED_WITH_FAILURES); the state's name is always shown too, the colour only adds to it.
  function runStateClass(runState) { return 'state rs-' + runState; }

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
        '<td>' + esc(r.runId) + '</td><td><span class="' + esc(runStateClass(r.state)) + '">' + esc(r.state) +
        '</span></td>' +
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
    state.zero = {};
    state.timelineJson = null;
    closeTask();
    closeCancel();
    $('act-answer').hidden = true;
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
    $('run-state').className = runStateClass(run.state);
    var p = run.progress;
    $('run-progress').innerHTML = progressBar(p) + ' · ' + esc(p.tasksPerMinute) + ' tasks/min · ETA ' +
      esc(run.state === 'RUNNING' ? duration(p.etaSeconds) : '–') +
      (run.finishedAt ? ' · finished ' + esc(time(run.finishedAt)) : '');
    var legend = Object.keys(run.totals).map(function (s) {
      return '<span class="legend-item" data-state="' + esc(s) + '"><span class="swatch s-' + esc(s) + '"></span>' +
        esc(s) + ' <b>' + esc(run.totals[s]) + '</b></span>';
    });
    legend.push('<span class="legend-item"><span class="swatch s-none"></span>no task</span>');
    legend.push('<span class="legend-item"><span class="swatch s-SUCCEEDED zero"></span>0 rows</span>');
    $('legend').innerHTML = legend.join('');
    renderActions(run);
    renderDailyQuotas(run);
    renderZeroRows(run);
    renderSkipReasons(run);
  }

  // ---- daily quotas that ended tasks DEAD: which, how many, when to replay ----

  function renderDailyQuotas(run) {
    var quotas = run.dailyQuotas || [];
    var p = $('daily-quotas');
    p.hidden = quotas.length === 0;
    p.textContent = quotas.map(function (q) { return q.summary; }).join(' · ');
  }

  // ---- actions on the run ----

  function renderActions(run) {
    var open = run.state === 'RUNNING' || run.state === 'PAUSED';
    $('act-replay').disabled = !run.totals.DEAD || run.state === 'CANCELLING' || run.state === 'CANCELLED';
    $('act-replay').textContent = 'replay dead tasks (' + (run.totals.DEAD || 0) + ')';
    $('act-pause').disabled = run.state !== 'RUNNING';
    $('act-resume').disabled = run.state !== 'PAUSED';
    $('act-cancel').disabled = !open;
    if (!open) { closeCancel(); }
  }

  // Runs one action on the shown run and shows the coordinator's answer beside the buttons.
  function runAction(path, body, describe, answerEl) {
    var runId = state.runId;
    return postJson(runUrl(runId) + '/' + path, body).then(function (a) {
      showAnswer(answerEl, a.ok, a.ok ? describe(a.json) : path + ' refused: ' + a.message);
      return refresh();
    });
  }

  function replayed(json) {
    return 'run ' + json.runId + ': ' + json.replayed + ' dead task' + (json.replayed === 1 ? '' : 's') +
      ' replayed';
  }

  function closeCancel() {
    $('act-confirm').hidden = true;
    $('act-cancel').hidden = false;
  }

  // ---- tasks that succeeded with 0 rows where rows are expected ----

  function renderZeroRows(run) {
    var zero = {};
    (run.zeroRowTasks || []).forEach(function (id) { zero[id] = true; });
    if (Object.keys(zero).sort().join() !== Object.keys(state.zero).sort().join()) {
      state.zero = zero;
      state.gridShape = null; // redrawn with the dots
    }
    var p = $('zero-rows');
    p.hidden = !run.zeroRows;
    if (run.zeroRows) {
      var listed = run.zeroRowTasks || [];
      p.textContent = run.zeroRows + ' task' + (run.zeroRows === 1 ? '' : 's') + ' SUCCEEDED with 0 rows on' +
        ' dates where rows are expected (dotted in the grid): ' + listed.join(', ') +
        (run.zeroRows > listed.length ? ' … and ' + (run.zeroRows - listed.length) + ' more' : '');
    }
  }

  // ---- why tasks were skipped (no games, bootstrap, nothing to work from...) ----

  function renderSkipReasons(run) {
    var reasons = run.skipReasons || {};
    var p = $('skip-reasons');
    var keys = Object.keys(reasons);
    p.hidden = keys.length === 0;
    p.textContent = 'SKIPPED: ' + keys.map(function (r) { return reasons[r] + ' × ' + r; }).join('; ');
  }

  function cellClass(grid, code, phaseStart, taskId) {
    var cls = code === '.' ? 's-none' : 's-' + grid.statuses[code.charCodeAt(0) - 48];
    if (state.zero[taskId]) { cls += ' zero'; }
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
          html.push('<td class="' + cellClass(grid, p.cells.charAt(di), phaseStart[pi], p.processor + '/' + d) +
            '"></td>');
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
            td.className = cellClass(grid, p.cells.charAt(di), phaseStart[pi], p.processor + '/' + grid.dates[di]) +
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
    $('task-actions').hidden = true;
    $('task-answer').hidden = true;
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
    // a dead task is replayed from here: itself, or every dead task of its processor or of its date
    $('task-actions').hidden = t.status !== 'DEAD';
    $('task-replay-processor').textContent = 'replay dead tasks of ' + state.task.processor;
    $('task-replay-date').textContent = 'replay dead tasks of ' + state.task.date;
  }

  function replayFromTask(processors, dates) {
    return runAction('replay', { processors: processors, dates: dates }, replayed, $('task-answer'));
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

  // ---- timeline: per date (bucket) and phase, first dispatch to last end ----

  function svgEl(name, attrs, text) {
    var el = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (text != null) { el.textContent = text; }
    return el;
  }

  function elapsed(fromMs, toMs) { return duration((toMs - fromMs) / 1000); }

  function rowLabel(row) { return row.first === row.last ? row.first : row.first + ' … ' + row.last; }

  function renderTimeline(tl) {
    var svg = $('timeline');
    var LABEL = 170, WIDTH = Math.max(600, ($('timeline-wrap').clientWidth || 900) - 20), ROW = 6 + 5 * tl.phases.length;
    var t0 = Date.parse(tl.acceptedAt), t1 = Date.parse(tl.finishedAt || tl.now);
    tl.rows.forEach(function (r) {
      r.spans.forEach(function (sp) { if (sp.ended) { t1 = Math.max(t1, Date.parse(sp.ended)); } });
    });
    var span = Math.max(1000, t1 - t0);
    var x = function (ms) { return LABEL + (WIDTH - LABEL - 10) * (ms - t0) / span; };
    var height = 20 + ROW * tl.rows.length;
    svg.setAttribute('width', WIDTH);
    svg.setAttribute('height', height);
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    for (var i = 0; i <= 4; i++) {
      var ms = t0 + span * i / 4;
      svg.appendChild(svgEl('line', { x1: x(ms), x2: x(ms), y1: 12, y2: height, 'class': 'now', opacity: 0.3 }));
      svg.appendChild(svgEl('text', { x: x(ms), y: 10, 'text-anchor': i === 0 ? 'start' : i === 4 ? 'end' : 'middle' },
        '+' + elapsed(t0, ms)));
    }
    var lane = (ROW - 4) / tl.phases.length;
    tl.rows.forEach(function (row, ri) {
      var y = 16 + ri * ROW;
      svg.appendChild(svgEl('text', { x: 4, y: y + ROW - 4 }, rowLabel(row)));
      row.spans.forEach(function (sp) {
        if (!sp.started) { return; }
        var pi = tl.phases.indexOf(sp.phase);
        var from = Date.parse(sp.started), to = sp.ended ? Date.parse(sp.ended) : Date.parse(tl.now);
        var stateName = !sp.ended ? 'running' : sp.dead ? 'failed' : 'done';
        var rect = svgEl('rect', {
          x: x(from), y: y + pi * lane, width: Math.max(2, x(to) - x(from)), height: Math.max(2, lane - 1),
          'class': 'ph-' + pi + ' ' + stateName, 'data-first': row.first, 'data-last': row.last,
          'data-phase': sp.phase, 'data-state': stateName, 'data-finished': sp.finished, 'data-tasks': sp.tasks
        });
        rect.appendChild(svgEl('title', {}, 'phase ' + sp.phase + ', ' + rowLabel(row) + ': ' + sp.finished + ' / ' +
          sp.tasks + ' tasks ended' + (sp.dead ? ' (' + sp.dead + ' dead or blocked)' : '') + ', from +' +
          elapsed(t0, from) + (sp.ended ? ' to +' + elapsed(t0, to) : ', still running')));
        svg.appendChild(rect);
      });
    });
    $('timeline-legend').innerHTML = tl.phases.map(function (p, i) {
      return '<span class="legend-item"><span class="swatch ph-' + i + '"></span>phase ' + esc(p) + '</span>';
    }).join('') + '<span class="legend-item muted">faded: still running · red edge: dead or blocked tasks' +
      (tl.datesPerRow > 1 ? ' · ' + esc(tl.datesPerRow) + ' dates a row' : '') + '</span>';
  }

  function refreshTimeline(runId) {
    return getJson(runUrl(runId) + '/timeline?rows=' + TIMELINE_ROWS).then(function (text) {
      if (runId !== state.runId || text === state.timelineJson) { return; }
      state.timelineJson = text;
      renderTimeline(JSON.parse(text));
    });
  }

  // ---- activity: throughput per phase, in flight against the limit ----

  var activity = { samples: [], kept: 0, phases: [], intervalMillis: 0 };

  function refreshActivity() {
    var last = activity.samples.length ? activity.samples[activity.samples.length - 1].at : null;
    return getJson(ACTIVITY_API + (last ? '?after=' + encodeURIComponent(last) : '')).then(function (text) {
      var a = JSON.parse(text);
      activity.kept = a.kept;
      activity.phases = a.phases;
      activity.intervalMillis = a.intervalMillis;
      activity.samples = activity.samples.concat(a.samples).slice(-a.kept);
      if (a.samples.length || !$('throughput').firstChild) { renderActivity(); }
    });
  }

  // One chart: a path per series over the samples' times, a y axis from 0 to the largest value. A series with a
  // range (the lowest and highest it was since the sample before) is drawn through them at each sample: the limit
  // falls and recovers between samples under quota errors, and its sawtooth shows however far apart they are.
  function lineChart(svg, series) {
    var W = 460, H = 160, L = 34, B = 16, T = 6, R = 6;
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    var s = activity.samples;
    if (s.length < 2) {
      svg.appendChild(svgEl('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle' }, 'waiting for samples…'));
      return;
    }
    var t0 = Date.parse(s[0].at), t1 = Date.parse(s[s.length - 1].at);
    var max = 0;
    series.forEach(function (se) {
      s.forEach(function (smp) {
        var v = se.value(smp), r = se.range ? se.range(smp) : null;
        if (v != null) { max = Math.max(max, v, r ? r[1] : v); }
      });
    });
    max = max > 0 ? max * 1.1 : 1;
    var x = function (ms) { return L + (W - L - R) * (ms - t0) / Math.max(1, t1 - t0); };
    var y = function (v) { return H - B - (H - B - T) * v / max; };
    [0, max / 2, max].forEach(function (v) {
      svg.appendChild(svgEl('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), 'class': 'grid-line' }));
      svg.appendChild(svgEl('text', { x: L - 3, y: y(v) + 3, 'text-anchor': 'end' }, v < 10 ? v.toFixed(1) : Math.round(v)));
    });
    svg.appendChild(svgEl('text', { x: L, y: H - 3 }, new Date(t0).toLocaleTimeString()));
    svg.appendChild(svgEl('text', { x: W - R, y: H - 3, 'text-anchor': 'end' }, new Date(t1).toLocaleTimeString()));
    series.forEach(function (se) {
      var d = '', gap = true, prev = null;
      s.forEach(function (smp, i) {
        var v = se.value(smp);
        // a missing value, or a skipped sample (the loop was busy), breaks the line
        var late = i > 0 && Date.parse(smp.at) - Date.parse(s[i - 1].at) > 2.5 * activity.intervalMillis;
        if (v == null) { gap = true; prev = null; return; }
        var px = x(Date.parse(smp.at)).toFixed(1);
        var r = se.range && prev != null && !gap && !late ? se.range(smp) : null;
        // up to the highest, down to the lowest, then to the value now: the order a sawtooth goes in
        if (r && r[1] > Math.max(prev, v)) { d += 'L' + px + ',' + y(r[1]).toFixed(1); }
        if (r && r[0] < Math.min(prev, v)) { d += 'L' + px + ',' + y(r[0]).toFixed(1); }
        d += (gap || late ? 'M' : 'L') + px + ',' + y(v).toFixed(1);
        gap = false;
        prev = v;
      });
      svg.appendChild(svgEl('path', { d: d, 'class': se.cls, 'data-series': se.name }));
    });
  }

  function renderActivity() {
    lineChart($('throughput'), activity.phases.map(function (p, i) {
      return { name: 'phase ' + p, cls: 'ph-' + i, value: function (smp) {
        var v = smp.tasksPerSecond[p];
        return v == null ? (Object.keys(smp.tasksPerSecond).length ? 0 : null) : v;
      } };
    }));
    lineChart($('inflight'), [
      { name: 'configured', cls: 'line-configured', value: function (smp) { return smp.configured; } },
      { name: 'limit', cls: 'line-limit', value: function (smp) { return smp.limit; },
        range: function (smp) { return smp.limitLow == null ? null : [smp.limitLow, smp.limitHigh]; } },
      { name: 'in flight', cls: 'line-inflight', value: function (smp) { return smp.inFlight; } }
    ]);
    $('throughput-legend').innerHTML = activity.phases.map(function (p, i) {
      return '<span class="legend-item"><span class="swatch ph-' + i + '"></span>phase ' + esc(p) + '</span>';
    }).join('');
    var s = activity.samples;
    $('activity-summary').setAttribute('data-samples', s.length);
    $('activity-summary').textContent = s.length ? s.length + ' samples every ' + activity.intervalMillis / 1000 +
      ' s (the last ' + activity.kept + ' kept) · now ' + s[s.length - 1].inFlight + ' in flight, limit ' +
      s[s.length - 1].limit : 'no samples yet';
  }

  // ---- request a backfill: preview (dry run), then start ----

  var request = { previewed: null }; // the form's request as last previewed successfully, as JSON

  function requestId() {
    var d = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    return 'bf-' + d + '-' + Math.floor(Math.random() * 65536).toString(16).padStart(4, '0');
  }

  function listOf(text) {
    return text.split(',').map(function (v) { return v.trim(); }).filter(function (v) { return v; });
  }

  // The form as a BackfillRequest; the coordinator checks it and answers every problem at once.
  function formRequest(dryRun) {
    var body = {
      schemaVersion: 1, requestId: $('req-id').value.trim(),
      phases: Array.prototype.map.call($('req-phases').querySelectorAll('input:checked'), function (c) {
        return Number(c.value);
      }),
      processors: listOf($('req-processors').value), cascade: $('req-cascade').checked, mode: $('req-mode').value,
      upstreams: $('req-upstreams').value, policy: $('req-policy').value, dryRun: dryRun,
      labels: { via: 'dashboard' }
    };
    var dates = listOf($('req-dates').value);
    if (dates.length) { body.dates = dates; }
    if ($('req-from').value) { body.from = $('req-from').value; }
    if ($('req-to').value) { body.to = $('req-to').value; }
    return body;
  }

  function sameRequest(a, b) {
    var strip = function (r) { var c = JSON.parse(JSON.stringify(r)); delete c.dryRun; return JSON.stringify(c); };
    return strip(a) === strip(b);
  }

  function answerText(a) {
    var j = a.json || {};
    if (j.outcome === 'DRY_RUN') { return 'dry run ' + j.runId + ': the coordinator would run\n' + j.plan; }
    if (j.outcome === 'ACCEPTED') { return 'accepted: run ' + j.runId + '\n' + j.plan; }
    if (j.reasons && j.reasons.length) {
      return (j.outcome === 'REFUSED' ? 'refused' : 'rejected') + (j.runId ? ': request ' + j.runId : '') + '\n  - ' +
        j.reasons.join('\n  - ');
    }
    return 'not sent: ' + a.message;
  }

  function submitRequest(dryRun) {
    var body = formRequest(dryRun);
    if (!dryRun && !(request.previewed && sameRequest(request.previewed, body))) {
      showAnswer($('req-answer'), false, 'preview this request first: the form changed since its preview');
      $('req-start').disabled = true;
      return Promise.resolve();
    }
    $('req-preview').disabled = true;
    $('req-start').disabled = true;
    return postJson(REQUESTS_API, body).then(function (a) {
      showAnswer($('req-answer'), a.ok, answerText(a));
      $('req-preview').disabled = false;
      if (dryRun) {
        request.previewed = a.ok ? body : null;
        $('req-start').disabled = !a.ok;
      } else if (a.ok) {
        request.previewed = null;
        $('req-id').value = requestId(); // the next request is another run
        selectRun(a.json.runId);
      } else {
        $('req-start').disabled = false;
      }
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

  // ---- validation of the range shown: every table's coverage, the field checks, the model's accuracy ----

  // Asked for on demand (it reads every table over the range); the coordinator bounds the range (max-range-days)
  // and says why when it is longer.
  function validate() {
    var from = $('fresh-from').value, to = $('fresh-to').value;
    $('validation').hidden = false;
    if (!from || !to) {
      validationProblem('give a from and a to date first');
      return Promise.resolve();
    }
    $('validate').disabled = true;
    $('validation-summary').className = 'muted';
    $('validation-summary').textContent = 'validating ' + from + ' .. ' + to + '…';
    var url = VALIDATION_API + '?from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to);
    return getJson(url).then(function (text) {
      renderValidation(JSON.parse(text));
    }, function (err) {
      validationProblem('cannot validate: ' + err.message);
    }).then(function () { $('validate').disabled = false; });
  }

  function validationProblem(text) {
    $('validation-summary').className = 'problem';
    $('validation-summary').textContent = text;
    $('validation-checks').tBodies[0].innerHTML = '';
  }

  function renderValidation(v) {
    var checks = v.checks || [];
    var failed = checks.filter(function (c) { return c.status === 'FAILED'; }).length;
    $('validation-summary').className = v.passed ? 'muted' : 'problem';
    $('validation-summary').textContent = (v.passed ? 'PASSED' : 'FAILED') + ': ' + checks.length + ' checks, ' +
      failed + ' failed, ' + v.from + ' .. ' + v.to + ' · validated ' + new Date().toLocaleTimeString();
    $('validation-checks').tBodies[0].innerHTML = checks.map(function (c) {
      return '<tr data-status="' + esc(c.status) + '"><td>' + esc(c.name) + '</td><td><span class="check check-' +
        esc(c.status) + '">' + esc(c.status) + '</span></td><td class="detail">' + esc(c.detail) + '</td></tr>';
    }).join('');
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
        return Promise.all([refreshTask(), refreshTimeline(runId)]);
      });
    }).then(function () {
      $('problem').hidden = true;
      $('refreshed').textContent = 'updated ' + new Date().toLocaleTimeString() + ' · every ' + REFRESH_MS / 1000 + ' s';
    }, function (err) {
      $('problem').hidden = false;
      $('problem').textContent = err.status === 404 && state.runId
        ? 'no run ' + state.runId + ' (yet)' : 'cannot reach the coordinator: ' + err.message;
    }).then(function () {
      return refreshActivity().catch(function (err) {
        $('activity-summary').textContent = 'cannot read the activity: ' + err.message;
      });
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
  $('task-replay').addEventListener('click', function () {
    replayFromTask([state.task.processor], [state.task.date]);
  });
  $('task-replay-processor').addEventListener('click', function () { replayFromTask([state.task.processor], []); });
  $('task-replay-date').addEventListener('click', function () { replayFromTask([], [state.task.date]); });
  $('act-replay').addEventListener('click', function () { runAction('replay', {}, replayed, $('act-answer')); });
  $('act-pause').addEventListener('click', function () {
    runAction('pause', {}, function (j) { return 'run ' + j.runId + ' paused: tasks in flight finish'; },
      $('act-answer'));
  });
  $('act-resume').addEventListener('click', function () {
    runAction('resume', {}, function (j) { return 'run ' + j.runId + ' resumed'; }, $('act-answer'));
  });
  $('act-cancel').addEventListener('click', function () {
    $('act-confirm-run').textContent = state.runId;
    $('act-confirm').hidden = false;
    $('act-cancel').hidden = true;
  });
  $('act-cancel-no').addEventListener('click', closeCancel);
  $('act-cancel-yes').addEventListener('click', function () {
    closeCancel();
    runAction('cancel', {}, function (j) {
      return 'run ' + j.runId + ' cancelled: tasks in flight finish, nothing else of it runs';
    }, $('act-answer'));
  });
  $('request-form').addEventListener('submit', function (e) {
    e.preventDefault();
    submitRequest(true);
  });
  $('req-start').addEventListener('click', function () { submitRequest(false); });
  // start stays on only while the form is the request previewed
  ['input', 'change'].forEach(function (type) {
    $('request-form').addEventListener(type, function () {
      $('req-start').disabled = !(request.previewed && sameRequest(request.previewed, formRequest(false)));
    });
  });
  $('req-id').value = requestId();
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
  $('validate').addEventListener('click', validate);

  var fromHash = /^#run=(.+)$/.exec(location.hash);
  if (fromHash) { state.runId = decodeURIComponent(fromHash[1]); }
  loop();
}());
