import { gql, errorNotice, showFieldErrors } from '../graphql.js';
import { session } from '../oidc.js';
import { h, fmt, table, field, notice, clear, select, sourcesList } from '../dom.js';
import { statusBadge, progressBar, target, countryList, splitList, today } from './common.js';

const STATUSES = ['DRAFT', 'NEGOTIATING', 'SIGNED', 'IN_FORCE', 'SUSPENDED', 'EXPIRED', 'TERMINATED'];
const VISIBILITIES = ['PUBLIC', 'COALITION', 'PARTIES'];
const NEXT_STATUS = {
  DRAFT: ['NEGOTIATING'], NEGOTIATING: ['SIGNED'], SIGNED: ['IN_FORCE'],
  IN_FORCE: ['SUSPENDED', 'EXPIRED', 'TERMINATED'], SUSPENDED: ['IN_FORCE', 'EXPIRED', 'TERMINATED'],
};

const LIST = `query Agreements($filter: AgreementFilter) {
  agreements(filter: $filter) {
    id title type status visibility signedOn signedPeriod version
    parties { code } minerals { id name }
    commitments { id fulfilledPct status }
  }
}`;

const FIELDS = 'id title type status visibility signedOn signedPeriod summary version parties { code name } minerals { id name } source { citation url }';
const DETAIL = `query Agreement($id: ID!, $admin: Boolean!) {
  agreement(id: $id) {
    ${FIELDS}
    commitments {
      id kind description dueOn status fulfilledPct progressToDate progressAsOf targetQuantity unit targetAmount currency
      obligor { code } mineral { id name }
      progress { asOf reportedQuantity reportedAmount note reportedAt reporterCountry { code } }
    }
    history @include(if: $admin) { id occurredAt subject operation entity entityId reason }
  }
}`;

const CREATE = `mutation Create($input: NewAgreement!) { createAgreement(input: $input) { id version } }`;
const UPDATE = `mutation Update($id: ID!, $expectedVersion: Int!, $input: AgreementPatch!) {
  updateAgreement(id: $id, expectedVersion: $expectedVersion, input: $input) { ${FIELDS} }
}`;
const STATUS = `mutation Status($id: ID!, $expectedVersion: Int!, $status: AgreementStatus!, $reason: String) {
  changeAgreementStatus(id: $id, expectedVersion: $expectedVersion, status: $status, reason: $reason) { id status version }
}`;
const ADD_COMMITMENT = `mutation AddCommitment($agreementId: ID!, $input: NewCommitment!) { addCommitment(agreementId: $agreementId, input: $input) { id } }`;
export const REPORT = `mutation Report($commitmentId: ID!, $input: ProgressInput!) {
  reportProgress(commitmentId: $commitmentId, input: $input) { id status fulfilledPct progressToDate progressAsOf }
}`;

export async function agreementsView() {
  const page = h('section', {}, h('h1', {}, 'Agreements'),
    h('p', { class: 'muted' }, 'Only the agreements your role and country may see are listed: PARTIES agreements appear to their parties\' members and to admins.'));
  const status = select([['', 'any'], ...STATUSES], '');
  const visibility = select([['', 'any'], ...VISIBILITIES], '');
  const party = h('input', { type: 'text', size: '4', maxlength: '3', placeholder: 'e.g. JP' });
  const text = h('input', { type: 'search', placeholder: 'title or id' });
  const results = h('div', { id: 'agreements-results' });
  const filters = h('form', { class: 'form', id: 'agreement-filters' },
    field('Status', status, 'status'), field('Visibility', visibility, 'visibility'), field('Party', party, 'party'),
    field('Search', text, 'text'), h('button', { type: 'submit' }, 'Filter'));
  const load = async () => {
    const filter = {};
    if (status.value) filter.status = status.value;
    if (visibility.value) filter.visibility = visibility.value;
    if (party.value.trim()) filter.party = party.value.trim().toUpperCase();
    const result = await gql(LIST, { filter });
    clear(results);
    if (result.errors.length) results.append(errorNotice(result, 'list agreements'));
    const needle = text.value.trim().toLowerCase();
    const agreements = ((result.data && result.data.agreements) || [])
      .filter((a) => !needle || a.title.toLowerCase().includes(needle) || a.id.toLowerCase().includes(needle));
    results.append(table(`${agreements.length} agreements`, ['Agreement', 'Type', 'Parties', 'Minerals', 'Signed', 'Status', 'Visibility', 'Commitments'],
      agreements.map((a) => [h('a', { href: '#/agreements/' + a.id, 'data-agreement': a.id }, a.title), a.type, countryList(a.parties),
        a.minerals.map((m) => m.name).join(', '), a.signedOn || a.signedPeriod || '–', statusBadge(a.status), a.visibility,
        commitmentSummary(a.commitments)]), { id: 'agreements-table' }));
  };
  filters.addEventListener('submit', (event) => { event.preventDefault(); load(); });
  page.append(filters);
  if (session.hasRole('admin')) page.append(createForm());
  page.append(results);
  await load();
  return page;
}

