// @ts-check
// The part of landing.js (issue 15) that moves the reader: loaded only when it is needed, after a page swap, when a
// search result is chosen, or when the address holds "?h=". Why each move is needed: see landing.js.

/** A real fragment navigation to the current address, as Material does it: it scrolls, and sets :target, which gives
 * the heading its margin below the sticky header. It adds no history entry, and the click must not reach Material.
 * @param {string} hash */
function followFragment(hash) {
  const link = document.createElement("a");
  link.href = hash;
  link.addEventListener("click", (event) => event.stopPropagation());
  link.click();
}

/** Resolves true once the search overlay has shrunk back, false when the shrink was cancelled (the search opened
 * again). Asking for its animations after the fact has no race: a shrink already over has none left to wait for.
 * @param {Element} overlay */
async function overlayShrunk(overlay) {
  // One frame first: this module may have been ready before Material's click handler closed the search.
  await new Promise((resolve) => requestAnimationFrame(resolve));
  try {
    await Promise.all(overlay.getAnimations().map((animation) => animation.finished));
    return true;
  } catch {
    return false;
  }
}

/** Resolves once the layout viewport is no wider than the part shown: Chromium narrows it again a few frames after
 * the overlay has shrunk. A reader who has zoomed in keeps it wider, so this gives up after about a second. */
function viewportNarrow(framesLeft = 60) {
  return new Promise((resolve) => {
    /** @param {number} left */
    const check = (left) => {
      if (left === 0 || window.innerWidth <= Math.ceil(window.visualViewport.width)) resolve(undefined);
      else requestAnimationFrame(() => check(left - 1));
    };
    requestAnimationFrame(() => check(framesLeft));
  });
}

/** Follow the address's #section, if this page has it. */
export function followSection() {
  const hash = window.location.hash;
  if (hash && document.getElementById(decodeURIComponent(hash.slice(1)))) followFragment(hash);
}

/** A chosen search result: once the overlay has shrunk back, follow its #section if the reader is still there.
 * @param {Element} overlay
 * @param {URL} target  the result's address */
export async function landChosenResult(overlay, target) {
  if (!(await overlayShrunk(overlay))) return;
  await viewportNarrow();
  const here = window.location;
  if (here.pathname === target.pathname && here.hash === target.hash) followSection();
}

/** Focus is lost when it sits on the page body, or on something no longer shown. */
function focusIsLost() {
  const active = document.activeElement;
  return !active || active === document.body || active.closest(".md-search") !== null
    || active.getClientRects().length === 0;
}

/** Move a keyboard user's focus to the section the address names, or else to the page title. */
export function focusArrival() {
  const hash = window.location.hash;
  const target = (hash && document.getElementById(decodeURIComponent(hash.slice(1))))
    || document.querySelector(".md-content h1");
  if (!target || !focusIsLost()) return;
  if (!target.matches("a, button, input, select, textarea, [tabindex]")) target.setAttribute("tabindex", "-1");
  /** @type {HTMLElement} */ (target).focus({ preventScroll: true }); // the scroll is left to Material and followSection
}

/** Drop "?h=" from the address bar, and from the page's links Material made absolute from it. */
export function cleanAddress() {
  const url = new URL(window.location.href);
  if (!url.searchParams.has("h")) return;
  const dirty = `${url.origin}${url.pathname}${url.search}`;
  url.searchParams.delete("h");
  window.history.replaceState(window.history.state, "", url);
  // Material made the page's links absolute from the address it was opened at: the "#id" links too.
  const clean = `${url.origin}${url.pathname}${url.search}`;
  for (const link of document.querySelectorAll(`a[href^="${CSS.escape(dirty)}#"]`)) {
    if (!(link instanceof HTMLAnchorElement)) continue;
    link.href = clean + link.hash;
  }
}
