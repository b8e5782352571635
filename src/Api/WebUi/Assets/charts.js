// Small SVG charts drawn from figures the API already aggregated: nothing here needs the entries themselves. Each
// chart is named for assistive technology and carries its figures as a table a reader can open (and that prints).
import { h } from './dom.js';
import { t } from './i18n.js';

const svgNs = 'http://www.w3.org/2000/svg';

function element(name, attributes = {}, text = null) {
  const e = document.createElementNS(svgNs, name);
  Object.entries(attributes).forEach(([k, v]) => e.setAttribute(k, v));
  if (text !== null) e.textContent = text;
  return e;
}

/**
 * The chart, named by its caption, with its figures as a table: headers are the columns' names, rows the cells of
 * each line (the first one names it).
 */
function described(svg, caption, headers, rows, table = true) {
  svg.setAttribute('aria-label', caption);
  // A page that shows the figures as a table of its own names the chart only.
  if (!table) return h('figure', { class: 'chart' }, svg);
  return h('figure', { class: 'chart' }, svg,
    h('details', { class: 'figures' }, h('summary', {}, t('chart.figures')),
      h('table', {}, h('caption', {}, caption),
        h('thead', {}, h('tr', {}, headers.map(x => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, rows.map(([first, ...rest]) => h('tr', {}, h('th', { scope: 'row' }, first), rest.map(x => h('td', {}, x))))))));
}

/** A label cut to what fits before the bars (about 7 units a character), whole in its tooltip. */
function fitted(label, width) {
  const room = Math.floor(width / 7.2);
  return label.length <= room ? label : `${label.slice(0, room - 1).trimEnd()}…`;
}

/**
 * Horizontal bars, one per row: { key, label, value, shown }. Each bar is a group with data-key, its value in a
 * text with class "value", so a reader (or a test) finds a committee's figure by its code. A long label is cut short
 * before the bars begin (its whole text in the tooltip and the figures table).
 */
export function horizontalBars(rows, { caption, headers, table = true, width = 640, rowHeight = 26, labelWidth = 230 } = {}) {
  const max = Math.max(1, ...rows.map(r => r.value));
  const svg = element('svg', { viewBox: `0 0 ${width} ${rows.length * rowHeight + 4}`, class: 'bars', role: 'img' });
  rows.forEach((row, i) => {
    const y = i * rowHeight + 2;
    const barWidth = Math.round(((width - labelWidth - 70) * row.value) / max);
    const group = element('g', { 'data-key': row.key, class: 'bar' });
    group.append(
      element('title', {}, `${row.label}: ${row.shown}`),
      element('text', { x: 0, y: y + rowHeight * 0.65, class: 'label' }, fitted(row.label, labelWidth - 8)),
      element('rect', { x: labelWidth, y: y + 3, width: Math.max(barWidth, row.value > 0 ? 2 : 0), height: rowHeight - 8, rx: 3 }),
      element('text', { x: labelWidth + barWidth + 6, y: y + rowHeight * 0.65, class: 'value' }, row.shown),
    );
    svg.append(group);
  });
  return described(svg, caption, headers, rows.map(r => [r.label, r.shown]), table);
}

/** Columns over time: { key, label, value, shown }; labels under every few columns so they never overlap. */
export function columns(points, { caption, headers, width = 640, height = 180 } = {}) {
  const max = Math.max(1, ...points.map(p => p.value));
  // At most 40 units a column, so that a contest's first days do not fill the chart with one slab.
  const step = Math.min(40, width / Math.max(points.length, 1));
  const svg = element('svg', { viewBox: `0 0 ${width} ${height + 24}`, class: 'columns', role: 'img' });
  const every = Math.ceil(points.length / 8);
  points.forEach((p, i) => {
    const h = Math.round((height - 16) * p.value / max);
    const group = element('g', { 'data-key': p.key, class: 'column' });
    group.append(element('rect', { x: i * step + 1, y: height - h, width: Math.max(step - 2, 1), height: h }));
    group.append(element('title', {}, `${p.label}: ${p.shown}`));
    if (i % every === 0) group.append(element('text', { x: i * step + 1, y: height + 16, class: 'axis' }, p.label));
    svg.append(group);
  });
  return described(svg, caption, headers, points.map(p => [p.fullLabel ?? p.label, p.shown]));
}

/** Lines over labelled points: series is [{ name, className, values, shown? }], all of the points' length. */
export function lines(labels, series, { caption, labelHeader, table = true, width = 640, height = 200 } = {}) {
  const max = Math.max(1, ...series.flatMap(s => s.values));
  const x = i => 30 + (labels.length === 1 ? 0 : (i * (width - 60)) / (labels.length - 1));
  const y = v => height - 10 - ((height - 30) * v) / max;
  const svg = element('svg', { viewBox: `0 0 ${width} ${height + 24}`, class: 'lines', role: 'img' });
  series.forEach(s => {
    svg.append(element('polyline', { points: s.values.map((v, i) => `${x(i)},${y(v)}`).join(' '), class: s.className }));
    s.values.forEach((v, i) => {
      const dot = element('circle', { cx: x(i), cy: y(v), r: 3, class: s.className, 'data-key': `${s.className}-${labels[i]}` });
      dot.append(element('title', {}, `${s.name} ${labels[i]}: ${v}`));
      svg.append(dot);
    });
  });
  labels.forEach((l, i) => svg.append(element('text', { x: x(i) - 12, y: height + 16, class: 'axis' }, l)));
  return described(svg, caption, [labelHeader, ...series.map(s => s.name)],
    labels.map((l, i) => [l, ...series.map(s => (s.shown ? s.shown(s.values[i]) : String(s.values[i])))]), table);
}