function commitmentSummary(commitments) {
  const measured = commitments.filter((c) => c.fulfilledPct !== null);
  if (!commitments.length) return 'none';
  if (!measured.length) return commitments.length + ' (not measurable)';
  const mean = measured.reduce((s, c) => s + Math.min(100, c.fulfilledPct), 0) / measured.length;
  return h('span', {}, commitments.length + ' · ', progressBar(mean));
}

function agreementFields(values, isNew) {
  const controls = {
    id: h('input', { type: 'text', placeholder: 'generated when empty' }),
    title: h('input', { type: 'text', value: values.title || '' }),
    type: h('input', { type: 'text', value: values.type || 'bilateral'}),
    visibility: select(VISIBILITIES, values.visibility || 'PUBLIC'),
    status: select(['DRAFT', 'NEGOTIATING', 'SIGNED', 'IN_FORCE'], 'DRAFT'),
    signedOn: h('input', { type: 'date', value: values.signedOn || '' }),
    parties: h('input', { type: 'text', value: countryList(values.parties), placeholder: 'US, AU' }),
    minerals: h('input', { type: 'text', value: (values.minerals || []).map((m) => m.id).join(', '), placeholder: 'gallium, rare_earths' }),
    summary: h('textarea', { rows: '3' }, values.summary || ''),
    source: h('input', { type: 'text', value: (values.source && values.source.citation) || '', placeholder: 'Publisher, Title, date, URL' }),
  };
  const parts = [
    isNew ? field('Id', controls.id, 'id') : null,
    field('Title', controls.title, 'title'),
    field('Type', controls.type, 'type', 'bilateral, plurilateral, framework, …'),
    field('Visibility', controls.visibility, 'visibility'),
    isNew ? field('Status', controls.status, 'status') : null,
    field('Signed on', controls.signedOn, 'signedOn'),
    field('Parties', controls.parties, 'parties', 'country codes'),
    field('Minerals', controls.minerals, 'minerals', 'mineral ids'),
    h('div', { class: 'wide' }, field('Summary', controls.summary, 'summary')),
    h('div', { class: 'wide' }, field('Source', controls.source, 'source')),
  ];
  const read = () => {
    const input = {
      title: controls.title.value.trim(),
      type: controls.type.value.trim(),
      visibility: controls.visibility.value,
      signedOn: controls.signedOn.value || null,
      parties: splitList(controls.parties.value.toUpperCase()),
      minerals: splitList(controls.minerals.value),
      summary: controls.summary.value.trim() || null,
      source: controls.source.value.trim(),
    };
    if (isNew) {
      input.status = controls.status.value;
      if (controls.id.value.trim()) input.id = controls.id.value.trim();
    }
    return input;
  };
  return { parts, read };
}

