import { gql } from '../graphql.js';
import { h, clear, notice } from '../dom.js';

// A compact GraphQL explorer: schema documentation read from introspection, a query editor with variables,
// and results, all sent with the session's token like every other request of the console.

const INTROSPECTION = `query Introspection {
  __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types {
      kind name description
      fields(includeDeprecated: true) { name description isDeprecated deprecationReason args { name description defaultValue type { ...Ref } } type { ...Ref } }
      inputFields { name description defaultValue type { ...Ref } }
      enumValues(includeDeprecated: true) { name description }
      interfaces { name } possibleTypes { name }
    }
  }
}
fragment Ref on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`;

const EXAMPLE = `query Example($code: ID!) {
  me { username roles country { code name } }
  country(code: $code) {
    name
    exposure { mineral { id } exposureScore }
  }
}`;

let schemaCache = null;

function typeName(ref) {
  if (ref.kind === 'NON_NULL') return typeName(ref.ofType) + '!';
  if (ref.kind === 'LIST') return '[' + typeName(ref.ofType) + ']';
  return ref.name;
}

function namedType(ref) {
  return ref.ofType ? namedType(ref.ofType) : ref.name;
}

export async function explorerView() {
  if (!schemaCache) {
    const result = await gql(INTROSPECTION);
    if (!result.data) return h('section', {}, h('h1', {}, 'Explorer'), notice('error', 'Introspection failed: ' + result.errors.map((e) => e.message).join('; ')));
    schemaCache = result.data.__schema;
  }
  const schema = schemaCache;
  const types = new Map(schema.types.map((t) => [t.name, t]));
  const docs = h('nav', { class: 'docs', id: 'schema-docs', 'aria-label': 'Schema documentation' });
  const trail = [];

  const typeLink = (ref) => {
    const name = namedType(ref);
    return h('button', { type: 'button', class: 'link', 'data-type': name, onclick: () => show(name) }, typeName(ref));
  };

  const show = (name, back) => {
    if (!back) trail.push(name);
    const type = types.get(name);
    clear(docs);
    if (trail.length > 1) {
      docs.append(h('button', { type: 'button', class: 'link', onclick: () => { trail.pop(); show(trail[trail.length - 1], true); } }, '← ' + trail[trail.length - 2]));
    }
    docs.append(h('h2', { id: 'docs-type' }, name), h('p', { class: 'muted' }, type.kind.toLowerCase().replace('_', ' ')));
    if (type.description) docs.append(h('p', { class: 'description' }, type.description));
    if (type.fields) {
      docs.append(h('ul', {}, type.fields.map((f) => h('li', {},
        h('code', {}, f.name), f.args.length ? ['(', f.args.flatMap((a, i) => [i ? ', ' : '', a.name + ': ', typeLink(a.type), a.defaultValue ? ' = ' + a.defaultValue : '']), ')'] : '',
        ': ', typeLink(f.type), f.isDeprecated ? h('span', { class: 'muted' }, ' (deprecated)') : null,
        f.description ? h('p', { class: 'description' }, f.description) : null))));
    }
    if (type.inputFields) {
      docs.append(h('ul', {}, type.inputFields.map((f) => h('li', {}, h('code', {}, f.name), ': ', typeLink(f.type),
        f.description ? h('p', { class: 'description' }, f.description) : null))));
    }
    if (type.enumValues) docs.append(h('ul', {}, type.enumValues.map((v) => h('li', {}, h('code', {}, v.name)))));
    if (type.possibleTypes) docs.append(h('p', {}, 'One of: ', type.possibleTypes.flatMap((t, i) => [i ? ', ' : '', typeLink({ name: t.name })])));
  };

  const roots = [schema.queryType, schema.mutationType, schema.subscriptionType].filter(Boolean).map((t) => t.name);
  const index = h('div', {}, h('h2', {}, 'Schema'),
    h('p', {}, 'Root types: ', roots.flatMap((r, i) => [i ? ', ' : '', typeLink({ name: r })])),
    h('details', {}, h('summary', {}, 'All types'), h('ul', {}, schema.types.filter((t) => !t.name.startsWith('__')).map((t) => h('li', {}, typeLink({ name: t.name }))))));

  const query = h('textarea', { id: 'explorer-query', rows: '14', spellcheck: 'false', 'aria-label': 'Query' }, EXAMPLE);
  const variables = h('textarea', { id: 'explorer-variables', rows: '4', spellcheck: 'false', 'aria-label': 'Variables (JSON)' }, '{"code": "JP"}');
  const output = h('pre', { id: 'explorer-result', tabindex: '0', 'aria-live': 'polite', 'aria-label': 'Result' });
  const run = async () => {
    let vars = {};
    try {
      vars = variables.value.trim() ? JSON.parse(variables.value) : {};
    } catch (e) {
      output.textContent = 'Variables are not valid JSON: ' + e.message;
      return;
    }
    output.textContent = 'Running…';
    const result = await gql(query.value, vars);
    output.textContent = JSON.stringify({ data: result.data, ...(result.errors.length ? { errors: result.errors } : {}) }, null, 2);
  };
  const keys = (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      run();
    }
  };
  query.addEventListener('keydown', keys);
  variables.addEventListener('keydown', keys);
  show(schema.queryType.name);
  return h('section', {}, h('h1', {}, 'Explorer'),
    h('p', { class: 'muted' }, 'Queries run against the gateway with your session\'s token: you see what your role may see. Ctrl+Enter runs.'),
    h('div', { class: 'explorer' },
      h('div', {}, index, docs),
      h('div', {},
        h('label', { for: 'explorer-query' }, 'Query'), query,
        h('label', { for: 'explorer-variables' }, 'Variables (JSON)'), variables,
        h('div', { class: 'actions' }, h('button', { type: 'button', id: 'explorer-run', onclick: run }, 'Run')),
        h('h2', {}, 'Result'), output)));
}
