// A committee's own records, and the forms officers keep them with: model programmes (registered, found running at a
// review, commended, retired), commendations, public-opinion issues (opened, resolved), inspections by an upper
// committee and the inspected committee's follow-ups. Every form is described by data (its fields, where it posts,
// what it sends) and drawn by one function; each record's id is made when its form opens, so a resend records nothing
// twice. Refusals show beside the field they name, in the page's language.
import { ApiError, get, send, session, describe } from '../api.js';
import { h, replace, scrollable } from '../dom.js';
import { actionForm, field, LocalRefusal, newClientId, officerCommittees, subtreesOf } from '../forms.js';
import * as format from '../format.js';
import { t } from '../i18n.js';

/** The refusal in the page's language: the field it names, said by what kind of refusal it is. */
function recordRefusal(error, labels) {
  if (!(error instanceof ApiError)) return { field: null, text: t('organise.networkError') };
  const label = labels[error.field];
  const kind = { 400: 'records.invalid', 403: 'records.forbidden', 404: 'records.notFound', 409: 'records.conflict', 422: 'records.rule' }[error.status];
  if (!kind) return { field: null, text: t('error', error.message) };
  return { field: label ? error.field : null, text: t(kind, label ?? t('records.thisRecord')) };
}

/** One input of a form spec: text, textarea, number, a day (dd/mm/yyyy), or a choice among options. */
function input(spec) {
  if (spec.kind === 'select') return h('select', { required: !spec.optional }, spec.options.map(([value, text]) => h('option', { value }, text)));
  if (spec.kind === 'textarea') return h('textarea', { rows: 3, required: !spec.optional, maxlength: spec.max ?? 2000 });
  if (spec.kind === 'number') return h('input', { type: 'number', min: 0, step: 1, required: !spec.optional });
  if (spec.kind === 'day') return h('input', { type: 'text', size: 10, required: !spec.optional, placeholder: 'dd/mm/yyyy', value: format.day(format.vietnamToday()) });
  return h('input', { type: 'text', required: !spec.optional, maxlength: spec.max ?? 300, autocomplete: 'off' });
}

/**
 * A form from its spec: { id, title, fields: [{ name, label, kind, options?, optional? }], path(values, clientId), body(values, clientId) }.
 * Days are checked here (a day that does not exist is said so beside it); the rest by the API.
 */
function specForm(spec, done) {
  const fields = Object.fromEntries(spec.fields.map(f => [f.name, { ...field(`${spec.id}-${f.name}`, f.label, input(f)), spec: f }]));
  const labels = Object.fromEntries(spec.fields.map(f => [f.name, f.label]));
  let clientId = newClientId();
  const values = () => Object.fromEntries(Object.entries(fields).map(([name, f]) => {
    const text = f.input.value.trim();
    if (text === '') return [name, null];
    if (f.spec.kind === 'day') {
      const day = format.parseDay(text);
      if (!day) throw new LocalRefusal(name, t('contest.noSuchDay', text));
      return [name, day];
    }
    return [name, f.spec.kind === 'number' ? Number(text) : text];
  }));
  const form = actionForm(spec.id, fields, spec.button, async () => {
    const v = values();
    await send('POST', spec.path(v, clientId), spec.body(v, clientId));
    clientId = newClientId();
  }, done, error => recordRefusal(error, labels));
  // Folded until chosen: a committee's page holds nine forms, and an officer uses one at a time.
  return h('details', { class: 'record-form', id: `${spec.id}-details` }, h('summary', {}, spec.title), form);
}

const options = (values, prefix) => values.map(v => [v, t(`${prefix}.${v}`)]);

function table(id, caption, headers, rows, empty) {
  if (rows.length === 0) return h('p', {}, empty);
  return scrollable(h('table', { id }, h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, headers.map(x => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows.map(([first, ...rest]) => h('tr', {}, h('th', { scope: 'row' }, first), rest.map(x => h('td', {}, x)))))), caption);
}