function createForm() {
  const { parts, read } = agreementFields({}, true);
  const message = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'form stacked', id: 'create-agreement', novalidate: true }, parts,
    h('div', { class: 'wide actions' }, h('button', { type: 'submit' }, 'Create agreement'), message));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await gql(CREATE, { input: read() });
    const general = showFieldErrors(form, result);
    clear(message);
    if (result.data && result.data.createAgreement) {
      window.location.hash = '#/agreements/' + result.data.createAgreement.id;
    } else {
      message.append(general.length ? notice('error', general.join('; ')) : notice('error', 'Check the fields marked above.'));
    }
  });
  return h('details', { class: 'form-panel' }, h('summary', {}, 'New agreement'), form);
}

export async function agreementView(id) {
  const admin = session.hasRole('admin');
  const result = await gql(DETAIL, { id, admin });
  const agreement = result.data && result.data.agreement;
  const page = h('section', { id: 'agreement-page' });
  if (!agreement) {
    page.append(h('h1', {}, 'Agreement ' + id),
      result.has('NOT_FOUND') || result.errors.length === 0
        ? notice('info', 'There is no agreement "' + id + '" that you may see. PARTIES agreements are visible only to their parties and to admins.')
        : errorNotice(result, 'load this agreement'),
      h('p', {}, h('a', { href: '#/agreements' }, 'All agreements')));
    page.dataset.absent = 'true';
    return page;
  }
  page.append(h('h1', {}, agreement.title), summaryList(agreement));
  if (result.errors.length) page.append(errorNotice(result, 'load every part of this agreement'));
  if (admin) page.append(editForm(agreement), statusForm(agreement));
  page.append(h('h2', {}, 'Commitments'), commitmentsTable(agreement));
  if (admin) page.append(addCommitmentForm(agreement));
  if (admin) page.append(historyTable(agreement.history));
  return page;
}

function summaryList(a) {
  return h('div', {},
    h('dl', { class: 'kv', id: 'agreement-summary' },
      h('dt', {}, 'Id'), h('dd', {}, a.id),
      h('dt', {}, 'Status'), h('dd', {}, statusBadge(a.status)),
      h('dt', {}, 'Version'), h('dd', { id: 'agreement-version' }, String(a.version)),
      h('dt', {}, 'Type'), h('dd', {}, a.type),
      h('dt', {}, 'Visibility'), h('dd', {}, a.visibility),
      h('dt', {}, 'Parties'), h('dd', {}, a.parties.map((p) => p.code + ' ' + p.name).join(', ')),
      h('dt', {}, 'Minerals'), h('dd', {}, a.minerals.map((m) => h('a', { href: '#/minerals/' + m.id }, m.name)).flatMap((x, i) => (i ? [', ', x] : [x]))),
      h('dt', {}, 'Signed'), h('dd', {}, a.signedOn || a.signedPeriod || '–'),
      h('dt', {}, 'Summary'), h('dd', {}, a.summary || '–')),
    sourcesList([a.source]));
}

function editForm(agreement) {
  let current = agreement;
  const { parts, read } = agreementFields(agreement, false);
  const message = h('div', { 'aria-live': 'polite', id: 'edit-message' });
  const form = h('form', { class: 'form stacked', id: 'edit-agreement', novalidate: true }, parts,
    h('div', { class: 'wide actions' }, h('button', { type: 'submit' }, 'Save changes'),
      h('span', { class: 'muted' }, 'editing version ', h('span', { id: 'editing-version' }, String(agreement.version))), message));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    const result = await gql(UPDATE, { id: current.id, expectedVersion: current.version, input: read() });
    button.disabled = false;
    clear(message);
    const general = showFieldErrors(form, result);
    if (result.data && result.data.updateAgreement) {
      current = result.data.updateAgreement;
      form.querySelector('#editing-version').textContent = String(current.version);
      document.getElementById('agreement-version').textContent = String(current.version);
      message.append(notice('ok', 'Saved: now version ' + current.version + '.'));
    } else if (result.has('VERSION_CONFLICT')) {
      message.append(await conflictPanel(current.id, current.version));
    } else {
      message.append(general.length ? notice('error', general.join('; ')) : notice('error', 'Check the fields marked above.'));
    }
  });
  return h('details', { class: 'form-panel', open: true }, h('summary', {}, 'Edit agreement'), form);
}

