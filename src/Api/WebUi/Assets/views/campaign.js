// A campaign's participation per committee: party members who took part in study, against the members, each
// committee with everything below it.
import { get, session, describe } from '../api.js';
import { mayReport, reportForm } from './report.js';
import { committeeNames } from '../forms.js';
import { horizontalBars } from '../charts.js';
import { h, replace, scrollable } from '../dom.js';
import * as format from '../format.js';
import { t } from '../i18n.js';

export function campaignView(root, campaignId) {
  replace(root, h('p', {}, t('loading')));
  get(`/api/campaigns/${encodeURIComponent(campaignId)}`)
    .then(async c => {
      const user = await session();
      // The committees by name where the launcher's subtree can be read (signed-in readers), by code otherwise.
      const names = await committeeNames(c.launcherCode);
      const name = code => names[code] ?? code;
      // Officers report their committee's figures here while the campaign runs.
      const reporting = mayReport(user) && c.status === 'Launched' ? await reportForm(c, user) : [];
      const rows = c.byCommittee.filter(r => r.participationPercent !== null);
      replace(root, h('h1', {}, c.title),
        h('p', { class: 'status' }, t(`campaign.${c.status}`), ' · ', format.day(c.periodStart), ' – ', format.day(c.periodEnd), ' · ',
          t('campaign.reports', format.number(c.reports))),
        targetsTable(c),
        h('h2', {}, t('campaign.participation')),
        // A campaign without study figures says so, rather than drawing empty bars as if nobody had studied.
        rows.length === 0 ? h('p', { 'data-testid': 'no-figures' }, t('campaign.noFigures')) : [
          h('section', { 'data-testid': 'participation' },
            horizontalBars(rows.map(r => ({ key: r.code, label: name(r.code), value: r.participationPercent, shown: format.percent(r.participationPercent) })),
              { caption: t('campaign.participation'), table: false })),
          scrollable(h('table', {}, h('caption', {}, t('campaign.participation')),
            h('thead', {}, h('tr', {}, [t('campaign.committee'), t('campaign.studied'), t('campaign.members'), t('campaign.rate')].map(x => h('th', { scope: 'col' }, x)))),
            h('tbody', {}, rows.map(r => h('tr', {}, h('th', { scope: 'row' }, name(r.code)), h('td', {}, format.number(r.subtree.membersStudied)),
              h('td', {}, format.number(r.subtree.partyMembers)), h('td', {}, format.percent(r.participationPercent)))))), t('campaign.participation')),
        ],
        reporting);
    })
    .catch(error => replace(root, h('p', { class: 'error' }, describe(error))));
}

/** The campaign as a whole (its launcher's roll-up) against its targets: study, classes, learners, pledges. */
function targetsTable(c) {
  const total = c.total.subtree;
  const targets = c.targets;
  const achieved = c.achievement;
  const percentOf = p => (p === null || p === undefined ? '' : t('campaign.ofTarget', format.percent(p)));
  const rows = [
    [t('period.participation'), format.percent(c.total.participationPercent ?? 0), targets.participationPercent == null ? '–' : format.percent(targets.participationPercent),
      achieved.participationTargetMet == null ? '' : t(achieved.participationTargetMet ? 'campaign.met' : 'campaign.notMet')],
    [t('report.studySessions'), format.number(total.studySessions), targets.studySessions == null ? '–' : format.number(targets.studySessions), percentOf(achieved.studySessionsPercent)],
    [t('campaign.classes'), format.number(total.trainingClasses.reduce((n, x) => n + x.classes, 0)), targets.trainingClasses == null ? '–' : format.number(targets.trainingClasses),
      percentOf(achieved.trainingClassesPercent)],
    [t('campaign.learners'), format.number(total.trainingClasses.reduce((n, x) => n + (x.learners ?? 0), 0)), targets.learners == null ? '–' : format.number(targets.learners),
      percentOf(achieved.learnersPercent)],
    [t('report.membersPledged'), `${format.number(total.membersPledged)} (${c.total.pledgePercent == null ? t('report.noRate') : format.percent(c.total.pledgePercent)})`, '–', ''],
  ];
  return [h('h2', {}, t('campaign.targets')), scrollable(h('table', { id: 'campaign-targets' },
    h('thead', {}, h('tr', {}, ['period.item', 'campaign.done', 'campaign.target', 'campaign.achieved'].map(k => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, rows.map(([first, ...rest]) => h('tr', {}, h('th', { scope: 'row' }, first), rest.map(x => h('td', {}, x)))))), t('campaign.targets'))];
}
