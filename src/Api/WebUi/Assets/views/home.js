import { h, replace } from '../dom.js';
import { t } from '../i18n.js';

/** A form that opens one contest or campaign by its id (there are few, and their ids are announced). */
export function openForm(kind) {
  const input = h('input', { id: `${kind}-id`, required: true, placeholder: t(`home.${kind}Id`) });
  return h('form', { class: 'open', onsubmit: e => { e.preventDefault(); location.hash = `#/${kind}s/${encodeURIComponent(input.value.trim())}`; } },
    h('label', {}, t(`home.open${kind === 'contest' ? 'Contest' : 'Campaign'}`), ' ', input), ' ', h('button', { type: 'submit' }, t('open')));
}

export function homeView(root) {
  replace(root, h('h1', {}, t('home.title')), openForm('contest'), openForm('campaign'),
    h('p', {}, h('a', { href: '#/committees' }, t('committees.title'))));
}
