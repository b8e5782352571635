// The online quiz as a participant takes it, on a phone, without a staff account: register once (the key the API gives
// is kept in this browser), start an attempt in the open round, answer with the countdown showing, submit, see the
// score. The attempt id is made before the start is sent and kept until the submission is answered, so a reload or a
// retry after a network error comes back to the same attempt, and the same submission gets the same score.
import { ApiError, get, send } from '../api.js';
import { h, replace, scrollable } from '../dom.js';
import { actionForm, clearRefusals, committeeOptions, field, newClientId, showRefusal } from '../forms.js';
import * as format from '../format.js';
import { t } from '../i18n.js';

const keyHeader = 'X-Participant-Key';
const stored = contestId => JSON.parse(localStorage.getItem(`quiz:${contestId}`) ?? 'null');
const store = (contestId, value) => localStorage.setItem(`quiz:${contestId}`, JSON.stringify(value));

/** The API's refusal as the field it names and a sentence in the page's language. */
function quizRefusal(error) {
  if (!(error instanceof ApiError)) return { field: null, text: t('quiz.networkError') };
  const { status, field: named } = error;
  if (named === 'phone') return { field: 'phone', text: t(status === 409 ? 'quiz.phoneTaken' : 'quiz.phoneRules') };
  if (named === 'name') return { field: 'name', text: t('quiz.nameRules') };
  if (named === 'birthYear') return { field: 'birthYear', text: t('quiz.birthYearRules') };
  if (named === 'committeeCode') return { field: 'committeeCode', text: t(status === 400 ? 'quiz.committeeRequired' : 'quiz.committeeNotEligible') };
  if (named === 'consent') return { field: 'consent', text: t('quiz.consentRequired') };
  if (named === 'prediction') return { field: 'prediction', text: t('quiz.predictionRules') };
  if (named === 'participantKey') return { field: null, text: t('quiz.notRegistered') };
  if (named === 'round') return { field: null, text: t('quiz.noRound') };
  if (named === 'attemptId' && status === 422) return { field: null, text: t('quiz.timeUp') };
  if (status === 429) return { field: null, text: t('quiz.tooFast') };
  return { field: null, text: t('error', error.message) };
}

