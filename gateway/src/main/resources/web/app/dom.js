// Small DOM helpers: every view is built from elements (never from HTML strings), so data is always text
// and nothing needs an inline style or script.

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'class') {
      el.className = value;
    } else if (key === 'value') {
      el.value = value;
    } else if (key === 'checked' || key === 'selected' || key === 'disabled' || key === 'multiple') {
      el[key] = Boolean(value);
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function fmt(value, digits = 1) {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') {
    return value.toLocaleString('en', { maximumFractionDigits: digits });
  }
  return String(value);
}

export function notice(kind, ...text) {
  return h('p', { class: 'notice notice-' + kind, role: kind === 'error' ? 'alert' : 'status' }, ...text);
}

export function table(caption, headers, rows, attrs = {}) {
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', attrs,
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headers.map((name) => h('th', { scope: 'col' }, name)))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell)))))));
}

export function sourcesList(sources) {
  const seen = new Map();
  for (const source of sources) {
    if (!source) continue;
    const key = source.citation || source.url;
    if (key && !seen.has(key)) seen.set(key, source);
  }
  if (seen.size === 0) return h('p', { class: 'sources' }, 'Sources: none given in the data.');
  return h('div', { class: 'sources' },
    h('span', { class: 'sources-title' }, 'Sources'),
    h('ul', {}, [...seen.values()].map((s) => h('li', {},
      s.url ? h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, s.citation || s.url) : s.citation))));
}

export function field(label, control, name, hint) {
  const id = 'f-' + name + '-' + Math.random().toString(36).slice(2, 8);
  control.id = id;
  control.name = name;
  const error = h('span', { class: 'field-error', id: id + '-error', 'data-field-error': name, 'aria-live': 'polite' });
  control.setAttribute('aria-describedby', id + '-error');
  return h('div', { class: 'field', 'data-field': name },
    h('label', { for: id }, label), control, hint ? h('small', {}, hint) : null, error);
}

export function select(options, value) {
  return h('select', {}, options.map((o) => {
    const [v, label] = Array.isArray(o) ? o : [o, o];
    return h('option', { value: v, selected: v === value }, label);
  }));
}
