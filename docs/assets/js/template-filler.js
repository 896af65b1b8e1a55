// @ts-check
// Template fillers (issue 3): the server-rendered letter becomes a form with a live preview, Copy, Mail and Download.
// Without this script the page still reads and prints the letter with its blanks marked.
// Values are text, never HTML: they only ever reach the page through textContent and input values.
import { required } from "./dom.js";
import { readJSON, writeJSON, remove, keepAside, storageKey } from "./store.js";

const KEY = storageKey("profile", 1);
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December"];
const NO_STORAGE = "This browser does not let the handbook save. Your details stay until you close this tab.";

/**
 * A form field the build renders for a template blank: a text or date input, or a select for a choice.
 * @typedef {HTMLInputElement | HTMLSelectElement} Control
 * @typedef {Record<string, string>} Values  field key -> what the reader typed
 */

// The reader's details, shared by every widget. ES modules run once per tab, so Material's instant page swaps
// keep them in memory; they reach localStorage only while "remember" is ticked.
/** @type {{values: Values, remember: boolean, loaded: boolean}} */
const profile = { values: {}, remember: false, loaded: false };
// Details about the program at hand (its name, the interviewer, the date): shared the same way, never stored.
/** @type {Values} */
let program = {};
/** @type {Set<{root: HTMLElement, sync: (key?: string) => void}>} */
const widgets = new Set();

function loadProfile() {
  if (profile.loaded) return;
  profile.loaded = true;
  const saved = readJSON(KEY);
  const fields = saved.status === "ok" && saved.value && saved.value.fields;
  if (fields && typeof fields === "object") {
    for (const [key, value] of Object.entries(fields)) if (typeof value === "string") profile.values[key] = value;
    profile.remember = true;
  } else if (saved.status !== "empty" && saved.status !== "unavailable") {
    keepAside(KEY, "raw" in saved ? saved.raw : saved.value, "unreadable"); // never lose what a reader saved, even if we cannot use it
    remove(KEY);
  }
}

const saveProfile = () => !profile.remember || writeJSON(KEY, { fields: profile.values });

/**
 * Tell every other widget (on this page) that the profile changed; forget widgets a page swap removed.
 * @param {HTMLElement} from
 * @param {string} [key]  the field that changed; without it, every field
 */
function broadcast(from, key) {
  for (const widget of widgets) {
    if (!widget.root.isConnected) widgets.delete(widget);
    else if (widget.root !== from) widget.sync(key);
  }
}

/**
 * "2027-01-14" -> "January 14, 2027", the US style programs write in.
 * @param {string} value
 */
function readableDate(value) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? `${MONTHS[Number(match[2]) - 1]} ${Number(match[3])}, ${match[1]}` : value;
}

/**
 * Copy with the Clipboard API, or, where it is missing (a page served without HTTPS), with a hidden selection.
 * @param {string} text
 * @returns {Promise<boolean>} whether the text was copied
 */
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.className = "sr-only";
    document.body.append(area);
    area.select();
    let done = false;
    try {
      done = document.execCommand("copy");
    } catch {
      done = false;
    }
    area.remove();
    return done;
  }
}

/** @param {string} text */
const mailEncode = (text) => encodeURIComponent(text.replace(/\r?\n/g, "\r\n")); // RFC 6068 line breaks

/** Search highlighting wraps matches in <mark data-md-highlight>, after the page has loaded. Inside a template it
 * would paint the letter and split its text, so unwrap it there: the reader copies the letter, not the search.
 * @param {HTMLElement} root
 */
function keepFreeOfHighlights(root) {
  const unwrap = () => {
    for (const mark of root.querySelectorAll("mark[data-md-highlight]")) mark.replaceWith(...mark.childNodes);
  };
  unwrap();
  new MutationObserver(unwrap).observe(root, { childList: true, subtree: true });
}

