// Landing where the reader tapped, and addresses they can share (issue 15). One module, started once per tab.
//
// 1. Section links on phones. Two races in Material put the reader where they were on the old page:
//    - On phones the search is full screen and locks the page's scrolling. A tap on a result closes it, and the lock
//      is released 100 ms later by scrolling back to the old offset: after, or instead of, the scroll to the section.
//    - After a page swap Material scrolls to the #section only while the new history entry holds no saved offset
//      (one is kept for Back and Forward). It saves the offset 100 ms after the last scroll, so a scroll just before
//      the swap (the lock's release, or a quick tap after a flick) lands on the new entry.
//    So, after a swap that was not Back or Forward, follow the #section ourselves, once the lock is gone.
// 2. Clean addresses. A search result opens its page with "?h=<words>" to highlight them. Once the page is shown, drop
//    it from the address bar, so that the address, and each heading's "Link to this section" (a relative "#id"),
//    is the page's clean, permanent address.

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

/** Follow the address's #section, once the search's scroll lock is released (at once when there is none). */
function followWhenFree() {
  const body = document.body;
  const follow = () => {
    const hash = window.location.hash;
    if (hash && document.getElementById(decodeURIComponent(hash.slice(1)))) {
      requestAnimationFrame(() => followFragment(hash));
    }
  };
  if (!body.hasAttribute("data-md-scrolllock")) return follow();
  const watch = new MutationObserver(() => {
    if (body.hasAttribute("data-md-scrolllock")) return;
    watch.disconnect();
    follow();
  });
  watch.observe(body, { attributes: true, attributeFilter: ["data-md-scrolllock"] });
}

function landOnSection() {
  const swapped = !first && !backOrForward;
  first = backOrForward = false;
  if (swapped) followWhenFree();
}

// A search result on the page already shown causes no page swap, but the lock's release undoes its scroll all the same.
document.addEventListener("click", (event) => {
  const result = event.target instanceof Element && event.target.closest(".md-search-result__link");
  if (result && new URL(result.href).hash) followWhenFree();
}, true);

function cleanAddress() {
  const url = new URL(window.location.href);
  if (!url.searchParams.has("h")) return;
  const dirty = `${url.origin}${url.pathname}${url.search}`;
  url.searchParams.delete("h");
  window.history.replaceState(window.history.state, "", url);
  // Material made the page's links absolute from the address it was opened at: the "#id" links too.
  const clean = `${url.origin}${url.pathname}${url.search}`;
  for (const link of document.querySelectorAll(`a[href^="${CSS.escape(dirty)}#"]`)) {
    link.href = clean + link.hash;
  }
}

const onEachPage = () => {
  landOnSection();
  cleanAddress();
};
if (window.document$) window.document$.subscribe(onEachPage);
else onEachPage();