/** Someone saved first: show what the agreement is now, keep the user's edits, offer to start again from it. */
async function conflictPanel(id, staleVersion) {
  const fresh = await gql(DETAIL, { id, admin: true });
  const now = fresh.data && fresh.data.agreement;
  if (!now) return errorNotice(fresh, 'load the current version');
  return h('div', { class: 'conflict', role: 'alert', id: 'version-conflict' },
    h('h3', {}, 'Not saved: someone changed this agreement first'),
    h('p', {}, `You edited version ${staleVersion}; the current version is `, h('strong', { id: 'current-version' }, String(now.version)),
      '. Your edits are still in the form. The current version reads:'),
    h('dl', { class: 'kv' },
      h('dt', {}, 'Title'), h('dd', { id: 'current-title' }, now.title),
      h('dt', {}, 'Visibility'), h('dd', {}, now.visibility),
      h('dt', {}, 'Parties'), h('dd', {}, countryList(now.parties)),
      h('dt', {}, 'Summary'), h('dd', {}, now.summary || '–')),
    h('button', { type: 'button', class: 'secondary', onclick: () => window.dispatchEvent(new HashChangeEvent('hashchange')) },
      'Discard my edits and load version ' + now.version));
}

function statusForm(agreement) {
  const next = NEXT_STATUS[agreement.status] || [];
  if (!next.length) return h('p', { class: 'muted' }, 'Status ' + agreement.status + ' is final.');
  const status = select(next, next[0]);
  const reason = h('input', { type: 'text' });
  const message = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'form', id: 'status-form' }, field('New status', status, 'status'), field('Reason', reason, 'reason'),
    h('button', { type: 'submit' }, 'Change status'), message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const current = Number(document.getElementById('agreement-version').textContent);
    const result = await gql(STATUS, { id: agreement.id, expectedVersion: current, status: status.value, reason: reason.value || null });
    clear(message);
    if (result.data && result.data.changeAgreementStatus) {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } else if (result.has('VERSION_CONFLICT')) {
      message.append(notice('error', 'Someone changed this agreement first; reload it to see the current version.'));
    } else {
      const general = showFieldErrors(form, result);
      message.append(notice('error', general.join('; ') || 'Not changed.'));
    }
  });
  return h('details', { class: 'form-panel' }, h('summary', {}, 'Change status'), form);
}

export function mayReport(commitment) {
  return session.hasRole('admin') || (session.hasRole('member') && session.country === commitment.obligor.code);
}

export function commitmentsTable(agreement) {
  if (!agreement.commitments.length) return h('p', {}, 'No commitments recorded.');
  return table('Commitments of ' + agreement.id, ['Obligor', 'Commitment', 'Target', 'Due', 'Status', 'Progress', 'Report'],
    agreement.commitments.map((c) => [c.obligor.code, h('span', {}, c.description, c.mineral ? h('span', { class: 'muted' }, ' (' + c.mineral.name + ')') : null,
      c.progress.length ? h('details', {}, h('summary', {}, c.progress.length + ' report(s)'),
        h('ul', {}, c.progress.map((p) => h('li', {}, `${p.asOf}: ${fmt(p.reportedQuantity ?? p.reportedAmount, 2)}${p.note ? ' – ' + p.note : ''} (${p.reporterCountry ? p.reporterCountry.code : 'admin'})`)))) : null),
    target(c), c.dueOn || '–', statusBadge(c.status), progressBar(c.fulfilledPct), mayReport(c) ? reportForm(c) : h('span', { class: 'muted' }, '–')]),
    { id: 'commitments-table' });
}

