// The organiser's part of an online quiz, on the contest's organiser page: its rules (weekly rounds from a first
// opening), the question bank from a CSV or .xlsx file, who has taken part, per committee against its members, and the
// prizes of each closed week and overall (round 0) from the contest's individual tiers.
// The rules and the bank can change until the first round opens; the API says so when it is too late.
import { ApiError, get, send, upload } from '../api.js';
import { h, replace, scrollable } from '../dom.js';
import { actionForm, field, LocalRefusal } from '../forms.js';
import * as format from '../format.js';
import { t } from '../i18n.js';

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const dayMs = 24 * 60 * 60 * 1000;

function setupRefusal(error) {
  if (!(error instanceof ApiError)) return { field: null, text: t('organise.networkError') };
  const fields = ['questionsPerAttempt', 'timeLimitMinutes', 'attemptsPerRound', 'predictionQuestion', 'rounds', 'file', 'questions'];
  if (fields.includes(error.field)) return { field: error.field === 'questions' ? 'file' : error.field, text: t('quizSetup.refused', error.message) };
  if (error.field === 'contestId' && error.status === 422) return { field: null, text: t('quizSetup.tooLate') };
  return { field: null, text: t('error', error.message) };
}

/** The organiser's quiz block, and how to stop its live participation when the page is left. */
export function quizSetupSection(contest) {
  const base = `/api/quizzes/${encodeURIComponent(contest.contestId)}`;
  const section = h('section', { id: 'quiz-setup', 'aria-labelledby': 'quiz-setup-title' });
  // The participation table follows the quiz live once it is set up: the stream starts with the figures now.
  const participationBlock = h('div', { id: 'quiz-participation-live' });
  let stream = null;
  function follow() {
    if (stream) return;
    stream = new EventSource(`${base}/participation/live`);
    stream.addEventListener('participation', e => replace(participationBlock, participationTable(JSON.parse(e.data).committees)));
  }

  async function draw() {
    const quiz = await get(base).catch(error => (error instanceof ApiError && error.status === 404 ? null : Promise.reject(error)));
    const participation = quiz ? await get(`${base}/participation`) : [];
    replace(section, h('h2', { id: 'quiz-setup-title' }, t('quizSetup.title')),
      h('p', { id: 'quiz-setup-status', role: 'status' }, quiz
        ? t('quizSetup.status', format.number(quiz.questionsPerAttempt), format.number(quiz.timeLimitMinutes), format.number(quiz.rounds.length),
          format.number(quiz.bankSize), format.number(quiz.participants))
        : t('quizSetup.none')),
      h('p', {}, h('a', { href: `#/thi/${encodeURIComponent(contest.contestId)}` }, t('quizSetup.publicPage'))),
      h('h3', {}, t('quizSetup.rulesTitle')), rulesForm(quiz),
      // The bank follows the rules (the API refuses it before them): until then, say so instead of offering the upload.
      h('h3', {}, t('quizSetup.bankTitle')), quiz ? [h('p', {}, t('quizSetup.bankHint')), bankForm()] : h('p', { id: 'quiz-bank-later' }, t('quizSetup.bankAfterRules')),
      quiz ? [h('h3', {}, t('quizSetup.participationTitle')), participationBlock] : [],
      quiz ? prizes(quiz, new Map(participation.map(r => [r.code, r.name]))) : []);
    if (quiz) {
      replace(participationBlock, participationTable(participation));
      follow();
    }
  }

  /** The prizes of one closed round, or of the whole quiz (round 0) once the last round has closed: chosen in a list. */
  function prizes(quiz, committeeNames) {
    const closed = quiz.rounds.filter(r => new Date(r.closesAt) <= new Date());
    const block = h('div', { id: 'quiz-prizes-admin' });
    if (!closed.length || !contest.individualPrizes.length) return [h('h3', {}, t('quizSetup.prizesTitle')), h('p', {}, t('quizSetup.prizesLater'))];
    const choices = closed.map(r => ({ value: String(r.number), label: t('quizSetup.week', format.number(r.number)) }));
    if (closed.length === quiz.rounds.length) choices.push({ value: '0', label: t('quizSetup.overall') });
    const chosen = field('quiz-prize-round', t('quizSetup.prizeRound'), h('select', {}, choices.map(c => h('option', { value: c.value }, c.label))));
    chosen.input.value = choices[choices.length - 1].value;
    chosen.input.addEventListener('change', () => drawPrizes(chosen.input.value).catch(showError));
    const showError = error => replace(block, h('p', { class: 'error' }, t('error', error.message)));

    async function drawPrizes(round) {
      const path = `${base}/rounds/${round}`;
      // Whether the round is published comes with the quiz itself: its results would bring the whole ranking for one flag.
      const [held, current] = await Promise.all([get(`${path}/prizes`), get(base)]);
      const redraw = () => drawPrizes(round);
      const refusal = error => (error instanceof ApiError && ['tier', 'phone', 'fromPhone', 'toPhone', 'reason'].includes(error.field)
        ? { field: error.field, text: t('quizSetup.refused', error.message) } : setupRefusal(error));
      const tierField = id => field(id, t('organise.tier'), h('select', { required: true },
        contest.individualPrizes.map(p => h('option', { value: p.name }, `${p.name} (${format.number(p.count)})`))));
      const text = (id, label, max) => field(id, label, h('input', { type: 'text', required: true, maxlength: max, autocomplete: 'off' }));
      const table = scrollable(h('table', { id: 'quiz-prize-holders' },
        h('thead', {}, h('tr', {}, ['contest.tier', 'quiz.name', 'quiz.committee', 'quizSetup.phone'].map(k => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, held.map(p => h('tr', {}, h('td', {}, p.tier), h('td', {}, p.name), h('td', {}, committeeNames.get(p.committeeCode) ?? p.committeeCode), h('td', {}, p.phone))))),
      t('quizSetup.prizesTitle'));
      let actions;
      if (current.publishedRounds.includes(Number(round))) {
        const fields = { tier: tierField('quiz-correct-tier'), fromPhone: text('quiz-correct-from', t('quizSetup.fromPhone'), 20),
          toPhone: text('quiz-correct-to', t('quizSetup.toPhone'), 20), reason: text('quiz-correct-reason', t('organise.reason'), 1000) };
        actions = [h('p', { id: 'quiz-prizes-published' }, t('quizSetup.published')), h('h4', {}, t('organise.correctTitle')),
          actionForm('quiz-correct-prize', fields, t('organise.correct'), () => send('POST', `${path}/prizes/corrections`,
            Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, f.input.value.trim()]))), redraw, refusal)];
      } else {
        const fillError = h('p', { class: 'form-error', role: 'alert', id: 'quiz-fill-error' });
        const act = (id, label, then) => h('button', { type: 'button', id, onclick: async () => {
          fillError.textContent = '';
          try {
            await then();
            await redraw();
          } catch (error) {
            fillError.textContent = refusal(error).text;
          }
        } }, label);
        const fields = { tier: tierField('quiz-grant-tier'), phone: text('quiz-grant-phone', t('quizSetup.phone'), 20),
          reason: text('quiz-grant-reason', t('organise.reason'), 1000) };
        // Publishing freezes the prizes: it asks once more before it sends.
        const confirm = h('p', { hidden: true, id: 'quiz-publish-confirmation' }, t('quizSetup.publishWarning'), ' ',
          act('quiz-publish-confirm', t('organise.publishConfirm'), () => send('POST', `${path}/publication`)));
        actions = [h('p', {}, act('quiz-fill-prizes', t('organise.fromRanking'), () => send('POST', `${path}/prizes/from-ranking`)), ' ',
          h('button', { type: 'button', id: 'quiz-publish', onclick: () => { confirm.hidden = false; } }, t('organise.publish'))),
        confirm, fillError, h('h4', {}, t('organise.grantTitle')),
        actionForm('quiz-grant-prize', fields, t('organise.grant'), () => send('POST', `${path}/prizes`,
          Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, f.input.value.trim()]))), redraw, refusal)];
      }
      replace(block, table, actions);
      block.dataset.round = round;
    }

    drawPrizes(chosen.input.value).catch(showError);
    return [h('h3', {}, t('quizSetup.prizesTitle')), chosen.row, block];
  }

  function rulesForm(quiz) {
    const number = (id, label, value, min, max) => field(id, label, h('input', { type: 'number', required: true, min, max, value: String(value), inputmode: 'numeric' }));
    const first = quiz?.rounds[0];
    const [day, time] = first ? format.dateTime(first.opensAt).split(' ') : ['', '08:00'];
    const fields = {
      questionsPerAttempt: number('quiz-per-attempt', t('quizSetup.perAttempt'), quiz?.questionsPerAttempt ?? 20, 1, 200),
      timeLimitMinutes: number('quiz-minutes', t('quizSetup.minutes'), quiz?.timeLimitMinutes ?? 15, 1, 180),
      attemptsPerRound: number('quiz-attempts', t('quizSetup.attempts'), quiz?.attemptsPerRound ?? 1, 1, 20),
      counting: field('quiz-counting', t('quizSetup.counting'), h('select', {},
        h('option', { value: 'First', selected: quiz?.counting !== 'Best' }, t('quizSetup.countFirst')),
        h('option', { value: 'Best', selected: quiz?.counting === 'Best' }, t('quizSetup.countBest')))),
      rounds: field('quiz-first-round', t('quizSetup.firstRound'), h('input', { type: 'text', required: true, size: 10, placeholder: 'dd/mm/yyyy', value: day })),
      firstTime: field('quiz-first-time', t('quizSetup.firstTime'), h('input', { type: 'text', required: true, size: 5, placeholder: 'hh:mm', value: time.slice(0, 5) })),
      roundCount: number('quiz-round-count', t('quizSetup.roundCount'), quiz?.rounds.length ?? 4, 1, 60),
      roundDays: number('quiz-round-days', t('quizSetup.roundDays'), first ? Math.round((Date.parse(first.closesAt) - Date.parse(first.opensAt)) / dayMs) : 7, 1, 90),
      predictionQuestion: field('quiz-prediction-question', t('quizSetup.prediction'), h('input', { type: 'text', required: true, size: 60,
        value: quiz?.predictionQuestion ?? 'Dự đoán có bao nhiêu người trả lời đúng tất cả các câu hỏi của tuần?' })),
    };
    const value = name => fields[name].input.value;
    return actionForm('quiz-rules-form', fields, t('quizSetup.saveRules'), () => {
      const opens = format.instantOf(value('rounds'), value('firstTime'));
      if (!opens) throw new LocalRefusal('rounds', t('announce.noSuchTime'));
      // Rounds follow each other: each opens when the one before closes.
      const length = Number(value('roundDays')) * dayMs;
      const rounds = Array.from({ length: Number(value('roundCount')) }, (_, i) => ({
        opensAt: new Date(Date.parse(opens) + i * length).toISOString(), closesAt: new Date(Date.parse(opens) + (i + 1) * length).toISOString(),
      }));
      return send('PUT', `${base}/rules`, {
        questionsPerAttempt: Number(value('questionsPerAttempt')), timeLimitMinutes: Number(value('timeLimitMinutes')),
        attemptsPerRound: Number(value('attemptsPerRound')), counting: value('counting'), rounds, predictionQuestion: value('predictionQuestion').trim(),
      });
    }, draw, setupRefusal);
  }

  function bankForm() {
    const fields = { file: field('quiz-bank-file', t('quizSetup.bankFile'), h('input', { type: 'file', required: true, accept: '.csv,.xlsx' })) };
    return actionForm('quiz-bank-form', fields, t('quizSetup.upload'), () => {
      const file = fields.file.input.files[0];
      if (!file) throw new LocalRefusal('file', t('quizSetup.chooseFile'));
      return upload('PUT', `${base}/bank/file`, file, file.name.toLowerCase().endsWith('.xlsx') ? xlsx : 'text/csv; charset=utf-8');
    }, draw, setupRefusal);
  }

  function participationTable(rows) {
    return scrollable(h('table', { id: 'quiz-participation' },
      h('thead', {}, h('tr', {}, ['quizSetup.committee', 'quizSetup.people', 'quizSetup.share', 'quizSetup.correctShare'].map(k => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows.map(r => h('tr', {}, h('td', {}, r.name),
        h('td', {}, `${format.number(r.people)} / ${format.number(r.members)}`),
        h('td', {}, r.percent === null ? t('quizSetup.noFigure') : format.percent(r.percent)),
        h('td', {}, r.correctPercent === null ? t('quizSetup.noFigure') : format.percent(r.correctPercent)))))), t('quizSetup.participationTitle'));
  }

  draw().catch(error => replace(section, h('p', { class: 'error' }, t('error', error.message))));
  return { section, stop: () => stream?.close() };
}
