// Personal data under Decree 13/2023/NĐ-CP (docs/personal-data.md): an admin records a person's erasure, which cannot
// be undone (their texts read "[đã xoá]" everywhere from then on; counts, rankings and awards stay); auditors look an
// erasure up by its request id and read who opened whose personal data.
import { ApiError, get, send, describe, session } from '../api.js';
import { h, replace, scrollable } from '../dom.js';
import { actionForm, field, LocalRefusal, newClientId } from '../forms.js';
import * as format from '../format.js';
import { t } from '../i18n.js';

const logPage = 50;

export async function personalDataView(root) {
  const user = await session();
  const admin = user.grants.some(g => g.role === 'Admin');
  replace(root, h('h1', {}, t('personal.title')), h('p', {}, t('personal.intro')),
    admin ? erasureSection() : [], lookupSection(), accessLogSection());
}

/** Whom a form names: an author (name within a committee) or a quiz participant (number); the fields of the other kind hide. */
function personFields(prefix, kindLabel) {
  const fields = {
    kind: field(`${prefix}-kind`, kindLabel, h('select', {},
      h('option', { value: 'author' }, t('personal.kindAuthor')), h('option', { value: 'participant' }, t('personal.kindParticipant')))),
    authorName: field(`${prefix}-author-name`, t('personal.authorName'), h('input', { autocomplete: 'off', maxlength: 200 })),
    committeeCode: field(`${prefix}-committee-code`, t('personal.committeeCode'), h('input', { autocomplete: 'off', maxlength: 50 })),
    phone: field(`${prefix}-phone`, t('personal.phone'), h('input', { type: 'tel', autocomplete: 'off', maxlength: 20 })),
  };
  const show = () => {
    const kind = fields.kind.input.value;
    fields.authorName.row.hidden = fields.committeeCode.row.hidden = kind !== 'author';
    fields.phone.row.hidden = kind !== 'participant';
  };
  fields.kind.input.addEventListener('change', show);
  show();
  return fields;
}

/**
 * The person the fields name, as the API takes them: only the shown kind's fields are sent. A number left blank is
 * refused here (the API, seeing nobody named, would name the author's field, which is hidden).
 */
function personOf(fields) {
  if (fields.kind.input.value === 'author')
    return { authorName: fields.authorName.input.value.trim(), committeeCode: fields.committeeCode.input.value.trim() };
  const phone = fields.phone.input.value.trim();
  if (!phone) throw new LocalRefusal('phone', t('personal.phoneNeeded'));
  return { phone };
}

/** The API's refusal beside the field it names (the request id is the form's own: shown above the button). */
const refusal = fields => error => ({
  field: error instanceof ApiError && fields[error.field] ? error.field : null,
  text: error instanceof ApiError && error.status === 409 && error.field === 'requestId' ? t('personal.requestUsed') : describe(error),
});

function erasureSection() {
  // Made when the form opens and kept until an erasure is recorded: sent again after a lost answer, it records nothing twice.
  let requestId = newClientId();
  const fields = {
    ...personFields('erase', t('personal.kind')),
    legalBasis: field('erase-legal-basis', t('personal.legalBasis'), h('textarea', { rows: 2, maxlength: 500 })),
    understood: field('erase-understood', t('personal.understood'), h('input', { type: 'checkbox' })),
  };
  fields.legalBasis.row.append(h('span', { class: 'hint' }, t('personal.legalBasisHint')));
  fields.understood.row.classList.add('check');
  const result = h('div', { id: 'erasure-result', 'aria-live': 'polite' });
  const form = actionForm('erase', fields, t('personal.erase'), async () => {
    if (!fields.understood.input.checked) throw new LocalRefusal('understood', t('personal.notUnderstood'));
    const erased = await send('POST', '/api/personal-data/erasures',
      { requestId, ...personOf(fields), legalBasis: fields.legalBasis.input.value.trim() });
    replace(result, erasureDetails(erased));
    requestId = newClientId();
    fields.understood.input.checked = false;
  }, () => {}, refusal(fields));
  return h('section', { 'aria-labelledby': 'erase-title' }, h('h2', { id: 'erase-title' }, t('personal.eraseTitle')),
    h('p', { class: 'notice' }, t('personal.eraseWarning')), form, result);
}

