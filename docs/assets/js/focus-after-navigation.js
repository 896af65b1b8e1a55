// After an instant-navigation page swap, Material leaves keyboard focus on the search result just chosen (now
// hidden inside the closed search dialog) or on nothing. A full page load would start a keyboard user at the top of
// the new page, so move focus there: to the section the address names, or else to the page title.

/** The element a keyboard user should be on after arriving at this page. */
function arrivalTarget() {
  const named = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  return named ?? document.querySelector(".md-content h1");
}

/** Focus is lost when it sits on the page body, or on something no longer shown. */
function focusIsLost() {
  const active = document.activeElement;
  return !active || active === document.body || active.closest(".md-search") !== null || active.getClientRects().length === 0;
}

let firstPage = true;
window.document$?.subscribe(() => {
  if (firstPage) {
    firstPage = false; // a full load already starts at the top; keep the browser's own behaviour
    return;
  }
  const target = arrivalTarget();
  if (!target || !focusIsLost()) return;
  if (!target.matches("a, button, input, select, textarea, [tabindex]")) target.setAttribute("tabindex", "-1");
  target.focus({ preventScroll: true }); // Material has already scrolled to the right place
});
