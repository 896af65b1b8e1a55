// Start a feature on every matching root, on first load and after each instant-navigation page swap.
// Material's `document$` emits once per page; a root already started is skipped, and one root's failure
// does not stop the others.

/**
 * @param {string} selector  CSS selector of the feature's root elements
 * @param {string} name      short feature name; marks started roots with data-<name>-ready
 * @param {(root: HTMLElement) => void} start
 */
export function startEach(selector, name, start) {
  const flag = `${name}Ready`;
  const run = () => {
    for (const root of document.querySelectorAll(selector)) {
      if (root.dataset[flag]) continue;
      root.dataset[flag] = "true";
      try {
        start(root);
      } catch (error) {
        console.error(`[${name}] could not start`, error);
      }
    }
  };
  if (window.document$) window.document$.subscribe(run);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
}
