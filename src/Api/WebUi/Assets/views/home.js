// The home page: the contests and campaigns the user may see, their own committee's first, found by title with or
// without diacritics (the API matches both ways). Contests are public; campaigns are listed to those signed in.
import { get, session, describe } from '../api.js';
import { h, replace, scrollable } from '../dom.js';
import * as format from '../format.js';
import { t } from '../i18n.js';
import { isJudge } from './judge.js';
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
 * A list section: the user's own committees' items first (each committee's subtree, as the API filters), then the
 * rest, each once, a page at a time ("Xem tiếp" reads the next page after the API's cursor); with a committee chosen
 * (from the committee tree), that committee's subtree only.
 */
function listSection(section, { id, title, path, key, tableOf }, query, own, committee) {
  let items = [];
  let next = null;
  const heading = () => h('h2', { id }, title);
  const more = h('button', { type: 'button', id: `${id}-more` }, t('audit.more'));
  const rest = after => get(`${path}?${query}${committee ? `&committee=${encodeURIComponent(committee)}` : ''}` +
    `${after ? `&after=${encodeURIComponent(after)}` : ''}&limit=${pageSize}`);
  const add = (found, isOwn) => {
    const seen = new Set(items.map(item => item[key]));
    items = [...items, ...found.filter(item => !seen.has(item[key])).map(item => ({ ...item, own: isOwn }))];
  };
  const draw = () => replace(section, heading(), tableOf(items), next ? h('p', {}, more) : []);
  const fail = error => replace(section, heading(), h('p', { class: 'error' }, describe(error)));
  more.addEventListener('click', () => rest(next).then(page => { add(page.items, false); next = page.next ?? null; draw(); }).catch(fail));
  replace(section, heading(), h('p', {}, t('loading')));
  const owned = committee ? [] : own.map(code => get(`${path}?${query}&committee=${encodeURIComponent(code)}&limit=${pageSize}`));
  Promise.all([...owned, rest(null)]).then(pages => {
    pages.slice(0, -1).forEach(page => add(page.items, true));
    const last = pages[pages.length - 1];
    add(last.items, false);
    next = last.next ?? null;
    draw();
  }).catch(fail);
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
  const judging = isJudge(user) ? h('p', {}, h('a', { href: '#/cham-diem', id: 'judging-link' }, t('judge.panels'))) : [];
  const announcing = mayAnnounce(user) ? h('p', {}, h('a', { href: '#/contests/moi', id: 'announce-link' }, t('announce.heading'))) : [];
  replace(root, h('h1', {}, committee ? t('home.ofCommittee', committee) : t('home.title')), judging, announcing, searchForm, contests, campaigns,
    h('details', {}, h('summary', {}, t('home.byId')), openForm('contest'), openForm('campaign')));

  const q = search.value.trim() ? `q=${encodeURIComponent(search.value.trim())}` : '';
  listSection(contests, { id: 'contests-title', title: t('home.contests'), path: '/api/contests', key: 'contestId', tableOf: contestsTable }, q, own, committee);
  if (user)
    listSection(campaigns, { id: 'campaigns-title', title: t('home.campaigns'), path: '/api/campaigns', key: 'campaignId', tableOf: campaignsTable }, q, own, committee);
}
