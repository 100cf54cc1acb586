import { gql, errorNotice } from '../graphql.js';
import { h, fmt, table, sourcesList, notice, select, clear } from '../dom.js';
import { chartPanel, symbolFor, disposeCharts } from '../charts.js';

const LIST = `query Minerals { minerals { id name symbol uses } }`;

const SHARE = 'country { code name } year sharePct dataset projection basis source { citation url }';
const CONCENTRATION = 'year hhi top3SharePct chinaSharePct leaderSharePct leader { code } projection dataset';
const QUERY = `query Mineral($id: ID!) {
  mineral(id: $id) {
    id name symbol unit uses
    mining: supplyShares(stage: MINING) { ${SHARE} }
    refining: supplyShares(stage: REFINING) { ${SHARE} }
    miningHistory: concentrationHistory(stage: MINING) { ${CONCENTRATION} }
    refiningHistory: concentrationHistory(stage: REFINING) { ${CONCENTRATION} }
    prices { date price series unitCurrency periodType basis source { citation url } }
    exportControls { id measure effectiveOn announcedOn status summary imposingCountry { code } }
  }
}`;

export async function mineralsView() {
  const result = await gql(LIST);
  const page = h('section', {}, h('h1', {}, 'Minerals'));
  if (result.errors.length) page.append(errorNotice(result, 'list the minerals'));
  const minerals = (result.data && result.data.minerals) || [];
  page.append(h('ul', { class: 'mineral-list' }, minerals.map((m) => h('li', {},
    h('a', { href: '#/minerals/' + m.id }, m.name), m.symbol ? ' (' + m.symbol + ')' : '',
    m.uses.length ? h('span', { class: 'muted' }, ' – ' + m.uses.slice(0, 3).join(', ')) : null))));
  return page;
}

export async function mineralView(id) {
  const result = await gql(QUERY, { id });
  const mineral = result.data && result.data.mineral;
  const page = h('section', {});
  if (!mineral) {
    page.append(h('h1', {}, 'Mineral ' + id), result.errors.length ? errorNotice(result, 'load this mineral') : notice('error', 'No mineral "' + id + '".'));
    return page;
  }
  page.append(h('h1', {}, mineral.name, mineral.symbol ? ' (' + mineral.symbol + ')' : ''),
    mineral.uses.length ? h('p', { class: 'muted' }, 'Uses: ' + mineral.uses.join(', ')) : null);
  if (result.errors.length) page.append(errorNotice(result, 'load everything about this mineral'));

  const stage = h('select', { id: 'stage', 'aria-label': 'Stage' }, h('option', { value: 'refining' }, 'Refining'), h('option', { value: 'mining' }, 'Mining'));
  const charts = h('div', {});
  const draw = () => {
    disposeCharts();
    clear(charts);
    const rows = mineral[stage.value];
    const history = mineral[stage.value + 'History'];
    charts.append(supplyChart(mineral, stage.value, rows), concentrationChart(mineral, stage.value, history, rows), priceChart(mineral));
  };
  stage.addEventListener('change', draw);
  page.append(h('div', { class: 'filters' }, h('label', { for: 'stage' }, 'Stage '), stage), charts);
  draw();
  return page;
}

function defaultDataset(rows) {
  return rows.some((r) => r.dataset === 'IEA') ? 'IEA' : 'USGS';
}

