// Checklist ticks saved in this browser: progress, reset, export, import, sync between tabs. Enhances the
// markup of hooks/handbook/checklist_html.py. Imported files are data: shown only through textContent.
import { startEach } from "./boot.js";
import { keepAside, onOtherTabChange, readJSON, storageKey, writeJSON } from "./store.js";

const KEY = storageKey("checklist", 1);
const FORMAT = "peds-img-handbook.checklist";
const NOT_SAVED = "This browser is not saving your ticks (private mode, or storage blocked or full). They last for this visit only: export them to keep them.";
const KEPT = "Ticks saved earlier could not be read, so the list starts empty. They were kept aside, not deleted.";

// Ticks that storage refused, per list: they outlive instant navigation, as this module stays loaded.
const unsaved = new Map();

const isIds = (v) => Array.isArray(v) && v.every((id) => typeof id == "string" && id.length <= 80 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id));
const isEntry = (e) => !!e && isIds(e.ticked) && (e.aside === undefined || isIds(e.aside));
const isStore = (v) => v?.version === 1 && !!v.lists && typeof v.lists == "object" && Object.values(v.lists).every(isEntry);

// Every list's ticks. A corrupt or other-version value is kept aside before anything may overwrite it.
function readStore() {
  const read = readJSON(KEY);
  const { status, value } = read;
  if (status == "unavailable") return { lists: {}, note: NOT_SAVED };
  if (status == "empty") return { lists: {}, writable: 1 };
  if (status == "ok" && isStore(value)) return { lists: value.lists, writable: 1 };
  const corrupt = status == "corrupt";
  if (!keepAside(KEY, corrupt ? read.raw : value, corrupt ? "corrupt" : `unreadable-v${String(value?.version).slice(0, 9)}`) ||
      !writeJSON(KEY, { version: 1, lists: {} })) return { lists: {}, note: NOT_SAVED };
  return { lists: {}, writable: 1, note: KEPT };
}

function start(root) {
  const listId = root.dataset.checklist;
  const find = (s) => root.querySelector(s);
  const say = (s, text) => (find(`[data-checklist-${s}]`).textContent = text);
  const file = find("[data-checklist-file]");
  const confirm = find("[data-checklist-confirm]");
  const resetButton = find('[data-checklist-action="reset"]');
  const boxes = new Map([...root.querySelectorAll("[data-task-id]")].map((li) => [li.dataset.taskId, li.querySelector("input")]));
  let ticked, aside, note;

  function adopt(entry) {
    const all = [...entry.ticked, ...(entry.aside || [])];
    ticked = new Set(all.filter((id) => boxes.has(id)));
    aside = new Set(all.filter((id) => !boxes.has(id)));
  }

  function load() {
    const store = readStore();
    note = unsaved.has(listId) ? NOT_SAVED : store.note;
    adopt(unsaved.get(listId) || store.lists[listId] || { ticked: [] });
  }

  function save() {
    const entry = { ticked: [...ticked], aside: [...aside] };
    const store = readStore();
    store.lists[listId] = entry;
    if (store.writable && writeJSON(KEY, { version: 1, lists: store.lists })) {
      unsaved.delete(listId);
      if (note == NOT_SAVED) note = store.note;
    } else {
      unsaved.set(listId, entry);
      note = NOT_SAVED;
    }
  }

  // Figures per phase ("" is the whole list); `changed` is the phase whose figures are announced.
  function render(changed) {
    const counts = { "": [0, 0] };
    for (const [id, box] of boxes) {
      const phase = box.closest("[data-phase]").dataset.phase;
      box.checked = ticked.has(id);
      for (const key of [phase, ""]) {
        const count = (counts[key] ||= [0, 0]);
        count[0] += box.checked;
        count[1]++;
      }
    }
    const said = [];
    for (const [phase, [done, total]] of Object.entries(counts)) {
      const block = find(`[data-checklist-progress="${phase}"]`);
      if (!block) continue;
      const bar = block.querySelector("progress");
      const text = `${done} of ${total} done`;
      bar.max = total;
      bar.value = done;
      block.lastChild.textContent = text;
      block.hidden = false;
      if (phase == changed || phase == "") said.push(`${bar.getAttribute("aria-label")}: ${text}.`);
    }
    if (changed !== undefined) say("live", said.reverse().join(" "));
    say("note", note || "");
  }

  function exportTicks() {
    const data = { format: FORMAT, version: 1, checklist: listId, exported: new Date().toISOString(), ticked: [...ticked], aside: [...aside] };
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
    link.download = `${listId}-ticks-${data.exported.slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1e3);
    say("message", `Exported ${ticked.size} ticks to ${link.download}.`);
  }

  // An imported file's ids, or what is wrong with it.
  function check(text) {
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      return "This file is not valid JSON.";
    }
    if (data?.format !== FORMAT) return "This file is not a checklist export from this handbook.";
    if (data.version !== 1) return "This file comes from another version of the checklist.";
    if (data.checklist !== listId) return "This file holds ticks for another checklist.";
    return isEntry(data) ? [...data.ticked, ...(data.aside || [])] : "This file's list of ticks is damaged.";
  }

  async function importFile(chosen) {
    const ids = chosen.size > 2e5 ? "This file is too large." : check(await chosen.text().catch(() => ""));
    if (typeof ids == "string") return say("message", ids + " Nothing was changed.");
    const unknown = new Set(ids.filter((id) => !boxes.has(id)));
    adopt({ ticked: ids, aside: [...aside, ...unknown] });
    save();
    render("");
    say("message", `Imported ${ticked.size} ticks.` + (unknown.size ? ` ${unknown.size} ticks match no item on this page; they were kept aside, not dropped.` : ""));
  }

  function ask(open) {
    confirm.hidden = !open;
    resetButton.setAttribute("aria-expanded", open);
    (open ? confirm.lastChild : resetButton).focus();
  }

  const actions = {
    export: exportTicks,
    import: () => file.click(),
    reset: () => ask(true),
    "reset-cancel": () => ask(false),
    "reset-confirm": () => {
      ticked.clear();
      save();
      render("");
      ask(false);
      say("message", "All ticks removed.");
    },
  };

  root.addEventListener("change", ({ target }) => {
    const id = target.closest("[data-task-id]")?.dataset.taskId;
    if (target == file) target.files[0] && importFile(target.files[0]).finally(() => (file.value = ""));
    else if (boxes.get(id) == target) {
      ticked[target.checked ? "add" : "delete"](id);
      save();
      render(target.closest("[data-phase]").dataset.phase);
    }
  });
  root.addEventListener("click", ({ target }) => actions[target.closest("[data-checklist-action]")?.dataset.checklistAction]?.());
  const stop = onOtherTabChange(KEY, () => {
    if (!root.isConnected) return stop();
    unsaved.delete(listId);
    load();
    render();
  });

  for (const box of boxes.values()) box.disabled = false;
  load();
  render();
  find("[data-checklist-panel]").hidden = false;
}

startEach("[data-checklist]", "checklist", start);
