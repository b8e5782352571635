// Activity reports of a campaign: the form an officer reports their committee's figures with (its report id made
// when the form opens, so a resend records nothing twice), and a report's page: its figures and rates as they stand,
// every version it went through with who changed it, when and why, and the correction form. A correction is a new
// version with all the figures as they should be and the reason; nothing earlier is overwritten.
import { ApiError, get, send, session, describe } from '../api.js';
import { h, replace, scrollable } from '../dom.js';
import { clearRefusals, committeeOptions, field, newClientId, officerCommittees, showRefusal, subtreesOf } from '../forms.js';
import * as format from '../format.js';
import { t } from '../i18n.js';

/** The counts a report carries, in the order the form asks for them; training classes by type are rows of their own. */
const counts = ['partyMembers', 'studySessions', 'studyAttendances', 'studyMemberAttendances', 'membersStudied', 'oralSessions', 'oralAttendances',
  'onlineConferences', 'bridgePoints', 'membersPledged'];

/** Whether the user reports for a committee (an officer's grant names one). */
export const mayReport = user => !!user && officerCommittees(user).length > 0;

function countFields(prefix, values = {}) {
  return Object.fromEntries(counts.map(name => [`figures.${name}`, field(`${prefix}-${name}`, t(`report.${name}`),
    h('input', { type: 'number', min: 0, step: 1, inputmode: 'numeric', required: name === 'partyMembers', value: values[name] ?? '' }))]));
}

/** Training classes by type, as rows added and removed in place: the type, how many classes, how many learners. */
function classRows(prefix, initial = []) {
  const list = h('ol', { id: `${prefix}-classes`, class: 'class-rows' });
  let next = 0;
  function add(c = { classType: '', classes: '', learners: '' }) {
    const i = next++;
    const type = h('input', { type: 'text', id: `${prefix}-class-type-${i}`, value: c.classType, maxlength: 300, required: true, class: 'class-type' });
    const classes = h('input', { type: 'number', id: `${prefix}-class-count-${i}`, value: c.classes, min: 0, required: true, class: 'class-count' });
    const learners = h('input', { type: 'number', id: `${prefix}-class-learners-${i}`, value: c.learners, min: 0, class: 'class-learners' });
    const row = h('li', {}, h('label', { for: type.id }, t('report.classType')), ' ', type, ' ', h('label', { for: classes.id }, t('report.classes')), ' ',
      classes, ' ', h('label', { for: learners.id }, t('campaign.learners')), ' ', learners, ' ',
      h('button', { type: 'button', onclick: () => row.remove() }, t('announce.removePrize')));
    list.append(row);
  }
  initial.forEach(add);
  const error = h('p', { id: `${prefix}-classes-error`, class: 'field-error', role: 'alert' });
  const box = h('fieldset', { class: 'classes' }, h('legend', {}, t('campaign.classes')), list,
    h('button', { type: 'button', id: `${prefix}-add-class`, onclick: () => add() }, t('report.addClass')), error);
  const read = () => [...list.querySelectorAll('li')].map(li => ({
    classType: li.querySelector('.class-type').value.trim(),
    classes: Number(li.querySelector('.class-count').value || 0),
    learners: Number(li.querySelector('.class-learners').value || 0),
  }));
  return { box, read, field: { input: list, error, row: null } };
}

function figuresOf(fields, trainingClasses = []) {
  const figures = { trainingClasses };
  counts.forEach(name => {
    const text = fields[`figures.${name}`].input.value.trim();
    figures[name] = text === '' ? 0 : Number(text);
  });
  return figures;
}

/** The refusal as the field it names and a sentence in the page's language. */
function reportRefusal(error) {
  if (!(error instanceof ApiError)) return { field: null, text: t('report.networkError') };
  const { status, field: named } = error;
  if (named?.startsWith('figures.trainingClasses')) return { field: 'figures.trainingClasses', text: t('report.classRules') };
  if (named?.startsWith('figures.')) {
    const name = named.slice('figures.'.length);
    const whole = { studyMemberAttendances: 'studyAttendances', membersStudied: 'partyMembers', membersPledged: 'partyMembers' }[name];
    return { field: named, text: whole && status === 400 && /exceed/.test(error.message)
      ? t('report.partExceeds', t(`report.${name}`), t(`report.${whole}`)) : t('report.countRules') };
  }
  if (named === 'committeeCode') return { field: named, text: t(status === 400 ? 'entry.committeeRequired' : 'report.notParticipant') };
  if (named === 'periodStart' || named === 'periodEnd') return { field: named, text: t('report.periodOutside') };
  if (named === 'reason') return { field: named, text: t('report.reasonRules') };
  if (named === 'reportId' && status === 409) return { field: null, text: t('report.sameIdOtherBody') };
  if (named === 'campaignId' && status === 422) return { field: null, text: t('report.closed') };
  return { field: null, text: t('error', error.message) };
}

