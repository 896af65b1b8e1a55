// @ts-check
// The advisors' page: each row's "Copy link" button copies that row's clean, absolute address (issue 9).
// The address comes from the row's own link, resolved by the browser, without any query (e.g. search's ?h=).
import { required } from "./dom.js";

/** @param {HTMLAnchorElement} link */
export function cleanAddress(link) {
  const url = new URL(link.href);
  url.search = "";
  return url.href;
}

/** @param {string} text */
async function copyText(text) {
  if (!navigator.clipboard || !window.isSecureContext) throw new Error("clipboard unavailable");
  await navigator.clipboard.writeText(text);
}

/** @param {HTMLElement} root */
export function start(root) {
  const status = required(root, "[data-advisor-copy-status]");
  for (const button of /** @type {NodeListOf<HTMLButtonElement>} */ (root.querySelectorAll("[data-copy-link]"))) {
    const link = /** @type {HTMLAnchorElement | null | undefined} */ (button.closest("tr")?.querySelector("a[href]"));
    if (!link) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      const address = cleanAddress(link);
      try {
        await copyText(address);
        status.textContent = `Copied: ${address}`;
      } catch {
        status.textContent = `Could not copy here. Select and copy this address: ${address}`;
      }
    });
  }
}
