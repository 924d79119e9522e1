/*
 * gvgap report: draws the chart sections and the example drill-down from the JSON embedded in the
 * page (one <script type="application/json"> per section and run, named by the block's data-json),
 * and makes the comparison table sortable. Charts are drawn first; the drill-down, whose data is
 * large, is parsed and drawn once every chart has finished (window.gvgapReport says when).
 *
 * Safety: every text from the run (model output, verifier output, labels) enters the page through
 * textContent or as plain-text ECharts labels (tooltips in richText mode, never HTML); no innerHTML.
 *
 * To add a section: give ReportSections a Java ReportSection with id X and add renderers[X] below.
 */
(function () {
  'use strict';

  var charts = [];
  var status = window.gvgapReport = { ready: false, examplesReady: false, charts: 0, scriptStartMs: performance.now() };
  /** Sections drawn after the charts: their data is large and nothing waits for them. */
  var DEFERRED = { drillDown: true };
  var pendingCharts = 0;
  var PALETTE = ['#2f6fde', '#e0672b', '#2e9d5b', '#9b4dca', '#c9a227', '#d04a3c', '#1f9ab0', '#7a7a7a'];

  /* ---------- small DOM helpers (text only) ---------- */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function fmt(value, digits) {
    return value === null || value === undefined || !isFinite(value) ? '\u2014' : Number(value).toFixed(digits === undefined ? 3 : digits);
  }

  function signed(value) {
    return value === null || value === undefined ? '\u2014' : (value >= 0 ? '+' : '') + Number(value).toFixed(3);
  }

  function interval(estimate) {
    return estimate[1] === null || estimate[2] === null ? 'no interval' : '[' + fmt(estimate[1]) + ', ' + fmt(estimate[2]) + ']';
  }

  function groupName(group) {
    return group.model + ' \u00b7 ' + group.task;
  }

  /** A chart card: heading (text) with a definition link, and the div ECharts draws into. */
  function chartCard(parent, title, definitionId) {
    var card = el('div', 'chart-card');
    var heading = el('h4', null, title);
    var link = el('a', 'def', '?');
    link.href = '#def-' + definitionId;
    link.title = 'definition';
    heading.appendChild(link);
    card.appendChild(heading);
    var div = el('div', 'chart');
    card.appendChild(div);
    parent.appendChild(card);
    return div;
  }

  function chartsGrid(block) {
    var grid = el('div', 'charts');
    block.appendChild(grid);
    return grid;
  }

  /** Draws one chart; the page is ready when every chart has reported 'finished'. */
  function draw(div, option) {
    var chart = echarts.init(div, null, { renderer: 'canvas' });
    pendingCharts++;
    var done = false;
    chart.on('finished', function () {
      if (!done) {
        done = true;
        pendingCharts--;
        maybeReady();
      }
    });
    option.animation = false;
    option.color = PALETTE;
    option.tooltip = Object.assign({ renderMode: 'richText', confine: true }, option.tooltip || {});
    chart.setOption(option);
    charts.push(chart);
    return chart;
  }

  function unitAxis(name) {
    return { type: 'value', min: 0, max: 1, name: name, nameLocation: 'middle', nameGap: 28 };
  }

  /** Whether every x of a sweep lies in [0, 1] (alpha, tau of [0, 1] scores): then the axis is [0, 1]. */
  function unitRange(lines) {
    return lines.every(function (line) {
      return line.points.every(function (p) { return p.x >= 0 && p.x <= 1; });
    });
  }

  function diagonal() {
    return { name: 'diagonal', type: 'line', data: [[0, 0], [1, 1]], symbol: 'none', silent: true,
      lineStyle: { type: 'dashed', color: '#aaaaaa', width: 1 }, tooltip: { show: false } };
  }

  /* ---------- section renderers: renderers[id](block, sectionData) ---------- */

  var renderers = {};

  renderers.gapCurves = function (block, section) {
    var grid = chartsGrid(block);
    section.groups.forEach(function (group) {
      group.sweeps.forEach(function (sweep) {
        var div = chartCard(grid, groupName(group) + ' \u2014 ' + sweep.filter + ' by ' + sweep.parameter, 'gap-curve');
        var series = [];
        sweep.verifiers.forEach(function (line, index) {
          var color = PALETTE[index % PALETTE.length];
          series.push({ name: line.verifier, type: 'line', symbolSize: 7, color: color,
            data: line.points.map(function (p) {
              return { value: [p.x, p.gap[0]], point: p };
            }) });
          // the confidence interval's ends as thin dashed lines of the same colour
          [1, 2].forEach(function (end) {
            series.push({ name: line.verifier + ' CI', type: 'line', symbol: 'none', silent: true, color: color,
              lineStyle: { type: 'dashed', width: 1, opacity: 0.7 }, tooltip: { show: false },
              data: line.points.map(function (p) { return [p.x, p.gap[end]]; }) });
          });
        });
        draw(div, {
          grid: { left: 56, right: 16, top: 36, bottom: 44 },
          legend: { top: 0, data: sweep.verifiers.map(function (l) { return l.verifier; }) },
          title: { text: 'dashed: confidence interval', right: 4, bottom: 0, textStyle: { fontSize: 10, color: '#687387',
            fontWeight: 'normal' } },
          xAxis: unitRange(sweep.verifiers) ? unitAxis(sweep.parameter)
            : { type: 'value', name: sweep.parameter, nameLocation: 'middle', nameGap: 26, scale: true },
          yAxis: { type: 'value', name: 'gap', scale: true },
          tooltip: { trigger: 'item', formatter: function (params) {
            var p = params.data.point;
            return params.seriesName + ', ' + p.label + '\ngap ' + signed(p.gap[0]) + ' ' + interval(p.gap)
              + '\nrel. gap per prompt ' + fmt(p.relPerPrompt[0]) + ' ' + interval(p.relPerPrompt)
              + '\nrel. gap pooled ' + fmt(p.relPooled[0]) + ' ' + interval(p.relPooled)
              + '\nkept fraction ' + fmt(p.kept);
          } },
          series: series
        });
      });
    });
  };

  renderers.correlations = function (block, section) {
    var grid = chartsGrid(block);
    section.groups.forEach(function (group) {
      var div = chartCard(grid, groupName(group) + ' \u2014 Spearman \u03c1', 'correlation');
      draw(div, {
        grid: { left: 110, right: 70, top: 16, bottom: 70 },
        xAxis: { type: 'category', data: group.verifiers, axisLabel: { rotate: 30 } },
        yAxis: { type: 'category', data: group.verifiers },
        visualMap: { min: -1, max: 1, dimension: 2, calculable: false, orient: 'vertical', right: 0, top: 'middle', itemHeight: 140,
          inRange: { color: ['#3b6fb6', '#f4f4f4', '#c8442f'] } },
        tooltip: { trigger: 'item', formatter: function (params) {
          var c = params.data;
          return group.verifiers[c[1]] + ' vs ' + group.verifiers[c[0]] + '\nSpearman ' + fmt(c[2]) + '\nPearson '
            + fmt(c[3]) + '\nsamples both scored: ' + c[4];
        } },
        series: [{ type: 'heatmap', data: group.cells, label: { show: true, formatter: function (params) {
          return fmt(params.data[2], 2);
        } } }]
      });
    });
  };

  renderers.roc = function (block, section) {
    var grid = chartsGrid(block);
    section.groups.forEach(function (group) {
      var div = chartCard(grid, groupName(group), 'roc');
      var series = group.curves.map(function (curve) {
        return { name: curve.verifier + ' (AUROC ' + fmt(curve.auroc) + ')', type: 'line', symbol: 'none', step: false,
          data: curve.points, curve: curve };
      });
      series.push(diagonal());
      draw(div, {
        grid: { left: 50, right: 16, top: 40, bottom: 44 },
        legend: { top: 0, data: series.slice(0, -1).map(function (s) { return s.name; }) },
        xAxis: unitAxis('false-positive rate'), yAxis: unitAxis('true-positive rate'),
        tooltip: { trigger: 'axis', formatter: function (params) {
          return params.filter(function (p) { return p.seriesName !== 'diagonal'; }).map(function (p) {
            return p.seriesName + ': FPR ' + fmt(p.data[0]) + ', TPR ' + fmt(p.data[1]);
          }).join('\n');
        } },
        series: series
      });
    });
  };

  renderers.calibration = function (block, section) {
    var grid = chartsGrid(block);
    section.groups.forEach(function (group) {
      var div = chartCard(grid, groupName(group), 'calibration');
      var series = group.verifiers.map(function (v) {
        return { name: v.verifier, type: 'line', symbolSize: function (value) {
          return 5 + Math.min(10, Math.sqrt(value[2]));
        }, data: v.bins };
      });
      series.push(diagonal());
      draw(div, {
        grid: { left: 50, right: 16, top: 40, bottom: 44 },
        legend: { top: 0, data: group.verifiers.map(function (v) { return v.verifier; }) },
        xAxis: unitAxis('mean score in bin'), yAxis: unitAxis('fraction correct'),
        tooltip: { trigger: 'item', formatter: function (params) {
          var b = params.data;
          return params.seriesName + '\nscores in [' + fmt(b[3], 1) + ', ' + fmt(b[4], 1) + ')\nmean score ' + fmt(b[0])
            + '\nfraction correct ' + fmt(b[1]) + '\nsamples ' + b[2];
        } },
        series: series
      });
    });
  };

  renderers.passAtK = function (block, section) {
    var grid = chartsGrid(block);
    section.groups.forEach(function (group) {
      var div = chartCard(grid, groupName(group) + ' (' + group.prompts + ' prompts)', 'pass-at-k');
      var series = [{ name: 'from samples', type: 'line', symbolSize: 6, data: group.curve }];
      if (group.metrics.length > 0) {
        series.push({ name: 'run metrics (with CI)', type: 'scatter', symbol: 'diamond', symbolSize: 13, z: 3,
          data: group.metrics.map(function (m) { return { value: [m[0], m[1]], ci: [m[1], m[2], m[3]] }; }) });
      }
      draw(div, {
        grid: { left: 50, right: 16, top: 40, bottom: 44 },
        legend: { top: 0 },
        xAxis: { type: 'log', logBase: 2, name: 'k', nameLocation: 'middle', nameGap: 26 },
        yAxis: { type: 'value', min: 0, max: 1, name: 'pass@k' },
        tooltip: { trigger: 'item', formatter: function (params) {
          var k = Array.isArray(params.data) ? params.data[0] : params.data.value[0];
          var v = Array.isArray(params.data) ? params.data[1] : params.data.value[1];
          return params.seriesName + '\npass@' + k + ' = ' + fmt(v) + (params.data.ci ? ' ' + interval(params.data.ci) : '');
        } },
        series: series
      });
    });
  };

  renderers.diversity = function (block, section) {
    var grid = chartsGrid(block);
    var names = ['distinct solutions', 'distinct correct solutions', 'distinct answers', 'distinct correct answers'];
    section.groups.forEach(function (group) {
      var div = chartCard(grid, group.model + ' / ' + group.task + ' (' + group.prompts + ' prompts)', 'diversity');
      draw(div, {
        grid: { left: 50, right: 16, top: 20, bottom: 70 },
        xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: 15 } },
        yAxis: { type: 'value', name: 'mean per prompt' },
        tooltip: { trigger: 'item', formatter: function (params) { return params.name + ' = ' + fmt(params.value); } },
        series: [{ type: 'bar', data: group.bars, color: PALETTE[0] }]
      });
    });
  };

  renderers.curve = function (block, section) {
    section.groups.forEach(function (group) {
      block.appendChild(el('h4', null, group.model + ' / ' + group.task + ': gap [CI] against samples per prompt N ('
        + section.selection + ')'));
      var table = el('table', 'curve');
      var header = el('tr');
      ['N', 'prompts', 'accuracy [CI]', 'pass@N [CI]'].concat(group.strategies).forEach(function (h) {
        header.appendChild(el('th', null, h));
      });
      table.appendChild(header);
      group.rows.forEach(function (r) {
        var row = el('tr');
        row.appendChild(el('td', null, r.n));
        row.appendChild(el('td', null, r.prompts));
        row.appendChild(el('td', null, fmt(r.accuracy[0]) + ' ' + interval(r.accuracy)));
        row.appendChild(el('td', null, fmt(r.passAtN[0]) + ' ' + interval(r.passAtN)));
        r.gaps.forEach(function (g) {
          row.appendChild(el('td', null, g[0] === null ? 'n/a' : signed(g[0]) + ' ' + interval(g)));
        });
        table.appendChild(row);
      });
      block.appendChild(table);
    });
  };

  renderers.grid = function (block, section) {
    var tables = {};
    var order = [];
    section.cells.forEach(function (c) {
      var key = c.task + ' / ' + c.verifier + ' / ' + c.filter;
      if (!tables[key]) { tables[key] = {}; order.push(key); }
      tables[key][c.generator + '\u0000' + c.judge] = c;
    });
    order.forEach(function (key) {
      block.appendChild(el('h4', null, key + ': gap [CI] / AUROC, generator (rows) judged by (columns)'));
      var table = el('table', 'grid');
      var header = el('tr');
      header.appendChild(el('th', null, 'generator \\ judge'));
      section.judges.forEach(function (j) { header.appendChild(el('th', null, j)); });
      table.appendChild(header);
      section.generators.forEach(function (g) {
        var row = el('tr');
        row.appendChild(el('th', null, g));
        section.judges.forEach(function (j) {
          var c = tables[key][g + '\u0000' + j];
          var text = !c ? '-' : (c.gap.value === null ? 'n/a' : signed(c.gap.value) + ' '
            + interval([c.gap.value, c.gap.lower, c.gap.upper])) + ' / ' + fmt(c.auroc);
          var td = el('td', g === j ? 'diagonal' : null, text);
          if (c && c.emptyKeptPrompts > 0) { td.title = 'nothing kept on ' + c.emptyKeptPrompts + ' of ' + c.prompts + ' prompts'; }
          row.appendChild(td);
        });
        table.appendChild(row);
      });
      block.appendChild(table);
    });
  };

  /* ---------- studies: improvement rounds and scaling over a family ---------- */

  renderers.rounds = function (block, section) {
    var ARM_NAMES = { self: 'self-verified arm (' + section.verifier + ' / ' + section.filter + ')',
      oracle: 'oracle control arm (correct samples)' };
    if (section.split) {
      section.split.tasks.forEach(function (t) {
        block.appendChild(el('p', 'note', 'Held-out split of ' + t.task + ': ' + t.trainSize + ' train / '
          + t.evalSize + ' evaluation examples (train share ' + fmt(section.split.train, 2) + ', seed '
          + section.split.seed + '; train ids SHA-256 ' + t.trainHash.substring(0, 12) + '…, evaluation ids SHA-256 '
          + t.evalHash.substring(0, 12) + '…). Every round distils from the train split only; no evaluation'
          + ' example is ever distilled.'));
      });
    }
    if (section.differences.length > 0) {
      block.appendChild(el('h4', null, 'Paired differences on the evaluation split (later round − earlier round, bootstrap over prompts)'));
      var table = el('table', 'differences');
      var header = el('tr');
      ['arm', 'task', 'rounds', 'prompts', 'Δ J(f) [CI]', 'Δ pass@N [CI]'].forEach(function (h) {
        header.appendChild(el('th', null, h));
      });
      table.appendChild(header);
      section.differences.forEach(function (d) {
        var row = el('tr');
        row.appendChild(el('td', null, d.arm));
        row.appendChild(el('td', null, d.task));
        row.appendChild(el('td', null, d.from + ' → ' + d.to));
        row.appendChild(el('td', null, d.prompts));
        row.appendChild(el('td', null, signed(d.accuracy[0]) + ' ' + interval(d.accuracy)));
        row.appendChild(el('td', null, signed(d.passAtN[0]) + ' ' + interval(d.passAtN)));
        table.appendChild(row);
      });
      block.appendChild(table);
    }
    var grid = chartsGrid(block);
    var charts = {};
    var order = [];
    section.rounds.forEach(function (row) {
      var key = row.task + '|' + row.split + '|' + row.arm;
      if (!charts[key]) {
        charts[key] = [];
        order.push(key);
      }
      charts[key].push(row);
    });
    order.sort(function (a, b) {
      var pa = a.split('|'), pb = b.split('|');
      var rank = function (p) { return (p[1] === 'evaluation' ? 0 : 2) + (p[2] === 'self' ? 0 : 1); };
      return pa[0] === pb[0] ? rank(pa) - rank(pb) : (pa[0] < pb[0] ? -1 : 1);
    });
    order.forEach(function (key) {
      var rows = charts[key];
      var first = rows[0];
      var title = section.study + ' · ' + first.task + ' — ' + first.split + ' split ('
        + first.prompts + ' prompts), ' + (ARM_NAMES[first.arm] || first.arm);
      var div = chartCard(grid, title, 'rounds');
      function line(name, pick, axis) {
        return { name: name, type: 'line', symbolSize: 7, yAxisIndex: axis || 0,
          data: rows.map(function (r) { var v = pick(r); return { value: [r.round, v ? v[0] : null], ci: v }; }) };
      }
      draw(div, {
        grid: { left: 50, right: 60, top: 40, bottom: 44 },
        legend: { top: 0 },
        xAxis: { type: 'category', name: 'round', nameLocation: 'middle', nameGap: 26,
          data: rows.map(function (r) { return r.round; }) },
        yAxis: [{ type: 'value', name: 'accuracy / gap' }, { type: 'value', name: 'distinct correct solutions', min: 0 }],
        tooltip: { trigger: 'item', formatter: function (params) {
          var ci = params.data.ci;
          return params.seriesName + ' (round ' + params.data.value[0] + ') = ' + fmt(params.data.value[1])
            + (ci && ci.length === 3 ? ' ' + interval(ci) : '');
        } },
        series: [
          line('J(f)', function (r) { return r.accuracy; }),
          line('pass@1', function (r) { return r.passAtK[0] ? r.passAtK[0].slice(1) : null; }),
          line('pass@N', function (r) { return r.passAtK.length ? r.passAtK[r.passAtK.length - 1].slice(1) : null; }),
          line('gap', function (r) { return r.gap; }),
          line('rel. gap (pooled)', function (r) { return r.relativeGapPooled; }),
          line('distinct correct solutions / prompt', function (r) { return [r.distinctCorrect]; }, 1)
        ]
      });
      if (first.split !== 'evaluation') {
        return;
      }
      var curves = chartCard(grid, section.study + ' · ' + first.task + ' — pass@k by round, evaluation split, '
        + (ARM_NAMES[first.arm] || first.arm), 'pass-at-k');
      draw(curves, {
        grid: { left: 50, right: 16, top: 40, bottom: 44 },
        legend: { top: 0 },
        xAxis: { type: 'log', logBase: 2, name: 'k', nameLocation: 'middle', nameGap: 26 },
        yAxis: { type: 'value', min: 0, max: 1, name: 'pass@k' },
        tooltip: { trigger: 'item', formatter: function (params) {
          return params.seriesName + ': pass@' + params.data[0] + ' = ' + fmt(params.data[1]);
        } },
        series: rows.map(function (r) {
          return { name: 'round ' + r.round, type: 'line', symbolSize: 5,
            data: r.passAtK.map(function (p) { return [p[0], p[1]]; }) };
        })
      });
    });
  };

  renderers.scaling = function (block, section) {
    var MEASURE_AXIS = { 'relative-gap-pooled': 'relative gap (pooled)', 'relative-gap-per-prompt': 'relative gap (per prompt)',
      'gap-share-of-oracle': 'share of the oracle\u2019s gap', 'gap': 'gap' };
    function slopeInterval(lower, upper) {
      return lower === null || lower === undefined ? '\u2014' : '[' + signed(lower) + ', ' + signed(upper) + ']';
    }
    function share(value) {
      return value === null || value === undefined ? '\u2014' : Math.round(100 * value) + ' %';
    }
    block.appendChild(el('p', 'note', 'Every verifier \u00d7 filter \u00d7 measure is fitted; none is picked. t CI: '
      + section.intervalMethod + '. Bootstrap CI: ' + (section.bootstrapMethod || '') + ' (' + section.bootstrapDraws
      + ' resamples, seed ' + section.bootstrapSeed + '); rises / falls: share of resamples in which the fitted points'
      + ' are strictly increasing / decreasing in FLOPs. WLS: ' + (section.weightedMethod || '') + '. Seed sd: pooled'
      + ' standard deviation of the points over training seeds (models with equal FLOPs); size-means CI: t-interval of'
      + ' the slope through one mean per size (seeds of one size not counted as sizes).'));
    block.appendChild(el('p', 'note', section.oracle === null || section.oracle === undefined
      ? 'No oracle in spec: the share of the achievable gap is not computed.'
      : 'Share of the achievable gap = the strategy\u2019s gap / the gap of the oracle \u2018' + section.oracle
        + '\u2019 at the same filter (intervals from the same joint resamples).'));
    if (section.multiplicity) {
      block.appendChild(el('p', 'note', 'Multiplicity: ' + section.multiplicity + '.'));
    }
    var table = el('table', 'scaling-fits');
    var header = el('tr');
    ['task', 'verifier', 'filter', 'measure', 'points', 'slope / decade', 't CI', 'bootstrap CI', 'rises', 'falls',
      'WLS slope', 'WLS CI', 'chi\u00b2 / df', 'R\u00b2', 'seed sd', 'size-means CI', 'excluded'].forEach(function (h) {
      header.appendChild(el('th', null, h));
    });
    table.appendChild(header);
    section.fits.forEach(function (fit) {
      var row = el('tr');
      var w = fit.weighted || {};
      var b = fit.bootstrap || {};
      var seedSpread = fit.seedSpread || {};
      if (seedSpread.note && seedSpread.degreesOfFreedom > 0) {
        row.title = seedSpread.note;
      }
      [fit.task, fit.verifier, fit.filter, fit.measure, fit.fit.points, signed(fit.fit.slope),
        slopeInterval(fit.fit.slopeLower, fit.fit.slopeUpper), slopeInterval(b.slopeLower, b.slopeUpper),
        share(b.increasingShare), share(b.decreasingShare), signed(w.slope === undefined ? null : w.slope),
        (w.slope === null || w.slope === undefined ? (w.note || '\u2014') : slopeInterval(w.slopeLower, w.slopeUpper))
          + (w.leftOut && w.leftOut.length ? ' (left out, zero-width interval: ' + w.leftOut.join(', ') + ')' : ''),
        w.degreesOfFreedom > 0 && w.chiSquare !== null ? fmt(w.chiSquare / w.degreesOfFreedom, 2) : '\u2014',
        fmt(fit.fit.rSquared, 2),
        seedSpread.pooledSd === null || seedSpread.pooledSd === undefined ? '\u2014' : fmt(seedSpread.pooledSd),
        seedSpread.degreesOfFreedom > 0 && seedSpread.meansFit
          ? slopeInterval(seedSpread.meansFit.slopeLower, seedSpread.meansFit.slopeUpper) : '\u2014',
        (fit.excluded || []).map(function (e) { return e.model + ' (' + e.reason + ')'; }).join('; ')
      ].forEach(function (cell) {
        row.appendChild(el('td', null, cell));
      });
      table.appendChild(row);
    });
    block.appendChild(table);
    var grid = chartsGrid(block);
    var charts = {};
    section.fits.forEach(function (fit) {
      var key = fit.task + ' \u2014 ' + fit.measure;
      (charts[key] = charts[key] || []).push(fit);
    });
    Object.keys(charts).forEach(function (key) {
      var fits = charts[key];
      var div = chartCard(grid, key + ' vs log10 FLOPs', 'scaling');
      var series = [];
      fits.forEach(function (fit, index) {
        var color = PALETTE[index % PALETTE.length];
        var f = fit.fit;
        var name = fit.verifier + ' / ' + fit.filter + '  slope ' + signed(f.slope)
          + (fit.bootstrap && fit.bootstrap.slopeLower !== null
            ? ' boot [' + signed(fit.bootstrap.slopeLower) + ', ' + signed(fit.bootstrap.slopeUpper) + ']' : '')
          + '  R\u00b2 ' + fmt(f.rSquared, 2);
        series.push({ name: name, type: 'scatter', symbolSize: 9, color: color,
          data: fit.points.filter(function (p) { return p.value !== null; }).map(function (p) {
            return { value: [p.log10Flops, p.value], point: p };
          }) });
        var xs = fit.points.map(function (p) { return p.log10Flops; });
        if (f.slope !== null && xs.length > 0) {
          var lo = Math.min.apply(null, xs);
          var hi = Math.max.apply(null, xs);
          series.push({ name: name, type: 'line', symbol: 'none', color: color, silent: true,
            data: [[lo, f.intercept + f.slope * lo], [hi, f.intercept + f.slope * hi]], tooltip: { show: false } });
        }
      });
      draw(div, {
        grid: { left: 50, right: 16, top: 70, bottom: 44 },
        legend: { top: 0, type: 'scroll' },
        xAxis: { type: 'value', scale: true, name: 'log10 pre-training FLOPs', nameLocation: 'middle', nameGap: 26 },
        yAxis: { type: 'value', name: MEASURE_AXIS[fits[0].measure] || fits[0].measure },
        tooltip: { trigger: 'item', formatter: function (params) {
          var p = params.data.point;
          return p ? p.model + ': ' + fmt(p.value) + ' [' + fmt(p.lower) + ', ' + fmt(p.upper) + '] at 10^'
            + fmt(p.log10Flops, 2) + ' FLOPs' : '';
        } },
        series: series
      });
    });
  };

  /* ---------- drill-down: rows rendered lazily, a page at a time ---------- */

  var PAGE = 50;

  renderers.drillDown = function (block, section) {
    var verifiers = section.verifiers;
    var strategies = section.strategies || [];
    function strategyName(k) {
      return k.v + ' / ' + k.f;
    }
    var examples = section.examples;
    var controls = el('div', 'drill-controls');
    var search = el('input');
    search.type = 'search';
    search.placeholder = 'Search ids, questions, references, samples, answers, verifier outputs';
    search.setAttribute('aria-label', 'search examples');
    search.className = 'drill-search';
    var filter = el('select', 'drill-filter');
    [['all', 'all samples'], ['correct', 'correct samples'], ['incorrect', 'incorrect samples'],
      ['parse', 'verifier parse failures'], ['noanswer', 'no answer extracted']].forEach(function (o) {
      var option = el('option', null, o[1]);
      option.value = o[0];
      filter.appendChild(option);
    });
    // which samples each (verifier, filter) strategy kept, from the run's stored weights
    strategies.forEach(function (k, i) {
      var option = el('option', null, 'kept by ' + strategyName(k));
      option.value = 'kept:' + i;
      filter.appendChild(option);
    });
    filter.setAttribute('aria-label', 'filter samples');
    var groupSelect = el('select', 'drill-group');
    var allGroups = el('option', null, 'all models and tasks');
    allGroups.value = '-1';
    groupSelect.appendChild(allGroups);
    section.groups.forEach(function (g, i) {
      var option = el('option', null, groupName(g));
      option.value = String(i);
      groupSelect.appendChild(option);
    });
    var count = el('span', 'drill-count');
    controls.appendChild(search);
    controls.appendChild(filter);
    if (section.groups.length > 1) {
      controls.appendChild(groupSelect);
    }
    controls.appendChild(count);
    block.appendChild(controls);
    var list = el('div', 'drill-list');
    block.appendChild(list);
    var more = el('button', 'more', 'Show more');
    more.type = 'button';
    block.appendChild(more);

    var haystacks = null;
    function haystack(index) {
      // built on the first search only: lower-cased text of the example and of each sample
      if (!haystacks) {
        haystacks = examples.map(function (e) {
          return {
            example: [e.id, e.q, e.r].join('\n').toLowerCase(),
            samples: e.s.map(function (s) {
              var parts = [s.x, s.a];
              s.v.forEach(function (v) {
                if (v) {
                  parts.push(v[1], v[2]);
                }
              });
              return parts.join('\n').toLowerCase();
            })
          };
        });
      }
      return haystacks[index];
    }

    function isCorrect(s) {
      return s.u !== null && s.u >= 0.5;
    }

    function parseFailed(s) {
      return s.v.some(function (v) { return v && v[0] === null; });
    }

    function keptBy(s, i) {
      return s.k !== undefined && s.k[i] !== null && s.k[i] > 0;
    }

    function passes(s, mode) {
      if (mode.indexOf('kept:') === 0) {
        return keptBy(s, Number(mode.substring(5)));
      }
      switch (mode) {
        case 'correct': return isCorrect(s);
        case 'incorrect': return !isCorrect(s);
        case 'parse': return parseFailed(s);
        case 'noanswer': return s.a === null;
        default: return true;
      }
    }

    var matches = [];
    var shown = 0;

    function apply() {
      var query = search.value.trim().toLowerCase();
      var mode = filter.value;
      var groupIndex = Number(groupSelect.value);
      matches = [];
      var sampleCount = 0;
      examples.forEach(function (e, index) {
        if (groupIndex >= 0 && e.g !== groupIndex) {
          return;
        }
        var hay = query ? haystack(index) : null;
        var exampleHit = !query || hay.example.indexOf(query) >= 0;
        var visible = [];
        e.s.forEach(function (s, i) {
          if (passes(s, mode) && (exampleHit || hay.samples[i].indexOf(query) >= 0)) {
            visible.push(i);
          }
        });
        if (visible.length > 0) {
          matches.push({ index: index, samples: visible });
          sampleCount += visible.length;
        }
      });
      list.textContent = '';
      shown = 0;
      count.textContent = matches.length + ' of ' + examples.length + ' examples match (' + sampleCount + ' samples)';
      count.dataset.matching = String(matches.length);
      showMore();
    }

    function showMore() {
      var end = Math.min(matches.length, shown + PAGE);
      for (var m = shown; m < end; m++) {
        list.appendChild(exampleRow(matches[m]));
      }
      shown = end;
      more.hidden = shown >= matches.length;
      more.textContent = 'Show more (' + (matches.length - shown) + ' left)';
    }

    function exampleRow(match) {
      var e = examples[match.index];
      var details = el('details', 'example');
      details.dataset.exampleId = e.id;
      var summary = el('summary');
      var correct = e.s.filter(isCorrect).length;
      summary.appendChild(el('span', 'ex-id', e.id));
      if (section.groups.length > 1) {
        summary.appendChild(el('span', 'ex-group', groupName(section.groups[e.g])));
      }
      var acc = el('span', 'ex-acc', correct + '/' + e.s.length + ' correct');
      acc.title = 'samples with utility \u2265 0.5 (see Correct)';
      summary.appendChild(acc);
      summary.appendChild(el('span', 'ex-q', e.q === null ? '(question not recorded)' : e.q));
      details.appendChild(summary);
      var rendered = false;
      details.addEventListener('toggle', function () {
        if (details.open && !rendered) {
          rendered = true;
          details.appendChild(exampleBody(e, match.samples));
        }
      });
      return details;
    }

    function exampleBody(e, visible) {
      var body = el('div', 'example-body');
      body.appendChild(el('h4', null, 'Question'));
      body.appendChild(el('pre', 'question', e.q));
      body.appendChild(el('h4', null, 'Reference'));
      body.appendChild(el('pre', 'reference', e.r));
      if (e.p !== null && e.p !== e.q) {
        var prompt = el('details');
        prompt.appendChild(el('summary', null, 'Generation prompt'));
        prompt.appendChild(el('pre', null, e.p));
        body.appendChild(prompt);
      }
      body.appendChild(el('h4', null, 'Samples (' + visible.length + ' of ' + e.s.length + ' shown)'));
      visible.forEach(function (i) {
        body.appendChild(sampleView(e.s[i]));
      });
      return body;
    }

    function sampleView(s) {
      var box = el('div', 'sample ' + (isCorrect(s) ? 'correct' : 'wrong'));
      var head = el('div', 'sample-head');
      head.appendChild(labeled('sample', '#' + s.i));
      var utility = labeled('utility', fmt(s.u, 2));
      utility.title = 'ground-truth utility u (1 = correct final answer)';
      head.appendChild(utility);
      head.appendChild(labeled('answer', s.a === null ? 'none extracted' : s.a));
      head.appendChild(labeled('tokens', s.n));
      head.appendChild(labeled('finish', s.f));
      if (s.d !== undefined && s.d !== null) {
        var cluster = labeled('duplicate cluster', s.d === s.i ? 'representative' : 'of #' + s.d);
        cluster.title = 'near-duplicate samples of this prompt (MinHash + Jaccard, Lucene sample index)';
        head.appendChild(cluster);
      }
      if (strategies.length > 0) {
        var keptCount = strategies.filter(function (k, i) { return keptBy(s, i); }).length;
        var keptLabel = labeled('kept by', keptCount + ' of ' + strategies.length + ' strategies');
        keptLabel.className = 'kept-count';
        keptLabel.title = 'strategies (verifier / filter) whose stored weight for this sample is > 0';
        head.appendChild(keptLabel);
      }
      box.appendChild(head);
      box.appendChild(el('pre', 'sample-text', s.x));
      if (strategies.length > 0) {
        var keptTable = el('table', 'kept');
        var keptHeader = el('tr');
        ['strategy', 'kept', 'weight'].forEach(function (h) { keptHeader.appendChild(el('th', null, h)); });
        keptTable.appendChild(keptHeader);
        strategies.forEach(function (k, i) {
          var row = el('tr');
          row.appendChild(el('td', null, strategyName(k)));
          var w = s.k === undefined ? null : s.k[i];
          if (w === null) {
            row.appendChild(el('td', 'muted', 'not filtered'));
            row.appendChild(el('td'));
          } else {
            row.appendChild(el('td', w > 0 ? 'kept-yes' : 'kept-no', w > 0 ? 'kept' : 'dropped'));
            row.appendChild(el('td', null, fmt(w)));
          }
          keptTable.appendChild(row);
        });
        box.appendChild(keptTable);
      }
      if (verifiers.length > 0) {
        var table = el('table', 'verdicts');
        var header = el('tr');
        ['verifier', 'score', 'verdict', 'raw output'].forEach(function (h) { header.appendChild(el('th', null, h)); });
        table.appendChild(header);
        verifiers.forEach(function (name, v) {
          var row = el('tr');
          var entry = s.v[v];
          row.appendChild(el('td', null, name));
          if (!entry) {
            row.appendChild(el('td', 'muted', 'not scored'));
            row.appendChild(el('td'));
            row.appendChild(el('td'));
          } else {
            var score = el('td', entry[0] === null ? 'parse-failure' : null, entry[0] === null ? 'parse failure' : fmt(entry[0]));
            score.title = entry[0] === null ? 'no score could be parsed from the verifier output (see Parse failures)'
              : 'verifier score \u00fb in [0, 1] (see Score)';
            row.appendChild(score);
            row.appendChild(el('td', null, entry[1]));
            var raw = el('td');
            raw.appendChild(el('pre', 'raw-output', entry[2]));
            row.appendChild(raw);
          }
          table.appendChild(row);
        });
        box.appendChild(table);
      }
      return box;
    }

    function labeled(label, value) {
      var span = el('span');
      span.appendChild(document.createTextNode(label + ' '));
      span.appendChild(el('b', null, value));
      return span;
    }

    var timer = null;
    search.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(apply, 120);
    });
    filter.addEventListener('change', apply);
    groupSelect.addEventListener('change', apply);
    more.addEventListener('click', showMore);
    if ('IntersectionObserver' in window) {
      new IntersectionObserver(function (entries) {
        if (entries[0].isIntersecting && !more.hidden) {
          showMore();
        }
      }).observe(more);
    }
    apply();
  };

  var EMPTY_NOTES = {
    gapCurves: 'No filter was run at several values of one parameter, or there are no metrics yet.',
    correlations: 'Fewer than two verifiers, or no metrics yet: no correlation to show.',
    roc: 'No verifier scores with both correct and wrong samples yet.',
    calibration: 'No verifier scores yet.',
    passAtK: 'No samples yet.',
    rounds: 'The improvement study\'s rounds are drawn in the block of round 0.',
    scaling: 'No scaling fits for this run.',
    drillDown: 'No examples yet.'
  };

  /* ---------- the sortable comparison table ---------- */

  function makeSortable(table) {
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, column) {
      var button = th.querySelector('button.sort');
      if (!button) {
        return;
      }
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(headers, function (h) { h.setAttribute('aria-sort', 'none'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var numeric = th.dataset.type === 'num';
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].dataset.sort;
          var y = b.cells[column].dataset.sort;
          // undefined numbers sort last whatever the direction
          if (x === '' || y === '') {
            return x === y ? 0 : (x === '' ? 1 : -1);
          }
          var order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  /* ---------- start ---------- */

  var started = false;
  var deferredBlocks = [];

  function drawBlock(block) {
    var id = block.dataset.section;
    var element = block.dataset.json ? document.getElementById(block.dataset.json) : null;
    if (!element) {
      block.appendChild(el('p', 'note', EMPTY_NOTES[id] || 'Nothing to show for this run.'));
      return;
    }
    var renderer = renderers[id];
    if (!renderer) {
      block.appendChild(el('p', 'note', 'This report viewer cannot draw section ' + id + '.'));
      return;
    }
    renderer(block, JSON.parse(element.textContent));
  }

  function maybeReady() {
    if (started && pendingCharts === 0 && !status.ready) {
      status.ready = true;
      status.charts = charts.length;
      status.readyAtMs = performance.now();
      document.documentElement.dataset.ready = 'true';
      setTimeout(function () {
        deferredBlocks.forEach(drawBlock);
        status.examplesReady = true;
        status.examplesReadyAtMs = performance.now();
      }, 0);
    }
  }

  document.querySelectorAll('table.sortable').forEach(makeSortable);
  document.querySelectorAll('.run-block[data-section]').forEach(function (block) {
    if (DEFERRED[block.dataset.section]) {
      deferredBlocks.push(block);
    } else {
      drawBlock(block);
    }
  });
  started = true;
  maybeReady();

  var resizeTimer = null;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () {
      charts.forEach(function (chart) { chart.resize(); });
    }, 100);
  });
}());
