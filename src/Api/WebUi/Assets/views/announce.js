// Announcing a contest, and amending it before it opens: the organiser's form. Times are typed the Vietnamese way
// (dd/mm/yyyy and HH:mm, Vietnam time); prize tiers are rows added and removed in place; the eligible committees are
// picked from the organiser's tree (none picked: the whole subtree, as the API's default).
import { ApiError, get, send, session, describe } from '../api.js';
import { h, replace } from '../dom.js';
import { clearRefusals, committeeOptions, field, showRefusal, subtreesOf } from '../forms.js';
import * as format from '../format.js';
import { t } from '../i18n.js';

/** The committees the user organises for (admins: any root they choose among the ones they can see). */
const organisedBy = user => [...new Set(user.grants.filter(g => g.role === 'Organiser' && g.committeeCode).map(g => g.committeeCode))];

/** The instant's day and time in Vietnam, as the form shows them. */
function dayAndTime(iso) {
  const [day, time] = format.dateTime(iso).split(' ');
  return [day, time.slice(0, 5)];
}

/** The refusal as the field it names (a prize row's own field included) and a sentence in the page's language. */
function announceRefusal(error) {
  if (!(error instanceof ApiError)) return { field: null, text: t('organise.networkError') };
  const { status, field: named } = error;
  const known = {
    contestId: status === 409 ? 'announce.idTaken' : 'announce.idRules', title: 'announce.titleRules', description: 'announce.descriptionRules',
    opensAt: 'announce.opensRules', closesAt: 'announce.closesRules', target: 'announce.targetRules', perAuthorLimit: 'announce.perAuthorRules',
    personalDataRetentionMonths: 'announce.retentionRules',
    eligibleCommittees: 'announce.eligibleRules', organiserCode: 'announce.organiserRules',
  };
  if (known[named]) return { field: named, text: t(known[named]) };
  if (named?.startsWith('individualPrizes') || named?.startsWith('collectivePrizes')) return { field: 'prizes', text: t('announce.prizeRules') };
  if (named?.startsWith('judging')) return { field: 'judging', text: t('announce.judgingRules') };
  if (named === 'contestId' && status === 422) return { field: null, text: t('announce.alreadyOpen') };
  return { field: null, text: t('error', error.message) };
}

/** Rows of prize tiers: a name and how many times it is granted, collective or not; added and removed in place. */
function prizeRows(initial) {
  const list = h('ol', { id: 'prize-rows', class: 'prize-rows' });
  let next = 0;
  function add(prize = { name: '', count: 1, collective: false }) {
    const i = next++;
    const name = h('input', { type: 'text', id: `prize-name-${i}`, value: prize.name, maxlength: 200, required: true, class: 'prize-name' });
    const count = h('input', { type: 'number', id: `prize-count-${i}`, value: prize.count, min: 1, max: 1000, required: true, class: 'prize-count' });
    const collective = h('input', { type: 'checkbox', id: `prize-collective-${i}`, checked: prize.collective, class: 'prize-collective' });
    const row = h('li', {}, h('label', { for: name.id }, t('announce.prizeName')), ' ', name, ' ', h('label', { for: count.id }, t('announce.prizeCount')), ' ', count,
      ' ', collective, h('label', { for: collective.id }, t('contest.collective')), ' ',
      h('button', { type: 'button', class: 'remove-prize', onclick: () => row.remove() }, t('announce.removePrize')));
    list.append(row);
  }
  initial.forEach(add);
  const read = () => [...list.querySelectorAll('li')].map(li => ({
    name: li.querySelector('.prize-name').value.trim(),
    count: Number(li.querySelector('.prize-count').value),
    collective: li.querySelector('.prize-collective').checked,
  }));
  return { list, add, read };
}

/**
 * How the contest is judged: the normalisation of each round's scores (until the organiser chooses otherwise for a
 * round), whether a judge's conflicts cover the committees below their own, and the scoring sheet's criteria (rows
 * added and removed in place, their points adding up to 100; none: one score of 0 to 100).
 */
