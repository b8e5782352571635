// The API, called in the signed-in session (an HttpOnly cookie the page never sees). Every request that changes
// something carries the antiforgery token, read from the API and bound to who is signed in.
import { t } from './i18n.js';

let antiforgery = null;
let current;
const sessionListeners = [];

export class ApiError extends Error {
  constructor(status, message, field, problem) {
    super(message);
    this.status = status;
    this.field = field;
    this.problem = problem;
  }
}

/** Calls back when the session ends under the page (signed out elsewhere, disabled, expired): the app shows the sign-in page. */
export function onSessionEnded(listener) {
  sessionListeners.push(listener);
}

/** Who is signed in ({ username, fullName, grants, mustChangePassword }), or null; read from the API once, then kept. */
export async function session(refresh = false) {
  if (current !== undefined && !refresh) return current;
  const response = await fetch('/api/session', { headers: { Accept: 'application/json' } });
  current = response.ok ? await response.json() : null;
  return current;
}

async function antiforgeryToken() {
  if (antiforgery) return antiforgery;
  const response = await fetch('/api/session/antiforgery', { headers: { Accept: 'application/json' } });
  antiforgery = (await response.json()).token;
  return antiforgery;
}

async function failure(response) {
  let reason = response.statusText;
  let field = null;
  let problem = null;
  try {
    // ProblemDetails: the first field's first reason says it best.
    problem = await response.json();
    [field, [reason] = [reason]] = Object.entries(problem.errors ?? {})[0] ?? [null, [problem.detail ?? problem.title ?? reason]];
  } catch { /* not JSON */ }
  return new ApiError(response.status, reason, field, problem);
}

export async function get(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (response.ok) return response.json();
  if (response.status === 401 && current) ended();
  throw await failure(response);
}

/** A request that changes something: JSON in, JSON (or nothing) out; headers adds to the request's own (a quiz participant's key). */
export async function send(method, path, body, headers = {}) {
  const call = async () => fetch(path, {
    method,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-CSRF-TOKEN': await antiforgeryToken(), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let response = await call();
  if (response.status === 400 && (await response.clone().json().catch(() => ({}))).errors?.['X-CSRF-TOKEN']) {
    // The token was for whoever was signed in when it was read: read it again once.
    antiforgery = null;
    response = await call();
  }
  if (response.ok) return response.status === 204 ? null : response.json();
  if (response.status === 401 && current && path !== '/api/session') ended();
  throw await failure(response);
}

/** A file sent as the request's body, with its own content type (a question bank's CSV or workbook): JSON out. */
export async function upload(method, path, file, contentType) {
  const response = await fetch(path, {
    method,
    headers: { Accept: 'application/json', 'Content-Type': contentType, 'X-CSRF-TOKEN': await antiforgeryToken() },
    body: file,
  });
  if (response.ok) return response.json();
  if (response.status === 401 && current) ended();
  throw await failure(response);
}

export async function signIn(username, password) {
  antiforgery = null;
  current = await send('POST', '/api/session', { username, password });
  antiforgery = null;
  return current;
}

/** How one may sign in here: { singleSignOn: { name, start } | null }. */
export const signInOptions = () => get('/api/session/sign-in-options');

export async function signOut() {
  try { await send('DELETE', '/api/session'); } catch { /* already ended */ }
  antiforgery = null;
  current = null;
}

export async function changePassword(currentPassword, newPassword) {
  current = await send('PUT', '/api/session/password', { currentPassword, newPassword });
  antiforgery = null;
  return current;
}

export const resetPassword = (token, newPassword) => send('POST', '/api/session/password-reset', { token, newPassword });

function ended() {
  current = null;
  antiforgery = null;
  sessionListeners.forEach(listener => listener());
}

/** Asks the API whether the session still stands (a disabled account or a revoked grant ends it on the server). */
export async function checkSession() {
  if (!current) return;
  const response = await fetch('/api/session', { headers: { Accept: 'application/json' } });
  if (response.status === 401) ended();
}

/** A message for the page: a request to sign in when that is what is missing, the API's reason otherwise. */
export function describe(error) {
  if (error instanceof ApiError && error.status === 401) return t('signIn.needed');
  // Signed in, but this is not theirs to see: say so (never "sign in"), in the page's language.
  if (error instanceof ApiError && error.status === 403) return t('signIn.notAllowed');
  return t('error', error.message);
}