function supplyChart(mineral, stage, allRows) {
  if (allRows.length === 0) {
    return h('div', { class: 'chart-panel' }, h('h3', {}, `Supply shares, ${stage}`), notice('info', `The data has no ${stage} supply shares for ${mineral.name}.`));
  }
  const dataset = defaultDataset(allRows);
  const rows = allRows.filter((r) => r.dataset === dataset);
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const projectedYears = new Set(rows.filter((r) => r.projection).map((r) => r.year));
  const latestObserved = Math.max(...years.filter((y) => !projectedYears.has(y)), years[0]);
  const latest = rows.filter((r) => r.year === latestObserved).sort((a, b) => b.sharePct - a.sharePct);
  const leaders = latest.slice(0, 6).map((r) => r.country.code).filter((code) => code !== 'ROW');
  const series = leaders.map((code, i) => ({
    name: code, type: 'bar', stack: 'share', symbol: symbolFor(i),
    label: { show: true, formatter: (p) => (p.value >= 6 ? code + ' ' + Math.round(p.value) : '') },
    data: years.map((y) => {
      const row = rows.find((r) => r.year === y && r.country.code === code);
      return row ? row.sharePct : 0;
    }),
  }));
  series.push({
    name: 'Others listed', type: 'bar', stack: 'share',
    label: { show: true, formatter: (p) => (p.value >= 6 ? 'others ' + Math.round(p.value) : '') },
    data: years.map((y) => Math.round(rows.filter((r) => r.year === y && !leaders.includes(r.country.code))
      .reduce((sum, r) => sum + r.sharePct, 0) * 10) / 10),
  });
  const yearLabels = years.map((y) => (projectedYears.has(y) ? y + ' (projection)' : String(y)));
  const option = {
    legend: { top: 0, type: 'scroll' },
    grid: { left: 48, right: 16, top: 36, bottom: 48 },
    xAxis: { type: 'category', data: yearLabels, axisLabel: { interval: 0, rotate: years.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', max: 100, name: '% of world', nameLocation: 'middle', nameGap: 34 },
    tooltip: { trigger: 'axis' },
    series,
  };
  const top = latest[0];
  const summary = `Dataset ${dataset}${allRows.some((r) => r.dataset !== dataset) ? ' (USGS also has figures; shares are not mixed across datasets)' : ''}. `
    + `In ${latestObserved} ${top ? top.country.name + ' held ' + fmt(top.sharePct) + '%' : 'no shares are given'}.`
    + (projectedYears.size ? ' Projected years are labelled "(projection)".' : '');
  const tableRows = rows.slice().sort((a, b) => a.year - b.year || b.sharePct - a.sharePct)
    .map((r) => [String(r.year) + (r.projection ? ' (projection)' : ''), r.country.code + ' ' + r.country.name, fmt(r.sharePct) + '%', r.basis]);
  return chartPanel('supply-' + stage, `Supply shares of ${mineral.name}, ${stage} (${dataset})`, summary, option,
    table('Supply shares', ['Year', 'Country', 'Share', 'Basis'], tableRows), sourcesList(rows.map((r) => r.source)));
}

function concentrationChart(mineral, stage, history, shareRows) {
  if (history.length === 0) {
    return h('div', { class: 'chart-panel' }, h('h3', {}, `Concentration, ${stage}`), notice('info', 'No concentration history in the data.'));
  }
  const years = history.map((c) => String(c.year));
  const metrics = [['top3SharePct', 'Top-3 share %', 0], ['chinaSharePct', 'China share %', 0], ['hhi', 'HHI', 1]];
  const series = [];
  metrics.forEach(([key, label, axis], i) => {
    // Observed and projected points are two series: solid and dashed, hollow symbols for projections.
    const observed = history.map((c) => (c.projection ? null : c[key]));
    const projected = history.map((c, j) => {
      const next = history[j + 1];
      return c.projection || (next && next.projection) ? c[key] : null;
    });
    series.push({ name: label, type: 'line', yAxisIndex: axis, symbol: symbolFor(i), symbolSize: 8, data: observed, connectNulls: false,
      label: { show: history.length <= 8, formatter: (p) => (p.value === null ? '' : fmt(p.value, 0)) } });
    if (history.some((c) => c.projection)) {
      series.push({ name: label + ' (projection)', type: 'line', yAxisIndex: axis, symbol: 'emptyCircle', symbolSize: 8,
        lineStyle: { type: 'dashed', width: 2 }, data: projected, connectNulls: false });
    }
  });
  const firstProjection = history.find((c) => c.projection);
  if (firstProjection) {
    series[0].markArea = { silent: true, itemStyle: { color: 'rgba(120,120,120,0.12)' }, label: { show: true, position: 'insideTop', formatter: 'Projection (base case)' },
      data: [[{ xAxis: String(firstProjection.year) }, { xAxis: years[years.length - 1] }]] };
  }
  const dataset = history[0].dataset;
  const last = history.filter((c) => !c.projection).pop() || history[history.length - 1];
  const option = {
    legend: { top: 0, type: 'scroll' },
    grid: { left: 52, right: 60, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: years },
    yAxis: [{ type: 'value', name: '% of world', max: 100 }, { type: 'value', name: 'HHI', max: 10000, splitLine: { show: false } }],
    tooltip: { trigger: 'axis' },
    series,
  };
  const summary = `Dataset ${dataset}. In ${last.year} (observed): HHI ${fmt(last.hhi, 0)}, top-3 share ${fmt(last.top3SharePct)}%, China ${fmt(last.chinaSharePct)}%.`
    + (firstProjection ? ` Projections from ${firstProjection.year} are dashed with hollow markers on a shaded band.` : '');
  const rows = history.map((c) => [String(c.year) + (c.projection ? ' (projection)' : ''), fmt(c.hhi, 0), fmt(c.top3SharePct) + '%', fmt(c.chinaSharePct) + '%', c.leader ? c.leader.code : '–']);
  const sources = shareRows.filter((r) => r.dataset === dataset).map((r) => r.source);
  return chartPanel('concentration-' + stage, `Concentration of ${mineral.name}, ${stage} (${dataset})`, summary, option,
    table('Concentration history', ['Year', 'HHI', 'Top-3 share', 'China share', 'Leader'], rows),
    h('div', {}, h('p', { class: 'sources' }, 'Computed from the supply shares of the dataset above.'), sourcesList(sources)));
}

function periodDate(period) {
  if (/^\d{4}$/.test(period)) return period + '-07-01';
  if (/^\d{4}-\d{2}$/.test(period)) return period + '-15';
  return period;
}

function priceChart(mineral) {
  const bySeries = new Map();
  for (const p of mineral.prices) {
    const key = (p.series || 'Price') + ' (' + p.unitCurrency + ')';
    if (!bySeries.has(key)) bySeries.set(key, []);
    bySeries.get(key).push(p);
  }
  if (bySeries.size === 0) {
    return h('div', { class: 'chart-panel' }, h('h3', {}, 'Price history'), notice('info', `The data has no prices for ${mineral.name}.`));
  }
  const names = [...bySeries.keys()].sort((a, b) => bySeries.get(b).length - bySeries.get(a).length);
  const picker = select(names, names[0]);
  picker.id = 'price-series';
  picker.setAttribute('aria-label', 'Price series');
  const host = h('div', {});
  const draw = () => {
    clear(host);
    host.append(priceSeriesChart(mineral, picker.value, bySeries.get(picker.value)));
  };
  picker.addEventListener('change', draw);
  draw();
  return h('div', {}, names.length > 1 ? h('div', { class: 'filters' }, h('label', { for: 'price-series' }, 'Price series '), picker) : null, host);
}

function priceSeriesChart(mineral, name, points) {
  const sorted = points.slice().sort((a, b) => periodDate(a.date).localeCompare(periodDate(b.date)));
  const first = periodDate(sorted[0].date);
  const last = periodDate(sorted[sorted.length - 1].date);
  const controls = mineral.exportControls.filter((c) => c.effectiveOn && c.effectiveOn >= (Number(first.slice(0, 4)) - 1) + '-01-01' && c.effectiveOn <= (Number(last.slice(0, 4)) + 1) + '-12-31');
  const option = {
    grid: { left: 64, right: 24, top: 40, bottom: 40 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', name: sorted[0].unitCurrency, scale: true },
    tooltip: { trigger: 'axis' },
    series: [{
      name, type: 'line', symbol: 'circle', symbolSize: 7,
      data: sorted.map((p) => [periodDate(p.date), p.price]),
      label: { show: sorted.length <= 12, formatter: (p) => fmt(p.value[1], 0) },
      markLine: {
        symbol: 'none', lineStyle: { type: 'dashed', color: '#D55E00', width: 2 },
        label: { formatter: (p) => p.name, position: 'insideEndTop', fontSize: 10 },
        data: controls.map((c) => ({ name: c.effectiveOn + ' ' + c.measure, xAxis: c.effectiveOn })),
      },
    }],
  };
  const change = sorted.length > 1 ? ((sorted[sorted.length - 1].price - sorted[0].price) / sorted[0].price) * 100 : null;
  const summary = `${sorted.length} price points from ${sorted[0].date} to ${sorted[sorted.length - 1].date}`
    + (change === null ? '' : ` (${change >= 0 ? '+' : ''}${fmt(change, 0)}%)`) + '. '
    + (controls.length ? `Dashed vertical lines mark ${controls.length} export control(s) taking effect: ${controls.map((c) => c.id + ' on ' + c.effectiveOn).join(', ')}.` : 'No export control took effect in this period.');
  return chartPanel('prices', 'Price history: ' + name, summary, option,
    table('Prices', ['Period', 'Price', 'Unit', 'Basis'], sorted.map((p) => [p.date, fmt(p.price, 2), p.unitCurrency, p.basis || ''])),
    sourcesList(sorted.map((p) => p.source)));
}