function judgingRules(initial) {
  const method = h('select', { id: 'judging-normalisation' }, ['Raw', 'ZScore', 'Rank'].map(m => h('option', { value: m, selected: m === initial.normalisation }, t(`why.method.${m}`))));
  const subtree = h('input', { type: 'checkbox', id: 'judging-subtree', checked: initial.conflictsCoverSubtree });
  const list = h('ol', { id: 'criteria-rows', class: 'prize-rows' });
  let next = 0;
  function add(criterion = { name: '', points: 10 }) {
    const i = next++;
    const name = h('input', { type: 'text', id: `criterion-name-${i}`, value: criterion.name, maxlength: 100, required: true, class: 'criterion-name' });
    const points = h('input', { type: 'number', id: `criterion-points-${i}`, value: criterion.points, min: 1, max: 100, required: true, class: 'criterion-points' });
    const row = h('li', {}, h('label', { for: name.id }, t('announce.criterionName')), ' ', name, ' ', h('label', { for: points.id }, t('announce.criterionPoints')), ' ', points,
      ' ', h('button', { type: 'button', class: 'remove-criterion', onclick: () => row.remove() }, t('announce.removeCriterion')));
    list.append(row);
  }
  initial.criteria.forEach(add);
  const error = h('p', { id: 'judging-error', class: 'field-error', role: 'alert' });
  const box = h('fieldset', { id: 'judging' }, h('legend', {}, t('announce.judging')),
    h('p', { class: 'field' }, h('label', { for: method.id }, t('organise.normalisation')), method),
    h('p', { class: 'field' }, subtree, h('label', { for: subtree.id }, t('announce.subtree'))),
    h('p', { class: 'hint' }, t('announce.criteriaHint')), list,
    h('button', { type: 'button', id: 'add-criterion', onclick: () => add() }, t('announce.addCriterion')), error);
  const read = () => ({
    normalisation: method.value, conflictsCoverSubtree: subtree.checked,
    criteria: [...list.querySelectorAll('li')].map(li => ({ name: li.querySelector('.criterion-name').value.trim(), points: Number(li.querySelector('.criterion-points').value) })),
  });
  return { box, error, read };
}

/** The organiser's subtree as checkboxes: the committees whose members may enter. */
function eligiblePicker(committees, chosen) {
  const box = h('fieldset', { id: 'eligible' }, h('legend', {}, t('announce.eligible')), h('p', { class: 'hint' }, t('announce.eligibleHint')),
    committees.map(c => {
      const line = h('p', { class: 'check' },
        h('input', { type: 'checkbox', id: `eligible-${c.code}`, value: c.code, checked: chosen.includes(c.code) }), ' ',
        h('label', { for: `eligible-${c.code}` }, `${c.name} (${c.code})`));
      // Indented by depth through the style property (the Content-Security-Policy refuses style attributes).
      line.style.marginLeft = `${(c.depth ?? 0) * 1.2}rem`;
      return line;
    }));
  return { box, read: () => [...box.querySelectorAll('input:checked')].map(i => i.value) };
}

