// The home page: the contests and campaigns the user may see, their own committee's first, found by title with or
// without diacritics (the API matches both ways). Contests are public; campaigns are listed to those signed in.
import { get, session, describe } from '../api.js';
import { h, replace, scrollable } from '../dom.js';
import * as format from '../format.js';
import { t } from '../i18n.js';
import { judgedContests } from './judge.js';
import { mayAnnounce } from './announce.js';

const pageSize = 50;

/** A form that opens one contest or campaign by its id, for an id given in a letter or a message. */
export function openForm(kind) {
  const input = h('input', { id: `${kind}-id`, required: true, placeholder: t(`home.${kind}Id`) });
  return h('form', { class: 'open', onsubmit: e => { e.preventDefault(); location.hash = `#/${kind}s/${encodeURIComponent(input.value.trim())}`; } },
    h('label', { for: `${kind}-id` }, t(`home.open${kind === 'contest' ? 'Contest' : 'Campaign'}`)), ' ', input, ' ', h('button', { type: 'submit' }, t('open')));
}

/** The committees the user acts for (as officer or organiser): their lists come first. */
const ownCommittees = user => [...new Set((user?.grants ?? []).filter(g => g.committeeCode && g.role !== 'Judge').map(g => g.committeeCode))];

/**
 * The user's own committees' items first (each committee's subtree, as the API filters), then the rest, each once;
 * with a committee chosen (from the committee tree), that committee's subtree only.
 */
async function ownFirst(path, query, own, key, committee) {
  const page = code => get(`${path}?${query}${code ? `&committee=${encodeURIComponent(code)}` : ''}&limit=${pageSize}`);
  if (committee) return (await page(committee)).items;
  const pages = await Promise.all([...own.map(page), page(null)]);
  const seen = new Set();
  return pages.flatMap((page, i) => page.items.map(item => ({ ...item, own: i < own.length })))
    .filter(item => !seen.has(item[key]) && seen.add(item[key]));
}

/** A list as a table, one row per item (the user's own committee's marked), or a sentence when it is empty. */
function listTable(id, empty, headers, items, cells) {
  if (items.length === 0) return h('p', { id: `${id}-empty` }, t(empty));
  return scrollable(h('table', { id },
    h('thead', {}, h('tr', {}, headers.map(key => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, items.map(item => h('tr', { 'data-own': item.own ? 'true' : null }, cells(item))))), t(headers[0]));
}

const contestsTable = items => listTable('contest-list', 'home.noContests', ['home.name', 'home.status', 'home.window', 'home.entries'], items, c => [
  h('th', { scope: 'row' }, h('a', { href: `#/contests/${encodeURIComponent(c.contestId)}` }, c.title)),
  h('td', {}, t(`contestStatus.${c.status}`)),
  h('td', {}, `${format.date(c.opensAt)} – ${format.date(c.closesAt)}`),
  h('td', {}, `${format.number(c.entries)} / ${format.number(c.target)} (${format.percent(c.progressPercent)})`),
]);

const campaignsTable = items => listTable('campaign-list', 'home.noCampaigns', ['home.name', 'home.status', 'home.period', 'home.launcher'], items, c => [
  h('th', { scope: 'row' }, h('a', { href: `#/campaigns/${encodeURIComponent(c.campaignId)}` }, c.title)),
  h('td', {}, t(`campaign.${c.status}`)),
  h('td', {}, `${format.day(c.periodStart)} – ${format.day(c.periodEnd)}`),
  h('td', {}, c.launcherCode),
]);

export async function homeView(root, _, query) {
  const user = await session();
  const own = ownCommittees(user);
  const committee = query?.get('committee') ?? null;
  const search = h('input', { id: 'search', type: 'search', name: 'q', value: query?.get('q') ?? '', autocomplete: 'off' });
  const contests = h('section', { id: 'contests', 'aria-labelledby': 'contests-title' });
  const campaigns = h('section', { id: 'campaigns', 'aria-labelledby': 'campaigns-title' });
  const searchForm = h('form', { role: 'search', class: 'open', onsubmit: e => {
    e.preventDefault();
    // In the address, so that the search is kept when going back from a contest.
    const params = new URLSearchParams();
    if (search.value.trim()) params.set('q', search.value.trim());
    if (committee) params.set('committee', committee);
    location.hash = params.size ? `#/?${params.toString().replaceAll('+', '%20')}` : '#/';
  } }, h('label', { for: 'search' }, t('home.search')), ' ', search, ' ', h('button', { type: 'submit' }, t('home.find')));
  const judging = judgedContests(user).length ? h('p', {}, h('a', { href: '#/cham-diem', id: 'judging-link' }, t('judge.panels'))) : [];
  const announcing = mayAnnounce(user) ? h('p', {}, h('a', { href: '#/contests/moi', id: 'announce-link' }, t('announce.heading'))) : [];
  replace(root, h('h1', {}, committee ? t('home.ofCommittee', committee) : t('home.title')), judging, announcing, searchForm, contests, campaigns,
    h('details', {}, h('summary', {}, t('home.byId')), openForm('contest'), openForm('campaign')));

  const q = search.value.trim() ? `q=${encodeURIComponent(search.value.trim())}` : '';
  replace(contests, h('h2', { id: 'contests-title' }, t('home.contests')), h('p', {}, t('loading')));
  ownFirst('/api/contests', q, own, 'contestId', committee)
    .then(items => replace(contests, h('h2', { id: 'contests-title' }, t('home.contests')), contestsTable(items)))
    .catch(error => replace(contests, h('h2', { id: 'contests-title' }, t('home.contests')), h('p', { class: 'error' }, describe(error))));
  if (user) {
    replace(campaigns, h('h2', { id: 'campaigns-title' }, t('home.campaigns')), h('p', {}, t('loading')));
    ownFirst('/api/campaigns', q, own, 'campaignId', committee)
      .then(items => replace(campaigns, h('h2', { id: 'campaigns-title' }, t('home.campaigns')), campaignsTable(items)))
      .catch(error => replace(campaigns, h('h2', { id: 'campaigns-title' }, t('home.campaigns')), h('p', { class: 'error' }, describe(error))));
  }
}
