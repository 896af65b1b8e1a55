// @ts-check
// Safe browser storage. Every call survives storage that is missing, blocked (private mode),
// full (quota) or holding a corrupt value, and reports what happened instead of throwing.

export const NAMESPACE = "peds-img-handbook";

/**
 * The one key a feature keeps its data under, e.g. "peds-img-handbook.checklist.v1".
 * @param {string} feature
 * @param {number} version
 */
export function storageKey(feature, version) {
  return `${NAMESPACE}.${feature}.v${version}`;
}

/** @returns {Storage | null} */
function area() {
  try {
    const storage = window.localStorage; // the getter itself throws when cookies are blocked
    return storage || null;
  } catch {
    return null;
  }
}

/**
 * Read and parse a JSON value.
 * @param {string} key
 * @returns {{status: "ok", value: any} | {status: "empty"} | {status: "unavailable"} | {status: "corrupt", raw: string}}
 */
export function readJSON(key) {
  const storage = area();
  if (!storage) return { status: "unavailable" };
  let raw;
  try {
    raw = storage.getItem(key);
  } catch {
    return { status: "unavailable" };
  }
  if (raw === null) return { status: "empty" };
  try {
    return { status: "ok", value: JSON.parse(raw) };
  } catch {
    return { status: "corrupt", raw };
  }
}

/**
 * Store a value as JSON. Returns false when the browser refused (blocked storage or full quota).
 * @param {string} key
 * @param {unknown} value
 */
export function writeJSON(key, value) {
  const storage = area();
  if (!storage) return false;
  try {
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/**
 * Remove a key. Returns false when the browser refused.
 * @param {string} key
 */
export function remove(key) {
  const storage = area();
  if (!storage) return false;
  try {
    storage.removeItem(key);
    return true;
  } catch {
    return false;
  }
}

/**
 * Keep a value we cannot use under a side key, so that nothing a reader saved is ever deleted.
 * @param {string} key
 * @param {unknown} raw  the stored text, or a parsed value
 * @param {string} reason  part of the side key, e.g. "corrupt"
 */
export function keepAside(key, raw, reason) {
  const storage = area();
  if (!storage) return false;
  try {
    // Two values kept aside in the same millisecond (or with a clock set back) must not share a key.
    let side = `${key}.${reason}.${Date.now()}`;
    for (let n = 2; storage.getItem(side) !== null; n++) side = `${key}.${reason}.${Date.now()}-${n}`;
    storage.setItem(side, typeof raw === "string" ? raw : JSON.stringify(raw));
    return true;
  } catch {
    return false;
  }
}

/**
 * Call back when another tab changes this key. Returns a function that stops listening.
 * @param {string} key
 * @param {() => void} callback
 */
export function onOtherTabChange(key, callback) {
  /** @param {StorageEvent} event */
  const listener = (event) => {
    if (event.key === key || event.key === null) callback();
  };
  window.addEventListener("storage", listener);
  return () => window.removeEventListener("storage", listener);
}
