// @ts-check
// Checklist ticks saved in this browser: progress, reset, sync between tabs, and export and import (their code is in
// checklist-file.js, loaded when used). Enhances the markup of hooks/handbook/checklist_html.py.
import { required } from "./dom.js";
import { keepAside, onOtherTabChange, readJSON, storageKey, writeJSON } from "./store.js";

const KEY = storageKey("checklist", 1);
const NOT_SAVED = "This browser is not saving your ticks (private mode, or storage blocked or full). " +
  "They last for this visit only: export them to keep them.";
const KEPT = "Ticks saved earlier could not be read, so the list starts empty. They were kept aside, not deleted.";

/**
 * One list's ticks. `aside` holds ids that match no item on the page (an older edition's, or an import's): they are
 * kept, never dropped.
 * @typedef {{ticked: string[], aside?: string[]}} Entry
 * @typedef {{lists: Record<string, Entry>, writable: boolean, note?: string}} Store
 */

// Ticks that storage refused, per list: they outlive instant navigation, as this module stays loaded.
/** @type {Map<string, Entry>} */
const unsaved = new Map();

/**
 * Tells valid saved data from damaged data. The id rule comes from the build (the root's data-checklist-id-pattern
 * and data-checklist-id-limit), where Python defines it once.
 * @param {string} idPattern
 * @param {number} idLimit
 */
export function validator(idPattern, idLimit) {
  const pattern = new RegExp(idPattern);
  /** @param {unknown} id */
  const isId = (id) => typeof id === "string" && id.length <= idLimit && pattern.test(id);
  /** @param {unknown} value */
  const isIds = (value) => Array.isArray(value) && value.every(isId);
  /** @param {any} entry @returns {entry is Entry} */
  const isEntry = (entry) => Boolean(entry) && isIds(entry.ticked) && (entry.aside === undefined || isIds(entry.aside));
  /** @param {any} value */
  const isStore = (value) => value?.version === 1 && Boolean(value.lists) && typeof value.lists === "object" &&
    Object.values(value.lists).every(isEntry);
  return { isId, isEntry, isStore };
}

/**
 * Every list's ticks. A corrupt or other-version value is kept aside before anything may overwrite it.
 * @param {(value: unknown) => boolean} isStore
 * @returns {Store}
 */
function readStore(isStore) {
  const read = readJSON(KEY);
  if (read.status === "unavailable") return { lists: {}, writable: false, note: NOT_SAVED };
  if (read.status === "empty") return { lists: {}, writable: true };
  if (read.status === "ok" && isStore(read.value)) return { lists: read.value.lists, writable: true };
  const kept = read.status === "corrupt"
    ? keepAside(KEY, read.raw, "corrupt")
    : keepAside(KEY, read.value, `unreadable-v${String(read.value?.version).slice(0, 9)}`);
  if (!kept || !writeJSON(KEY, { version: 1, lists: {} })) return { lists: {}, writable: false, note: NOT_SAVED };
  return { lists: {}, writable: true, note: KEPT };
}

