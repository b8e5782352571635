// The API, called with the token the user signed in with (kept for this tab only).
import { t } from './i18n.js';

export function token() {
  return sessionStorage.getItem('tuyengiao.token');
}

export function setToken(value) {
  if (value) sessionStorage.setItem('tuyengiao.token', value); else sessionStorage.removeItem('tuyengiao.token');
}

/** Who the token says the user is (read, not verified: the API verifies every call). */
export function whoAmI() {
  const value = token();
  if (!value) return null;
  try {
    const payload = JSON.parse(atob(value.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return { user: payload.sub, role: payload.role };
  } catch {
    return null;
  }
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function get(path) {
  const headers = { Accept: 'application/json' };
  if (token()) headers.Authorization = `Bearer ${token()}`;
  const response = await fetch(path, { headers });
  if (response.ok) return response.json();
  let reason = response.statusText;
  try {
    // ProblemDetails: the first field's first reason says it best.
    const problem = await response.json();
    reason = Object.values(problem.errors ?? {})[0]?.[0] ?? problem.detail ?? problem.title ?? reason;
  } catch { /* not JSON */ }
  throw new ApiError(response.status, reason);
}

/** A message for the page: a request to sign in when that is what is missing, the API's reason otherwise. */
export function describe(error) {
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return `${t('signIn.needed')} (${error.message})`;
  return t('error', error.message);
}
