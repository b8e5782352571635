// Model programmes of a committee and everything below it, year by year: how many run, how many were started.
import { get, describe } from '../api.js';
import { lines } from '../charts.js';
import { h, replace } from '../dom.js';
import * as format from '../format.js';
import { t } from '../i18n.js';

export function growthView(root, code, query) {
  const thisYear = new Date().getFullYear();
  const from = Number(query.get('from') ?? thisYear - 5);
  const to = Number(query.get('to') ?? thisYear);
  const fromInput = h('input', { type: 'number', id: 'growth-from', value: from, min: 1990, max: 2100 });
  const toInput = h('input', { type: 'number', id: 'growth-to', value: to, min: 1990, max: 2100 });
  const form = h('form', { onsubmit: e => { e.preventDefault(); location.hash = `#/committees/${encodeURIComponent(code)}/growth?from=${fromInput.value}&to=${toInput.value}`; } },
    h('label', {}, t('growth.from'), ' ', fromInput), ' ', h('label', {}, t('growth.to'), ' ', toInput), ' ', h('button', { type: 'submit' }, t('contest.show')));

  replace(root, h('h1', {}, t('growth.title', code)), form, h('p', {}, t('loading')));
  get(`/api/committees/${encodeURIComponent(code)}/model-programmes/growth?from=${from}-01-01&to=${to}-12-31&interval=Year`)
    .then(growth => {
      const labels = growth.points.map(p => p.label);
      replace(root, h('h1', {}, t('growth.title', code)), form,
        h('p', {}, t('growth.committees', format.number(growth.committees))),
        h('section', { 'data-testid': 'growth-chart' }, lines(labels, [
          { name: t('growth.active'), className: 'active', values: growth.points.map(p => p.total.active) },
          { name: t('growth.new'), className: 'new', values: growth.points.map(p => p.total.new) },
        ])),
        h('p', { class: 'legend' }, h('span', { class: 'key active' }, t('growth.active')), ' ', h('span', { class: 'key new' }, t('growth.new'))),
        h('table', {}, h('thead', {}, h('tr', {}, h('th', {}), labels.map(l => h('th', {}, l)))),
          h('tbody', {},
            h('tr', {}, h('th', {}, t('growth.active')), growth.points.map(p => h('td', {}, format.number(p.total.active)))),
            h('tr', {}, h('th', {}, t('growth.new')), growth.points.map(p => h('td', {}, format.number(p.total.new)))))));
    })
    .catch(error => replace(root, h('h1', {}, t('growth.title', code)), form, h('p', { class: 'error' }, describe(error))));
}
