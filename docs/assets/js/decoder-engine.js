// @ts-check
// The message decoder's rules engine: which kinds of communication a text holds, and the phrases that show it.
// Pure and deterministic (no DOM, no network), so the page, `make bench` and the Node unit tests run this one file.
// The rules come from data/decoder-rules.yml, checked at build time and embedded in the page as JSON.

/**
 * @typedef {{kind: string, phrases?: string[], regex?: string, weight: number, negatable: boolean, quotable: boolean}} Rule
 * @typedef {{kinds: string[], threshold: number, negation_window: number, negators: string[],
 *            negation_exceptions: string[], rule_mentions: string[], clause_breaks: string[], rules: Rule[]}} Rules
 * @typedef {{text: string, start: number, end: number}} Phrase
 * @typedef {{kind: string, score: number, phrases: Phrase[]}} Finding
 */

// Curly quotes and odd spaces read as their plain forms. Each replacement is one UTF-16 unit for one, so offsets
// found in the normalised text are offsets in the reader's own text.
const PLAIN = { "\u2018": "'", "\u2019": "'", "\u02BC": "'", "\u201C": '"', "\u201D": '"', "\u00A0": " " };
const LOOK_BACK = 300; // characters before a phrase that negation and rule mentions are looked for in
const SENTENCE_END = /[.!?;\n\u2014]+/g;
const NEGATION_REACH = 120; // characters: enough for `negation_window` words and an exception such as "can't wait"

/** The words of a plain phrase as a pattern: any case, any run of spaces, straight or curly apostrophes. */
export function phrasePattern(phrase) {
  return phrase.trim().split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s+");
}

/** One pattern for a list of whole phrases; longer phrases first, so "a pleasure meeting you" wins over "pleasure". */
function anyOf(phrases) {
  const words = [...phrases].sort((a, b) => b.length - a.length).map(phrasePattern);
  return `(?<![\\w'])(?:${words.join("|")})(?![\\w'])`;
}

/** Compile the rules once; `decode` takes the result. */
export function compile(rules) {
  return {
    kinds: rules.kinds,
    threshold: rules.threshold,
    window: rules.negation_window,
    negator: new RegExp(anyOf(rules.negators), "i"),
    exceptions: new RegExp(anyOf(rules.negation_exceptions), "gi"),
    mentions: new RegExp(rules.rule_mentions.join("|"), "i"),
    clauseBreak: new RegExp(`,?\\s+(?:${anyOf(rules.clause_breaks)})`, "gi"),
    rules: rules.rules.map((rule) => ({ ...rule, pattern: new RegExp(rule.regex ?? anyOf(rule.phrases), "gi") })),
  };
}

/**
 * Every kind the text holds, in the rules' order, each with its score and the phrases that triggered it.
 * @param {string} text
 * @param {ReturnType<typeof compile>} engine
 * @returns {Finding[]}
 */
export function decode(text, engine) {
  const plain = text.replace(/[\u2018\u2019\u02BC\u201C\u201D\u00A0]/g, (ch) => PLAIN[ch]);
  const clauses = clauseStarts(plain, engine);
  const candidates = [];
  for (const rule of engine.rules) {
    for (const match of plain.matchAll(rule.pattern)) {
      if (!match[0]) continue;
      const start = match.index;
      const before = plain.slice(Math.max(clauseStart(clauses, start), start - LOOK_BACK), start);
      if (rule.negatable && isNegated(before, engine)) continue;
      if (rule.quotable && engine.mentions.test(before)) continue;
      candidates.push({ kind: rule.kind, weight: rule.weight, start, end: start + match[0].length });
    }
  }
  return score(text, candidates, engine);
}

/**
 * Overlapping matches for one kind count once ("a pleasure meeting you" and "pleasure meeting you"): the longest
 * is quoted, at the strongest weight. Matches for different kinds all count: one phrase can signal two kinds.
 */
function mergeOverlaps(matches) {
  const merged = [];
  matches.sort((a, b) => a.start - b.start);
  let cluster = null;
  for (const match of matches) {
    if (cluster && match.start < cluster.reach) {
      cluster.reach = Math.max(cluster.reach, match.end);
      cluster.weight = Math.max(cluster.weight, match.weight);
      if (match.end - match.start > cluster.end - cluster.start) Object.assign(cluster, { start: match.start, end: match.end });
    } else {
      cluster = { ...match, reach: match.end };
      merged.push(cluster);
    }
  }
  return merged;
}

function score(text, candidates, engine) {
  const findings = [];
  for (const kind of engine.kinds) {
    const own = mergeOverlaps(candidates.filter((match) => match.kind === kind));
    const total = own.reduce((sum, match) => sum + match.weight, 0);
    if (total >= engine.threshold) {
      findings.push({ kind, score: total, phrases: own.map(({ start, end }) => ({ text: text.slice(start, end), start, end })) });
    }
  }
  return findings;
}

/** Sorted start offsets of the text's clauses: sentences, split again at words such as "but" and "however". */
function clauseStarts(plain, engine) {
  const starts = [0];
  for (const pattern of [SENTENCE_END, engine.clauseBreak]) {
    pattern.lastIndex = 0;
    for (const match of plain.matchAll(pattern)) starts.push(match.index + match[0].length);
  }
  return starts.sort((a, b) => a - b);
}

function clauseStart(starts, offset) {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return starts[low];
}

/** A negator among the last few words before a phrase, in the same clause: "we cannot guarantee". */
function isNegated(before, engine) {
  const kept = before.slice(-NEGATION_REACH).replace(engine.exceptions, " ");
  const lastWords = kept.split(/\s+/).filter(Boolean).slice(-engine.window).join(" ");
  return engine.negator.test(lastWords);
}
