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
