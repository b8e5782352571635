// The organiser's page of a contest: the judging panel (and putting a judge on it), the ranking, the awards (filled
// from the ranking, or granted one by one with the reason) and publishing the results, which freezes them. Each
// action answers with the contest as it now stands, and the page draws itself again from the API.
import { ApiError, get, send, session, describe } from '../api.js';
import { h, replace, scrollable } from '../dom.js';
import { actionForm, committeeOptions, field } from '../forms.js';
import * as format from '../format.js';
import { t } from '../i18n.js';
import { quizSetupSection } from './quiz-setup.js';

/** Whether the user runs this contest: an admin, or an organiser of its organising committee. */
export const mayOrganise = (user, organiserCode) =>
  !!user?.grants.some(g => g.role === 'Admin' || (g.role === 'Organiser' && g.committeeCode === organiserCode));

/** The organiser's refusal as the field it names and a sentence in the page's language. */
function organiserRefusal(error) {
  if (!(error instanceof ApiError)) return { field: null, text: t('organise.networkError') };
  const { status, field: named } = error;
  if (named === 'judgeId') return { field: 'judgeId', text: t('organise.judgeIdRules') };
  if (named === 'name') return { field: 'name', text: t('organise.nameRules') };
  if (named === 'committeeCode') return { field: 'committeeCode', text: t('organise.committeeRequired') };
  if (named === 'reason') return { field: 'reason', text: t('organise.reasonRules') };
  if (named === 'round') return { field: 'round', text: t('organise.roundRules') };
  if (['entryNumber', 'fromEntryNumber', 'toEntryNumber'].includes(named)) return { field: named, text: t(status === 409 ? 'organise.entryHoldsTier' : 'organise.entryNotRanked') };
  if (['fromCommitteeCode', 'toCommitteeCode'].includes(named)) return { field: named, text: t(status === 409 ? 'organise.entryHoldsTier' : 'organise.committeeRequired') };
  if (named === 'tier') return { field: 'tier', text: t(status === 409 ? 'organise.tierFull' : 'organise.tierRequired') };
  if (named === 'contestId' && status === 422) return { field: null, text: t('organise.notNow', error.message) };
  return { field: null, text: t('error', error.message) };
}

