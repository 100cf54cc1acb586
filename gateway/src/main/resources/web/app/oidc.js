// OpenID Connect authorization code flow with PKCE (RFC 7636, S256) against the Keycloak realm, written
// against the standard endpoints from the realm's discovery document. Tokens live in this module's memory
// only: sessionStorage holds just the PKCE verifier and state between the redirect out and back.

const PENDING = 'lodestone.console.pending-login';
const REFRESH_MARGIN_SECONDS = 30;

function base64url(bytes) {
  let text = '';
  bytes.forEach((b) => { text += String.fromCharCode(b); });
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(size) {
  const bytes = new Uint8Array(size);
  crypto.getRandomValues(bytes);
  return base64url(bytes);
}

async function challengeOf(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

function claimsOf(jwt) {
  const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = decodeURIComponent(Array.from(atob(part), (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
  return JSON.parse(json);
}

class Session {
  constructor() {
    this.tokens = null;
    this.listeners = [];
    this.refreshTimer = null;
    this.refreshing = null;
  }

  async init() {
    const response = await fetch('/console/settings.json');
    this.settings = await response.json();
    const discovery = await fetch(this.settings.issuer + '/.well-known/openid-configuration');
    this.endpoints = await discovery.json();
    this.redirectUri = window.location.origin + '/';
    const params = new URLSearchParams(window.location.search);
    if (params.has('code') || params.has('error')) {
      await this.completeLogin(params);
    }
  }

  get signedIn() {
    return this.tokens !== null;
  }

  /** Claims of the access token: preferred_username, country, realm_access.roles. */
  get claims() {
    return this.tokens ? claimsOf(this.tokens.access_token) : null;
  }

  get roles() {
    const claims = this.claims;
    return (claims && claims.realm_access && claims.realm_access.roles) || [];
  }

  hasRole(role) {
    return this.roles.includes(role);
  }

  get country() {
    return this.claims ? this.claims.country || null : null;
  }

  onChange(listener) {
    this.listeners.push(listener);
  }

  notify() {
    this.listeners.forEach((l) => l(this));
  }

  async login() {
    const verifier = randomString(48);
    const state = randomString(24);
    const nonce = randomString(24);
    sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, nonce, route: window.location.hash || '#/' }));
    const url = new URL(this.endpoints.authorization_endpoint);
    url.search = new URLSearchParams({
      client_id: this.settings.clientId,
      redirect_uri: this.redirectUri,
      response_type: 'code',
      scope: 'openid',
      state,
      nonce,
      code_challenge: await challengeOf(verifier),
      code_challenge_method: 'S256',
    }).toString();
    window.location.assign(url.toString());
  }

  async completeLogin(params) {
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    sessionStorage.removeItem(PENDING);
    // The code must not stay in the address bar or the history.
    window.history.replaceState(null, '', '/' + ((pending && pending.route) || '#/'));
    if (params.has('error')) {
      this.loginError = params.get('error_description') || params.get('error');
      return;
    }
    if (!pending || pending.state !== params.get('state')) {
      this.loginError = 'The login answer does not match a login started here; sign in again.';
      return;
    }
    const tokens = await this.tokenRequest({
      grant_type: 'authorization_code',
      code: params.get('code'),
      redirect_uri: this.redirectUri,
      code_verifier: pending.verifier,
    });
    if (tokens && tokens.id_token && claimsOf(tokens.id_token).nonce !== pending.nonce) {
      this.loginError = 'The ID token does not carry the nonce of this login; sign in again.';
      return;
    }
    this.accept(tokens);
  }

  async tokenRequest(form) {
    const response = await fetch(this.endpoints.token_endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: this.settings.clientId, ...form }).toString(),
    });
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      this.loginError = body.error_description || 'Keycloak refused the token request (HTTP ' + response.status + ').';
      return null;
    }
    return response.json();
  }

  accept(tokens) {
    clearTimeout(this.refreshTimer);
    if (!tokens) {
      this.tokens = null;
      this.notify();
      return;
    }
    const previousIdToken = this.tokens && this.tokens.id_token;
    this.tokens = { ...tokens, id_token: tokens.id_token || previousIdToken };
    this.expiresAt = Date.now() + tokens.expires_in * 1000;
    const delay = Math.max(5, tokens.expires_in - REFRESH_MARGIN_SECONDS) * 1000;
    this.refreshTimer = setTimeout(() => this.refresh(), delay);
    this.loginError = null;
    this.notify();
  }

  /** Refresh-token grant; on failure the session ends and the console asks to sign in again. */
  refresh() {
    if (!this.tokens || !this.tokens.refresh_token) return Promise.resolve();
    if (!this.refreshing) {
      this.refreshing = this.tokenRequest({ grant_type: 'refresh_token', refresh_token: this.tokens.refresh_token })
        .then((tokens) => this.accept(tokens))
        .finally(() => { this.refreshing = null; });
    }
    return this.refreshing;
  }

  async accessToken() {
    if (this.tokens && Date.now() > this.expiresAt - REFRESH_MARGIN_SECONDS * 1000) {
      await this.refresh();
    }
    return this.tokens ? this.tokens.access_token : '';
  }

  expired() {
    this.loginError = 'Your session has ended; sign in again.';
    this.accept(null);
  }

  /** Ends the Keycloak session too (RP-initiated logout), then comes back to the console signed out. */
  logout() {
    const idToken = this.tokens && this.tokens.id_token;
    this.tokens = null;
    clearTimeout(this.refreshTimer);
    const url = new URL(this.endpoints.end_session_endpoint);
    url.search = new URLSearchParams({
      client_id: this.settings.clientId,
      post_logout_redirect_uri: this.redirectUri,
      ...(idToken ? { id_token_hint: idToken } : {}),
    }).toString();
    window.location.assign(url.toString());
  }
}

export const session = new Session();
