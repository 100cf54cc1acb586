import { gql, errorNotice } from '../graphql.js';
import { session } from '../oidc.js';
import { h, table, field, clear, select } from '../dom.js';
import { statusBadge, progressBar, target } from './common.js';
import { mayReport, reportForm } from './agreements.js';

const STATUSES = ['ON_TRACK', 'AT_RISK', 'OVERDUE', 'FULFILLED', 'NOT_MEASURABLE'];
const QUERY = `query Commitments($filter: CommitmentFilter) {
  commitments(filter: $filter) {
    id kind description dueOn status fulfilledPct progressToDate progressAsOf targetQuantity unit targetAmount currency
    obligor { code } mineral { id name } agreement { id title }
  }
}`;

export async function commitmentsView() {
  const own = session.country;
  const page = h('section', {}, h('h1', {}, 'Commitments'),
    h('p', { class: 'muted' }, 'Commitments of the agreements you may see, with their progress.'
      + (own ? ` As a ${own} official you report progress on ${own}'s commitments.` : '')));
  const status = select([['', 'any'], ...STATUSES], '');
  const obligor = h('input', { type: 'text', size: '4', maxlength: '3', value: own || '' });
  const due = h('input', { type: 'date' });
  const results = h('div', { id: 'commitments-results' });
  const filters = h('form', { class: 'form', id: 'commitment-filters' },
    field('Status', status, 'status'), field('Obligor', obligor, 'obligor'), field('Due before', due, 'dueBefore'),
    h('button', { type: 'submit' }, 'Filter'));
  const load = async () => {
    const filter = {};
    if (status.value) filter.status = status.value;
    if (obligor.value.trim()) filter.obligor = obligor.value.trim().toUpperCase();
    if (due.value) filter.dueBefore = due.value;
    const result = await gql(QUERY, { filter });
    clear(results);
    if (result.errors.length) results.append(errorNotice(result, 'list commitments'));
    const rows = (result.data && result.data.commitments) || [];
    results.append(table(`${rows.length} commitments`, ['Obligor', 'Commitment', 'Agreement', 'Target', 'Due', 'Status', 'Progress', 'Report'],
      rows.map((c) => [c.obligor.code, c.description, h('a', { href: '#/agreements/' + c.agreement.id }, c.agreement.title), target(c), c.dueOn || '–',
        statusBadge(c.status), progressBar(c.fulfilledPct), mayReport(c) ? reportForm({ ...c, progress: [] }) : h('span', { class: 'muted' }, '–')]),
      { id: 'commitments-table' }));
  };
  filters.addEventListener('submit', (event) => { event.preventDefault(); load(); });
  page.append(filters, results);
  await load();
  return page;
}