export async function organiseView(root, [contestId]) {
  const base = `/api/contests/${encodeURIComponent(contestId)}`;
  const user = await session();
  replace(root, h('p', {}, t('loading')));
  let contest;
  let committees;
  try {
    contest = await get(base);
    committees = await get(`/api/committees/${encodeURIComponent(contest.organiserCode)}/subtree`).catch(() => []);
  } catch (error) {
    replace(root, h('p', { class: 'error' }, describe(error)));
    return;
  }
  if (!mayOrganise(user, contest.organiserCode)) {
    replace(root, h('p', { class: 'error' }, t('organise.notYours')));
    return;
  }
  const names = Object.fromEntries(committees.map(c => [c.code, c.name]));
  const committeeName = code => names[code] ?? code;

  const panel = h('section', { id: 'panel', 'aria-labelledby': 'panel-title' });
  const ranking = h('section', { id: 'ranking', 'aria-labelledby': 'ranking-title' });
  const awards = h('section', { id: 'awards', 'aria-labelledby': 'awards-title' });
  const results = h('section', { id: 'results', 'aria-labelledby': 'results-title' });
  const quiz = contest.kind === 'Quiz' ? quizSetupSection(contest) : null;
  replace(root, h('h1', {}, t('organise.title', contest.title)),
    h('p', {}, h('a', { href: `#/contests/${encodeURIComponent(contest.contestId)}` }, t('organise.backToContest'))),
    quiz ? quiz.section : [], panel, ranking, awards, results);

  async function draw() {
    const [judges, ranked, tally, holders] = await Promise.all([
      get(`${base}/judges`), get(`${base}/ranking`), get(`${base}/tally`), get(`${base}/prize-holders`)]);
    drawPanel(judges);
    drawRanking(ranked);
    drawAwards(tally, holders);
    drawResults(tally);
  }

  function drawPanel(judges) {
    const fields = {
      judgeId: field('judge-id', t('organise.judgeId'), h('input', { type: 'text', required: true, autocomplete: 'off' })),
      name: field('judge-name', t('organise.judgeName'), h('input', { type: 'text', required: true, autocomplete: 'off' })),
      committeeCode: field('judge-committee', t('organise.judgeCommittee'), h('select', { required: true }, committeeOptions(committees))),
    };
    const form = actionForm('assign-judge', fields, t('organise.assign'), () => send('POST', `${base}/judges`, {
      judgeId: fields.judgeId.input.value.trim(), name: fields.name.input.value.trim(), committeeCode: fields.committeeCode.input.value,
    }), draw, organiserRefusal);
    replace(panel, h('h2', { id: 'panel-title' }, t('organise.panel')),
      judges.length === 0 ? h('p', {}, t('organise.noJudges'))
        : h('ul', { id: 'judges' }, judges.map(j => h('li', {}, `${j.name} (${j.judgeId}) – ${committeeName(j.committeeCode)}`))),
      h('p', {}, t('organise.judgeHint')), form, judges.length ? conflictForm(judges) : []);
  }

  /** The organiser records a conflict of interest on a judge's behalf: the judge no longer sees nor scores the entry. */
  function conflictForm(judges) {
    const fields = {
      judgeId: field('conflict-judge', t('organise.conflictJudge'), h('select', { required: true },
        judges.map(j => h('option', { value: j.judgeId }, `${j.name} (${j.judgeId})`)))),
      entryNumber: field('conflict-entry', t('organise.conflictEntry'), h('input', { type: 'number', min: 1, required: true })),
      reason: field('conflict-reason', t('organise.reason'), h('input', { type: 'text', required: true, maxlength: 1000, autocomplete: 'off' })),
    };
    return [h('h3', {}, t('organise.conflictTitle')), actionForm('record-conflict', fields, t('organise.conflictSubmit'), () =>
      send('POST', `${base}/judges/${encodeURIComponent(fields.judgeId.input.value)}/conflicts`, {
        entryNumber: fields.entryNumber.input.value === '' ? null : Number(fields.entryNumber.input.value), reason: fields.reason.input.value.trim(),
      }), draw, organiserRefusal)];
  }

  /** How a round's scores are made comparable across judges, until the results are published. */
  function normalisationForm() {
    const fields = {
      round: field('normalisation-round', t('organise.round'), h('input', { type: 'number', min: 1, max: 10, value: 1, required: true })),
      method: field('normalisation-method', t('organise.normalisation'), h('select', { required: true },
        ['Raw', 'ZScore', 'Rank'].map(m => h('option', { value: m }, t(`why.method.${m}`))))),
    };
    return [h('p', {}, t('organise.normalisationHint')), actionForm('choose-normalisation', fields, t('organise.normalisationSubmit'), () =>
      send('PUT', `${base}/rounds/${encodeURIComponent(fields.round.input.value)}/normalisation`, { method: fields.method.input.value }), draw, organiserRefusal)];
  }

  function drawRanking(ranked) {
    replace(ranking, h('h2', { id: 'ranking-title' }, t('organise.ranking')),
      ranked.length === 0 ? h('p', {}, t('organise.noScores'))
        : scrollable(h('table', { id: 'ranking-table' },
          h('thead', {}, h('tr', {}, ['organise.place', 'organise.entry', 'organise.committee', 'organise.score', 'organise.judges', 'organise.normalisation']
            .map(k => h('th', { scope: 'col' }, t(k))))),
          h('tbody', {}, ranked.map(r => h('tr', {}, h('td', {}, format.number(r.place)), h('td', {}, explained(contestId, r.entryNumber)),
            h('td', {}, committeeName(r.committeeCode)), h('td', {}, format.score(r.score)),
            h('td', {}, format.number(r.judges), r.scoresSetAside ? ` (${t('organise.setAside', format.number(r.scoresSetAside))})` : ''),
            h('td', {}, t(`why.method.${r.normalisation}`)))))), t('organise.ranking')),
      normalisationForm());
  }

  function drawAwards(tally, holders) {
    const tiers = tally.awards;
    const fields = {
      tier: field('award-tier', t('organise.tier'), h('select', { required: true }, h('option', { value: '' }, t('organise.chooseTier')),
        tiers.map(a => h('option', { value: `${a.collective ? 'c' : 'i'}:${a.tier}` }, a.collective ? `${a.tier} (${t('contest.collective')})` : a.tier)))),
      entryNumber: field('award-entry', t('organise.entryNumber'), h('input', { type: 'number', min: 1 })),
      committeeCode: field('award-committee', t('organise.collectiveCommittee'), h('select', {}, committeeOptions(committees))),
      reason: field('award-reason', t('organise.reason'), h('input', { type: 'text', required: true, maxlength: 1000, autocomplete: 'off' })),
    };
    const grant = actionForm('grant-award', fields, t('organise.grant'), () => {
      const [kind, ...name] = fields.tier.input.value.split(':');
      const collective = kind === 'c';
      return send('POST', `${base}/awards`, {
        tier: name.join(':'), collective, reason: fields.reason.input.value.trim(),
        entryNumber: collective || fields.entryNumber.input.value === '' ? null : Number(fields.entryNumber.input.value),
        committeeCode: collective ? fields.committeeCode.input.value : null,
      });
    }, draw, organiserRefusal);
    const fill = h('button', { type: 'button', id: 'awards-from-ranking' }, t('organise.fromRanking'));
    const fillError = h('p', { class: 'form-error', role: 'alert', id: 'awards-from-ranking-error' });
    fill.addEventListener('click', async () => {
      fillError.textContent = '';
      try {
        await send('POST', `${base}/awards/from-ranking`);
        await draw();
      } catch (error) {
        fillError.textContent = organiserRefusal(error).text;
      }
    });
    replace(awards, h('h2', { id: 'awards-title' }, t('contest.awards')), prizeHoldersTable(tiers, holders, committeeName, 'awards-table'),
      tally.resultsPublished ? [h('h3', {}, t('organise.correctTitle')), correctionForm(tiers)] : [h('p', {}, fill), fillError, h('h3', {}, t('organise.grantTitle')), grant]);
  }

  /** After publication an award moves only by a correction, with its reason: from one entry or committee to another. */
  function correctionForm(tiers) {
    const fields = {
      tier: field('correct-tier', t('organise.tier'), h('select', { required: true }, h('option', { value: '' }, t('organise.chooseTier')),
        tiers.map(a => h('option', { value: `${a.collective ? 'c' : 'i'}:${a.tier}` }, a.collective ? `${a.tier} (${t('contest.collective')})` : a.tier)))),
      fromEntryNumber: field('correct-from-entry', t('organise.fromEntry'), h('input', { type: 'number', min: 1 })),
      toEntryNumber: field('correct-to-entry', t('organise.toEntry'), h('input', { type: 'number', min: 1 })),
      fromCommitteeCode: field('correct-from-committee', t('organise.fromCommittee'), h('select', {}, committeeOptions(committees))),
      toCommitteeCode: field('correct-to-committee', t('organise.toCommittee'), h('select', {}, committeeOptions(committees))),
      reason: field('correct-reason', t('organise.reason'), h('input', { type: 'text', required: true, maxlength: 1000, autocomplete: 'off' })),
    };
    const number = f => (fields[f].input.value === '' ? null : Number(fields[f].input.value));
    const code = f => fields[f].input.value || null;
    return actionForm('correct-award', fields, t('organise.correct'), () => {
      const [kind, ...name] = fields.tier.input.value.split(':');
      const collective = kind === 'c';
      return send('POST', `${base}/awards/corrections`, {
        tier: name.join(':'), collective, reason: fields.reason.input.value.trim(),
        fromEntryNumber: collective ? null : number('fromEntryNumber'), toEntryNumber: collective ? null : number('toEntryNumber'),
        fromCommitteeCode: collective ? code('fromCommitteeCode') : null, toCommitteeCode: collective ? code('toCommitteeCode') : null,
      });
    }, draw, organiserRefusal);
  }

  function drawResults(tally) {
    if (tally.resultsPublished) {
      replace(results, h('h2', { id: 'results-title' }, t('organise.results')), h('p', { id: 'results-status' }, t('contest.resultsPublished')));
      return;
    }
    const error = h('p', { class: 'form-error', role: 'alert', id: 'publish-error' });
    const reason = field('cancel-reason', t('organise.cancelReason'), h('input', { type: 'text', required: true, maxlength: 1000, autocomplete: 'off' }));
    // Cancelling ends the contest for good: folded, and it says so before the button.
    const cancel = tally.status === 'Cancelled' ? h('p', { id: 'cancelled' }, t('status.Cancelled'))
      : h('details', { id: 'cancel-details' }, h('summary', {}, t('organise.cancelTitle')), h('p', {}, t('organise.cancelWarning')),
        actionForm('cancel-contest', { reason }, t('organise.cancel'), () => send('POST', `${base}/cancellation`, { reason: reason.input.value.trim() }), draw, organiserRefusal));
    const confirmation = h('p', { hidden: true, id: 'publish-confirmation' }, t('organise.publishWarning'), ' ',
      h('button', { type: 'button', id: 'publish-confirm', onclick: async () => {
        try {
          await send('POST', `${base}/results`);
          await draw();
        } catch (refusal) {
          // Before the close is the one refusal a publication meets in practice: say when it becomes possible.
          error.textContent = refusal instanceof ApiError && refusal.status === 422 && new Date(contest.closesAt) > new Date()
            ? t('organise.publishTooEarly', format.dateTime(contest.closesAt)) : organiserRefusal(refusal).text;
        }
      } }, t('organise.publishConfirm')));
    replace(results, h('h2', { id: 'results-title' }, t('organise.results')),
      h('p', {}, t('organise.publishWhen', format.dateTime(contest.closesAt))),
      h('p', {}, h('button', { type: 'button', id: 'publish', onclick: () => { confirmation.hidden = false; } }, t('organise.publish'))),
      confirmation, error, cancel);
  }

  try {
    await draw();
  } catch (error) {
    replace(root, h('p', { class: 'error' }, describe(error)));
  }
  // Leaving the page closes the quiz's live participation.
  return () => quiz?.stop();
}

