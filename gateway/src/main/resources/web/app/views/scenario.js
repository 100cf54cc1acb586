import { gql, errorNotice, showFieldErrors } from '../graphql.js';
import { h, fmt, table, field, notice, clear, sourcesList } from '../dom.js';
import { statusBadge, progressBar, today } from './common.js';

const CHOICES = `query ScenarioChoices {
  countries { code name coalitionMember }
  minerals { id name }
}`;

const STAGE = 'dataset year imposingSharePct basis missing imposingShareSource { citation url } substitutes { country { code name } sharePct }';
const QUERY = `query Scenario($imposingCountry: ID!, $minerals: [String!]!, $targets: [String], $activeOn: Date, $year: Int) {
  exportControlScenario(imposingCountry: $imposingCountry, minerals: $minerals, targets: $targets, activeOn: $activeOn, year: $year) {
    activeOn notes imposingCountry { code name } targets { code }
    minerals { mineral { id name } mining { ${STAGE} } refining { ${STAGE} } }
    hitMembers {
      member { code name } mineralIds producerCodes
      agreements { id title status }
      commitments { id description dueOn status fulfilledPct obligor { code } agreement { id } }
    }
    activeControls { id measure effectiveOn summary }
  }
}`;

function checks(name, items, checked) {
  return h('div', { class: 'checks', role: 'group', 'aria-label': name, 'data-field-group': name },
    items.map(([value, label]) => h('label', {}, h('input', { type: 'checkbox', name, value, checked: checked.includes(value) }), label)));
}

export async function scenarioView() {
  const choices = await gql(CHOICES);
  const page = h('section', {}, h('h1', {}, 'Export-control scenario'),
    h('p', { class: 'muted' }, 'What would an export control cut? Pick the imposing country, the minerals, the targets (none: every coalition member) and the date whose controls are in force.'));
  if (!choices.data) {
    page.append(errorNotice(choices, 'load the countries and minerals'));
    return page;
  }
  const countries = choices.data.countries;
  const imposing = h('select', {}, countries.filter((c) => !c.coalitionMember || c.code === 'CN')
    .map((c) => h('option', { value: c.code, selected: c.code === 'CN' }, c.code + ' ' + c.name)));
  const minerals = checks('minerals', choices.data.minerals.map((m) => [m.id, m.name]), ['gallium', 'germanium']);
  const targets = checks('targets', countries.filter((c) => c.coalitionMember).map((c) => [c.code, c.code]), []);
  const activeOn = h('input', { type: 'date', value: today() });
  const year = h('input', { type: 'number', min: '2000', max: '2050', placeholder: 'latest observed' });
  const results = h('div', { id: 'scenario-results', 'aria-live': 'polite' });
  const form = h('form', { class: 'form stacked', id: 'scenario-form' },
    field('Imposing country', imposing, 'imposingCountry'),
    field('Export controls in force on', activeOn, 'activeOn'),
    field('Supply-share year', year, 'year', 'empty: the latest observed year of each table'),
    h('div', { class: 'field wide' }, h('span', { class: 'field-label' }, 'Minerals'), minerals, h('span', { class: 'field-error', 'data-field-error': 'minerals' })),
    h('div', { class: 'field wide' }, h('span', { class: 'field-label' }, 'Targets (none: every coalition member)'), targets, h('span', { class: 'field-error', 'data-field-error': 'targets' })),
    h('div', { class: 'wide' }, h('button', { type: 'submit' }, 'Run scenario')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const picked = (name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);
    const variables = {
      imposingCountry: imposing.value,
      minerals: picked('minerals'),
      targets: picked('targets').length ? picked('targets') : null,
      activeOn: activeOn.value || null,
      year: year.value ? Number(year.value) : null,
    };
    clear(results).append(h('p', { class: 'loading', role: 'status' }, 'Running…'));
    const result = await gql(QUERY, variables);
    clear(results);
    const general = showFieldErrors(form, result);
    if (!result.data || !result.data.exportControlScenario) {
      results.append(general.length ? notice('error', general.join('; ')) : errorNotice(result, 'run the scenario'));
      return;
    }
    if (result.errors.length) results.append(errorNotice(result, 'load every part of the scenario'));
    results.append(scenarioResult(result.data.exportControlScenario));
  });
  page.append(form, results);
  return page;
}

function stageText(stage) {
  if (stage.imposingSharePct === null) return h('span', { class: 'muted' }, stage.missing.join('; ') || 'no figure');
  return [fmt(stage.imposingSharePct) + '% (' + stage.dataset + ' ' + stage.year + ')'];
}

function substitutes(stage) {
  return stage.substitutes.slice(0, 5).map((s) => s.country.code + ' ' + fmt(s.sharePct) + '%').join(', ') || '–';
}

// null when agreement-service did not answer (the notice above the table says so)
function listOrNone(items, item) {
  if (items === null || items === undefined) return h('span', { class: 'muted' }, 'unavailable');
  return items.length ? h('ul', {}, items.map(item)) : 'none';
}

function scenarioResult(s) {
  const sources = s.minerals.flatMap((m) => [m.mining.imposingShareSource, m.refining.imposingShareSource]);
  return h('div', {},
    h('h2', {}, `${s.imposingCountry.name} on ${s.minerals.map((m) => m.mineral.name).join(', ')}, as of ${s.activeOn}`),
    s.notes.length ? h('ul', {}, s.notes.map((n) => h('li', {}, n))) : null,
    table('Supply cut', ['Mineral', 'Imposing share, mining', 'Substitutes, mining', 'Imposing share, refining', 'Substitutes, refining'],
      s.minerals.map((m) => [h('a', { href: '#/minerals/' + m.mineral.id }, m.mineral.name), stageText(m.mining), substitutes(m.mining), stageText(m.refining), substitutes(m.refining)])),
    sourcesList(sources),
    h('h2', {}, `Members hit (${s.hitMembers.length})`),
    table('Members hit', ['Member', 'Minerals', 'Substitute producers', 'Covering agreements', 'Commitments'],
      s.hitMembers.map((m) => [m.member.code + ' ' + m.member.name, m.mineralIds.join(', '), m.producerCodes.join(', ') || '–',
        listOrNone(m.agreements, (a) => h('li', {}, h('a', { href: '#/agreements/' + a.id }, a.title), ' ', statusBadge(a.status))),
        listOrNone(m.commitments, (c) => h('li', {}, c.obligor.code + ': ' + c.description + ' ', progressBar(c.fulfilledPct)))])),
    h('h2', {}, 'Export controls in force'),
    s.activeControls.length ? table('Active controls', ['Control', 'Measure', 'Effective', 'Summary'],
      s.activeControls.map((c) => [c.id, c.measure, c.effectiveOn || '–', c.summary || ''])) : h('p', {}, 'None on that date.'));
}
