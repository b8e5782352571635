// What every form of the web UI shares: a labelled field with its refusal right under it, and showing the API's
// refusal beside the field it names (or above the button when it names none), in the page's language.
import { get } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';

/** A labelled input (or select) whose refusal shows under it and is announced; the input gets the id. */
export function field(id, label, input) {
  const error = h('p', { id: `${id}-error`, class: 'field-error', role: 'alert' });
  input.id = id;
  input.name ||= id;
  input.setAttribute('aria-describedby', error.id);
  return { input, error, row: h('p', { class: 'field' }, h('label', { for: id }, label), input, error) };
}

export function clearRefusals(fields, general) {
  Object.values(fields).forEach(f => { f.error.textContent = ''; f.input.removeAttribute('aria-invalid'); });
  general.textContent = '';
}

/** Shows { field, text } beside that field, focused, or in the form's general line when no field of the form is named. */
export function showRefusal(fields, general, { field: name, text }) {
  clearRefusals(fields, general);
  const target = name && fields[name];
  if (target) {
    target.error.textContent = text;
    target.input.setAttribute('aria-invalid', 'true');
    target.input.focus();
  } else {
    general.textContent = text;
  }
}

/** A refusal found in the page before anything is sent (a day that does not exist): shown beside its field like the API's. */
export class LocalRefusal extends Error {
  constructor(field, text) {
    super(text);
    this.field = field;
    this.text = text;
  }
}

/**
 * A form that sends one request when submitted: its refusals (the page's own, or the API's as refusalOf words them)
 * show beside their fields, the button is held while the request is on its way, and done() runs after a success.
 */
export function actionForm(id, fields, buttonText, request, done, refusalOf) {
  const general = h('p', { class: 'form-error', role: 'alert', id: `${id}-error` });
  const submit = h('button', { type: 'submit', id: `${id}-submit` }, buttonText);
  return h('form', { id, class: 'sign-in', onsubmit: async e => {
    e.preventDefault();
    clearRefusals(fields, general);
    submit.disabled = true;
    try {
      await request();
      await done();
    } catch (error) {
      showRefusal(fields, general, error instanceof LocalRefusal ? error : refusalOf(error));
    } finally {
      submit.disabled = false;
    }
  } }, Object.values(fields).filter(f => f.row).map(f => f.row), general, submit);
}

/** The committees of these subtrees, each once, in the order the subtrees list them (breadth first, with depths). */
export async function subtreesOf(codes) {
  const subtrees = await Promise.all([...new Set(codes)].map(code => get(`/api/committees/${encodeURIComponent(code)}/subtree`).catch(() => [])));
  const seen = new Set();
  return subtrees.flat().filter(c => !seen.has(c.code) && seen.add(c.code));
}

/** A select's options for committees: a prompt, then each committee indented by its depth, named and coded. */
export const committeeOptions = committees => [h('option', { value: '' }, t('entry.chooseCommittee')),
  ...committees.map(c => h('option', { value: c.code }, `${'\u00a0\u00a0'.repeat(Math.max(0, c.depth ?? 0))}${c.name} (${c.code})`))];

/** An id no other form will make, made when a form opens so that sending it again records nothing twice. */
export function newClientId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
}

/** The committees the user acts for as an officer (each with everything below it, as the API's rules read a grant). */
export const officerCommittees = user => user.grants.filter(g => g.role === 'Officer' && g.committeeCode).map(g => g.committeeCode);

/** Committee names by code for a subtree, for labels; empty when the reader may not see it (codes are shown then). */
export async function committeeNames(code) {
  return Object.fromEntries((await subtreesOf([code])).map(c => [c.code, c.name]));
}
