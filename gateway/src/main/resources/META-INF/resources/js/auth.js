// Login through Keycloak with the authorization-code flow and PKCE (S256), written out here so that the console
// needs nothing from the internet. Tokens live in sessionStorage: closing the tab logs out.

const STORE = 'console.tokens';
const PENDING = 'console.pending';

let config;
async function settings() {
  config ??= await (await fetch('/web-config.json')).json();
  return config;
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function random() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

function redirectUri() {
  return `${location.origin}${location.pathname}`;
}

export function claims(token) {
  const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0))));
}

/**
 * Signs in through Keycloak (endpoint {@code auth}), or opens its registration form ({@code registrations}: a new
 * citizen registers, verifies the e-mail and comes back signed in). The page's query and hash come back too.
 */
export async function login(endpoint = 'auth') {
  const { authServerUrl, clientId } = await settings();
  const verifier = random();
  const state = random();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, back: location.search + location.hash }));
  const query = new URLSearchParams({
    client_id: clientId, response_type: 'code', scope: 'openid', redirect_uri: redirectUri(),
    code_challenge: challenge, code_challenge_method: 'S256', state,
  });
  location.assign(`${authServerUrl}/protocol/openid-connect/${endpoint}?${query}`);
}

export function register() {
  return login('registrations');
}

async function tokenRequest(form) {
  const { authServerUrl, clientId } = await settings();
  const response = await fetch(`${authServerUrl}/protocol/openid-connect/token`, {
    method: 'POST', body: new URLSearchParams({ client_id: clientId, ...form }),
  });
  if (!response.ok) throw new Error(`Keycloak: ${response.status}`);
  const tokens = await response.json();
  tokens.expires_at = Date.now() + tokens.expires_in * 1000;
  sessionStorage.setItem(STORE, JSON.stringify(tokens));
  return tokens;
}

/** Finishes a login when Keycloak sent the browser back with a code; returns whether someone is logged in. */
export async function completeLogin() {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  // Keycloak's answer carries state; a page's own ?code= (an organization's) does not.
  if (code && params.get('state')) {
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    sessionStorage.removeItem(PENDING);
    history.replaceState(null, '', redirectUri() + (pending?.back || ''));
    if (!pending || pending.state !== params.get('state')) throw new Error('login state mismatch');
    await tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: redirectUri(), code_verifier: pending.verifier });
  }
  return sessionStorage.getItem(STORE) !== null;
}

/** A valid access token, refreshed shortly before it runs out. */
export async function accessToken() {
  let tokens = JSON.parse(sessionStorage.getItem(STORE) || 'null');
  if (!tokens) return null;
  if (tokens.expires_at - Date.now() < 30_000) {
    try {
      tokens = await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    } catch {
      sessionStorage.removeItem(STORE);
      return null;
    }
  }
  return tokens.access_token;
}

export async function logout() {
  const { authServerUrl, clientId } = await settings();
  const tokens = JSON.parse(sessionStorage.getItem(STORE) || 'null');
  sessionStorage.removeItem(STORE);
  const query = new URLSearchParams({ client_id: clientId, post_logout_redirect_uri: redirectUri() });
  if (tokens?.id_token) query.set('id_token_hint', tokens.id_token);
  location.assign(`${authServerUrl}/protocol/openid-connect/logout?${query}`);
}