/** The entry's number, linked to the explanation of its place. */
export function explained(contestId, entryNumber) {
  // The accessible name starts with the number as shown, then says where the link goes.
  const shown = format.number(entryNumber);
  return h('a', { href: `#/contests/${encodeURIComponent(contestId)}/bai/${entryNumber}/giai-trinh`, 'aria-label': `${shown}: ${t('why.explain')}` }, shown);
}

/** Each tier with its holders: entries by number, title and author; collective prizes by committee. */
export function prizeHoldersTable(tiers, holders, committeeName, id) {
  const holderText = p => (p.entryNumber
    ? t('organise.holder', format.number(p.entryNumber), p.title ?? '', p.authorName ?? '', committeeName(p.committeeCode))
    : committeeName(p.committeeCode));
  return scrollable(h('table', { id },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('contest.tier')), h('th', { scope: 'col' }, t('contest.count')),
      h('th', { scope: 'col' }, t('contest.granted')), h('th', { scope: 'col' }, t('organise.holders')))),
    h('tbody', {}, tiers.map(a => h('tr', {},
      h('th', { scope: 'row' }, a.tier, a.collective ? ` (${t('contest.collective')})` : ''),
      h('td', {}, format.number(a.count)), h('td', {}, format.number(a.granted)),
      h('td', {}, h('ul', { class: 'holders' }, holders.filter(p => p.tier === a.tier && p.collective === a.collective).map(p => h('li', {}, holderText(p))))))))),
    t('contest.awards'));
}
