// @ts-check
// The checklist's export and import files. Loaded by checklist.js only when a reader exports or imports, since most
// visits do neither. An imported file is data: its ids are checked, and nothing in it reaches the page as HTML.

const FORMAT = "peds-img-handbook.checklist";
const MAX_IMPORT_BYTES = 200_000;

/**
 * Download the list's ticks as a JSON file; returns the file's name.
 * @param {string} listId
 * @param {Set<string>} ticked
 * @param {Set<string>} aside
 */
export function exportFile(listId, ticked, aside) {
  const exported = new Date().toISOString();
  const data = { format: FORMAT, version: 1, checklist: listId, exported, ticked: [...ticked], aside: [...aside] };
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
  link.download = `${listId}-ticks-${exported.slice(0, 10)}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  return link.download;
}

/**
 * The ids in an exported file, or a sentence saying what is wrong with it.
 * @param {File} chosen
 * @param {string} listId
 * @param {(entry: any) => boolean} isEntry  checks the ids against the build's id rule
 * @returns {Promise<string[] | string>}
 */
export async function idsInFile(chosen, listId, isEntry) {
  if (chosen.size > MAX_IMPORT_BYTES) return "This file is too large.";
  let data;
  try {
    data = JSON.parse(await chosen.text());
  } catch {
    return "This file is not valid JSON.";
  }
  if (data?.format !== FORMAT) return "This file is not a checklist export from this handbook.";
  if (data.version !== 1) return "This file comes from another version of the checklist.";
  if (data.checklist !== listId) return "This file holds ticks for another checklist.";
  if (!isEntry(data)) return "This file's list of ticks is damaged.";
  return [...data.ticked, ...(data.aside || [])];
}
