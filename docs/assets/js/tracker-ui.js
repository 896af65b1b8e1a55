// @ts-check
// The interview-season tracker page: one form per program, saved in this browser, with deadlines, checks, files and
// a summary. The rules live in tracker-logic.js. Everything the reader types reaches the page as text, never HTML.
import { keepAside, onOtherTabChange, readJSON, storageKey, writeJSON } from "./store.js";
import {
  MAX_PROGRAMS, MESSAGE_KINDS, RATINGS, VISAS, checkState, findings, fromBackup, fromCSV, localToday, newProgram,
  thankYouCalendar, thankYouStatus, thankYouWindow, toBackup, toCSV, toStored,
} from "./tracker-logic.js";

/** @typedef {import("./tracker-logic.js").State} State */
/** @typedef {import("./tracker-logic.js").Failure} Failure */

const KEY = storageKey("tracker", 1);
const NOT_SAVED = "This browser is not saving your tracker (private mode, or storage blocked or full). It lasts for this visit only: export a backup to keep it.";
const KEPT = "A tracker saved earlier could not be read, so this one starts empty. The old one was kept aside in this browser, not deleted.";

const TYPE_NAMES = { university: "University-affiliated", community: "Community" };
const VISA_NAMES = { j1: "J-1", h1b: "H-1B", both: "J-1 and H-1B", none: "No visa sponsorship", unknown: "Not known yet" };
const MY_VISA_NAMES = { j1: "J-1", h1b: "H-1B", either: "J-1 or H-1B", none: "I need no visa" };
const RATING_NAMES = { training: "Clinical training", feel: "Feel", location: "Location", visa: "Visa comfort", img: "IMG-friendliness" };
const KIND_NAMES = {
  administrative: "Routine admin", "soft-interest": "Soft interest", "rank-you-highly": "“We will rank you highly”",
  "pre-match": "“Pre-match” language", "before-match-week": "Before Match Week",
};

// A tracker that storage refused: it outlives instant navigation, as this module stays loaded.
let unsaved = null;

/** Build an element; strings become text nodes, never markup. */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) node.setAttribute(name, "");
    else if (value !== false && value !== null && value !== undefined) node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

/** A bar of the summary charts. Its length is set through the CSSOM: the page's CSP blocks style attributes. */
function bar(share) {
  const node = el("span", { class: "tracker-bar", "aria-hidden": "true" });
  node.style.setProperty("--share", String(share));
  return node;
}

const options = (names, chosen) => Object.entries(names).map(([value, text]) => el("option", { value, selected: value === chosen }, text));

/** The saved tracker, or a fresh one. A corrupt or other-version value is kept aside before anything may overwrite it. */
function readStore() {
  const fresh = { myVisa: "either", programs: [] };
  const read = readJSON(KEY);
  if (read.status === "unavailable") return { state: fresh, note: NOT_SAVED };
  if (read.status === "empty") return { state: fresh, writable: true };
  const checked = read.status === "ok" && read.value?.version === 1 ? checkState(read.value) : { error: "unreadable" };
  if ("state" in checked) return { state: checked.state, writable: true };
  const corrupt = read.status === "corrupt";
  const reason = corrupt ? "corrupt" : `unreadable-v${String(read.value?.version).slice(0, 9)}`;
  if (!keepAside(KEY, corrupt ? read.raw : read.value, reason) || !writeJSON(KEY, toStored(fresh))) return { state: fresh, note: NOT_SAVED };
  return { state: fresh, writable: true, note: KEPT };
}

