import { gql, errorNotice, showFieldErrors } from '../graphql.js';
import { session } from '../oidc.js';
import { h, table, field, notice, clear, select, sourcesList } from '../dom.js';
import { countryList, splitList } from './common.js';

const QUERY = `query Controls {
  exportControls {
    id measure announcedOn effectiveOn endsOn status statusNote summary targetsAll
    imposingCountry { code } minerals { id name } targets { code } suspends { id } source { citation url }
  }
}`;
const RECORD = `mutation Record($input: NewExportControl!) { recordExportControl(input: $input) { id } }`;

export async function exportControlsView() {
  const result = await gql(QUERY);
  const page = h('section', {}, h('h1', {}, 'Export controls'));
  if (session.hasRole('analyst') || session.hasRole('admin')) page.append(recordForm());
  if (result.errors.length) page.append(errorNotice(result, 'list export controls'));
  const controls = ((result.data && result.data.exportControls) || []).slice()
    .sort((a, b) => (b.effectiveOn || b.announcedOn || '').localeCompare(a.effectiveOn || a.announcedOn || ''));
  page.append(table(`${controls.length} export controls`, ['Id', 'Imposed by', 'Measure', 'Minerals', 'Targets', 'Announced', 'Effective', 'Status', 'Summary'],
    controls.map((c) => [c.id, c.imposingCountry.code, c.measure + (c.suspends ? ' of ' + c.suspends.id : ''),
      c.minerals.map((m) => h('a', { href: '#/minerals/' + m.id }, m.name)).flatMap((x, i) => (i ? [', ', x] : [x])),
      c.targetsAll ? 'all' : countryList(c.targets), c.announcedOn || '–', c.effectiveOn || '–', c.status + (c.statusNote ? ' (' + c.statusNote + ')' : ''), c.summary || '']),
    { id: 'controls-table' }), sourcesList(controls.map((c) => c.source)));
  return page;
}

function recordForm() {
  const controls = {
    id: h('input', { type: 'text', placeholder: 'EC-2026-CN-XX (optional)' }),
    imposingCountry: h('input', { type: 'text', value: 'CN', maxlength: '3', size: '4' }),
    measure: select(['licence', 'ban', 'halt', 'suspension'], 'licence'),
    minerals: h('input', { type: 'text', placeholder: 'gallium, germanium' }),
    targets: h('input', { type: 'text', placeholder: 'US, JP (empty: see "all destinations")' }),
    targetsAll: h('input', { type: 'checkbox' }),
    announcedOn: h('input', { type: 'date' }),
    effectiveOn: h('input', { type: 'date' }),
    endsOn: h('input', { type: 'date' }),
    suspends: h('input', { type: 'text', placeholder: 'for a suspension: the control it suspends' }),
    summary: h('textarea', { rows: '2' }),
    source: h('input', { type: 'text', placeholder: 'Publisher, Title, date, URL' }),
  };
  const message = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'form stacked', id: 'record-control', novalidate: true },
    field('Id', controls.id, 'id'), field('Imposing country', controls.imposingCountry, 'imposingCountry'),
    field('Measure', controls.measure, 'measure'), field('Minerals', controls.minerals, 'minerals', 'mineral ids'),
    field('Targets', controls.targets, 'targets', 'country codes'), field('All destinations', controls.targetsAll, 'targetsAll'),
    field('Announced on', controls.announcedOn, 'announcedOn'), field('Effective on', controls.effectiveOn, 'effectiveOn'),
    field('Ends on', controls.endsOn, 'endsOn'), field('Suspends', controls.suspends, 'suspends'),
    h('div', { class: 'wide' }, field('Summary', controls.summary, 'summary')),
    h('div', { class: 'wide' }, field('Source', controls.source, 'source')),
    h('div', { class: 'wide actions' }, h('button', { type: 'submit' }, 'Record export control'), message));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = {
      imposingCountry: controls.imposingCountry.value.trim().toUpperCase(),
      measure: controls.measure.value,
      minerals: splitList(controls.minerals.value),
      targets: splitList(controls.targets.value.toUpperCase()),
      targetsAll: controls.targetsAll.checked,
      announcedOn: controls.announcedOn.value || null,
      effectiveOn: controls.effectiveOn.value || null,
      endsOn: controls.endsOn.value || null,
      suspends: controls.suspends.value.trim() || null,
      summary: controls.summary.value.trim() || null,
      source: controls.source.value.trim(),
    };
    if (controls.id.value.trim()) input.id = controls.id.value.trim();
    const result = await gql(RECORD, { input });
    const general = showFieldErrors(form, result);
    clear(message);
    if (result.data && result.data.recordExportControl) {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } else {
      message.append(result.has('FORBIDDEN') ? errorNotice(result, 'record export controls') : notice('error', general.join('; ') || 'Check the fields marked above.'));
    }
  });
  return h('details', { class: 'form-panel' }, h('summary', {}, 'Record an export control'), form);
}