/** @param {HTMLElement} root */
export function start(root) {
  loadProfile();
  /**
   * An element some templates have (a subject line for emails, a promise to tick for the letter of intent).
   * @param {string} selector
   * @returns {HTMLElement | null}
   */
  const optional = (selector) => root.querySelector(selector);
  const form = required(root, "[data-template-form]");
  const output = required(root, "[data-template-output]");
  const status = required(root, "[data-template-status]");
  const message = required(root, "[data-template-message]");
  const subject = optional("[data-template-subject]");
  const confirm = /** @type {HTMLInputElement | null} */ (optional("[data-template-confirm]"));
  const remember = /** @type {HTMLInputElement | null} */ (optional("[data-template-remember]"));
  const mail = /** @type {HTMLAnchorElement | null} */ (optional('[data-action="mail"]'));
  const controls = [.../** @type {NodeListOf<Control>} */ (root.querySelectorAll("[data-field]"))];
  /** @type {Values} this widget's own fields, shared with no other */
  const own = {};
  /** @type {Record<string, {label: string, nodes: HTMLElement[]}>} field key -> its blanks in the letter */
  const slots = {};
  for (const slot of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll("[data-slot]"))) {
    slot.dir = "auto"; // a right-to-left name stays whole inside left-to-right text
    (slots[slot.dataset.slot] ||= { label: slot.textContent, nodes: [] }).nodes.push(slot);
  }
  // Only a template that uses the reader's saved details offers to forget them.
  const forgetButton = optional('[data-action="forget"]');
  const forgetConfirm = forgetButton && required(root, "[data-template-forget-confirm]");
  const forgetMessage = forgetButton && required(root, "[data-template-forget-message]");
  /** @param {Control} control */
  const isProfile = (control) => "profile" in control.dataset;
  /** @param {Control} control */
  const valuesOf = (control) => (isProfile(control) ? profile.values : "program" in control.dataset ? program : own);
  /** @param {Control} control */
  const valueOf = (control) => (valuesOf(control)[control.name] || "").trim();

  /** @param {string} key */
  function show(key) {
    const control = controls.find((c) => c.name === key);
    const value = valueOf(control);
    const shown = control.type === "date" ? readableDate(value) : value;
    const readable = optional(`[data-date-for="${key}"]`);
    if (readable) readable.textContent = shown;
    for (const slot of slots[key]?.nodes || []) {
      // An empty optional field drops out of the letter with the space before it; an empty required one stays
      // marked as "[Label]".
      const part = /** @type {HTMLElement | null} */ (slot.closest("[data-optional-part]"));
      if (part?.firstChild.nodeType === Node.TEXT_NODE) part.firstChild.nodeValue = shown ? part.dataset.lead : "";
      slot.textContent = shown || (part ? "" : slots[key].label);
      slot.className = shown ? "tpl-filled" : "tpl-slot";
    }
  }

  function summarize() {
    const required = controls.filter((c) => c.required);
    const empty = required.filter((c) => !valueOf(c)).length;
    const words = (output.textContent.match(/\S+/g) || []).length;
    let text = empty ? `${empty} of ${required.length} required fields still empty` : `All ${required.length} required fields filled`;
    text += ` · ${words} words`;
    if (root.classList.contains("tpl--spoken")) text += ` · about ${Math.max(10, Math.round(words / 2.2 / 10) * 10)} seconds to say`;
    status.textContent = text;
    if (mail) mail.href = `mailto:?${subject ? `subject=${mailEncode(subject.textContent)}&` : ""}body=${mailEncode(output.textContent)}`;
    return empty;
  }

  /** @param {string} [key]  the field to refill; without it, every field */
  function sync(key) {
    for (const control of controls) {
      if (key && control.name !== key) continue;
      control.value = valuesOf(control)[control.name] || ""; // also undoes form restore
      show(control.name);
    }
    if (remember) remember.checked = profile.remember;
    summarize();
  }

  /** The letter of intent's promise must be ticked before the text leaves the page. */
  function allowed() {
    if (!confirm || confirm.checked) return true;
    message.textContent = "First tick the box to confirm this is your only letter of intent.";
    confirm.focus();
    return false;
  }

  /** @param {string} text */
  const say = (text) => { message.textContent = text; };
  /** @param {boolean} open */
  const askToForget = (open) => {
    forgetConfirm.hidden = !open;
    forgetButton.setAttribute("aria-expanded", String(open));
  };
  const emptyNote = () => {
    const empty = summarize();
    return empty ? ` ${empty} field${empty > 1 ? "s are" : " is"} still empty: look for the [brackets].` : "";
  };

  /** @type {Record<string, (event: MouseEvent) => void | Promise<void>>} one per data-action button */
  const actions = {
    async copy() {
      if (allowed()) say((await copyText(output.textContent)) ? `Copied.${emptyNote()}` : "Could not copy. Select the text and copy it by hand.");
    },
    async "copy-subject"() {
      if (allowed()) say((await copyText(subject.textContent)) ? "Subject copied." : "Could not copy. Select the subject and copy it by hand.");
    },
    mail(event) {
      if (!allowed()) event.preventDefault();
      else say(`Opening your mail app.${emptyNote()}`);
    },
    download() {
      if (!allowed()) return;
      const text = (subject ? `Subject: ${subject.textContent}\n\n` : "") + output.textContent + "\n";
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
      link.download = `${root.dataset.template}.txt`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
      say(`Downloaded ${link.download}.${emptyNote()}`);
    },
    forget() {
      askToForget(true);
      forgetMessage.textContent = "";
      required(forgetConfirm, '[data-action="forget-yes"]').focus();
    },
    "forget-yes"() {
      profile.values = {};
      profile.remember = false;
      program = {};
      remove(KEY);
      for (const widget of widgets) widget.sync();
      askToForget(false);
      forgetMessage.textContent = "Your details are cleared from every template and from this device.";
      forgetButton.focus();
    },
    "forget-no"() {
      askToForget(false);
      forgetMessage.textContent = "Nothing was cleared.";
      forgetButton.focus();
    },
  };

  form.addEventListener("submit", (event) => event.preventDefault()); // Enter must not reload the page
  form.addEventListener("input", (event) => {
    if (!(event.target instanceof Element)) return;
    const control = /** @type {Control | null} */ (event.target.closest("[data-field]"));
    if (!control) return;
    valuesOf(control)[control.name] = control.value;
    if (isProfile(control) && !saveProfile()) say(NO_STORAGE);
    if (valuesOf(control) !== own) broadcast(root, control.name);
    show(control.name);
    summarize();
  });
  remember?.addEventListener("change", () => {
    profile.remember = remember.checked;
    if (!profile.remember) remove(KEY);
    else if (!saveProfile()) {
      profile.remember = remember.checked = false;
      say(NO_STORAGE);
    }
    broadcast(root);
  });
  root.addEventListener("click", (event) => {
    if (!(event.target instanceof Element)) return;
    const button = /** @type {HTMLElement | null} */ (event.target.closest("[data-action]"));
    if (button) actions[button.dataset.action](event);
  });

  const hiddenUntilStarted = "[data-template-form], [data-template-status], [data-template-actions]";
  for (const hidden of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll(hiddenUntilStarted))) {
    hidden.hidden = false;
  }
  keepFreeOfHighlights(root);
  root.classList.add("tpl--live");
  widgets.add({ root, sync });
  sync();
}
