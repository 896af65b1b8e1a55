// "Delete everything this handbook saved": one button on the About page, for readers on a shared computer.
// Kept out of store.js so the features that load store.js on every page do not carry it.
import { startEach } from "./boot.js";
import { NAMESPACE } from "./store.js";

const OURS = `${NAMESPACE}.`;

/** Delete our keys, set-aside copies included, and Material's settings. How many went, or -1 when refused. */
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

function start(root) {
  const message = root.querySelector("[data-forget-all-message]");
  root.querySelector("[data-forget-all-button]").addEventListener("click", () => {
    // Material keeps its settings under the site's path, e.g. "/.__palette".
    const scope = window.__md_scope ? `${window.__md_scope.pathname}.__` : "\u0000";
    const removed = removeEverything(scope);
    message.textContent = removed < 0
      ? "This browser does not let the handbook use storage, so nothing was saved here."
      : "Done. Nothing from this handbook is saved in this browser now. Reload open pages to see them empty.";
  });
  root.hidden = false;
}

startEach("[data-forget-all]", "forgetAll", start);
