// @ts-check
// "Delete everything this handbook saved": one button on the About page, for readers on a shared computer.
// Kept out of store.js so the features that load store.js on every page do not carry it.
import { required } from "./dom.js";
import { NAMESPACE } from "./store.js";

const OURS = `${NAMESPACE}.`;

/**
 * Delete our keys, set-aside copies included, and Material's settings. How many went, or -1 when refused.
 * @param {string} materialPrefix
 */
function removeEverything(materialPrefix) {
  try {
    const storage = window.localStorage;
    const keys = Object.keys(storage).filter((key) => key.startsWith(OURS) || key.startsWith(materialPrefix));
    for (const key of keys) storage.removeItem(key);
    return keys.length;
  } catch {
    return -1;
  }
}

/** @param {HTMLElement} root */
export function start(root) {
  const message = required(root, "[data-forget-all-message]");
  required(root, "[data-forget-all-button]").addEventListener("click", () => {
    // Material keeps its settings under the site's path, e.g. "/.__palette".
    const materialScope = /** @type {{__md_scope?: URL}} */ (window).__md_scope;
    const scope = materialScope ? `${materialScope.pathname}.__` : "\u0000";
    const removed = removeEverything(scope);
    message.textContent = removed < 0
      ? "This browser does not let the handbook use storage, so nothing was saved here."
      : "Done. Nothing from this handbook is saved in this browser now. Reload open pages to see them empty.";
  });
  root.hidden = false;
}
