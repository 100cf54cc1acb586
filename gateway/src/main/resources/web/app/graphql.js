import { session } from './oidc.js';
import { h, clear } from './dom.js';

/** A GraphQL answer: data (possibly partial) and the errors with their extensions.code. */
export class GraphQLResult {
  constructor(data, errors) {
    this.data = data;
    this.errors = errors || [];
  }

  code() {
    return this.errors.length ? (this.errors[0].extensions && this.errors[0].extensions.code) || 'INTERNAL' : null;
  }

  has(code) {
    return this.errors.some((e) => e.extensions && e.extensions.code === code);
  }

  /** Errors whose path starts with the given field (e.g. 'history'); path-less errors are the operation's own. */
  errorsAt(...path) {
    return this.errors.filter((e) => e.path && path.every((p, i) => e.path[i] === p));
  }
}

/** POST to the gateway's /graphql with the session's access token (refreshed first when it is about to expire). */
export async function gql(query, variables) {
  const token = await session.accessToken();
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/graphql-response+json, application/json',
      Authorization: 'Bearer ' + token,
    },
    body: JSON.stringify({ query, variables: variables || {} }),
  });
  let body;
  try {
    body = await response.json();
  } catch (e) {
    return new GraphQLResult(null, [{ message: 'The gateway answered HTTP ' + response.status, extensions: { code: 'INTERNAL' } }]);
  }
  if (response.status === 401) session.expired();
  return new GraphQLResult(body.data || null, body.errors);
}

/**
 * Field errors of a BAD_USER_INPUT answer: the services word them "field: reason; field: reason"
 * (agreement-service after "Invalid input: ").
 */
export function fieldErrors(result) {
  const byField = {};
  const general = [];
  for (const error of result.errors) {
    if (!error.extensions || error.extensions.code !== 'BAD_USER_INPUT') {
      general.push(error.message);
      continue;
    }
    const text = error.message.replace(/^Invalid input: /, '');
    for (const part of text.split('; ')) {
      const match = /^([A-Za-z][\w.]*): (.+)$/.exec(part);
      if (match) {
        const name = match[1].replace(/^input\./, '');
        (byField[name] = byField[name] || []).push(match[2]);
      } else {
        general.push(part);
      }
    }
  }
  return { byField, general };
}

/** Shows BAD_USER_INPUT reasons next to the form's fields; returns the messages no field took. */
export function showFieldErrors(form, result) {
  form.querySelectorAll('[data-field-error]').forEach((el) => clear(el));
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  const { byField, general } = fieldErrors(result);
  for (const [name, reasons] of Object.entries(byField)) {
    const slot = form.querySelector(`[data-field-error="${name}"]`);
    if (slot) {
      slot.append(reasons.join('; '));
      const control = form.querySelector(`[name="${name}"]`);
      if (control) control.setAttribute('aria-invalid', 'true');
    } else {
      general.push(name + ': ' + reasons.join('; '));
    }
  }
  return general;
}

export function errorNotice(result, what) {
  const code = result.code();
  const text = {
    UNAUTHENTICATED: 'Your session has ended: sign in again.',
    FORBIDDEN: 'Your role may not ' + what + '.',
    NOT_FOUND: 'Not found, or not visible to you.',
    SUBGRAPH_UNAVAILABLE: 'Part of Lodestone is unavailable right now; what could be fetched is shown.',
    SERVICE_UNAVAILABLE: 'A service is unavailable right now; try again shortly.',
  }[code] || ('Could not ' + what + ': ' + result.errors.map((e) => e.message).join('; '));
  return h('p', { class: 'notice notice-error', role: 'alert', 'data-code': code || '' }, text);
}