export async function recordsView(root, [code]) {
  const base = `/api/committees/${encodeURIComponent(code)}`;
  const user = await session();
  replace(root, h('p', {}, t('loading')));
  let committee;
  let upper;
  try {
    committee = await get(base);
    // An inspection is recorded by an officer of a committee above this one: the user's committees on its path.
    const path = await get(`${base}/path`).catch(() => []);
    const mine = new Set((await subtreesOf(officerCommittees(user))).map(c => c.code));
    upper = path.filter(c => c.code !== code && (mine.has(c.code) || user.grants.some(g => g.role === 'Admin')));
  } catch (error) {
    replace(root, h('p', { class: 'error' }, describe(error)));
    return;
  }
  const mayRecord = user.grants.some(g => g.role === 'Admin' || g.role === 'Officer');

  async function draw() {
    const book = await get(`${base}/records`);
    const programmes = Object.values(book.programmes ?? {});
    const issues = Object.values(book.opinionIssues ?? {});
    const inspections = Object.values(book.inspections ?? {});
    const commendations = Object.values(book.commendations ?? {});
    const programmeOptions = programmes.filter(p => !p.retiredOn).map(p => [p.programmeId, p.name]);
    const openIssues = issues.filter(i => !i.resolvedOn).map(i => [i.issueId, i.subject]);
    const specs = {
      programme: {
        id: 'programme-form', title: t('records.registerProgramme'), button: t('records.save'),
        fields: [
          { name: 'name', label: t('records.programmeName') }, { name: 'programmeType', label: t('period.programmeType') },
          { name: 'field', label: t('records.field'), optional: true }, { name: 'startedOn', label: t('records.startedOn'), kind: 'day' },
        ],
        path: () => `${base}/model-programmes`,
        body: (v, id) => ({ programmeId: id, name: v.name, programmeType: v.programmeType, field: v.field, startedOn: v.startedOn }),
      },
      review: programmeOptions.length && {
        id: 'review-form', title: t('records.reviewProgramme'), button: t('records.save'),
        fields: [{ name: 'programmeId', label: t('records.programme'), kind: 'select', options: programmeOptions },
          { name: 'reviewedOn', label: t('records.reviewedOn'), kind: 'day' }, { name: 'note', label: t('records.note'), optional: true }],
        path: v => `${base}/model-programmes/${encodeURIComponent(v.programmeId)}/reviews`,
        body: v => ({ reviewedOn: v.reviewedOn, note: v.note }),
      },
      commend: programmeOptions.length && {
        id: 'commend-form', title: t('records.commendProgramme'), button: t('records.save'),
        fields: [{ name: 'programmeId', label: t('records.programme'), kind: 'select', options: programmeOptions },
          { name: 'commendedOn', label: t('records.awardedOn'), kind: 'day' }, { name: 'commendedBy', label: t('period.awardedBy') }],
        path: v => `${base}/model-programmes/${encodeURIComponent(v.programmeId)}/commendations`,
        body: v => ({ commendedOn: v.commendedOn, commendedBy: v.commendedBy }),
      },
      retire: programmeOptions.length && {
        id: 'retire-form', title: t('records.retireProgramme'), button: t('records.save'),
        fields: [{ name: 'programmeId', label: t('records.programme'), kind: 'select', options: programmeOptions },
          { name: 'retiredOn', label: t('records.retiredOn'), kind: 'day' }, { name: 'reason', label: t('records.reason') }],
        path: v => `${base}/model-programmes/${encodeURIComponent(v.programmeId)}/retirement`,
        body: v => ({ retiredOn: v.retiredOn, reason: v.reason }),
      },
      commendation: {
        id: 'commendation-form', title: t('records.recordCommendation'), button: t('records.save'),
        fields: [
          { name: 'form', label: t('records.form'), kind: 'select', options: options(['Certificate', 'MeritCertificate', 'Letter'], 'records.form') },
          { name: 'awardingLevel', label: t('records.level'), kind: 'select', options: options(['Central', 'Province', 'District', 'Grassroots'], 'records.level') },
          { name: 'awardedBy', label: t('period.awardedBy') }, { name: 'collectives', label: t('period.collectives'), kind: 'number', optional: true },
          { name: 'individuals', label: t('period.individuals'), kind: 'number', optional: true }, { name: 'awardedOn', label: t('records.awardedOn'), kind: 'day' },
          { name: 'reason', label: t('records.reason'), optional: true },
        ],
        path: () => `${base}/commendations`,
        body: (v, id) => ({ commendationId: id, ...v }),
      },
      issue: {
        id: 'issue-form', title: t('records.openIssue'), button: t('records.save'),
        fields: [{ name: 'subject', label: t('records.subject'), kind: 'textarea' }, { name: 'openedOn', label: t('records.openedOn'), kind: 'day' }],
        path: () => `${base}/opinion-issues`,
        body: (v, id) => ({ issueId: id, subject: v.subject, openedOn: v.openedOn }),
      },
      resolve: openIssues.length && {
        id: 'resolve-form', title: t('records.resolveIssue'), button: t('records.save'),
        fields: [{ name: 'issueId', label: t('records.issue'), kind: 'select', options: openIssues },
          { name: 'resolvedOn', label: t('records.resolvedOn'), kind: 'day' }, { name: 'outcome', label: t('records.outcome'), kind: 'textarea' }],
        path: v => `${base}/opinion-issues/${encodeURIComponent(v.issueId)}/resolution`,
        body: v => ({ resolvedOn: v.resolvedOn, outcome: v.outcome }),
      },
      inspection: upper.length && {
        id: 'inspection-form', title: t('records.recordInspection'), button: t('records.save'),
        fields: [
          { name: 'inspectorCode', label: t('period.inspector'), kind: 'select', options: upper.map(c => [c.code, `${c.name} (${c.code})`]) },
          { name: 'inspectedOn', label: t('period.inspectedOn'), kind: 'day' }, { name: 'delegation', label: t('records.delegation') },
          { name: 'findings', label: t('records.findings'), kind: 'textarea' }, { name: 'recommendations', label: t('records.recommendations'), kind: 'textarea', optional: true },
        ],
        path: () => `${base}/inspections`,
        body: (v, id) => ({ inspectionId: id, ...v, delegation: (v.delegation ?? '').split(/[,;]/).map(x => x.trim()).filter(Boolean) }),
      },
      followUp: inspections.length && {
        id: 'follow-up-form', title: t('records.recordFollowUp'), button: t('records.save'),
        fields: [{ name: 'inspectionId', label: t('records.inspection'), kind: 'select', options: inspections.map(i => [i.inspectionId, `${format.day(i.inspectedOn)} – ${i.inspectorCode}`]) },
          { name: 'recordedOn', label: t('records.recordedOn'), kind: 'day' }, { name: 'actions', label: t('records.actions'), kind: 'textarea' }],
        path: v => `${base}/inspections/${encodeURIComponent(v.inspectionId)}/follow-ups`,
        body: v => ({ recordedOn: v.recordedOn, actions: v.actions }),
      },
    };
    const forms = names => (mayRecord ? names.filter(n => specs[n]).map(n => specForm(specs[n], draw)) : []);
    replace(root, h('h1', {}, t('records.title', committee.name)),
      h('section', { id: 'programmes' }, h('h2', {}, t('period.programmes')),
        table('programme-table', t('period.programmes'), [t('records.programmeName'), t('period.programmeType'), t('records.startedOn'), t('records.lastReview'),
          t('records.commendations'), t('records.status')],
        programmes.map(p => [p.name, p.programmeType, format.day(p.startedOn), p.maintainedOn.length ? format.day(p.maintainedOn[p.maintainedOn.length - 1]) : '–',
          format.number(p.commendations.length), p.retiredOn ? t('records.retired', format.day(p.retiredOn)) : t('records.running')]), t('period.none')),
        forms(['programme', 'review', 'commend', 'retire'])),
      h('section', { id: 'commendations' }, h('h2', {}, t('period.commendations')),
        table('commendation-table', t('period.commendations'), [t('period.awardedBy'), t('records.form'), t('period.collectives'), t('period.individuals'), t('records.awardedOn')],
          commendations.map(c => [c.awardedBy, t(`records.form.${c.form}`), format.number(c.collectives), format.number(c.individuals), format.day(c.awardedOn)]), t('period.none')),
        forms(['commendation'])),
      h('section', { id: 'opinion-issues' }, h('h2', {}, t('period.opinion')),
        table('issue-table', t('period.opinion'), [t('records.subject'), t('records.openedOn'), t('records.status')],
          issues.map(i => [i.subject, format.day(i.openedOn), i.resolvedOn ? t('records.resolved', format.day(i.resolvedOn), i.outcome ?? '') : t('records.open')]), t('period.none')),
        forms(['issue', 'resolve'])),
      h('section', { id: 'inspections' }, h('h2', {}, t('period.inspections')),
        table('inspection-table', t('period.inspections'), [t('period.inspector'), t('period.inspectedOn'), t('records.findings'), t('period.followUps')],
          inspections.map(i => [i.inspectorCode, format.day(i.inspectedOn), i.findings, format.number(i.followUps.length)]), t('period.none')),
        forms(['inspection', 'followUp'])));
  }

  try {
    await draw();
  } catch (error) {
    replace(root, h('p', { class: 'error' }, describe(error)));
  }
}
