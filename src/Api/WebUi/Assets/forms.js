// What every form of the web UI shares: a labelled field with its refusal right under it, and showing the API's
// refusal beside the field it names (or above the button when it names none), in the page's language.
import { h } from './dom.js';

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
