// Why an entry stands where it does: the explanation the API computes from the contest's events, as of now or of a
// version the reader types in (the published results' explanation never changes). Each line names the event it rests
// on, linked to the audit log for those who may read it. Downloadable as CSV and printable on A4.
import { get, describe } from '../api.js';
import { h, replace, scrollable } from '../dom.js';
import { t } from '../i18n.js';
import * as format from '../format.js';

export async function explanationView(root, [contestId, entryNumber], query) {
  const version = query.get('version');
  const api = `/api/contests/${encodeURIComponent(contestId)}/entries/${encodeURIComponent(entryNumber)}/explanation${version ? `?version=${encodeURIComponent(version)}` : ''}`;
  const title = h('h1', {}, t('why.title', entryNumber, contestId));
  const versionInput = h('input', { id: 'why-version', name: 'version', type: 'number', min: 1, inputmode: 'numeric', value: version ?? '' });
  const form = h('form', { id: 'why-form', class: 'sign-in no-print', onsubmit: e => {
    e.preventDefault();
    const chosen = versionInput.value.trim();
    location.hash = `#/contests/${encodeURIComponent(contestId)}/bai/${encodeURIComponent(entryNumber)}/giai-trinh${chosen ? `?version=${encodeURIComponent(chosen)}` : ''}`;
  } }, h('label', { for: 'why-version' }, t('why.asOfVersion')), versionInput, h('button', { type: 'submit' }, t('why.show')));
  replace(root, title, form, h('p', {}, t('loading')));
  try {
    const why = await get(api);
    replace(root, title,
      h('p', { id: 'why-line' }, t('why.asOf', format.number(why.version)), ' · ',
        why.published ? t('why.published', format.number(why.published.version)) : t('why.unpublished')),
      h('p', { class: 'print-only' }, t('period.printedOn', format.day(format.vietnamToday()))),
      form,
      h('p', { class: 'no-print', id: 'why-downloads' },
        h('a', { id: 'why-csv', href: `${api}${version ? '&' : '?'}format=csv`, download: '' }, t('period.csv')), ' · ',
        h('button', { type: 'button', id: 'why-print', onclick: () => window.print() }, t('period.print')), ' · ',
        h('a', { href: `#/contests/${encodeURIComponent(contestId)}` }, t('why.backToContest'))),
      summary(why), scores(why), rounds(why), neighbours(why), awards(why));
  } catch (error) {
    replace(root, title, form, h('p', { class: 'error', role: 'alert', id: 'why-error' }, describe(error)));
  }
}

const score = n => (n === null || n === undefined ? '' : format.score(n));

/** Where the line comes from: the event's version in the contest's stream, when and by whom it was recorded. */
function cited(event) {
  if (!event) return h('td', {}, '');
  return h('td', { class: 'cite' }, h('a', { href: `#/audit/${encodeURIComponent(event.streamId)}` }, t('why.version', format.number(event.version))),
    ' · ', format.dateTime(event.recordedAt), event.actor ? ` · ${event.actor}` : '');
}

function table(id, headings, rows, caption) {
  return scrollable(h('table', { id },
    h('thead', {}, h('tr', {}, headings.map(k => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, rows)), caption);
}

function summary(why) {
  const standing = t(`why.standing.${why.standing}`);
  return h('section', { id: 'why-summary', 'aria-labelledby': 'why-summary-title' }, h('h2', { id: 'why-summary-title' }, t('why.summary')),
    h('p', { id: 'why-standing' }, why.standing === 'Ranked'
      ? t('why.ranked', format.number(why.place), format.number(why.ranked), format.number(why.round), score(why.score),
        t(`why.method.${why.normalisation}`), t(`why.aggregate.${why.aggregate === 'mean' ? 'mean' : 'trimmed'}`))
      : standing),
    why.endedBy ? h('p', {}, t('why.endedBy', format.number(why.endedBy.version))) : '');
}

function judgeName(judge) {
  return judge.name ? `${judge.label}: ${judge.name}` : judge.label;
}

function scores(why) {
  if (!why.scores.length) return [];
  return h('section', { id: 'why-scores', 'aria-labelledby': 'why-scores-title' }, h('h2', { id: 'why-scores-title' }, t('why.scores')),
    table('why-scores-table', ['why.judge', 'why.round', 'why.given', 'why.sheet', 'why.normalised', 'why.counts', 'why.event'],
      why.scores.map(s => h('tr', { 'data-standing': s.standing },
        h('td', {}, judgeName(s.judge)), h('td', {}, format.number(s.round)), h('td', {}, format.number(s.score)),
        h('td', {}, s.sheet ? s.sheet.map(c => `${c.name} ${format.number(c.points)}`).join('; ') : ''),
        h('td', {}, score(s.normalised)),
        h('td', {}, t(`why.score.${s.standing}`), s.conflict ? ` (${s.conflict.reason}; ${t(s.conflict.byOrganiser ? 'why.byOrganiser' : 'why.byJudge')}, ${t('why.version', format.number(s.conflict.event.version))})` : '',
          s.superseded ? ` · ${t('why.rescored', format.number(s.superseded))}` : ''),
        cited(s.event))), t('why.scores')));
}

function rounds(why) {
  if (!why.rounds.length) return [];
  return h('section', { id: 'why-rounds', 'aria-labelledby': 'why-rounds-title' }, h('h2', { id: 'why-rounds-title' }, t('why.rounds')),
    why.rounds.map(r => [
      h('p', {}, t('why.roundLine', format.number(r.round), t(`why.method.${r.method}`), score(r.panelMean), score(r.panelSpread))),
      table(`why-round-${r.round}`, ['why.judge', 'why.judgeScores', 'why.judgeMean', 'why.judgeSpread', 'why.usedRaw', 'why.event'],
        r.judges.map(j => h('tr', {}, h('td', {}, judgeName(j.judge)), h('td', {}, format.number(j.scores)), h('td', {}, score(j.mean)),
          h('td', {}, score(j.spread)), h('td', {}, j.usedRaw ? t('why.yes') : t('why.no')), cited(r.event))), t('why.rounds')),
    ]));
}

function neighbours(why) {
  if (!why.neighbours.length) return [];
  return h('section', { id: 'why-neighbours', 'aria-labelledby': 'why-neighbours-title' }, h('h2', { id: 'why-neighbours-title' }, t('why.neighbours')),
    h('ul', {}, why.neighbours.map(n => h('li', {},
      t(n.above ? 'why.above' : 'why.below', format.number(n.entryNumber), format.number(n.place), score(n.score), t(`why.rule.${n.decidedBy}`))))));
}

function awards(why) {
  if (!why.awards.length) return [];
  return h('section', { id: 'why-awards', 'aria-labelledby': 'why-awards-title' }, h('h2', { id: 'why-awards-title' }, t('contest.awards')),
    table('why-awards-table', ['contest.tier', 'why.change', 'why.reason', 'why.event'],
      why.awards.map(a => h('tr', {}, h('td', {}, a.tier), h('td', {}, t(`why.award.${a.change}`)), h('td', {}, a.reason ?? t('why.fromRanking')), cited(a.event))),
      t('contest.awards')));
}
