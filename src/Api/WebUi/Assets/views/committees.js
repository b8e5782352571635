// The committee tree, opened one level at a time: a province with hundreds of grassroots organisations loads only
// what the user unfolds.
import { get, describe } from '../api.js';
import { h, replace } from '../dom.js';
import * as format from '../format.js';
import { t } from '../i18n.js';

function node(committee) {
  const children = h('ul');
  let loaded = false;
  const details = h('details', {
    'data-code': committee.code,
    ontoggle: async () => {
      if (!details.open || loaded) return;
      loaded = true;
      try {
        replace(children, (await get(`/api/committees/${encodeURIComponent(committee.code)}/children`)).map(c => h('li', {}, node(c))));
      } catch (error) {
        replace(children, h('li', { class: 'error' }, describe(error)));
      }
    },
  },
  // Links inside a summary would be controls nested in a control: they sit right under it, shown when it is unfolded.
  h('summary', {}, h('strong', {}, committee.name), ` (${committee.code}) · `, t('committees.members', format.number(committee.memberCount))),
  h('p', { class: 'committee-links' },
    h('a', { href: `#/committees/${encodeURIComponent(committee.code)}/ho-so` }, t('committees.records')), ' · ',
    h('a', { href: `#/committees/${encodeURIComponent(committee.code)}/bao-cao` }, t('committees.report')), ' · ',
    h('a', { href: `#/?committee=${encodeURIComponent(committee.code)}` }, t('committees.contests')), ' · ',
    h('a', { href: `#/committees/${encodeURIComponent(committee.code)}/growth` }, t('committees.growth')), ' · ',
    h('a', { href: `#/audit/committee/${encodeURIComponent(committee.code)}` }, t('committees.audit'))),
  children);
  return details;
}

export function committeesView(root) {
  replace(root, h('p', {}, t('loading')));
  get('/api/committees')
    .then(roots => replace(root, h('h1', {}, t('committees.title')),
      roots.length === 0 ? h('p', {}, t('committees.none')) : h('ul', { class: 'tree' }, roots.map(c => h('li', {}, node(c))))))
    .catch(error => replace(root, h('p', { class: 'error' }, describe(error))));
}
