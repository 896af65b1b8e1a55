// @ts-check
// Small DOM helpers shared by the features.

/**
 * The element matching `selector` inside `root`. A feature's markup comes from the build; when an element is missing,
 * say which one, so a markup change fails with a clear message instead of a null error later.
 * @template {Element} [T=HTMLElement]
 * @param {ParentNode} root
 * @param {string} selector
 * @returns {T}
 */
export function required(root, selector) {
  const element = root.querySelector(selector);
  if (!element) {
    const where = root instanceof Element ? describe(root) : "the page";
    throw new Error(`${where} has no element matching ${selector}`);
  }
  return /** @type {T} */ (element);
}

/** @param {Element} element */
function describe(element) {
  const id = element.id ? `#${element.id}` : "";
  const classes = [...element.classList].map((name) => `.${name}`).join("");
  return `<${element.tagName.toLowerCase()}${id}${classes}>`;
}
