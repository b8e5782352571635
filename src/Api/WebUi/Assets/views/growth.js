// Model programmes of a committee and everything below it, year by year: how many run, how many were started.
import { get, describe } from '../api.js';
import { lines } from '../charts.js';
import { h, replace, scrollable } from '../dom.js';
import * as format from '../format.js';
import { t } from '../i18n.js';

export function growthView(root, code, query) {
  const thisYear = new Date().getFullYear();
  // Without a range asked for, from the first year with a programme (the years before it would only hide the data).
  const asked = query.has('from');
  const from = Number(query.get('from') ?? 1990);
  const to = Number(query.get('to') ?? thisYear);
  const fromInput = h('input', { type: 'number', id: 'growth-from', value: asked ? from : thisYear - 5, min: 1990, max: 2100 });
  const toInput = h('input', { type: 'number', id: 'growth-to', value: to, min: 1990, max: 2100 });
  const form = h('form', { onsubmit: e => { e.preventDefault(); location.hash = `#/committees/${encodeURIComponent(code)}/growth?from=${fromInput.value}&to=${toInput.value}`; } },
    h('label', { for: 'growth-from' }, t('growth.from')), ' ', fromInput, ' ', h('label', { for: 'growth-to' }, t('growth.to')), ' ', toInput, ' ',
    h('button', { type: 'submit' }, t('contest.show')));
  const title = name => h('h1', {}, t('growth.title', name));

  replace(root, title(code), form, h('p', {}, t('loading')));
  Promise.all([
    get(`/api/committees/${encodeURIComponent(code)}`).then(c => c.name).catch(() => code),
    get(`/api/committees/${encodeURIComponent(code)}/model-programmes/growth?from=${from}-01-01&to=${to}-12-31&interval=Year`),
  ]).then(([name, growth]) => {
    const first = asked ? 0 : growth.points.findIndex(p => p.total.active > 0 || p.total.new > 0);
    const points = growth.points.slice(first < 0 ? Math.max(0, growth.points.length - 6) : first);
    if (!asked && points.length) fromInput.value = points[0].label;
    const labels = points.map(p => p.label);
    const caption = t('growth.title', name);
    replace(root, title(name), form,
      h('p', {}, t('growth.committees', format.number(growth.committees))),
      h('section', { 'data-testid': 'growth-chart' }, lines(labels, [
        { name: t('growth.active'), className: 'active', values: points.map(p => p.total.active) },
        { name: t('growth.new'), className: 'new', values: points.map(p => p.total.new) },
      ], { caption, table: false })),
      h('p', { class: 'legend' }, h('span', { class: 'key active' }, t('growth.active')), ' ', h('span', { class: 'key new' }, t('growth.new'))),
      scrollable(h('table', {}, h('caption', {}, caption), h('thead', {}, h('tr', {}, h('td', {}), labels.map(l => h('th', { scope: 'col' }, l)))),
        h('tbody', {},
          h('tr', {}, h('th', { scope: 'row' }, t('growth.active')), points.map(p => h('td', {}, format.number(p.total.active)))),
          h('tr', {}, h('th', { scope: 'row' }, t('growth.new')), points.map(p => h('td', {}, format.number(p.total.new)))))), caption));
  }).catch(error => replace(root, title(code), form, h('p', { class: 'error' }, describe(error))));
}
