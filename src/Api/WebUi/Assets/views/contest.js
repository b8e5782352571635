// A contest as it happens: the counter against the target, committees' bars, entries per day and the awards, all
// from the tally (aggregates only: a contest with a million entries costs the page no more than one with ten), kept
// current by the live stream. A past day's tally comes from the same endpoint with asOf. The committees' bars follow
// the organisation their entries were recorded under, or, on request, today's (organisedAsOf): the page says which.
import { get, session, describe } from '../api.js';
import { horizontalBars, columns } from '../charts.js';
import { entryForm, mayRecordEntries } from './entry-form.js';
import { explained, mayOrganise, prizeHoldersTable } from './organise.js';
import { committeeNames } from '../forms.js';
import { h, replace, scrollable } from '../dom.js';
import * as format from '../format.js';
import { t, onLanguageChange } from '../i18n.js';

const shownCommittees = 30;

export function contestView(root, contestId) {
  let live = null;
  let past = null;
  let names = {};
  // 'recorded': each entry under the committees of the day it came in; 'today': as organised today.
  let view = 'recorded';
  let organised = null;
  const livePanel = h('div', { id: 'live-tally' });
  const pastPanel = h('div', { id: 'as-of-tally' });
  const status = h('p', { id: 'live-status', class: 'status' });
  const auditLink = h('p');
  const viewSwitch = h('p', { id: 'view-switch' });
  let connected = null;
  // Typed as dd/mm/yyyy, the way dates are written here, rather than in the browser's own date control.
  const dayInput = h('input', { id: 'as-of-day', required: true, size: 10, pattern: '\\d{1,2}/\\d{1,2}/\\d{4}', placeholder: 'dd/mm/yyyy' });
  // A day that does not exist (31/02/2026) is said so, not silently ignored.
  const dayError = h('p', { id: 'as-of-day-error', class: 'field-error', role: 'alert' });
  dayInput.setAttribute('aria-describedby', dayError.id);
  const timeTravel = h('form', {
    id: 'time-travel',
    onsubmit: async e => {
      e.preventDefault();
      const day = format.parseDay(dayInput.value);
      dayError.textContent = day ? '' : t('contest.noSuchDay', dayInput.value.trim());
      if (!day) {
        dayInput.setAttribute('aria-invalid', 'true');
        dayInput.focus();
        return;
      }
      dayInput.removeAttribute('aria-invalid');
      try {
        const tally = await get(`/api/contests/${encodeURIComponent(contestId)}/tally?asOf=${encodeURIComponent(format.endOfVietnamDay(day))}`);
        past = { day, tally };
      } catch (error) {
        // A day before the announcement has no contest to show: say so, not "not found".
        past = { day, tally: null, notAnnounced: error.status === 404, error };
      }
      render();
    },
  });

  async function showView(next) {
    view = next;
    organised = next === 'today'
      ? await get(`/api/contests/${encodeURIComponent(contestId)}/tally?organisedAsOf=${format.vietnamToday()}`).catch(() => null)
      : null;
    render();
  }

  // The prize holders and the ranking, read once the results are published (frozen from then on, corrections aside).
  let holders = null;
  let ranking = null;
  async function readResults() {
    [holders, ranking] = await Promise.all([
      get(`/api/contests/${encodeURIComponent(contestId)}/prize-holders`).catch(() => null),
      get(`/api/contests/${encodeURIComponent(contestId)}/ranking`).catch(() => null)]);
    render();
  }
  // The window and the description, which the tally does not carry.
  let details = null;

  function render() {
    if (live?.resultsPublished && holders === null) {
      holders = [];
      readResults();
    }
    if (live) {
      const [title, state, ...panels] = tallyPanels(live, names, 'live', view === 'today' && organised ? organised : live);
      // Once published, the prize holders' table says what the awards table does and who holds each: one table, not two.
      const shown = holders?.length ? panels.filter(p => p?.dataset?.testid !== 'live-awards') : panels;
      replace(livePanel, title, state, about(details, live), shown, prizeHolders(live, holders, names), rankingPanel(live, ranking, names));
    }
    status.textContent = connected === null ? '' : t(connected ? 'contest.live' : 'contest.offline');
    status.dataset.state = connected ? 'live' : 'offline';
    if (live) replace(auditLink, h('a', { href: `#/audit/contest/${encodeURIComponent(live.contestId)}` }, t('contest.audit')));
    replace(timeTravel, h('h2', {}, t('contest.timeTravel')), h('label', { for: 'as-of-day' }, t('contest.day')), ' ', dayInput, ' ',
      h('button', { type: 'submit' }, t('contest.show')), dayError);
    replace(viewSwitch, h('button', { type: 'button', id: 'switch-view', onclick: () => showView(view === 'today' ? 'recorded' : 'today') },
      t(view === 'today' ? 'contest.showRecorded' : 'contest.showToday')));
    if (past) {
      replace(pastPanel, h('h3', {}, t('contest.asOf', format.day(past.day))),
        past.tally ? tallyPanels(past.tally, names, 'past')
          : h('p', { 'data-testid': 'past-message' }, past.notAnnounced ? t('contest.notAnnouncedYet') : describe(past.error)));
    }
  }

  replace(root, h('p', {}, t('loading')));
  const recordPanel = h('div', { id: 'record-panel' });
  get(`/api/contests/${encodeURIComponent(contestId)}`).then(d => { details = d; render(); }).catch(() => {});
  get(`/api/contests/${encodeURIComponent(contestId)}/tally`).then(async tally => {
    live = tally;
    replace(root, livePanel, h('p', { class: 'print-only' }, t('period.printedOn', format.day(format.vietnamToday()))),
      recordPanel, viewSwitch, status, timeTravel, pastPanel, auditLink);
    render();
    const user = await session();
    const organising = mayOrganise(user, tally.organiserCode)
      ? h('p', {}, h('a', { id: 'organise-link', href: `#/contests/${encodeURIComponent(contestId)}/to-chuc` }, t('organise.link')),
        tally.window === 'NotYetOpen' && tally.status !== 'Cancelled'
          ? [' · ', h('a', { id: 'amend-link', href: `#/contests/${encodeURIComponent(contestId)}/sua` }, t('announce.amendLink'))] : []) : [];
    // Officers and organisers record entries here while the contest takes them.
    if (mayRecordEntries(user) && tally.window === 'Open' && tally.status !== 'Cancelled') {
      const contest = await get(`/api/contests/${encodeURIComponent(contestId)}`);
      replace(recordPanel, organising, await entryForm(contest, user));
    } else {
      replace(recordPanel, organising);
    }
    // Names for signed-in readers (the committee endpoints are theirs); a visitor sees codes.
    names = user ? await committeeNames(tally.organiserCode) : {};
    render();
  }).catch(error => replace(root, h('p', { class: 'error' }, describe(error))));

  // The stream starts with the current tally and sends each change; the browser reconnects with Last-Event-ID.
  const stream = new EventSource(`/api/contests/${encodeURIComponent(contestId)}/tally/live`);
  stream.addEventListener('tally', e => { live = JSON.parse(e.data); connected = true; render(); });
  stream.onerror = () => { connected = false; render(); };
  const stopTranslating = onLanguageChange(render);
  return () => { stream.close(); stopTranslating(); };
}

