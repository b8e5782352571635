// The login page, the first-password change and the reset link's page. Refusals show next to the field they name.
import { ApiError, changePassword, resetPassword, signIn, signInOptions } from '../api.js';
import { h, replace } from '../dom.js';
import { field, showRefusal } from '../forms.js';
import { t } from '../i18n.js';
import { dateTime } from '../format.js';
import { isJudge } from './judge.js';

/** Where a user lands after signing in: the committee they act for, else the contests they judge, else the home page. */
export function landing(session) {
  const committee = session.grants.find(g => g.committeeCode)?.committeeCode;
  if (committee) return `#/committees/${encodeURIComponent(committee)}/growth`;
  return isJudge(session) ? '#/cham-diem' : '#/';
}

const inputField = (id, label, type, autocomplete) => field(id, label, h('input', { type, required: true, autocomplete }));

/** Shows the API's refusal next to its field (or above the form), in the page's language. */
const refuse = (error, fields, general) =>
  showRefusal(fields, general, { field: error instanceof ApiError ? error.field : null, text: refusalText(error) });

function refusalText(error) {
  if (!(error instanceof ApiError)) return t('error', error.message);
  if (error.status === 401) return t('signIn.wrong');
  if (error.status === 423) {
    const until = /until (\S+?);/.exec(error.message)?.[1];
    return until ? t('signIn.locked', dateTime(until)) : t('signIn.lockedNoTime');
  }
  if (error.field === 'token') return t('password.linkUsed');
  if (error.field === 'currentPassword') return t('password.currentWrong');
  if (['newPassword', 'password'].includes(error.field)) return t('password.rules');
  return error.message;
}

/** The way in through the province's single sign-on, when one is set up: a link the browser follows to the provider and back. */
async function singleSignOnLink(next) {
  const option = (await signInOptions().catch(() => ({ singleSignOn: null }))).singleSignOn;
  if (!option) return [];
  const href = next?.startsWith('#/') ? `${option.start}?next=${encodeURIComponent(next)}` : option.start;
  return [h('p', {}, h('a', { id: 'single-sign-on', class: 'button', href }, option.name)), h('p', {}, t('signIn.orPassword'))];
}

export async function signInView(root, onSignedIn, notice, next) {
  const fields = { username: inputField('username', t('signIn.username'), 'text', 'username'), password: inputField('password', t('signIn.password'), 'password', 'current-password') };
  const general = h('p', { class: 'form-error', role: 'alert' });
  const submit = h('button', { type: 'submit', id: 'sign-in-submit' }, t('signIn.button'));
  const form = h('form', { class: 'sign-in', id: 'sign-in-form', onsubmit: async e => {
    e.preventDefault();
    submit.disabled = true;
    try {
      onSignedIn(await signIn(fields.username.input.value.trim(), fields.password.input.value));
    } catch (error) {
      fields.password.input.value = '';
      refuse(error, fields, general);
    } finally {
      submit.disabled = false;
    }
  } }, fields.username.row, fields.password.row, general, submit);
  const singleSignOn = await singleSignOnLink(next);
  replace(root, h('h1', {}, t('signIn.title')), notice ? h('p', { class: 'notice', role: 'status' }, notice) : [], singleSignOn, form);
  fields.username.input.focus();
}

function newPasswordFields() {
  return {
    newPassword: inputField('new-password', t('password.new'), 'password', 'new-password'),
    confirm: inputField('confirm-password', t('password.confirm'), 'password', 'new-password'),
  };
}

function confirmed(fields) {
  if (fields.newPassword.input.value === fields.confirm.input.value) return true;
  fields.confirm.error.textContent = t('password.mismatch');
  fields.confirm.input.focus();
  return false;
}

export function changePasswordView(root, session, onChanged) {
  const fields = { currentPassword: inputField('current-password', t('password.current'), 'password', 'current-password'), ...newPasswordFields() };
  const general = h('p', { class: 'form-error', role: 'alert' });
  const form = h('form', { class: 'sign-in', id: 'password-form', onsubmit: async e => {
    e.preventDefault();
    if (!confirmed(fields)) return;
    try {
      onChanged(await changePassword(fields.currentPassword.input.value, fields.newPassword.input.value));
    } catch (error) {
      refuse(error, fields, general);
    }
  } }, Object.values(fields).map(f => f.row), general, h('button', { type: 'submit' }, t('password.save')));
  replace(root, h('h1', {}, t('password.title')), session.mustChangePassword ? h('p', { class: 'notice', role: 'status' }, t('password.mustChange')) : [],
    h('p', {}, t('password.rules')), form);
  fields.currentPassword.input.focus();
}

export function resetPasswordView(root, token) {
  const fields = newPasswordFields();
  const general = h('p', { class: 'form-error', role: 'alert' });
  const form = h('form', { class: 'sign-in', id: 'reset-form', onsubmit: async e => {
    e.preventDefault();
    if (!confirmed(fields)) return;
    try {
      await resetPassword(token, fields.newPassword.input.value);
      location.hash = '#/dang-nhap?reset=1';
    } catch (error) {
      refuse(error, { newPassword: fields.newPassword }, general);
    }
  } }, Object.values(fields).map(f => f.row), general, h('button', { type: 'submit' }, t('password.save')));
  replace(root, h('h1', {}, t('password.resetTitle')), h('p', {}, t('password.rules')), form);
  fields.newPassword.input.focus();
}
