// Builds elements from data without ever parsing it as HTML: names and titles are user input.
export function h(tag, attributes = {}, ...children) {
  const e = document.createElement(tag);
  Object.entries(attributes).forEach(([k, v]) => {
    if (v === null || v === undefined || v === false) return;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v === true ? '' : v);
  });
  children.flat(Infinity).forEach(c => e.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return e;
}

export function replace(root, ...children) {
  root.replaceChildren(...children.flat(Infinity));
}

/**
 * A wide table in a box that scrolls sideways by itself on a narrow screen, so the page never does; focusable and
 * named, so a keyboard user can scroll it too.
 */
export function scrollable(table, label) {
  return h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': label }, table);
}