/** @param {HTMLElement} root */
export function start(root) {
  const listId = root.dataset.checklist || "";
  const { isEntry, isStore } = validator(root.dataset.checklistIdPattern || "^$", Number(root.dataset.checklistIdLimit));
  const panel = required(root, "[data-checklist-panel]");
  const file = /** @type {HTMLInputElement} */ (required(root, "[data-checklist-file]"));
  const confirm = required(root, "[data-checklist-confirm]");
  const resetButton = required(root, '[data-checklist-action="reset"]');
  const note = required(root, "[data-checklist-note]");
  const message = required(root, "[data-checklist-message]");
  const live = required(root, "[data-checklist-live]");
  /** @type {Map<string, HTMLInputElement>} item id -> its box */
  const boxes = new Map();
  for (const item of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll("[data-task-id]"))) {
    boxes.set(item.dataset.taskId || "", required(item, "input"));
  }

  /** @type {Set<string>} */
  let ticked = new Set();
  /** @type {Set<string>} */
  let aside = new Set();
  let noteText = "";

  /** @param {Entry} entry */
  function adopt(entry) {
    const ids = [...entry.ticked, ...(entry.aside || [])];
    ticked = new Set(ids.filter((id) => boxes.has(id)));
    aside = new Set(ids.filter((id) => !boxes.has(id)));
  }

  function load() {
    const store = readStore(isStore);
    noteText = unsaved.has(listId) ? NOT_SAVED : store.note || "";
    adopt(unsaved.get(listId) || store.lists[listId] || { ticked: [] });
  }

  function save() {
    const entry = { ticked: [...ticked], aside: [...aside] };
    const store = readStore(isStore);
    store.lists[listId] = entry;
    if (store.writable && writeJSON(KEY, { version: 1, lists: store.lists })) {
      unsaved.delete(listId);
      if (noteText === NOT_SAVED) noteText = store.note || "";
    } else {
      unsaved.set(listId, entry);
      noteText = NOT_SAVED;
    }
  }

  /** @param {HTMLInputElement} box */
  const phaseOf = (box) => box.closest("[data-phase]")?.getAttribute("data-phase") || "";

  /**
   * Show the boxes and the figures per phase ("" is the whole list).
   * @param {string} [changed] the phase whose figures are announced to screen readers; none on load
   */
  function render(changed) {
    /** @type {Map<string, {done: number, total: number}>} */
    const counts = new Map([["", { done: 0, total: 0 }]]);
    for (const [id, box] of boxes) {
      box.checked = ticked.has(id);
      for (const phase of [phaseOf(box), ""]) {
        const count = counts.get(phase) || { done: 0, total: 0 };
        count.done += box.checked ? 1 : 0;
        count.total += 1;
        counts.set(phase, count);
      }
    }
    const announced = [];
    for (const [phase, { done, total }] of counts) {
      const block = /** @type {HTMLElement | null} */ (root.querySelector(`[data-checklist-progress="${phase}"]`));
      if (!block) continue;
      const bar = /** @type {HTMLProgressElement} */ (required(block, "progress"));
      const text = `${done} of ${total} done`;
      bar.max = total;
      bar.value = done;
      required(block, ".checklist-progress-text").textContent = text;
      block.hidden = false;
      if (phase === changed || phase === "") announced.unshift(`${bar.getAttribute("aria-label")}: ${text}.`);
    }
    if (changed !== undefined) live.textContent = announced.join(" ");
    note.textContent = noteText;
  }

  async function exportTicks() {
    const { exportFile } = await import("./checklist-file.js");
    message.textContent = `Exported ${ticked.size} ticks to ${exportFile(listId, ticked, aside)}.`;
  }

  /** @param {File} chosen */
  async function importFile(chosen) {
    const { idsInFile } = await import("./checklist-file.js");
    const ids = await idsInFile(chosen, listId, isEntry);
    if (typeof ids === "string") {
      message.textContent = `${ids} Nothing was changed.`;
      return;
    }
    const unknown = new Set(ids.filter((id) => !boxes.has(id)));
    adopt({ ticked: ids, aside: [...aside, ...unknown] });
    save();
    render("");
    message.textContent = `Imported ${ticked.size} ticks.` + (unknown.size
      ? ` ${unknown.size} ticks match no item on this page; they were kept aside, not dropped.`
      : "");
  }

  /** Export and import load their code when first used; that can fail when the site is offline. */
  const couldNotLoad = () => {
    message.textContent = "This could not start: the page lost its connection to the handbook. Reload and try again.";
  };

  /** @param {boolean} open */
  function askToReset(open) {
    confirm.hidden = !open;
    resetButton.setAttribute("aria-expanded", String(open));
    // Cancel, not "Yes", takes the focus: an Enter pressed twice must not wipe the list.
    const focusTarget = open ? required(confirm, '[data-checklist-action="reset-cancel"]') : resetButton;
    focusTarget.focus();
  }

  /** @type {Record<string, () => void | Promise<void>>} */
  const actions = {
    export: exportTicks,
    import: () => file.click(),
    reset: () => askToReset(true),
    "reset-cancel": () => askToReset(false),
    "reset-confirm": () => {
      ticked.clear();
      save();
      render("");
      askToReset(false);
      message.textContent = "All ticks removed.";
    },
  };

  root.addEventListener("change", (event) => {
    const target = /** @type {HTMLInputElement} */ (event.target);
    if (target === file) {
      const chosen = file.files?.[0];
      if (chosen) importFile(chosen).catch(couldNotLoad).finally(() => { file.value = ""; });
      return;
    }
    const id = target.closest("[data-task-id]")?.getAttribute("data-task-id") || "";
    if (boxes.get(id) !== target) return;
    if (target.checked) ticked.add(id);
    else ticked.delete(id);
    save();
    render(phaseOf(target));
  });
  root.addEventListener("click", (event) => {
    const button = /** @type {Element} */ (event.target).closest("[data-checklist-action]");
    const action = button && actions[button.getAttribute("data-checklist-action") || ""];
    if (action) Promise.resolve(action()).catch(couldNotLoad);
  });
  const stopListening = onOtherTabChange(KEY, () => {
    if (!root.isConnected) {
      stopListening();
      return;
    }
    unsaved.delete(listId);
    load();
    render();
  });

  for (const box of boxes.values()) box.disabled = false;
  load();
  render();
  panel.hidden = false;
}
