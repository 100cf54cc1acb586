import { gql, errorNotice } from '../graphql.js';
import { h, fmt, table } from '../dom.js';
import { chartPanel } from '../charts.js';
import { statusBadge, progressBar, countryList } from './common.js';

// Three requests in parallel, so a slow or failing part leaves the others on the page.
const EXPOSURE = `query OverviewExposure {
  countries(coalitionOnly: true) {
    code name
    exposure { mineral { id name } exposureScore netImportReliancePct chinaShareOfImportsPct scoreBasis }
  }
}`;
const CONTROLS = `query OverviewControls {
  exportControls(imposingCountry: "CN") {
    id measure announcedOn effectiveOn status summary targetsAll
    minerals { id name } targets { code }
  }
}`;
const DUE = `query OverviewDue {
  commitmentsDashboard(dueWithinDays: 365) {
    asOf total byStatus { status count }
    dueSoon { id description dueOn status fulfilledPct obligor { code } agreement { id title } }
  }
}`;

export async function overviewView() {
  const [exposure, controls, due] = await Promise.all([gql(EXPOSURE), gql(CONTROLS), gql(DUE)]);
  const page = h('section', {}, h('h1', {}, 'Coalition overview'));
  page.append(h('div', { class: 'grid' },
    h('div', { class: 'card' }, exposure.data ? heatmap(exposure.data.countries) : errorNotice(exposure, 'load the exposure heat map')),
    h('div', { class: 'card' }, controls.data ? latestControls(controls.data.exportControls) : errorNotice(controls, 'load the export controls'))));
  page.append(due.data ? dueSoon(due.data.commitmentsDashboard) : errorNotice(due, 'load the commitments due soon'));
  return page;
}

function heatmap(countries) {
  const minerals = new Map();
  for (const country of countries) {
    for (const e of country.exposure || []) {
      if (!minerals.has(e.mineral.id)) minerals.set(e.mineral.id, { id: e.mineral.id, name: e.mineral.name, scored: 0 });
      if (e.exposureScore !== null) minerals.get(e.mineral.id).scored += 1;
    }
  }
  const columns = [...minerals.values()].filter((m) => m.scored > 0).sort((a, b) => b.scored - a.scored || a.id.localeCompare(b.id));
  const rows = countries.map((c) => c.code);
  const cells = [];
  const tableRows = [];
  countries.forEach((country, y) => {
    const byMineral = new Map((country.exposure || []).map((e) => [e.mineral.id, e]));
    columns.forEach((mineral, x) => {
      const e = byMineral.get(mineral.id);
      cells.push([x, y, e && e.exposureScore !== null ? Math.round(e.exposureScore * 10) / 10 : '-']);
    });
    tableRows.push([country.code + ' ' + country.name,
      ...columns.map((m) => fmt(byMineral.get(m.id) ? byMineral.get(m.id).exposureScore : null))]);
  });
  const top = cells.filter((c) => c[2] !== '-').sort((a, b) => b[2] - a[2]).slice(0, 3)
    .map((c) => `${rows[c[1]]} ${columns[c[0]].name} ${c[2]}`).join(', ');
  const option = {
    grid: { left: 48, right: 16, top: 8, bottom: 110 },
    xAxis: { type: 'category', data: columns.map((m) => m.name), axisLabel: { rotate: 45, interval: 0 }, splitArea: { show: true } },
    yAxis: { type: 'category', data: rows, inverse: true, splitArea: { show: true } },
    visualMap: {
      min: 0, max: 100, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 160,
      text: ['100 most exposed', '0'], inRange: { color: ['#f7fbff', '#6baed6', '#08306b'] },
    },
    tooltip: { formatter: (p) => `${rows[p.value[1]]} · ${columns[p.value[0]].name}: ${p.value[2]}` },
    series: [{
      type: 'heatmap', name: 'Exposure score', data: cells,
      label: { show: true, fontSize: 10, formatter: (p) => (p.value[2] === '-' ? '' : String(Math.round(p.value[2]))) },
      emphasis: { itemStyle: { borderColor: '#000', borderWidth: 2 } },
    }],
  };
  const summary = `Exposure score (0–100) of ${rows.length} members for ${columns.length} minerals; each cell is labelled with its score, empty where the data has no figure. Highest: ${top || 'none'}.`;
  return chartPanel('exposure-heatmap', 'Exposure to China, member × mineral', summary, option,
    table('Exposure scores', ['Member', ...columns.map((m) => m.name)], tableRows),
    h('p', { class: 'sources' }, 'Score: net import reliance × China\'s share of the member\'s imports / 100 (or, flagged as a proxy, China\'s share of world refining). Sources: country-service import dependence figures and mineral-service supply shares; see each mineral page.'));
}

function latestControls(controls) {
  const latest = [...controls].sort((a, b) => (b.effectiveOn || b.announcedOn || '').localeCompare(a.effectiveOn || a.announcedOn || '')).slice(0, 8);
  return h('div', { id: 'latest-controls' },
    h('h2', {}, 'Latest export controls by China'),
    table('Latest export controls', ['Effective', 'Measure', 'Minerals', 'Targets', 'Status'],
      latest.map((c) => [c.effectiveOn || c.announcedOn || '–', c.measure,
        c.minerals.map((m) => h('a', { href: '#/minerals/' + m.id }, m.name)).flatMap((a, i) => (i ? [', ', a] : [a])),
        c.targetsAll ? 'all destinations' : countryList(c.targets), c.status])),
    h('p', {}, h('a', { href: '#/export-controls' }, 'All export controls')));
}

function dueSoon(dashboard) {
  const counts = dashboard.byStatus.map((s) => `${s.status.replace(/_/g, ' ').toLowerCase()}: ${s.count}`).join(', ');
  return h('div', { class: 'card', id: 'due-soon' },
    h('h2', {}, 'Commitments due within a year'),
    h('p', { class: 'muted' }, `As of ${dashboard.asOf}: ${dashboard.total} commitments you may see (${counts}).`),
    dashboard.dueSoon.length === 0 ? h('p', {}, 'Nothing due within a year.') :
      table('Commitments due soon', ['Due', 'Obligor', 'Commitment', 'Agreement', 'Status', 'Progress'],
        dashboard.dueSoon.map((c) => [c.dueOn, c.obligor.code, c.description,
          h('a', { href: '#/agreements/' + c.agreement.id }, c.agreement.title), statusBadge(c.status), progressBar(c.fulfilledPct)])));
}
