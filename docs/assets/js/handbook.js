// @ts-check
// The handbook's one script on every page. A feature's code loads only on a page that has the feature's root element,
// once per tab; it then starts on each root, on the first page and after every instant-navigation page swap
// (Material's `document$` emits once per page). A root already started is skipped, so a swap never starts it twice,
// and one feature's failure does not stop the others.
import { landOnThisPage } from "./landing.js";

/**
 * @typedef {object} Feature
 * @property {string} name  marks each started root with data-<name>-ready
 * @property {string} root  CSS selector of the feature's root elements
 * @property {() => Promise<{start: (root: HTMLElement) => void}>} load
 */

/** @type {Feature[]} Adding a feature is one line here, and a module that exports start(root). */
const FEATURES = [
  { name: "template", root: ".tpl[data-template]", load: () => import("./template-filler.js") },
  { name: "checklist", root: "[data-checklist]", load: () => import("./checklist.js") },
  { name: "forgetAll", root: "[data-forget-all]", load: () => import("./forget-all.js") },
  { name: "decoder", root: "[data-decoder]", load: () => import("./decoder.js") },
  { name: "tracker", root: "[data-tracker]", load: () => import("./tracker-ui.js") },
  { name: "advisorLinks", root: "[data-advisor-links]", load: () => import("./advisor-links.js") },
];

/** @param {Feature} feature */
async function startOnThisPage(feature) {
  const flag = `${feature.name}Ready`;
  const waiting = () => [.../** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(feature.root))]
    .filter((root) => !root.dataset[flag]);
  if (waiting().length === 0) return;
  let module;
  try {
    module = await feature.load();
  } catch (error) {
    console.error(`[${feature.name}] could not load`, error);
    return;
  }
  // Looked up again: the page may have been swapped while the code loaded.
  for (const root of waiting()) {
    root.dataset[flag] = "true";
    try {
      module.start(root);
    } catch (error) {
      console.error(`[${feature.name}] could not start`, error);
    }
  }
}

function onEachPage() {
  landOnThisPage(); // issue 15: landing.js
  for (const feature of FEATURES) startOnThisPage(feature);
}

// An async module (mkdocs.yml), so Material's start at DOMContentLoaded never waits for this file. Its tag follows
// Material's script, which has made document$ by then; document$ gives a late subscriber the page already open.
const pages = /** @type {{document$?: {subscribe: (next: () => void) => void}}} */ (window).document$;
if (pages) pages.subscribe(onEachPage);
else onEachPage();