export async function quizView(root, contestId) {
  const base = `/api/quizzes/${encodeURIComponent(contestId)}`;
  const [contest, quiz] = await Promise.all([get(`/api/contests/${encodeURIComponent(contestId)}`), get(base)]);
  const rules = h('p', { id: 'quiz-rules' }, t('quiz.rules', format.number(quiz.questionsPerAttempt), format.number(quiz.timeLimitMinutes), format.number(quiz.attemptsPerRound)));
  const rounds = h('ul', { id: 'quiz-rounds' }, quiz.rounds.map(r => h('li', {},
    t('quiz.round', format.number(r.number), format.dateTime(r.opensAt), format.dateTime(r.closesAt)),
    new Date(r.closesAt) <= new Date() ? [' · ', h('a', { href: `#/thi/${encodeURIComponent(contestId)}/vong/${r.number}` }, t('quiz.results'))] : [])),
    // Round 0 is the overall ranking, over every week: final when the last week closes.
    new Date(quiz.rounds[quiz.rounds.length - 1].closesAt) <= new Date()
      ? h('li', {}, h('a', { id: 'quiz-overall', href: `#/thi/${encodeURIComponent(contestId)}/vong/0` }, t('quiz.overall'))) : []);
  const body = h('div', { id: 'quiz-body' });
  replace(root, h('h1', {}, contest.title), rules, rounds, body);
  let stopClock = () => {};
  const stop = () => stopClock();

  function showRegistration() {
    const committees = get(`${base}/committees`);
    const fields = {
      name: field('quiz-name', t('quiz.name'), h('input', { type: 'text', required: true, maxlength: 200, autocomplete: 'name' })),
      phone: field('quiz-phone', t('quiz.phone'), h('input', { type: 'tel', required: true, autocomplete: 'tel', inputmode: 'tel' })),
      birthYear: field('quiz-birth-year', t('quiz.birthYear'), h('input', { type: 'number', required: true, min: 1900, max: new Date().getFullYear(), inputmode: 'numeric' })),
      committeeCode: field('quiz-committee', t('quiz.committee'), h('select', { required: true }, h('option', { value: '' }, t('entry.chooseCommittee')))),
      consent: field('quiz-consent', quiz.consent, h('input', { type: 'checkbox', required: true })),
    };
    committees.then(list => fields.committeeCode.input.replaceChildren(...committeeOptions(list)));
    const form = actionForm('quiz-register-form', fields, t('quiz.register'), async () => {
      const answer = await send('POST', `${base}/participants`, {
        name: fields.name.input.value.trim(), phone: fields.phone.input.value, birthYear: Number(fields.birthYear.input.value),
        committeeCode: fields.committeeCode.input.value, consent: fields.consent.input.checked,
      });
      store(contestId, { phone: answer.phone, key: answer.participantKey, name: fields.name.input.value.trim() });
    }, showStart, quizRefusal);
    replace(body, h('h2', {}, t('quiz.registerHeading')), form);
  }

  function showStart(notice) {
    const me = stored(contestId);
    const general = h('p', { class: 'form-error', role: 'alert', id: 'quiz-start-error' });
    const start = h('button', { type: 'button', id: 'quiz-start' }, t('quiz.start'));
    start.addEventListener('click', async () => {
      start.disabled = true;
      general.textContent = '';
      // Kept before it is sent: a reload or a retry starts nothing new.
      me.attemptId ??= newClientId();
      store(contestId, me);
      try {
        showAttempt(await send('POST', `${base}/attempts`, { attemptId: me.attemptId, phone: me.phone }, { [keyHeader]: me.key }));
      } catch (error) {
        if (error instanceof ApiError) { delete me.attemptId; store(contestId, me); }
        general.textContent = quizRefusal(error).text;
        start.disabled = false;
      }
    });
    replace(body, notice ? h('p', { id: 'quiz-notice', role: 'status' }, notice) : [],
      h('p', {}, t('quiz.registeredAs', me.name ?? '', me.phone)),
      quiz.openRound ? [h('p', {}, t('quiz.openRound', format.number(quiz.openRound))), start] : h('p', {}, t('quiz.noRound')), general);
    if (me.attemptId && quiz.openRound) start.click();
  }

  function showAttempt(attempt) {
    const me = stored(contestId);
    const clock = h('p', { id: 'quiz-clock', class: 'quiz-clock', role: 'timer', 'aria-live': 'off' });
    const tick = () => {
      const left = Math.max(0, new Date(attempt.deadline) - Date.now());
      const seconds = Math.floor(left / 1000);
      clock.textContent = t('quiz.timeLeft', `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`);
      if (left === 0) stopClock();
    };
    const timer = setInterval(tick, 1000);
    stopClock = () => clearInterval(timer);
    tick();
    const questions = attempt.questions.map((q, i) => h('fieldset', { class: 'quiz-question', id: `question-${q.number}` },
      h('legend', {}, `${i + 1}. ${q.text}`),
      q.options.map((option, o) => h('p', { class: 'quiz-option' },
        h('input', { type: 'checkbox', id: `answer-${q.number}-${o}`, name: `answer-${q.number}`, value: String(o) }), ' ',
        h('label', { for: `answer-${q.number}-${o}` }, option)))));
    const prediction = field('quiz-prediction', quiz.predictionQuestion, h('input', { type: 'number', required: true, min: 0, inputmode: 'numeric' }));
    const fields = { prediction };
    const general = h('p', { class: 'form-error', role: 'alert', id: 'quiz-submit-error' });
    const submit = h('button', { type: 'submit', id: 'quiz-submit' }, t('quiz.submit'));
    replace(body, h('h2', {}, t('quiz.attempt', format.number(attempt.round))), clock, h('form', { id: 'quiz-form', onsubmit: async e => {
      e.preventDefault();
      clearRefusals(fields, general);
      submit.disabled = true;
      const answers = attempt.questions.map(q => ({
        question: q.number,
        chosen: [...body.querySelectorAll(`input[name="answer-${q.number}"]:checked`)].map(c => Number(c.value)),
      })).filter(a => a.chosen.length > 0);
      try {
        const result = await send('PUT', `${base}/attempts/${encodeURIComponent(attempt.attemptId)}/submission`,
          { phone: me.phone, answers, prediction: prediction.input.value === '' ? null : Number(prediction.input.value) }, { [keyHeader]: me.key });
        stopClock();
        delete me.attemptId;
        store(contestId, me);
        showScore(result);
      } catch (error) {
        const refusal = quizRefusal(error);
        if (error instanceof ApiError && error.status === 422 && error.field === 'attemptId') {
          // Time is up: the attempt closed as it stood; the next one starts afresh.
          stopClock();
          delete me.attemptId;
          store(contestId, me);
          showStart(refusal.text);
          return;
        }
        showRefusal(fields, general, refusal);
        submit.disabled = false;
      }
    } }, questions, prediction.row, general, submit));
  }

  function showScore(result) {
    replace(body, h('p', { id: 'quiz-score', role: 'status', class: 'big' },
      t('quiz.score', format.number(result.correct), format.number(result.questions.length))),
      h('p', {}, t('quiz.scoreNote')));
  }

  if (stored(contestId)) showStart(); else showRegistration();
  return stop;
}

/** A closed round's results: how many answered everything right, the ranking, and the questions with their right options. */
export async function quizResultsView(root, [contestId, round]) {
  const [contest, results] = await Promise.all([
    get(`/api/contests/${encodeURIComponent(contestId)}`),
    get(`/api/quizzes/${encodeURIComponent(contestId)}/rounds/${encodeURIComponent(round)}/results`),
  ]);
  const letters = ['A', 'B', 'C', 'D'];
  const overall = results.round === 0;
  replace(root, h('h1', {}, overall ? t('quiz.overallTitle', contest.title) : t('quiz.resultsTitle', format.number(results.round), contest.title)),
    h('p', { id: 'quiz-all-correct' }, t(overall ? 'quiz.allCorrectOverall' : 'quiz.allCorrect', format.number(results.allCorrect))),
    results.published && results.prizes.length ? [h('h2', {}, t('quiz.prizes')), h('ul', { id: 'quiz-prizes' },
      results.prizes.map(p => h('li', {}, h('strong', {}, p.tier), ': ', p.name, ` (${p.committeeCode})`)))] : [],
    scrollable(h('table', { id: 'quiz-ranking' },
      h('caption', {}, t('quiz.ranking')),
      h('thead', {}, h('tr', {}, ['quiz.place', 'quiz.name', 'quiz.committee', 'quiz.correct', 'quiz.predictionOff', 'quiz.took']
        .map(k => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, results.ranking.map(r => h('tr', {}, h('td', {}, format.number(r.rank)), h('td', {}, r.name), h('td', {}, r.committeeCode),
        h('td', {}, format.number(r.correct)), h('td', {}, r.predictionOff === null ? '–' : format.number(r.predictionOff)),
        h('td', {}, format.decimal(r.tookSeconds)))))), t('quiz.ranking')),
    h('h2', {}, t('quiz.key')),
    h('ol', { id: 'quiz-key' }, results.key.map(q => h('li', { value: String(q.number) }, q.text, ' ',
      h('strong', {}, q.correct.map(c => `${letters[c]}. ${q.options[c]}`).join('; '))))));
}