/** When entries are taken, what the contest is about, and for a quiz the share of answers that were right. */
function about(details, tally) {
  const quiz = tally.kind === 'Quiz' && tally.quizCorrectPercent !== null && tally.quizCorrectPercent !== undefined
    ? h('p', { id: 'quiz-share' }, t('contest.quizShare', format.percent(tally.quizCorrectPercent))) : [];
  if (!details) return quiz;
  return h('section', { id: 'contest-about', 'aria-label': t('contest.about') },
    h('p', { id: 'contest-window' }, t('contest.window', format.dateTime(details.opensAt), format.dateTime(details.closesAt))),
    details.description ? h('p', { id: 'contest-description' }, details.description) : [], quiz,
    tally.kind === 'Quiz' ? h('p', {}, h('a', { id: 'take-quiz', href: `#/thi/${encodeURIComponent(tally.contestId)}` }, t('quiz.take'))) : []);
}

/** Once the results are published, the ranking for everyone: place, entry, committee, score. */
function rankingPanel(tally, ranking, names) {
  if (!tally.resultsPublished || !ranking?.length) return [];
  return h('section', { id: 'public-ranking', 'aria-labelledby': 'public-ranking-title' }, h('h2', { id: 'public-ranking-title' }, t('organise.ranking')),
    scrollable(h('table', { id: 'public-ranking-table' },
      h('thead', {}, h('tr', {}, ['organise.place', 'organise.entry', 'organise.committee', 'organise.score'].map(k => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, ranking.map(r => h('tr', {}, h('td', {}, format.number(r.place)), h('td', {}, explained(tally.contestId, r.entryNumber)),
        h('td', {}, names[r.committeeCode] ?? r.committeeCode), h('td', {}, format.score(r.score)))))), t('organise.ranking')));
}

/** Once the results are published, who holds each prize, for everyone. */
function prizeHolders(tally, holders, names) {
  if (!tally.resultsPublished || !holders?.length) return [];
  return h('section', { id: 'prize-holders', 'aria-labelledby': 'prize-holders-title' }, h('h2', { id: 'prize-holders-title' }, t('contest.prizeHolders')),
    prizeHoldersTable(tally.awards, holders, code => names[code] ?? code, 'prize-holders-table'));
}


/** byCommitteeFrom: the tally whose committee lines are shown (the same one, or the same figures as organised today). */
function tallyPanels(tally, names, prefix, byCommitteeFrom = tally) {
  const state = tally.status === 'Cancelled' ? t('status.Cancelled') : t(`window.${tally.window}`);
  // The organiser's member organisations: the committees right below it (entries further down count in theirs).
  const rows = memberLines(byCommitteeFrom).sort((a, b) => b.accepted - a.accepted || a.code.localeCompare(b.code));
  const days = tally.byDay.map(d => ({ key: d.day, label: format.day(d.day).slice(0, 5), fullLabel: format.day(d.day), value: d.accepted, shown: format.number(d.accepted) }));
  return [
    prefix === 'live' ? h('h1', {}, tally.title) : '',
    prefix === 'live' ? h('p', { class: 'status' }, state, tally.resultsPublished ? ` · ${t('contest.resultsPublished')}` : '') : '',
    h('section', { class: 'counter', 'data-testid': `${prefix}-counter` },
      h('span', { class: 'big', 'data-testid': `${prefix}-accepted` }, format.number(tally.accepted)), ' ', t('contest.accepted'), ' / ',
      h('span', { 'data-testid': `${prefix}-target` }, format.number(tally.target)), ' ', t('contest.target'),
      h('progress', { max: 100, value: Math.min(100, tally.progressPercent) }),
      h('p', { 'data-testid': `${prefix}-progress` }, t('contest.progress', format.percent(tally.progressPercent)), ' · ',
        tally.overTarget > 0 ? t('contest.over', format.number(tally.overTarget)) : t('contest.short', format.number(tally.shortOfTarget)))),
    h('section', { 'data-testid': `${prefix}-by-committee` }, h('h2', {}, t('contest.byCommittee')),
      h('p', { class: 'view', 'data-testid': `${prefix}-view` }, byCommitteeFrom.organisedAsOf
        ? t('contest.viewToday', format.day(byCommitteeFrom.organisedAsOf)) : t('contest.viewRecorded')),
      rows.length === 0 ? h('p', {}, t('contest.noEntries'))
        : horizontalBars(rows.slice(0, shownCommittees).map(c => ({ key: c.code, label: names[c.code] ?? c.code, value: c.accepted, shown: format.number(c.accepted) })),
          { caption: t('contest.byCommittee'), headers: [t('campaign.committee'), t('contest.acceptedHeader')] }),
      rows.length > shownCommittees ? h('p', {}, t('contest.moreCommittees', format.number(rows.length - shownCommittees))) : ''),
    prefix === 'live' ? h('section', { 'data-testid': 'by-day' }, h('h2', {}, t('contest.byDay')), days.length ? columns(days, { caption: t('contest.byDay'), headers: [t('chart.day'), t('contest.acceptedHeader')] }) : h('p', {}, t('contest.noEntries'))) : '',
    h('section', { 'data-testid': `${prefix}-awards` }, h('h2', {}, t('contest.awards')),
      h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, t('contest.tier')), h('th', {}, t('contest.count')), h('th', {}, t('contest.granted')))),
        h('tbody', {}, tally.awards.map(a => h('tr', {},
          h('td', {}, a.tier, a.collective ? ` (${t('contest.collective')})` : ''), h('td', {}, format.number(a.count)), h('td', {}, format.number(a.granted))))))),
  ];
}

/**
 * The organiser's member organisations; as organised today the organiser may have ceased (merged or dissolved),
 * and then the lines directly under the committee that now holds the most entries stand in for them.
 */
function memberLines(tally) {
  if (tally.byCommittee.some(c => c.code === tally.organiserCode)) return tally.byCommittee.filter(c => c.parentCode === tally.organiserCode);
  const top = tally.byCommittee.reduce((best, c) => (best === null || c.accepted > best.accepted ? c : best), null);
  return top ? tally.byCommittee.filter(c => c.parentCode === top.code) : [];
}