/** An erasure as recorded: whose (by pseudonym), why, when, and what was held of theirs, stream by stream. */
function erasureDetails(erasure) {
  return h('div', { class: 'erasure', 'data-request-id': erasure.requestId },
    h('p', {}, t('personal.erased', erasure.requestId, format.dateTime(erasure.erasedAt))),
    h('dl', {}, h('dt', {}, t('personal.person')), h('dd', { class: 'mono' }, erasure.person),
      h('dt', {}, t('personal.legalBasis')), h('dd', {}, erasure.legalBasis)),
    erasure.held.length === 0 ? h('p', {}, t('personal.heldNothing')) : scrollable(h('table', { class: 'erasure-held' },
      h('caption', {}, t('personal.held')),
      h('thead', {}, h('tr', {}, [t('personal.stream'), t('personal.keys')].map(x => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, erasure.held.map(held => h('tr', {},
        h('td', { class: 'mono' }, held.streamId), h('td', {}, format.number(held.dataKeys)))))), t('personal.held')));
}

function lookupSection() {
  const fields = { requestId: field('erasure-lookup-id', t('personal.requestId'), h('input', { autocomplete: 'off', maxlength: 100 })) };
  const result = h('div', { id: 'erasure-lookup-result', 'aria-live': 'polite' });
  const form = actionForm('erasure-lookup', fields, t('contest.show'), async () => {
    replace(result);
    const id = fields.requestId.input.value.trim();
    if (!id) throw new LocalRefusal('requestId', t('personal.requestIdNeeded'));
    const erasure = await get(`/api/personal-data/erasures/${encodeURIComponent(id)}`).catch(error => {
      throw error instanceof ApiError && error.status === 404 ? new LocalRefusal('requestId', t('personal.noSuchRequest', id)) : error;
    });
    replace(result, erasureDetails(erasure));
  }, () => {}, refusal(fields));
  return h('section', { 'aria-labelledby': 'lookup-title' }, h('h2', { id: 'lookup-title' }, t('personal.lookupTitle')), form, result);
}

/** Who opened whose personal data, oldest first, everyone's or one person's, a page at a time. */
function accessLogSection() {
  const fields = personFields('log', t('personal.readsOf'));
  fields.kind.input.prepend(h('option', { value: 'everyone' }, t('personal.everyone')));
  fields.kind.input.value = 'everyone';
  fields.kind.input.dispatchEvent(new Event('change'));
  const body = h('tbody');
  const more = h('button', { type: 'button', id: 'access-log-more', hidden: true }, t('audit.more'));
  const message = h('p', { id: 'access-log-message' });
  let query = '';

  async function load(after) {
    const page = await get(`/api/personal-data/access-log?${query}after=${after}&limit=${logPage}`);
    body.append(...page.map(read => h('tr', { 'data-id': read.id },
      h('td', {}, format.dateTime(read.at)), h('td', {}, read.actor), h('td', {}, read.what),
      h('td', { class: 'mono' }, read.people.join(', ')), h('td', { class: 'mono' }, read.correlationId ?? ''))));
    replace(message, body.children.length === 0 ? t('personal.noReads') : '');
    more.hidden = page.length < logPage;
    more.onclick = () => load(page[page.length - 1].id).catch(error => replace(message, h('span', { class: 'error' }, describe(error))));
  }

  const form = actionForm('access-log-filter', fields, t('contest.show'), async () => {
    const person = fields.kind.input.value === 'everyone' ? {} : personOf(fields);
    query = Object.entries(person).map(([name, value]) => `${name}=${encodeURIComponent(value)}&`).join('');
    body.replaceChildren();
    await load(0);
  }, () => {}, refusal(fields));
  load(0).catch(error => replace(message, h('span', { class: 'error' }, describe(error))));
  return h('section', { 'aria-labelledby': 'access-log-title' }, h('h2', { id: 'access-log-title' }, t('personal.accessLogTitle')),
    h('p', {}, t('personal.accessLogIntro')), form, message,
    scrollable(h('table', { id: 'access-log' },
      h('thead', {}, h('tr', {}, [t('audit.time'), t('personal.reader'), t('personal.what'), t('personal.people'), t('audit.correlation')]
        .map(x => h('th', { scope: 'col' }, x)))),
      body), t('personal.accessLogTitle')),
    more);
}
