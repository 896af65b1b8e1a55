// @ts-check
// The message decoder page: decode the pasted text as it changes, and show each kind found with its trigger
// phrases and the guide's advice. The reader's text is only ever set as textContent, and nothing is stored.

const DEBOUNCE_MS = 250;
const MAX_QUOTED = 8; // phrases quoted per kind; a long thread can match dozens

/**
 * The engine loads with the decoder, only on its page (handbook.js).
 * @param {HTMLElement} root
 */
export function start(root) {
  import("./decoder-engine.js")
    .then((engine) => run(root, engine))
    .catch((error) => {
      console.error("[decoder] could not start", error);
      root.querySelector("[data-decoder-needs-js]").textContent =
        "The decoder could not start in this browser. The guide to each kind of message below still applies.";
    });
}

function run(root, { compile, decode }) {
  const guide = document.querySelector("[data-decoder-guide]");
  const input = root.querySelector("[data-decoder-input]");
  const status = root.querySelector("[data-decoder-status]");
  const result = root.querySelector("[data-decoder-result]");
  const engine = compile(JSON.parse(root.dataset.decoderRules));

  const run = () => show(decode(input.value, engine), input.value, { guide, status, result });
  let timer = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  root.querySelector("[data-decoder-run]").addEventListener("click", () => {
    clearTimeout(timer);
    run();
  });
  root.querySelector("[data-decoder-clear]").addEventListener("click", () => {
    clearTimeout(timer);
    input.value = "";
    run();
    input.focus();
  });

  root.querySelector("[data-decoder-needs-js]").hidden = true;
  root.querySelector("[data-decoder-form]").hidden = false;
  if (input.value) run(); // text kept by the browser when the reader comes back to the page
}

/** Replace the results with one element per kind found, or the "none" explanation. */
function show(findings, text, { guide, status, result }) {
  if (!text.trim()) {
    result.replaceChildren();
    status.textContent = "";
    return;
  }
  if (findings.length === 0) {
    result.replaceChildren(noKind(guide));
    status.textContent = "No known kind of message found.";
    return;
  }
  result.replaceChildren(...findings.map((finding) => kindResult(finding, guide)));
  const titles = findings.map((finding) => guideFor(guide, finding.kind).querySelector("h3").firstChild.textContent);
  status.textContent = `Found ${findings.length} ${findings.length === 1 ? "kind" : "kinds"}: ${titles.join("; ")}.`;
}

function kindResult(finding, guide) {
  const source = guideFor(guide, finding.kind);
  const element = document.createElement("section");
  element.className = "decoder-finding";
  element.dataset.kind = finding.kind;
  const title = document.createElement("h3");
  title.textContent = source.querySelector("h3").firstChild.textContent;
  element.append(title, quotes(finding.phrases), ...copyParts(source));
  return element;
}

function noKind(guide) {
  const element = document.createElement("section");
  element.className = "decoder-finding decoder-finding--none";
  element.dataset.kind = "none";
  element.append(document.importNode(guide.querySelector('template[data-decoder-kind="none"]').content, true));
  return element;
}

/** "Words that point to it:" and each distinct phrase in a <mark>, as text. */
function quotes(phrases) {
  const distinct = [...new Map(phrases.map((p) => [p.text.toLowerCase().replace(/\s+/g, " "), p.text])).values()];
  const line = document.createElement("p");
  line.className = "decoder-quotes";
  const label = document.createElement("strong");
  label.textContent = "Words that point to it:";
  line.append(label, " ");
  distinct.slice(0, MAX_QUOTED).forEach((phrase, index) => {
    const mark = document.createElement("mark");
    mark.textContent = phrase;
    line.append(index ? ", " : "", "\u201C", mark, "\u201D");
  });
  if (distinct.length > MAX_QUOTED) line.append(` and ${distinct.length - MAX_QUOTED} more`);
  return line;
}

function guideFor(guide, kind) {
  return guide.querySelector(`section[data-decoder-kind="${kind}"]`);
}

/** The guide's own paragraphs and links for this kind: built from the rules file at build time, never from input. */
function copyParts(source) {
  return [...source.querySelectorAll("[data-decoder-part]")].map((part) => part.cloneNode(true));
}