/** The form: empty to announce (path #/contests/moi), filled with the contest to amend it before it opens (#/contests/{id}/sua). */
export async function announceView(root, [contestId]) {
  const user = await session();
  replace(root, h('p', {}, t('loading')));
  const existing = contestId ? await get(`/api/contests/${encodeURIComponent(contestId)}`).catch(error => ({ error })) : null;
  if (existing?.error) {
    replace(root, h('p', { class: 'error' }, describe(existing.error)));
    return;
  }
  const organisers = existing ? [existing.organiserCode] : organisedBy(user);
  const isAdmin = user.grants.some(g => g.role === 'Admin');
  if (organisers.length === 0 && !isAdmin) {
    replace(root, h('p', { class: 'error' }, t('announce.notOrganiser')));
    return;
  }
  const committees = await subtreesOf(organisers);
  const [opensDay, opensTime] = existing ? dayAndTime(existing.opensAt) : ['', '00:00'];
  const [closesDay, closesTime] = existing ? dayAndTime(existing.closesAt) : ['', '23:59'];
  const fields = {
    ...(existing ? {} : {
      contestId: field('announce-id', t('announce.id'), h('input', { type: 'text', required: true, maxlength: 64, autocomplete: 'off' })),
      organiserCode: field('announce-organiser', t('announce.organiser'), isAdmin && organisers.length === 0
        ? h('input', { type: 'text', required: true }) : h('select', { required: true }, committeeOptions(committees.filter(c => organisers.includes(c.code))))),
      kind: field('announce-kind', t('announce.kind'), h('select', { required: true },
        ['Writing', 'Quiz', 'Storytelling'].map(k => h('option', { value: k }, t(`announce.kind.${k}`))))),
    }),
    title: field('announce-title', t('announce.title'), h('input', { type: 'text', required: true, maxlength: 300, value: existing?.title ?? '' })),
    description: field('announce-description', t('announce.description'), h('textarea', { rows: 4, maxlength: 5000 }, existing?.description ?? '')),
    opensAt: field('announce-opens', t('announce.opens'), h('input', { type: 'text', required: true, size: 10, placeholder: 'dd/mm/yyyy', value: opensDay })),
    opensTime: field('announce-opens-time', t('announce.time'), h('input', { type: 'text', required: true, size: 5, value: opensTime })),
    closesAt: field('announce-closes', t('announce.closes'), h('input', { type: 'text', required: true, size: 10, placeholder: 'dd/mm/yyyy', value: closesDay })),
    closesTime: field('announce-closes-time', t('announce.time'), h('input', { type: 'text', required: true, size: 5, value: closesTime })),
    target: field('announce-target', t('announce.target'), h('input', { type: 'number', required: true, min: 1, max: 10000000, value: existing?.target ?? '' })),
    perAuthorLimit: field('announce-per-author', t('announce.perAuthor'), h('input', { type: 'number', min: 1, max: 100, value: existing?.perAuthorLimit ?? 1 })),
    // Empty: the entrants' names are kept until a person asks for their erasure (Decree 13/2023).
    personalDataRetentionMonths: field('announce-retention', t('announce.retention'),
      h('input', { type: 'number', min: 1, max: 120, value: existing?.personalDataRetentionMonths ?? '' })),
  };
  const prizes = prizeRows(existing
    ? [...existing.individualPrizes.map(p => ({ ...p, collective: false })), ...existing.collectivePrizes.map(p => ({ ...p, collective: true }))]
    : [{ name: 'Giải nhất', count: 1, collective: false }, { name: 'Giải nhì', count: 2, collective: false }, { name: 'Giải ba', count: 3, collective: false }]);
  const prizeError = h('p', { id: 'prizes-error', class: 'field-error', role: 'alert' });
  fields.prizes = { input: prizes.list, error: prizeError, row: null };
  const eligible = eligiblePicker(committees, existing?.eligibleCommittees ?? []);
  const eligibleError = h('p', { id: 'eligible-error', class: 'field-error', role: 'alert' });
  fields.eligibleCommittees = { input: eligible.box, error: eligibleError, row: null };
  const judging = judgingRules(existing?.judging ?? { normalisation: 'Raw', conflictsCoverSubtree: false, criteria: [] });
  fields.judging = { input: judging.box, error: judging.error, row: null };
  const general = h('p', { class: 'form-error', role: 'alert', id: 'announce-general-error' });
  const submit = h('button', { type: 'submit', id: 'announce-submit' }, t(existing ? 'announce.amend' : 'announce.announce'));

  const form = h('form', { id: 'announce-form', class: 'sign-in wide', onsubmit: async e => {
    e.preventDefault();
    clearRefusals(fields, general);
    const opensAt = format.instantOf(fields.opensAt.input.value, fields.opensTime.input.value);
    const closesAt = format.instantOf(fields.closesAt.input.value, fields.closesTime.input.value);
    if (!opensAt || !closesAt) {
      showRefusal(fields, general, { field: opensAt ? 'closesAt' : 'opensAt', text: t('announce.noSuchTime') });
      return;
    }
    const tiers = prizes.read();
    const details = {
      title: fields.title.input.value.trim(), description: fields.description.input.value.trim() || null, opensAt, closesAt,
      target: Number(fields.target.input.value), perAuthorLimit: Number(fields.perAuthorLimit.input.value) || null,
      personalDataRetentionMonths: Number(fields.personalDataRetentionMonths.input.value) || null,
      eligibleCommittees: eligible.read(),
      individualPrizes: tiers.filter(p => !p.collective).map(({ name, count }) => ({ name, count })),
      collectivePrizes: tiers.filter(p => p.collective).map(({ name, count }) => ({ name, count })),
      judging: judging.read(),
    };
    submit.disabled = true;
    try {
      const id = existing ? existing.contestId : fields.contestId.input.value.trim().toUpperCase();
      if (existing) await send('PUT', `/api/contests/${encodeURIComponent(id)}`, details);
      else await send('POST', '/api/contests', { contestId: id, organiserCode: fields.organiserCode.input.value.trim(), kind: fields.kind.input.value, ...details });
      location.hash = `#/contests/${encodeURIComponent(id)}`;
    } catch (error) {
      showRefusal(fields, general, announceRefusal(error));
      submit.disabled = false;
    }
  } },
  Object.values(fields).filter(f => f.row).map(f => f.row),
  h('fieldset', { id: 'prizes' }, h('legend', {}, t('announce.prizes')), prizes.list,
    h('button', { type: 'button', id: 'add-prize', onclick: () => prizes.add() }, t('announce.addPrize')), prizeError),
  eligible.box, eligibleError, judging.box, general, submit);
  replace(root, h('h1', {}, existing ? t('announce.amendTitle', existing.title) : t('announce.heading')),
    existing ? h('p', {}, t('announce.amendHint')) : [], form);
}

/** Whether the user may announce contests at all: an organiser of some committee, or an admin. */
export const mayAnnounce = user => !!user?.grants.some(g => g.role === 'Admin' || (g.role === 'Organiser' && g.committeeCode));
