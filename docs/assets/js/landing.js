// @ts-check
// Landing where the reader tapped, and addresses they can share (issue 15). One module, started once per tab.
//
// 1. Section links. After a page swap Material scrolls to the #section only while the new history entry holds no
//    saved offset (one is kept for Back and Forward). It saves the offset 100 ms after the last scroll, so a scroll
//    just before the swap (a tap right after a flick, or the search's scroll lock being released) saves the old
//    page's offset on the new entry. So, after a swap that was not Back or Forward, the #section is followed again.
//    On phones a chosen search result has a second race. The search opens by scaling a small circle, its overlay,
//    45 times, and shrinks it back over 400 ms once a result is chosen. Until it has shrunk, the page is wider than
//    the phone, so Chromium widens the layout viewport: a scroll to the #section then only pans the visible part
//    inside it, and that pan is lost when the viewport snaps back. So the #section is followed once more after that.
// 2. Clean addresses. A search result opens its page with "?h=<words>" to highlight them. Once the page is shown, drop
//    it from the address bar, so that the address, and each heading's "Link to this section" (a relative "#id"),
//    is the page's clean, permanent address.
// 3. Keyboard focus. After a swap Material leaves focus on the search result just chosen (now hidden in the closed
//    dialog) or on nothing. A full page load starts a keyboard user at the top of the new page, so focus moves there:
//    to the section the address names, or else to the page title.

let first = true;
let backOrForward = false;
// Back and Forward reach entries where Material saved an offset; a fragment navigation also fires popstate, with none.
window.addEventListener("popstate", (event) => { if (event.state !== null) backOrForward = true; });

/** A real fragment navigation to the current address, as Material does it: it scrolls, and sets :target, which gives
 * the heading its margin below the sticky header. It adds no history entry, and the click must not reach Material. */
function followFragment(hash) {
  const link = document.createElement("a");
  link.href = hash;
  link.addEventListener("click", (event) => event.stopPropagation());
  link.click();
}

/** Resolves once the search overlay has shrunk back. */
function overlayShrunk(overlay) {
  return new Promise((resolve) => {
    const done = (event) => {
      if (event.propertyName !== "transform") return;
      overlay.removeEventListener("transitionend", done);
      resolve();
    };
    overlay.addEventListener("transitionend", done);
  });
}

/** Resolves once the layout viewport is no wider than the part shown: Chromium narrows it again a few frames after
 * the overlay has shrunk. A reader who has zoomed in keeps it wider, so this gives up after about a second. */
function viewportNarrow(framesLeft = 60) {
  return new Promise((resolve) => {
    const check = (left) => {
      if (left === 0 || window.innerWidth <= Math.ceil(window.visualViewport.width)) resolve();
      else requestAnimationFrame(() => check(left - 1));
    };
    requestAnimationFrame(() => check(framesLeft));
  });
}

/** Follow the address's #section, if this page has it. */
function followSection() {
  const hash = window.location.hash;
  if (hash && document.getElementById(decodeURIComponent(hash.slice(1)))) followFragment(hash);
}

/** A chosen search result: once the overlay has shrunk back, follow its #section if the reader is still there. */
function landChosenResult(event) {
  const chosen = event.target instanceof Element && event.target.closest(".md-search-result__link");
  const overlay = document.querySelector(".md-search__overlay");
  if (!chosen || !overlay || getComputedStyle(overlay).transform === "none") return; // no scaled overlay: no race
  const target = new URL(chosen.href);
  overlayShrunk(overlay).then(() => viewportNarrow()).then(() => {
    const here = window.location;
    if (here.pathname === target.pathname && here.hash === target.hash) followSection();
  });
}
// Capture: before Material's own click handlers close the search and start the navigation.
document.addEventListener("click", landChosenResult, true);

// Only a keyboard user needs focus moved: a pointer user looks where they tapped, and on phones moving focus while
// Material closes its full-screen search makes it restore the old page's scroll offset.
let keyboardInUse = false;
document.addEventListener("keydown", () => { keyboardInUse = true; }, true);
document.addEventListener("pointerdown", () => { keyboardInUse = false; }, true);

/** Focus is lost when it sits on the page body, or on something no longer shown. */
function focusIsLost() {
  const active = document.activeElement;
  return !active || active === document.body || active.closest(".md-search") !== null
    || active.getClientRects().length === 0;
}

function focusArrival() {
  if (!keyboardInUse) return;
  const hash = window.location.hash;
  const target = (hash && document.getElementById(decodeURIComponent(hash.slice(1))))
    || document.querySelector(".md-content h1");
  if (!target || !focusIsLost()) return;
  if (!target.matches("a, button, input, select, textarea, [tabindex]")) target.setAttribute("tabindex", "-1");
  target.focus({ preventScroll: true }); // the scroll is left to Material and followSection
}

function cleanAddress() {
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

const onEachPage = () => {
  if (!first && !backOrForward) { // after a page swap; a full page load does both by itself
    followSection();
    focusArrival();
  }
  first = backOrForward = false;
  cleanAddress();
};
const pages = /** @type {{document$?: {subscribe: (next: () => void) => void}}} */ (window).document$;
if (pages) pages.subscribe(onEachPage);
else onEachPage();
