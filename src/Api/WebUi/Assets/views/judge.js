// A judge's work: the contests whose panel they sit on, and each one's queue of entries without author or committee,
// scored by keyboard alone (type the score, Enter saves it and moves to the next entry), with their progress. Scoring
// again before the results are published replaces the score.
import { ApiError, get, send, session, describe } from '../api.js';
import { h, replace, scrollable } from '../dom.js';
import * as format from '../format.js';
import { t } from '../i18n.js';

const pageSize = 50;
const round = 1;

/** Whether the user judges at all: a judge grant, naming one contest or none. */
export const isJudge = user => (user?.grants ?? []).some(g => g.role === 'Judge');

/** The contests the user's judge grants name (none for a grant that lets them judge any panel they sit on). */
const namedContests = user => [...new Set((user?.grants ?? []).filter(g => g.role === 'Judge' && g.contestId).map(g => g.contestId))];

/** How far the judge is in a contest, or why they cannot score it: not on its panel yet (404), or no grant for it (403). */
async function standing(contestId, judge) {
  try {
    const progress = await get(`/api/contests/${encodeURIComponent(contestId)}/judges/${judge}/progress`);
    return t('judge.progress', format.number(progress.scored), format.number(progress.total));
  } catch (error) {
    return error instanceof ApiError && error.status === 403 ? t('judge.notGranted') : t('judge.notOnPanel');
  }
}

export async function judgePanelsView(root) {
  const user = await session();
  const judge = encodeURIComponent(user.username);
  replace(root, h('h1', {}, t('judge.panels')), h('p', {}, t('loading')));
  // The panels the judge sits on, from the API; and the contests a grant names whose panel they are not on yet, so
  // that they see why there is nothing to score there.
  const seated = await get(`/api/judges/${judge}/panels`);
  const waiting = namedContests(user).filter(id => !seated.some(p => p.contestId === id));
  const contests = await Promise.all([
    ...seated.map(async p => ({ id: p.contestId, title: p.title, status: t(`contestStatus.${p.status}`), standing: await standing(p.contestId, judge) })),
    ...waiting.map(async id => ({ id, title: (await get(`/api/contests/${encodeURIComponent(id)}`).catch(() => null))?.title, standing: t('judge.notOnPanel') })),
  ]);
  replace(root, h('h1', {}, t('judge.panels')),
    contests.length === 0 ? h('p', {}, t('judge.noPanels'))
      : h('ul', { id: 'judged-contests' }, contests.map(({ id, title, status, standing }) => h('li', {},
        h('a', { href: `#/cham-diem/${encodeURIComponent(id)}` }, title ?? id), status ? ` (${status})` : '', ' · ', standing))));
}

/** The judge's refusal as a sentence: the API's reasons are English, told apart here by field and status. */
function scoreRefusal(error) {
  if (!(error instanceof ApiError)) return t('judge.networkError');
  if (error.field === 'score') return t('judge.scoreRules');
  if (error.field === 'contestId' && error.status === 422) return t('judge.published');
  if (error.field === 'entryNumber') return t('judge.entryGone');
  return t('error', error.message);
}

export async function judgeQueueView(root, [contestId]) {
  const user = await session();
  const base = `/api/contests/${encodeURIComponent(contestId)}`;
  const judge = encodeURIComponent(user.username);
  const progress = h('p', { id: 'judge-progress', role: 'status' });
  const rows = h('tbody', {});
  const more = h('button', { type: 'button', id: 'judge-more', hidden: true }, t('judge.more'));
  let last = 0;

  async function showProgress() {
    const p = await get(`${base}/judges/${judge}/progress?round=${round}`);
    progress.textContent = t('judge.progress', format.number(p.scored), format.number(p.total));
  }

  const inputs = () => [...rows.querySelectorAll('input')];

  async function next(input) {
    const all = inputs();
    const at = all.indexOf(input);
    if (at === all.length - 1 && !more.hidden) await loadPage();
    const following = inputs()[at + 1];
    (following ?? input).focus();
    following?.select();
  }

  async function save(input, entryNumber, status) {
    const text = input.value.trim();
    const score = Number(text);
    if (text === '' || !Number.isInteger(score) || score < 0 || score > 100) {
      refuse(input, status, t('judge.scoreRules'));
      return;
    }
    try {
      await send('PUT', `${base}/entries/${entryNumber}/scores`, { judgeId: user.username, round, score });
      input.removeAttribute('aria-invalid');
      input.dataset.saved = String(score);
      delete status.dataset.error;
      status.textContent = t('judge.saved');
      await showProgress();
      await next(input);
    } catch (error) {
      refuse(input, status, scoreRefusal(error));
    }
  }

  function refuse(input, status, text) {
    input.setAttribute('aria-invalid', 'true');
    status.dataset.error = 'true';
    status.textContent = text;
  }

  function row(entry) {
    const status = h('span', { id: `score-status-${entry.entryNumber}`, class: 'score-status', role: 'status' });
    const input = h('input', {
      id: `score-${entry.entryNumber}`, type: 'number', min: 0, max: 100, step: 1, inputmode: 'numeric', class: 'score',
      value: entry.score ?? '', 'aria-describedby': status.id,
      'aria-label': t('judge.scoreOf', format.number(entry.entryNumber)),
    });
    if (entry.score !== null) status.textContent = t('judge.saved');
    input.addEventListener('keydown', e => {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      save(input, entry.entryNumber, status);
    });
    input.addEventListener('input', () => { status.textContent = input.value === input.dataset.saved ? t('judge.saved') : ''; });
    if (entry.score !== null) input.dataset.saved = String(entry.score);
    const quiz = entry.questionsAnswered != null ? ` · ${t('judge.quiz', format.number(entry.questionsCorrect), format.number(entry.questionsAnswered))}` : '';
    return h('tr', {}, h('td', {}, format.number(entry.entryNumber)), h('th', { scope: 'row' }, entry.title),
      h('td', {}, format.number(entry.words), quiz), h('td', {}, input, ' ', status));
  }

  async function loadPage() {
    const page = await get(`${base}/judges/${judge}/entries?round=${round}&after=${last}&limit=${pageSize}`);
    page.forEach(entry => rows.append(row(entry)));
    if (page.length) last = page[page.length - 1].entryNumber;
    more.hidden = page.length < pageSize;
  }
  more.addEventListener('click', loadPage);

  try {
    const contest = await get(base);
    await Promise.all([showProgress(), loadPage()]);
    replace(root, h('h1', {}, t('judge.title', contest.title)), progress, h('p', {}, t('judge.howTo')),
      scrollable(h('table', { id: 'judge-queue' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('judge.number')),
        h('th', { scope: 'col' }, t('judge.entryTitle')), h('th', { scope: 'col' }, t('judge.words')), h('th', { scope: 'col' }, t('judge.score')))), rows),
      t('judge.score')),
      more);
    // Straight to the first entry not yet scored: the judge types from the moment the page opens.
    (inputs().find(i => i.value === '') ?? inputs()[0])?.focus();
  } catch (error) {
    replace(root, h('p', { class: 'error' }, describe(error)));
  }
}