/** The form on a campaign's page: the committee, the period (dd/mm/yyyy, the campaign's by default) and the counts. */
export async function reportForm(campaign, user) {
  const committees = await subtreesOf(officerCommittees(user));
  const fields = {
    committeeCode: field('report-committee', t('entry.committee'), h('select', { required: true }, committeeOptions(committees))),
    periodStart: field('report-from', t('report.from'), h('input', { type: 'text', required: true, size: 10, value: format.day(campaign.periodStart) })),
    periodEnd: field('report-to', t('report.to'), h('input', { type: 'text', required: true, size: 10, value: format.day(campaign.periodEnd) })),
    ...countFields('report'),
  };
  const classes = classRows('report');
  fields['figures.trainingClasses'] = classes.field;
  const general = h('p', { class: 'form-error', role: 'alert', id: 'report-general-error' });
  const receipt = h('p', { id: 'report-receipt', role: 'status' });
  const submit = h('button', { type: 'submit', id: 'report-submit' }, t('report.send'));
  const another = h('button', { type: 'button', id: 'report-another', hidden: true }, t('report.another'));
  const setEnabled = enabled => {
    form.querySelectorAll('input, select, button').forEach(control => { control.disabled = !enabled; });
    another.disabled = false;
  };
  let reportId = newClientId();
  let sending = null;

  async function record() {
    clearRefusals(fields, general);
    const periodStart = format.parseDay(fields.periodStart.input.value);
    const periodEnd = format.parseDay(fields.periodEnd.input.value);
    if (!periodStart || !periodEnd) {
      const bad = periodStart ? 'periodEnd' : 'periodStart';
      showRefusal(fields, general, { field: bad, text: t('contest.noSuchDay', fields[bad].input.value.trim()) });
      return;
    }
    setEnabled(false);
    try {
      await send('POST', `/api/campaigns/${encodeURIComponent(campaign.campaignId)}/reports`, {
        reportId, committeeCode: fields.committeeCode.input.value, periodStart, periodEnd, figures: figuresOf(fields, classes.read()),
      });
      replace(receipt, t('report.received'), ' ', h('a', { id: 'report-link', href: `#/campaigns/${encodeURIComponent(campaign.campaignId)}/reports/${encodeURIComponent(reportId)}` },
        t('report.open')));
      another.hidden = false;
    } catch (error) {
      // The same id stays: sending again cannot record the report twice.
      setEnabled(true);
      showRefusal(fields, general, reportRefusal(error));
    }
  }

  const form = h('form', { id: 'report-form', class: 'sign-in', onsubmit: e => {
    e.preventDefault();
    sending ??= record().finally(() => { sending = null; });
  } }, Object.values(fields).filter(f => f.row).map(f => f.row), classes.box, general, submit, ' ', another, receipt);
  another.addEventListener('click', () => {
    // The next report is another one: a new id.
    reportId = newClientId();
    form.reset();
    classes.box.querySelectorAll('li').forEach(li => li.remove());
    replace(receipt);
    another.hidden = true;
    setEnabled(true);
  });
  return h('section', { id: 'send-report', 'aria-labelledby': 'send-report-title' }, h('h2', { id: 'send-report-title' }, t('report.heading')), form);
}

export async function reportView(root, [campaignId, reportId]) {
  const base = `/api/campaigns/${encodeURIComponent(campaignId)}/reports/${encodeURIComponent(reportId)}`;
  const user = await session();

  async function draw() {
    const report = await get(base);
    const current = report.figures;
    const classes = classRows('correct', current.trainingClasses);
    const fields = { ...countFields('correct', current), 'figures.trainingClasses': classes.field, reason: field('correct-reason', t('report.reason'),
      h('input', { type: 'text', required: true, maxlength: 500, autocomplete: 'off' })) };
    const general = h('p', { class: 'form-error', role: 'alert', id: 'correct-general-error' });
    const submit = h('button', { type: 'submit', id: 'correct-submit' }, t('report.correct'));
    const form = h('form', { id: 'correct-form', class: 'sign-in', onsubmit: async e => {
      e.preventDefault();
      clearRefusals(fields, general);
      submit.disabled = true;
      try {
        await send('POST', `${base}/corrections`, { figures: figuresOf(fields, classes.read()), reason: fields.reason.input.value.trim() });
        await draw();
        document.getElementById('report-history')?.focus();
      } catch (error) {
        showRefusal(fields, general, reportRefusal(error));
        submit.disabled = false;
      }
    } }, Object.values(fields).filter(f => f.row && f !== fields.reason).map(f => f.row), classes.box, fields.reason.row, general, submit);
    const rate = r => (r === null || r === undefined ? t('report.noRate') : format.percent(r));
    replace(root,
      h('h1', {}, t('report.title', report.committeeCode, format.day(report.periodStart), format.day(report.periodEnd))),
      h('p', {}, h('a', { href: `#/campaigns/${encodeURIComponent(campaignId)}` }, t('report.backToCampaign'))),
      h('p', { id: 'report-rates' }, t('report.rates', rate(report.participationPercent), rate(report.pledgePercent))),
      scrollable(h('table', { id: 'report-figures' }, h('caption', {}, t('report.figures')),
        h('tbody', {}, counts.map(name => h('tr', {}, h('th', { scope: 'row' }, t(`report.${name}`)), h('td', {}, format.number(current[name])))))),
      t('report.figures')),
      h('h2', {}, t('report.history')),
      scrollable(h('table', { id: 'report-history', tabindex: -1 },
        h('thead', {}, h('tr', {}, ['report.version', 'report.change', 'audit.actor', 'audit.time', 'report.reason', 'report.partyMembers', 'report.membersStudied']
          .map(k => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, report.history.map(v => h('tr', {}, h('td', {}, format.number(v.streamVersion)), h('td', {}, t(`report.${v.change}`)),
          h('td', {}, v.actor ?? ''), h('td', {}, format.dateTime(v.recordedAt)), h('td', {}, v.reason ?? ''),
          h('td', {}, format.number(v.figures.partyMembers)), h('td', {}, format.number(v.figures.membersStudied)))))), t('report.history')),
      mayReport(user) ? [h('h2', {}, t('report.correctTitle')), h('p', {}, t('report.correctHint')), form] : []);
  }

  replace(root, h('p', {}, t('loading')));
  try {
    await draw();
  } catch (error) {
    replace(root, h('p', { class: 'error' }, describe(error)));
  }
}
