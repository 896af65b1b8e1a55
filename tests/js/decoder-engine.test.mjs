// Unit tests for the decoder's engine (docs/assets/js/decoder-engine.js), with the real rules from
// data/decoder-rules.yml. Run by tests/test_decoder_engine.py, which passes the checked rules as JSON in DECODER_RULES.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { compile, decode } from "../../docs/assets/js/decoder-engine.js";

const engine = compile(JSON.parse(readFileSync(process.env.DECODER_RULES, "utf8")));
const kinds = (text) => decode(text, engine).map((finding) => finding.kind);
const phrases = (text, kind) => decode(text, engine).find((f) => f.kind === kind)?.phrases.map((p) => p.text) ?? [];

test("each kind is found in a plain example", () => {
  assert.deepEqual(kinds("Please choose an interview date in the scheduling portal."), ["admin"]);
  assert.deepEqual(kinds("We really enjoyed meeting you and think you would be a great fit."), ["soft-interest"]);
  assert.deepEqual(kinds("I can tell you that you are ranked in our top group."), ["rank-highly"]);
  assert.deepEqual(kinds("If you rank us first, we can guarantee you a position."), ["pre-match"]);
  assert.deepEqual(kinds("Where else did you interview this season?"), ["improper-question"]);
  assert.deepEqual(kinds("Would you like to join our optional second look day?"), ["second-look"]);
  assert.deepEqual(kinds("Dear applicants, our rank list has been submitted."), ["general-update"]);
});

test("the phrases that triggered a kind are quoted from the reader's own text", () => {
  const text = "Our team loved meeting you. If you rank us first, we can guarantee you a position.";
  assert.deepEqual(phrases(text, "pre-match"), ["If you rank us first", "we can guarantee"]);
  for (const finding of decode(text, engine)) {
    for (const phrase of finding.phrases) assert.equal(text.slice(phrase.start, phrase.end), phrase.text);
  }
});

test("a negated phrase does not count", () => {
  assert.deepEqual(kinds("We cannot guarantee a position to any applicant."), []);
  assert.deepEqual(kinds("We are not able to promise you a spot."), []);
  assert.deepEqual(kinds("We can guarantee you a spot."), ["pre-match"]);
});

test("negation stops at the end of its clause", () => {
  assert.deepEqual(kinds("We cannot promise anything, but you will be ranked to match."), ["rank-highly"]);
  assert.deepEqual(kinds("We don't make promises. You are ranked in our top group."), ["rank-highly"]);
});

test("words that only look negative do not cancel a phrase", () => {
  assert.deepEqual(kinds("We can't wait to tell you that you are ranked highly."), ["rank-highly"]);
});

test("a program quoting the rules is not asking or promising anything", () => {
  assert.deepEqual(kinds("The NRMP does not allow us to ask you to commit to our program."), []);
  assert.deepEqual(kinds("Match rules say we may not ask where else you applied."), []);
  // ...but a question that comes first, with the rules mentioned after it, is still a question.
  assert.deepEqual(kinds("The director asked where else I interviewed, which I think the NRMP does not allow."),
    ["improper-question"]);
});

test("a message holding several kinds lists each, in the page's order", () => {
  const text = "We enjoyed meeting you. You will be ranked highly. Which other programs are you ranking? " +
    "Please upload your ECFMG certificate by Friday.";
  assert.deepEqual(kinds(text), ["admin", "soft-interest", "rank-highly", "improper-question"]);
});

test("case, line breaks and curly apostrophes do not hide a phrase", () => {
  assert.deepEqual(kinds("YOU WILL BE RANKED\n   HIGHLY"), ["rank-highly"]);
  assert.deepEqual(kinds("We won\u2019t guarantee a spot to anyone."), []);
  const curly = "\u201CIf you rank us first\u201D, she said, \u201Cthe spot is yours.\u201D";
  assert.deepEqual(phrases(curly, "pre-match"), ["If you rank us first", "spot is yours"]);
});

test("empty and blank input find nothing", () => {
  assert.deepEqual(decode("", engine), []);
  assert.deepEqual(decode("  \n\t ", engine), []);
});

test("markup in the input is just text", () => {
  const text = '<img src=x onerror="alert(1)"> we can guarantee you a spot <script>alert(2)</script>';
  assert.deepEqual(phrases(text, "pre-match"), ["we can guarantee"]);
});

test("100 KB of pasted text decodes quickly", () => {
  const block = "Thank you for interviewing with us. We enjoyed meeting you and will rank you highly. " +
    "We cannot guarantee a position, but please send your availability for a call.\n";
  const long = block.repeat(Math.ceil(100_000 / block.length)).slice(0, 100_000);
  decode(long, engine);
  const start = process.cpuUsage();
  const found = kinds(long);
  const used = process.cpuUsage(start);
  // Loose: `make bench` measures it precisely against the 50 ms budget; this catches a slow pattern.
  assert.ok((used.user + used.system) / 1000 < 250, `took ${(used.user + used.system) / 1000} ms of CPU`);
  assert.deepEqual(found, ["admin", "soft-interest", "rank-highly"]);
});
