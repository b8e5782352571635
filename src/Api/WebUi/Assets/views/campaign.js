// A campaign's participation per committee: party members who took part in study, against the members, each
// committee with everything below it.
import { get, session, describe } from '../api.js';
import { mayReport, reportForm } from './report.js';
import { horizontalBars } from '../charts.js';
import { h, replace, scrollable } from '../dom.js';
import * as format from '../format.js';
import { t } from '../i18n.js';

export function campaignView(root, campaignId) {
  replace(root, h('p', {}, t('loading')));
  get(`/api/campaigns/${encodeURIComponent(campaignId)}`)
    .then(async c => {
      const user = await session();
      // Officers report their committee's figures here while the campaign runs.
      const reporting = mayReport(user) && c.status === 'Launched' ? await reportForm(c, user) : [];
      const rows = c.byCommittee.filter(r => r.participationPercent !== null);
      replace(root, h('h1', {}, c.title),
        h('p', { class: 'status' }, t(`campaign.${c.status}`), ' · ', format.day(c.periodStart), ' – ', format.day(c.periodEnd), ' · ',
          t('campaign.reports', format.number(c.reports))),
        h('h2', {}, t('campaign.participation')),
        // A campaign without study figures says so, rather than drawing empty bars as if nobody had studied.
        rows.length === 0 ? h('p', { 'data-testid': 'no-figures' }, t('campaign.noFigures')) : [
          h('section', { 'data-testid': 'participation' },
            horizontalBars(rows.map(r => ({ key: r.code, label: r.code, value: r.participationPercent, shown: format.percent(r.participationPercent) })),
              { caption: t('campaign.participation'), table: false })),
          scrollable(h('table', {}, h('caption', {}, t('campaign.participation')),
            h('thead', {}, h('tr', {}, [t('campaign.committee'), t('campaign.studied'), t('campaign.members'), t('campaign.rate')].map(x => h('th', { scope: 'col' }, x)))),
            h('tbody', {}, rows.map(r => h('tr', {}, h('th', { scope: 'row' }, r.code), h('td', {}, format.number(r.subtree.membersStudied)),
              h('td', {}, format.number(r.subtree.partyMembers)), h('td', {}, format.percent(r.participationPercent)))))), t('campaign.participation')),
        ],
        reporting);
    })
    .catch(error => replace(root, h('p', { class: 'error' }, describe(error))));
}