function download(name, type, text) {
  const link = el("a", { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1e3);
}

// --- one program's form --------------------------------------------------------------------------------------------------

function field(text, control, wide = false) {
  return el("label", { class: wide ? "tracker-field tracker-field--wide" : "tracker-field" }, el("span", {}, text), control);
}

function messageRow(message) {
  return el("li", { "data-message": true, class: "tracker-message-row" },
    field("Date received", el("input", { type: "date", name: "message-date", value: message.date })),
    field("Kind of message", el("select", { name: "message-kind" }, ...options(KIND_NAMES, message.kind))),
    el("button", { type: "button", class: "md-button tracker-button", "data-tracker-action": "remove-message" }, "Remove message"));
}

function programForm(program, position) {
  const ratingSelect = (rating) => el("select", { name: `rating-${rating}` },
    el("option", { value: "" }, "Not rated"), ...[1, 2, 3, 4, 5].map((n) => el("option", { value: n, selected: program.ratings[rating] === n }, String(n))));
  const text = (name, value) => el("input", { type: "text", name, value, maxlength: 2000, autocomplete: "off" });
  const box = (name, checked) => el("input", { type: "checkbox", name, checked });
  return el("li", { "data-program": true, class: "tracker-program" },
    el("fieldset", {},
      el("legend", {}, `Program ${position}`),
      field("Program name", text("program", program.name), true),
      field("Type", el("select", { name: "type" }, ...options(TYPE_NAMES, program.type))),
      field("Interview date", el("input", { type: "date", name: "interview-date", value: program.interviewDate })),
      field("Visas it sponsors", el("select", { name: "visa" }, ...options(VISA_NAMES, program.visa))),
      field("Where you confirmed the visa policy", text("visa-source", program.visaSource), true),
      field("Evidence it takes IMGs", text("img-evidence", program.imgEvidence), true),
      el("fieldset", { class: "tracker-ratings" }, el("legend", {}, "Your ratings, 1 (low) to 5 (high)"),
        ...RATINGS.map((rating) => field(RATING_NAMES[rating], ratingSelect(rating)))),
      field("Notes", el("textarea", { name: "notes", rows: 2, maxlength: 2000 }, program.notes), true),
      el("fieldset", { class: "tracker-log" }, el("legend", {}, "What you sent and received"),
        field("Thank-you sent on", el("input", { type: "date", name: "thank-you-sent", value: program.thankYouSent })),
        el("p", { class: "tracker-deadline", "data-tracker-deadline": true }),
        el("label", { class: "tracker-check" }, box("letter-of-interest", program.letterOfInterest), " Letter of interest sent"),
        el("label", { class: "tracker-check" }, box("letter-of-intent", program.letterOfIntent), " Letter of intent sent"),
        el("ul", { class: "tracker-messages", "data-tracker-messages": true }, ...program.messages.map(messageRow)),
        el("button", { type: "button", class: "md-button tracker-button", "data-tracker-action": "add-message" }, "Log a message received")),
      field("Your rank for it (1 is your first choice)", el("input", { type: "number", name: "rank", min: 1, max: 999, step: 1, inputmode: "numeric", value: program.rank ?? "" })),
      el("button", { type: "button", class: "md-button tracker-button", "data-tracker-action": "remove" }, "Remove this program")));
}

// --- the summary ---------------------------------------------------------------------------------------------------------

function countTable(caption, names, counts, total) {
  return el("table", { class: "tracker-chart" }, el("caption", {}, caption),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Group"), el("th", { scope: "col" }, "Programs"))),
    el("tbody", {}, ...Object.entries(names).map(([value, name]) => el("tr", {},
      el("th", { scope: "row" }, name),
      el("td", {}, bar(total ? counts[value] / total : 0), String(counts[value] ?? 0))))));
}

function summary(state) {
  const tally = (key) => state.programs.reduce((counts, p) => ({ ...counts, [p[key]]: (counts[p[key]] || 0) + 1 }), {});
  const total = state.programs.length;
  const ratings = el("table", { class: "tracker-chart tracker-chart--ratings" }, el("caption", {}, "Your ratings side by side (out of 5)"),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Program"), ...RATINGS.map((r) => el("th", { scope: "col" }, RATING_NAMES[r])))),
    el("tbody", {}, ...state.programs.map((p) => el("tr", {},
      el("th", { scope: "row" }, p.name.trim() || `Program ${p.id}`),
      ...RATINGS.map((r) => el("td", {},
        bar((p.ratings[r] ?? 0) / 5),
        p.ratings[r] === null ? "–" : String(p.ratings[r])))))));
  return [countTable("Programs by visa sponsorship", VISA_NAMES, tally("visa"), total), countTable("Programs by type", TYPE_NAMES, tally("type"), total), ratings];
}

// --- the page ------------------------------------------------------------------------------------------------------------

/** Turn the page's tracker root into the tracker. */
export function start(root) {
  const sourceLink = (check) => document.querySelector(`a[data-tracker-source="${check}"]`);
  const button = (text, attributes) => el("button", { type: "button", class: "md-button tracker-button", ...attributes }, text);
  const myVisa = el("select", { name: "my-visa" });
  const list = el("ol", { class: "tracker-programs" });
  const checks = el("ul", { class: "tracker-checks", "data-tracker-checks": true });
  const noChecks = el("p", { class: "tracker-quiet" });
  const note = el("p", { class: "tracker-note", "data-tracker-note": true, role: "status" });
  const message = el("p", { class: "tracker-message", "data-tracker-message": true, role: "status" });
  const file = el("input", { type: "file", accept: ".csv,.json,text/csv,application/json", "data-tracker-import": true, hidden: true });
  const chart = el("div", { class: "tracker-summary" });
  let state, writable;

  root.replaceChildren(
    note,
    field("The visa you need", myVisa),
    el("h3", { id: "tracker-programs" }, "Your programs"),
    list,
    el("div", { class: "tracker-actions" }, button("Add a program", { "data-tracker-add": true })),
    el("h3", { id: "tracker-checks" }, "Checks and deadlines"),
    el("p", { class: "tracker-quiet" }, "These are reminders, not scores. Each one links to the advice behind it."),
    checks, noChecks,
    el("h3", { id: "tracker-summary" }, "Summary"),
    chart,
    el("h3", { id: "tracker-files" }, "Save, share and restore"),
    el("div", { class: "tracker-actions" },
      button("Export spreadsheet (CSV)", { "data-tracker-export": "csv" }),
      button("Export backup (JSON)", { "data-tracker-export": "json" }),
      button("Export thank-you dates (.ics)", { "data-tracker-export": "ics" }),
      button("Import CSV or backup", { "data-tracker-action": "import" }),
      file),
    message,
  );

  const programAt = (node) => {
    const row = node.closest("[data-program]");
    return row && state.programs[[...list.children].indexOf(row)];
  };

  function save() {
    const stored = readStore();
    writable = stored.writable;
    if (writable && writeJSON(KEY, toStored(state))) {
      unsaved = null;
      if (note.textContent === NOT_SAVED) note.textContent = "";
    } else {
      unsaved = state;
      note.textContent = NOT_SAVED;
    }
  }

  function load() {
    const stored = readStore();
    state = unsaved || stored.state;
    writable = stored.writable;
    note.textContent = unsaved ? NOT_SAVED : stored.note || "";
    state.programs.forEach((p, i) => (p.id = i + 1));
    myVisa.replaceChildren(...options(MY_VISA_NAMES, state.myVisa));
    list.replaceChildren(...state.programs.map((p, i) => programForm(p, i + 1)));
    update();
  }

  // Everything that follows from the data without touching what the reader is typing in.
  function update() {
    const today = localToday();
    [...list.children].forEach((row, i) => {
      const program = state.programs[i];
      const status = thankYouStatus(program, today);
      const due = program.interviewDate && thankYouWindow(program.interviewDate);
      row.querySelector("[data-tracker-deadline]").textContent =
        program.thankYouSent ? `Thank-you sent on ${program.thankYouSent}.`
          : !due ? "Add the interview date to see when the thank-you is due."
            : status === "overdue" ? `Thank-you overdue: it was due by ${due.until}.`
              : `Thank-you due ${due.from} to ${due.until} (24–48 hours after the interview).`;
      row.classList.toggle("tracker-program--overdue", status === "overdue");
    });
    const found = findings(state, today);
    checks.replaceChildren(...found.map(({ check, text }) => {
      const item = el("li", { "data-check": check, class: `tracker-finding tracker-finding--${check}` }, text, " ");
      const source = sourceLink(check);
      if (source) item.append(el("a", { href: source.getAttribute("href") }, `Read: ${source.textContent}`));
      return item;
    }));
    noChecks.textContent = found.length ? "" : state.programs.length ? "Nothing to flag right now." : "Add a program to start.";
    chart.replaceChildren(...(state.programs.length ? summary(state) : [el("p", { class: "tracker-quiet" }, "The summary appears when you add a program.")]));
    root.querySelector("[data-tracker-add]").disabled = state.programs.length >= MAX_PROGRAMS;
  }

  function edit(target) {
    if (target === myVisa) {
      state.myVisa = myVisa.value;
      return true;
    }
    const program = programAt(target);
    if (!program) return false;
    const value = target.value;
    const messageRowNode = target.closest("[data-message]");
    const setters = {
      program: () => (program.name = value),
      type: () => (program.type = value),
      "interview-date": () => (program.interviewDate = value),
      visa: () => (program.visa = value),
      "visa-source": () => (program.visaSource = value),
      "img-evidence": () => (program.imgEvidence = value),
      notes: () => (program.notes = value),
      "thank-you-sent": () => (program.thankYouSent = value),
      "letter-of-interest": () => (program.letterOfInterest = target.checked),
      "letter-of-intent": () => (program.letterOfIntent = target.checked),
      rank: () => (program.rank = /^[1-9]\d{0,2}$/.test(value) ? Number(value) : null),
      "message-date": () => (messageOf(program, messageRowNode).date = value),
      "message-kind": () => {
        const logged = messageOf(program, messageRowNode);
        logged.kind = value;
        // Remember the rank it had when the praise arrived, to notice if it rises afterwards.
        logged.rankThen = value === "rank-you-highly" ? program.rank : null;
      },
    };
    const rating = target.name.startsWith("rating-") && target.name.slice(7);
    if (rating && RATINGS.includes(rating)) program.ratings[rating] = value ? Number(value) : null;
    else if (setters[target.name]) setters[target.name]();
    else return false;
    return true;
  }

  const messageOf = (program, row) => program.messages[[...row.parentElement.children].indexOf(row)];

  function replaceAll(next, said) {
    state = next;
    save();
    load();
    message.textContent = said;
  }

  /** @param {File} chosen */
  async function importFile(chosen) {
    const text = chosen.size > 1e6 ? null : (await chosen.text().catch(() => "")).replace(/^\uFEFF/, "");
    /** @type {{state: State} | Failure} */
    let result;
    if (text === null) result = { error: "This file is too large." };
    else if (text.trim().startsWith("{")) result = fromBackup(text);
    else {
      const parsed = fromCSV(text);
      result = "error" in parsed ? parsed : { state: { myVisa: state.myVisa, programs: parsed.programs } };
    }
    if ("error" in result) {
      message.textContent = `${result.error} Nothing was changed.`;
      return;
    }
    const before = state.programs.length;
    if (before) keepAside(KEY, toStored(state), "before-import");
    replaceAll(result.state, `Imported ${result.state.programs.length} programs from ${chosen.name}.` +
      (before ? ` The ${before} programs you had before were kept aside in this browser.` : ""));
  }

  function exportAs(kind) {
    const day = localToday();
    const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    const files = {
      csv: [`interview-tracker-${day}.csv`, "text/csv;charset=utf-8", () => toCSV(state.programs)],
      json: [`interview-tracker-backup-${day}.json`, "application/json", () => toBackup(state, new Date().toISOString())],
      ics: [`thank-you-dates-${day}.ics`, "text/calendar;charset=utf-8", () => thankYouCalendar(state.programs, stamp)],
    };
    const [name, type, make] = files[kind];
    download(name, type, make());
    message.textContent = `Saved ${name} to your downloads.`;
  }

  const actions = {
    import: () => file.click(),
    "add-message": (target) => {
      const program = programAt(target);
      const logged = { date: localToday(), kind: MESSAGE_KINDS[0], rankThen: null };
      program.messages.push(logged);
      const row = messageRow(logged);
      target.closest("[data-program]").querySelector("[data-tracker-messages]").append(row);
      row.querySelector("input").focus();
      return true;
    },
    "remove-message": (target) => {
      const row = target.closest("[data-message]");
      const program = programAt(target);
      program.messages.splice([...row.parentElement.children].indexOf(row), 1);
      const next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      (next?.querySelector("select, input") || target.closest("[data-program]").querySelector("[data-tracker-action='add-message']")).focus();
      return true;
    },
    // A two-step remove: the first press asks, the second removes.
    remove: (target) => {
      if (target.dataset.confirm !== "yes") {
        target.dataset.confirm = "yes";
        target.textContent = "Press again to remove it for good";
        return false;
      }
      const row = target.closest("[data-program]");
      const index = [...list.children].indexOf(row);
      const [gone] = state.programs.splice(index, 1);
      state.programs.forEach((p, i) => (p.id = i + 1));
      save();
      load();
      message.textContent = `Removed ${gone.name.trim() || "a program"}.`;
      (list.children[Math.min(index, list.children.length - 1)]?.querySelector("input") || root.querySelector("[data-tracker-add]")).focus();
      return false;
    },
  };

  root.addEventListener("input", ({ target }) => {
    if (target.type !== "file" && edit(target)) {
      save();
      update();
    }
  });
  root.addEventListener("change", ({ target }) => {
    if (target === file && file.files[0]) importFile(file.files[0]).finally(() => (file.value = ""));
  });
  root.addEventListener("click", ({ target }) => {
    const control = target.closest("button");
    if (!control) return;
    if (control.matches("[data-tracker-add]")) {
      state.programs.push(newProgram(state.programs.length + 1));
      save();
      list.append(programForm(state.programs.at(-1), state.programs.length));
      update();
      list.lastElementChild.querySelector("input").focus();
    } else if (control.dataset.trackerExport) exportAs(control.dataset.trackerExport);
    else if (actions[control.dataset.trackerAction]?.(control)) {
      save();
      update();
    }
  });
  const stop = onOtherTabChange(KEY, () => {
    if (!root.isConnected) return stop();
    unsaved = null;
    load();
  });

  load();
  root.classList.add("tracker--ready");
}
