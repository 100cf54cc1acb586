import { h, fmt } from '../dom.js';

export function statusBadge(status) {
  return h('span', { class: 'status status-' + status }, status.replace(/_/g, ' ').toLowerCase());
}

/** A progress bar with its number in words beside it (never colour or length alone). */
export function progressBar(pct) {
  if (pct === null || pct === undefined) return h('span', { class: 'muted' }, 'no target');
  const shown = Math.max(0, Math.min(100, pct));
  return h('span', { class: 'progress' },
    h('progress', { max: '100', value: String(shown), 'aria-label': fmt(pct, 0) + '% fulfilled' }),
    h('span', {}, fmt(pct, 0) + '%'));
}

export function target(c) {
  const parts = [];
  if (c.targetQuantity !== null && c.targetQuantity !== undefined) parts.push(fmt(c.targetQuantity, 2) + ' ' + (c.unit || ''));
  if (c.targetAmount !== null && c.targetAmount !== undefined) parts.push(fmt(c.targetAmount, 0) + ' ' + (c.currency || ''));
  return parts.join(' / ') || '–';
}

export function countryList(countries) {
  return (countries || []).map((c) => c.code).join(', ');
}

export function today() {
  return new Date().toISOString().slice(0, 10);
}

export function splitList(text) {
  return text.split(/[,;\s]+/).map((s) => s.trim()).filter(Boolean);
}
