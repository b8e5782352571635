// The period report of a committee and its subtree, the one sent upward: chosen by period and by view (figures under
// the committees they were recorded with, or as organised on a day), shown in the page, downloaded as .xlsx or CSV
// (the API's own files), and printed as a clean A4 page with the committee, the period and the day it was printed.
import { get, describe } from '../api.js';
import { h, replace, scrollable } from '../dom.js';
import { clearRefusals, field, showRefusal } from '../forms.js';
import * as format from '../format.js';
import { t } from '../i18n.js';

function table(id, caption, headers, rows) {
  // The heading above names the table on screen; the caption names it to assistive technology.
  return scrollable(h('table', { id }, h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, headers.map(x => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows.map(([first, ...rest]) => h('tr', {}, h('th', { scope: 'row' }, first), rest.map(x => h('td', {}, x)))))), caption);
}

const rate = r => (r === null || r === undefined ? t('report.noRate') : format.percent(r));

function sections(report, names) {
  const name = code => names[code] ?? code;
  const total = report.activities.total;
  return [
    h('h2', {}, t('period.summary')),
    table('period-summary', t('period.summary'), [t('period.item'), t('period.value')], [
      [t('period.reports'), format.number(total.reports)],
      [t('report.partyMembers'), format.number(total.subtree.partyMembers)],
      [t('report.membersStudied'), format.number(total.subtree.membersStudied)],
      [t('period.participation'), rate(total.participationPercent)],
      [t('report.studySessions'), format.number(total.subtree.studySessions)],
      [t('report.oralSessions'), format.number(total.subtree.oralSessions)],
      [t('report.membersPledged'), format.number(total.subtree.membersPledged)],
      [t('period.pledges'), rate(total.pledgePercent)],
    ]),
    h('h2', {}, t('period.campaigns')),
    report.activities.campaigns.length === 0 ? h('p', {}, t('period.none'))
      : table('period-campaigns', t('period.campaigns'), [t('home.name'), t('period.reports'), t('period.participation')],
        report.activities.campaigns.map(c => [c.title, format.number(c.reports), rate(c.figures.participationPercent)])),
    h('h2', {}, t('period.byCommittee')),
    report.activities.byCommittee.length === 0 ? h('p', {}, t('period.none'))
      : table('period-by-committee', t('period.byCommittee'), [t('campaign.committee'), t('period.reports'), t('report.membersStudied'),
        t('report.partyMembers'), t('period.participation')],
      report.activities.byCommittee.map(c => [name(c.code), format.number(c.reports), format.number(c.subtree.membersStudied),
        format.number(c.subtree.partyMembers), rate(c.participationPercent)])),
    h('h2', {}, t('period.programmes')),
    table('period-programmes', t('period.programmes'), [t('period.programmeType'), t('growth.active'), t('growth.new'), t('period.maintained'), t('period.retired')],
      [...report.modelProgrammes.byType, { ...report.modelProgrammes.total, programmeType: t('period.total') }]
        .map(p => [p.programmeType, format.number(p.active), format.number(p.new), format.number(p.maintained), format.number(p.retired)])),
    h('h2', {}, t('period.commendations')),
    report.commendations.lines.length === 0 ? h('p', {}, t('period.none'))
      : table('period-commendations', t('period.commendations'), [t('period.awardedBy'), t('period.collectives'), t('period.individuals')],
        report.commendations.lines.map(l => [l.awardedBy, format.number(l.collectives), format.number(l.individuals)])),
    h('h2', {}, t('period.opinion')),
    h('p', { id: 'period-opinion' }, t('period.opinionLine', format.number(report.opinionIssues.opened), format.number(report.opinionIssues.resolvedOfOpened),
      rate(report.opinionIssues.resolvedPercent), format.number(report.opinionIssues.openAtEnd))),
    h('h2', {}, t('period.inspections')),
    report.inspections.length === 0 ? h('p', {}, t('period.none'))
      : table('period-inspections', t('period.inspections'), [t('campaign.committee'), t('period.inspector'), t('period.inspectedOn'), t('period.followUps')],
        report.inspections.map(i => [name(i.committeeCode), name(i.inspectorCode), format.day(i.inspectedOn), format.number(i.followUps.length)])),
  ];
}

export async function periodReportView(root, [code], query) {
  const year = format.vietnamToday().slice(0, 4);
  const from = query.get('from') ?? `${year}-01-01`;
  const to = query.get('to') ?? `${year}-12-31`;
  const asOf = query.get('organisedAsOf');
  const fields = {
    from: field('period-from', t('report.from'), h('input', { type: 'text', required: true, size: 10, value: format.day(from) })),
    to: field('period-to', t('report.to'), h('input', { type: 'text', required: true, size: 10, value: format.day(to) })),
    organisedAsOf: field('period-as-of', t('period.organisedAsOf'), h('input', { type: 'text', size: 10, value: asOf ? format.day(asOf) : '', placeholder: 'dd/mm/yyyy' })),
  };
  const general = h('p', { class: 'form-error', role: 'alert' });
  const form = h('form', { id: 'period-form', class: 'sign-in no-print', onsubmit: e => {
    e.preventDefault();
    clearRefusals(fields, general);
    const days = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.input.value.trim() === '' ? '' : format.parseDay(f.input.value)]));
    const bad = Object.entries(days).find(([k, d]) => d === null || (k !== 'organisedAsOf' && d === ''));
    if (bad) {
      showRefusal(fields, general, { field: bad[0], text: t('contest.noSuchDay', fields[bad[0]].input.value.trim()) });
      return;
    }
    location.hash = `#/committees/${encodeURIComponent(code)}/bao-cao?from=${days.from}&to=${days.to}${days.organisedAsOf ? `&organisedAsOf=${days.organisedAsOf}` : ''}`;
  } }, Object.values(fields).map(f => f.row), h('p', { class: 'hint' }, t('period.asOfHint')), general, h('button', { type: 'submit' }, t('contest.show')));

  const params = `from=${from}&to=${to}${asOf ? `&organisedAsOf=${asOf}` : ''}`;
  const api = `/api/committees/${encodeURIComponent(code)}/reports/period?${params}`;
  replace(root, h('h1', {}, t('period.title', code)), form, h('p', {}, t('loading')));
  try {
    const report = await get(api);
    const names = Object.fromEntries(report.subtree.map(c => [c.code, c.name]));
    replace(root,
      h('h1', {}, t('period.title', report.committeeName)),
      h('p', { id: 'period-line' }, t('period.line', format.day(report.from), format.day(report.to)), ' · ',
        report.organisedAsOf ? t('contest.viewToday', format.day(report.organisedAsOf)) : t('period.asRecorded')),
      h('p', { class: 'print-only' }, t('period.printedOn', format.day(format.vietnamToday()))),
      form,
      h('p', { class: 'no-print', id: 'period-downloads' },
        h('a', { id: 'download-xlsx', href: `${api}&format=xlsx`, download: '' }, t('period.xlsx')), ' · ',
        h('a', { id: 'download-csv', href: `${api}&format=csv`, download: '' }, t('period.csv')), ' · ',
        h('button', { type: 'button', id: 'print', onclick: () => window.print() }, t('period.print'))),
      sections(report, names));
  } catch (error) {
    replace(root, h('h1', {}, t('period.title', code)), form, h('p', { class: 'error' }, describe(error)));
  }
}
