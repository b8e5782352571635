// One stream's events, oldest first, a page at a time: who recorded what, when (Vietnam time), under which request.
import { get, describe } from '../api.js';
import { h, replace, scrollable } from '../dom.js';
import * as format from '../format.js';
import { t } from '../i18n.js';

const pageSize = 50;

export function auditView(root, streamId) {
  const input = h('input', { id: 'stream-id', value: streamId ?? '', placeholder: t('audit.stream'), size: 40 });
  const form = h('form', { onsubmit: e => { e.preventDefault(); location.hash = `#/audit/${input.value.trim()}`; } },
    h('label', { for: 'stream-id' }, t('audit.stream')), ' ', input, ' ', h('button', { type: 'submit' }, t('contest.show')));
  const body = h('tbody');
  const more = h('button', { type: 'button', id: 'audit-more', hidden: true }, t('audit.more'));
  const message = h('p');
  replace(root, h('h1', {}, t('audit.title')), form, message,
    scrollable(h('table', { 'data-testid': 'audit-events' },
      h('thead', {}, h('tr', {}, [t('audit.version'), t('audit.type'), t('audit.actor'), t('audit.time'), t('audit.correlation')].map(x => h('th', { scope: 'col' }, x)))),
      body), t('audit.title')),
    more);
  if (!streamId) return;

  async function load(after) {
    try {
      const page = await get(`/api/audit/stream?id=${encodeURIComponent(streamId)}&afterVersion=${after}&limit=${pageSize}`);
      body.append(...page.events.map(e => h('tr', { 'data-version': e.version },
        h('td', {}, format.number(e.version)), h('td', {}, e.type), h('td', {}, e.actor ?? ''), h('td', {}, format.dateTime(e.recordedAt)),
        h('td', { class: 'mono' }, e.correlationId ?? ''))));
      if (body.children.length === 0) replace(message, t('audit.empty'));
      more.hidden = page.next === null || page.next === undefined;
      more.onclick = () => load(page.next);
    } catch (error) {
      replace(message, h('span', { class: 'error' }, describe(error)));
    }
  }
  load(0);
}
