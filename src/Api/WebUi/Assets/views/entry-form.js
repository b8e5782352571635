// The form an officer or organiser records an entry with. Its submission id is made when the form opens and kept until
// a receipt comes back, so a double click, or a retry after a network error, sends the same id: the API records the
// entry once and answers every resend with the first receipt. Refusals show beside the field they name, in the page's
// language (the API's reasons are English: they are told apart by field and status here).
import { ApiError, send } from '../api.js';
import { h, replace } from '../dom.js';
import { clearRefusals, committeeOptions, field, newClientId, officerCommittees, showRefusal, subtreesOf } from '../forms.js';
import * as format from '../format.js';
import { t } from '../i18n.js';

/** The committees the user may record entries for: each subtree they act for as officer, and the organiser's as its organiser. */
function committeesFor(user, contest) {
  const organises = user.grants.some(g => g.role === 'Admin' || (g.role === 'Organiser' && g.committeeCode === contest.organiserCode));
  return subtreesOf([...(organises ? [contest.organiserCode] : []), ...officerCommittees(user)]);
}

/** Whether the user holds a grant that may record entries at all (the API decides for which committees). */
export const mayRecordEntries = user => !!user?.grants.some(g => ['Admin', 'Officer', 'Organiser'].includes(g.role));

/** The API's refusal as the field it names and a sentence in the page's language. */
export function entryRefusal(error) {
  if (!(error instanceof ApiError)) return { field: null, text: t('entry.networkError') };
  const { status, field: named } = error;
  if (status === 429) return { field: null, text: t('entry.tooFast') };
  if (status === 403) return { field: 'committeeCode', text: t('entry.notYourCommittee') };
  if (status === 409 && named === 'submissionId') return { field: null, text: t('entry.sameIdOtherBody') };
  if (named === 'committeeCode') return { field: named, text: t(status === 400 ? 'entry.committeeRequired' : 'entry.committeeNotEligible') };
  if (named === 'authorName') return { field: named, text: t(status === 422 ? 'entry.authorLimit' : 'entry.authorRules') };
  if (named === 'title') return { field: named, text: t('entry.titleRules') };
  if (named === 'words') return { field: named, text: t('entry.wordsRules') };
  if (named === 'questionsAnswered') return { field: named, text: t('entry.answeredRules') };
  if (named === 'questionsCorrect') return { field: named, text: t('entry.correctRules') };
  if (named === 'submittedAt') return { field: null, text: t('entry.notOpen') };
  if (named === 'contestId' && status === 422) return { field: null, text: t('entry.cancelled') };
  return { field: null, text: t('error', error.message) };
}

export async function entryForm(contest, user) {
  const committees = await committeesFor(user, contest);
  const fields = {
    committeeCode: field('entry-committee', t('entry.committee'), h('select', { required: true }, committeeOptions(committees))),
    authorName: field('entry-author', t('entry.author'), h('input', { type: 'text', required: true, maxlength: 200, autocomplete: 'off' })),
    title: field('entry-title', t('entry.title'), h('input', { type: 'text', required: true, maxlength: 500, autocomplete: 'off' })),
    words: field('entry-words', t('entry.words'), h('input', { type: 'number', required: true, min: 1, max: 100000, inputmode: 'numeric' })),
  };
  if (contest.kind === 'Quiz') {
    fields.questionsAnswered = field('entry-answered', t('entry.answered'), h('input', { type: 'number', required: true, min: 1, max: 1000 }));
    fields.questionsCorrect = field('entry-correct', t('entry.correct'), h('input', { type: 'number', required: true, min: 0, max: 1000 }));
  }
  const general = h('p', { class: 'form-error', role: 'alert', id: 'entry-general-error' });
  const receipt = h('p', { id: 'entry-receipt', role: 'status' });
  const submit = h('button', { type: 'submit', id: 'entry-submit' }, t('entry.record'));
  const another = h('button', { type: 'button', id: 'entry-another', hidden: true }, t('entry.another'));
  let submissionId = newClientId();
  let sending = null;

  function setEnabled(enabled) {
    Object.values(fields).forEach(f => { f.input.disabled = !enabled; });
    submit.disabled = !enabled;
  }

  function body() {
    const number = f => (fields[f] && fields[f].input.value !== '' ? Number(fields[f].input.value) : undefined);
    return {
      submissionId,
      committeeCode: fields.committeeCode.input.value,
      authorName: fields.authorName.input.value.trim(),
      title: fields.title.input.value.trim(),
      words: number('words'),
      questionsAnswered: number('questionsAnswered'),
      questionsCorrect: number('questionsCorrect'),
    };
  }

  async function record() {
    clearRefusals(fields, general);
    setEnabled(false);
    try {
      const answer = await send('POST', `/api/contests/${encodeURIComponent(contest.contestId)}/entries`, body());
      receipt.textContent = t('entry.receipt', format.number(answer.entryNumber), format.dateTime(answer.submittedAt), answer.submissionId);
      another.hidden = false;
      another.focus();
    } catch (error) {
      // The same id stays: sending again cannot record the entry twice.
      setEnabled(true);
      showRefusal(fields, general, entryRefusal(error));
    }
  }

  const form = h('form', { id: 'entry-form', class: 'sign-in', onsubmit: e => {
    e.preventDefault();
    // A second click while the first is on its way waits for it rather than sending the form again.
    sending ??= record().finally(() => { sending = null; });
  } }, Object.values(fields).map(f => f.row), general, submit, ' ', another, receipt);
  another.addEventListener('click', () => {
    submissionId = newClientId();
    form.reset();
    receipt.textContent = '';
    another.hidden = true;
    setEnabled(true);
    fields.authorName.input.focus();
  });
  const section = h('section', { id: 'record-entry', 'aria-labelledby': 'record-entry-title' });
  replace(section, h('h2', { id: 'record-entry-title' }, t('entry.heading')), form);
  return section;
}
