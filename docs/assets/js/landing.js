// @ts-check
// Landing where the reader tapped, and addresses they can share (issue 15). One module, started once per tab; its
// per-page step runs from handbook.js.
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

// Only what must listen from the first moment is here; the moves themselves (landing-moves.js) load when first needed.

let first = true;
let backOrForward = false;
// Back and Forward reach entries where Material saved an offset; a fragment navigation also fires popstate, with none.
window.addEventListener("popstate", (event) => { if (event.state !== null) backOrForward = true; });

/** Run `move` with the moves module, loaded the first time.
 * @param {(moves: typeof import("./landing-moves.js")) => void} move */
function withMoves(move) {
  import("./landing-moves.js").then(move, (error) => console.error("[landing] could not load", error));
}

/** A chosen search result: follow its #section once the search overlay has shrunk back. */
function landChosenResult(event) {
  const chosen = event.target instanceof Element && event.target.closest(".md-search-result__link");
  const overlay = document.querySelector(".md-search__overlay");
  if (!chosen || !overlay || getComputedStyle(overlay).transform === "none") return; // no scaled overlay: no race
  const target = new URL(chosen.href);
  withMoves((moves) => moves.landChosenResult(overlay, target));
}
// Capture: before Material's own click handlers close the search and start the navigation.
document.addEventListener("click", landChosenResult, true);

// Only a keyboard user needs focus moved: a pointer user looks where they tapped, and on phones moving focus while
// Material closes its full-screen search makes it restore the old page's scroll offset.
let keyboardInUse = false;
document.addEventListener("keydown", () => { keyboardInUse = true; }, true);
document.addEventListener("pointerdown", () => { keyboardInUse = false; }, true);

/** Run by handbook.js on the first page and after every page swap. */
export function landOnThisPage() {
  const swapped = !first && !backOrForward; // a full page load follows the #section and places focus by itself
  const keyboard = keyboardInUse;
  first = backOrForward = false;
  if (!swapped && !new URLSearchParams(window.location.search).has("h")) return;
  withMoves((moves) => {
    if (swapped) {
      moves.followSection();
      if (keyboard) moves.focusArrival();
    }
    moves.cleanAddress();
  });
}