/** A member reports cumulative progress on its own country's commitments (admins on any). */
export function reportForm(commitment) {
  const byAmount = commitment.targetQuantity === null && commitment.targetAmount !== null;
  const value = h('input', { type: 'number', step: 'any', min: '0' });
  const asOf = h('input', { type: 'date', value: today() });
  const note = h('input', { type: 'text' });
  const message = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'form stacked report-form', 'data-commitment': commitment.id, novalidate: true },
    field(byAmount ? 'Amount to date (' + (commitment.currency || '') + ')' : 'Quantity to date' + (commitment.unit ? ' (' + commitment.unit + ')' : ''), value, byAmount ? 'amount' : 'quantity'),
    field('As of', asOf, 'asOf'), field('Note', note, 'note'),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Report progress'), message));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = { asOf: asOf.value, note: note.value.trim() || null };
    if (value.value !== '') input[byAmount ? 'amount' : 'quantity'] = Number(value.value);
    const result = await gql(REPORT, { commitmentId: commitment.id, input });
    const general = showFieldErrors(form, result);
    clear(message);
    if (result.data && result.data.reportProgress) {
      const c = result.data.reportProgress;
      message.append(notice('ok', `Reported: ${fmt(c.fulfilledPct, 0)}% fulfilled as of ${c.progressAsOf}, ${c.status.replace(/_/g, ' ').toLowerCase()}.`));
    } else {
      message.append(result.has('FORBIDDEN') ? errorNotice(result, 'report on this commitment') : notice('error', general.join('; ') || 'Check the fields marked above.'));
    }
  });
  return h('details', {}, h('summary', {}, 'Report'), form);
}

function addCommitmentForm(agreement) {
  const controls = {
    obligor: select(agreement.parties.map((p) => p.code), agreement.parties.length ? agreement.parties[0].code : ''),
    kind: h('input', { type: 'text', value: 'INVESTMENT' }),
    description: h('input', { type: 'text' }),
    mineral: select([['', 'whole agreement'], ...agreement.minerals.map((m) => [m.id, m.name])], ''),
    targetQuantity: h('input', { type: 'number', step: 'any' }),
    unit: h('input', { type: 'text', placeholder: 't' }),
    targetAmount: h('input', { type: 'number', step: 'any' }),
    currency: h('input', { type: 'text', placeholder: 'USD', maxlength: '3' }),
    dueOn: h('input', { type: 'date' }),
  };
  const message = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'form stacked', id: 'add-commitment', novalidate: true },
    field('Obligor', controls.obligor, 'obligor'), field('Kind', controls.kind, 'kind', 'INVESTMENT, OFFTAKE, EQUITY, FINANCING, …'),
    h('div', { class: 'wide' }, field('Description', controls.description, 'description')),
    field('Mineral', controls.mineral, 'mineral'), field('Target quantity', controls.targetQuantity, 'targetQuantity'),
    field('Unit', controls.unit, 'unit'), field('Target amount', controls.targetAmount, 'targetAmount'),
    field('Currency', controls.currency, 'currency'), field('Due on', controls.dueOn, 'dueOn'),
    h('div', { class: 'wide actions' }, h('button', { type: 'submit' }, 'Add commitment'), message));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const number = (el) => (el.value === '' ? null : Number(el.value));
    const input = {
      obligor: controls.obligor.value, kind: controls.kind.value.trim(), description: controls.description.value.trim(),
      mineral: controls.mineral.value || null, targetQuantity: number(controls.targetQuantity), unit: controls.unit.value.trim() || null,
      targetAmount: number(controls.targetAmount), currency: controls.currency.value.trim().toUpperCase() || null, dueOn: controls.dueOn.value || null,
    };
    const result = await gql(ADD_COMMITMENT, { agreementId: agreement.id, input });
    const general = showFieldErrors(form, result);
    clear(message);
    if (result.data && result.data.addCommitment) {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } else {
      message.append(notice('error', general.join('; ') || 'Check the fields marked above.'));
    }
  });
  return h('details', { class: 'form-panel' }, h('summary', {}, 'Add a commitment'), form);
}

function historyTable(history) {
  if (!history) return h('p', { class: 'muted' }, 'History unavailable.');
  return h('div', {}, h('h2', {}, 'History'),
    table('Audit history (admins)', ['When', 'Who', 'Operation', 'Record', 'Reason'],
      history.slice().reverse().map((e) => [e.occurredAt.replace('T', ' ').slice(0, 19), e.subject, e.operation, e.entity + ' ' + e.entityId, e.reason || '']),
      { id: 'history-table' }));
}
