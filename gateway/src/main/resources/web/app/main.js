import { session } from './oidc.js';
import { h, clear, notice } from './dom.js';
import { disposeCharts } from './charts.js';
import { overviewView } from './views/overview.js';
import { mineralsView, mineralView } from './views/mineral.js';
import { scenarioView } from './views/scenario.js';
import { agreementsView, agreementView } from './views/agreements.js';
import { commitmentsView } from './views/commitments.js';
import { exportControlsView } from './views/export-controls.js';
import { explorerView } from './views/explorer.js';

const ROUTES = [
  [/^#?\/?$/, overviewView, 'Overview'],
  [/^#\/minerals$/, mineralsView, 'Minerals'],
  [/^#\/minerals\/([\w-]+)$/, mineralView, 'Mineral'],
  [/^#\/scenario$/, scenarioView, 'Export-control scenario'],
  [/^#\/agreements$/, agreementsView, 'Agreements'],
  [/^#\/agreements\/([\w.-]+)$/, agreementView, 'Agreement'],
  [/^#\/commitments$/, commitmentsView, 'Commitments'],
  [/^#\/export-controls$/, exportControlsView, 'Export controls'],
  [/^#\/explorer$/, explorerView, 'Explorer'],
];

const NAV = [
  ['#/', 'Overview'],
  ['#/minerals', 'Minerals'],
  ['#/scenario', 'Scenario'],
  ['#/agreements', 'Agreements'],
  ['#/commitments', 'Commitments'],
  ['#/export-controls', 'Export controls'],
  ['#/explorer', 'Explorer'],
];

const root = document.getElementById('app');
let renderId = 0;

function header() {
  const claims = session.claims;
  const who = claims ? [claims.preferred_username, session.country ? ' (' + session.country + ')' : '',
    ' · ', session.roles.filter((r) => ['member', 'analyst', 'admin'].includes(r)).join(', ')].join('') : '';
  return h('header', { class: 'topbar' },
    h('a', { class: 'brand', href: '#/' }, 'Lodestone'),
    session.signedIn ? h('nav', { 'aria-label': 'Main' },
      h('ul', {}, NAV.map(([href, label]) => h('li', {}, h('a', { href, 'data-nav': label }, label))))) : null,
    session.signedIn ? h('div', { class: 'user' },
      h('span', { id: 'whoami' }, who),
      h('button', { type: 'button', id: 'logout', onclick: () => session.logout() }, 'Sign out')) : null);
}

function signInPage() {
  return h('section', { class: 'signin' },
    h('h1', {}, 'Lodestone console'),
    h('p', {}, 'Critical-mineral dependence, export controls, agreements and commitments of the coalition.'),
    session.loginError ? notice('error', session.loginError) : null,
    h('button', { type: 'button', id: 'login', class: 'primary', onclick: () => session.login() }, 'Sign in with Keycloak'));
}

async function render() {
  const id = ++renderId;
  disposeCharts();
  clear(root);
  root.append(header());
  const main = h('main', { id: 'main', tabindex: '-1' });
  root.append(main);
  if (!session.signedIn) {
    main.append(signInPage());
    return;
  }
  const hash = window.location.hash || '#/';
  const route = ROUTES.find(([pattern]) => pattern.test(hash));
  document.querySelectorAll('[data-nav]').forEach((a) => {
    const active = a.getAttribute('href') === hash || (hash.startsWith(a.getAttribute('href') + '/') && a.getAttribute('href') !== '#/');
    if (active) a.setAttribute('aria-current', 'page');
  });
  if (!route) {
    main.append(notice('error', 'No such page: ', hash));
    return;
  }
  const [pattern, view, title] = route;
  document.title = title + ' · Lodestone';
  main.append(h('p', { class: 'loading', role: 'status' }, 'Loading…'));
  try {
    const content = await view(...pattern.exec(hash).slice(1));
    if (id !== renderId) return;
    clear(main);
    main.append(content);
    main.dataset.view = title;
    main.dataset.ready = 'true';
  } catch (error) {
    if (id !== renderId) return;
    clear(main);
    main.append(notice('error', 'Something went wrong: ' + error.message));
    main.dataset.ready = 'true';
    throw error;
  }
}

/** Re-renders the current view (after a change that a view wants to show everywhere). */
export function rerender() {
  return render();
}

async function start() {
  try {
    await session.init();
  } catch (error) {
    clear(root);
    root.append(notice('error', 'Cannot reach the login service: ' + error.message));
    return;
  }
  session.onChange(() => render());
  window.addEventListener('hashchange', () => {
    render();
    const main = document.getElementById('main');
    if (main) main.focus({ preventScroll: true });
  });
  render();
}

start();
