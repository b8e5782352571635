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
  if (error.field === 'score' || error.field === 'sheet') return t('judge.scoreRules');
  if (error.field === 'contestId' && error.status === 422) return t('judge.published');
  if (error.field === 'entryNumber') return t('judge.entryGone');
  if (error.field === 'reason') return t('judge.conflictReason');
  return t('error', error.message);
}

/**
 * What the judge typed in a row: one score of 0 to 100, or with a scoring sheet the points of each criterion, each
 * within its own maximum; null when a box is empty or out of its range (the box is marked).
 */
function readScore(boxes, criteria) {
  const values = boxes.map(b => b.value.trim());
  const bad = boxes.filter((b, i) => {
    const n = Number(values[i]);
    return values[i] === '' || !Number.isInteger(n) || n < 0 || n > (criteria.length ? criteria[i].points : 100);
  });
  boxes.forEach(b => (bad.includes(b) ? b.setAttribute('aria-invalid', 'true') : b.removeAttribute('aria-invalid')));
  if (bad.length) return null;
  return criteria.length ? { sheet: criteria.map((c, i) => ({ name: c.name, points: Number(values[i]) })) } : { score: Number(values[0]) };
}

export async function judgeQueueView(root, [contestId]) {
  const user = await session();
  const base = `/api/contests/${encodeURIComponent(contestId)}`;
  const judge = encodeURIComponent(user.username);
  const progress = h('p', { id: 'judge-progress', role: 'status' });
  const rows = h('tbody', {});
  const more = h('button', { type: 'button', id: 'judge-more', hidden: true }, t('judge.more'));
  let last = 0;
  let criteria = [];

  async function showProgress() {
    const p = await get(`${base}/judges/${judge}/progress?round=${round}`);
    progress.textContent = t('judge.progress', format.number(p.scored), format.number(p.total));
  }

  const inputs = () => [...rows.querySelectorAll('input.score')];

  async function next(input) {
    const all = inputs();
    const at = all.indexOf(input);
    if (at === all.length - 1 && !more.hidden) await loadPage();
    const following = inputs()[at + 1];
    (following ?? input).focus();
    following?.select();
  }

  async function save(boxes, entryNumber, status) {
    const body = readScore(boxes, criteria);
    if (!body) {
      refuse(status, criteria.length ? t('judge.sheetRules') : t('judge.scoreRules'));
      return;
    }
    try {
      await send('PUT', `${base}/entries/${entryNumber}/scores`, { judgeId: user.username, round, ...body });
      boxes.forEach(b => { b.dataset.saved = b.value.trim(); });
      delete status.dataset.error;
      status.textContent = criteria.length ? t('judge.savedTotal', format.number(body.sheet.reduce((sum, c) => sum + c.points, 0))) : t('judge.saved');
      await showProgress();
      await next(boxes[boxes.length - 1]);
    } catch (error) {
      boxes.forEach(b => b.setAttribute('aria-invalid', 'true'));
      refuse(status, scoreRefusal(error));
    }
  }

  function refuse(status, text) {
    status.dataset.error = 'true';
    status.textContent = text;
  }

  /** A conflict of interest with the entry, declared with its reason: the entry leaves the judge's queue. */
  function conflictForm(entry, tr) {
    const reason = h('input', { id: `conflict-reason-${entry.entryNumber}`, class: 'conflict-reason', maxlength: 1000, 'aria-label': t('judge.conflictReasonOf', format.number(entry.entryNumber)) });
    const said = h('span', { id: `conflict-status-${entry.entryNumber}`, role: 'status' });
    const form = h('form', { class: 'conflict-form', hidden: true, onsubmit: async e => {
      e.preventDefault();
      try {
        await send('POST', `${base}/judges/${judge}/conflicts`, { entryNumber: entry.entryNumber, reason: reason.value });
        tr.remove();
        progress.textContent = '';
        await showProgress();
      } catch (error) {
        said.textContent = scoreRefusal(error);
      }
    } }, reason, ' ', h('button', { type: 'submit', id: `conflict-submit-${entry.entryNumber}` }, t('judge.conflictSubmit')), ' ', said);
    const open = h('button', { type: 'button', class: 'link', id: `conflict-${entry.entryNumber}`, onclick: () => {
      form.hidden = false;
      open.hidden = true;
      reason.focus();
    } }, t('judge.conflict'));
    return [open, form];
  }

  function row(entry) {
    const status = h('span', { id: `score-status-${entry.entryNumber}`, class: 'score-status', role: 'status' });
    const boxes = (criteria.length ? criteria : [null]).map((c, i) => h('input', {
      id: criteria.length ? `score-${entry.entryNumber}-${i + 1}` : `score-${entry.entryNumber}`, type: 'number', min: 0, max: c ? c.points : 100, step: 1,
      inputmode: 'numeric', class: 'score', value: c ? '' : entry.score ?? '', 'aria-describedby': status.id,
      'aria-label': c ? t('judge.criterionOf', c.name, format.number(c.points), format.number(entry.entryNumber)) : t('judge.scoreOf', format.number(entry.entryNumber)),
    }));
    if (entry.score !== null) status.textContent = criteria.length ? t('judge.savedTotal', format.number(entry.score)) : t('judge.saved');
    boxes.forEach((box, i) => {
      box.addEventListener('keydown', e => {
        if (e.key !== 'Enter') return;
        e.preventDefault();
        // Enter in a criterion's box moves to the next one; in the last, the sheet is saved.
        if (i < boxes.length - 1) boxes[i + 1].focus(); else save(boxes, entry.entryNumber, status);
      });
      box.addEventListener('input', () => {
        if (!criteria.length) status.textContent = box.value === box.dataset.saved ? t('judge.saved') : '';
      });
      if (!criteria.length && entry.score !== null) box.dataset.saved = String(entry.score);
    });
    const quiz = entry.questionsAnswered != null ? ` · ${t('judge.quiz', format.number(entry.questionsCorrect), format.number(entry.questionsAnswered))}` : '';
    const tr = h('tr', {});
    tr.append(h('td', {}, format.number(entry.entryNumber)), h('th', { scope: 'row' }, entry.title),
      h('td', {}, format.number(entry.words), quiz), h('td', {}, boxes.map(b => [b, ' ']), status), h('td', {}, conflictForm(entry, tr)));
    return tr;
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
    criteria = contest.judging?.criteria ?? [];
    await Promise.all([showProgress(), loadPage()]);
    const scoreHeading = criteria.length ? t('judge.sheet', criteria.map(c => `${c.name} (${format.number(c.points)})`).join(', ')) : t('judge.score');
    replace(root, h('h1', {}, t('judge.title', contest.title)), progress, h('p', {}, t(criteria.length ? 'judge.howToSheet' : 'judge.howTo')),
      scrollable(h('table', { id: 'judge-queue' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('judge.number')),
        h('th', { scope: 'col' }, t('judge.entryTitle')), h('th', { scope: 'col' }, t('judge.words')), h('th', { scope: 'col' }, scoreHeading),
        h('th', { scope: 'col' }, t('judge.conflictHeading')))), rows),
      t('judge.score')),
      more);
    // Straight to the first entry not yet scored: the judge types from the moment the page opens.
    (inputs().find(i => i.value === '') ?? inputs()[0])?.focus();
  } catch (error) {
    replace(root, h('p', { class: 'error' }, describe(error)));
  }
}
