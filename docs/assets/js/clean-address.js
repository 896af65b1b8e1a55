// Addresses a reader can share (issue 15). A search result opens its page with "?h=<words>" so that Material can
// highlight them; once the page is shown, drop that from the address bar, so that a link copied from it, or from a
// heading's "Link to this section" (a relative "#id"), is the page's clean, permanent address.
const cleanAddress = () => {
  const url = new URL(window.location.href);
  if (!url.searchParams.has("h")) return;
  url.searchParams.delete("h");
  window.history.replaceState(window.history.state, "", url);
};

if (window.document$) window.document$.subscribe(cleanAddress);
else cleanAddress();
