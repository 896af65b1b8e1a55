// Unit tests of the tracker's pure logic, run under Node's built-in test runner by tests/test_js_units.py.
import assert from "node:assert/strict";
import test from "node:test";

import {
  checkState, findings, fromBackup, fromCSV, localToday, neutralise, newProgram, parseCSV, quote, thankYouCalendar,
  thankYouStatus, toBackup, toCSV, unneutralise,
} from "../../docs/assets/js/tracker-logic.js";

function program(id, fields = {}) {
  return { ...newProgram(id), ...fields };
}

const checksOf = (state, today = "2026-12-10") => findings(state, today).map((f) => f.check);

test("a thank-you is due on the interview day and the two days after, then overdue", () => {
  const p = program(1, { interviewDate: "2026-12-08" });
  assert.equal(thankYouStatus(p, "2026-12-07"), "");
  assert.equal(thankYouStatus(p, "2026-12-08"), "due");
  assert.equal(thankYouStatus(p, "2026-12-10"), "due");
  assert.equal(thankYouStatus(p, "2026-12-11"), "overdue");
  assert.equal(thankYouStatus({ ...p, thankYouSent: "2026-12-09" }, "2026-12-20"), "");
  assert.equal(thankYouStatus(program(2), "2026-12-20"), "");
});

test("the deadline crosses month and year ends", () => {
  const text = findings({ myVisa: "none", programs: [program(1, { name: "A", interviewDate: "2026-12-31" })] }, "2026-12-31")[0].text;
  assert.match(text, /due by 2027-01-02/);
});

test("local today is the reader's calendar day", () => {
  assert.equal(localToday(new Date(2027, 0, 5, 23, 59)), "2027-01-05");
});

test("a second letter of intent is flagged once, naming both programs", () => {
  const state = { myVisa: "none", programs: [program(1, { name: "A", letterOfIntent: true }), program(2, { name: "B", letterOfIntent: true })] };
  const found = findings(state, "2026-12-10").filter((f) => f.check === "second-letter-of-intent");
  assert.equal(found.length, 1);
  assert.match(found[0].text, /A, B/);
  assert.deepEqual(checksOf({ ...state, programs: state.programs.slice(0, 1) }), []);
});

test("rank checks: single program, no visa match, one type", () => {
  const one = { myVisa: "j1", programs: [program(1, { rank: 1, visa: "h1b" }), program(2, { visa: "j1" })] };
  assert.deepEqual(checksOf(one).sort(), ["no-visa-match", "single-program"]);
  const two = { myVisa: "j1", programs: [program(1, { rank: 1, visa: "both" }), program(2, { rank: 2, visa: "none" })] };
  assert.deepEqual(checksOf(two), ["one-program-type"]);
  two.programs[1].type = "community";
  assert.deepEqual(checksOf(two), []);
  assert.deepEqual(checksOf({ ...one, myVisa: "none" }), ["single-program"]);
  assert.deepEqual(checksOf({ ...one, myVisa: "either" }), ["single-program"]);
  assert.deepEqual(checksOf({ myVisa: "j1", programs: [program(1)] }), [], "no rank given: no rank checks yet");
});

test("a rank that rose after a 'we will rank you highly' message gets a reminder", () => {
  const praised = program(1, { name: "A", rank: 3, messages: [{ date: "2027-01-10", kind: "rank-you-highly", rankThen: 3 }] });
  const other = program(2, { rank: 1, type: "community", visa: "j1" });
  assert.deepEqual(checksOf({ myVisa: "j1", programs: [praised, other] }), []);
  praised.rank = 1;
  other.rank = 2;
  assert.deepEqual(checksOf({ myVisa: "j1", programs: [praised, other] }), ["rank-rose-after-praise"]);
  praised.messages[0].kind = "soft-interest";
  assert.deepEqual(checksOf({ myVisa: "j1", programs: [praised, other] }), []);
});

test("cells a spreadsheet would run as formulas are neutralised, and import undoes it exactly", () => {
  for (const risky of ["=1+1", "+44 20", "-2", "@SUM(A1)", "\tx", "\rx", "'=already"]) {
    assert.equal(neutralise(risky), `'${risky}`);
    assert.equal(unneutralise(neutralise(risky)), risky);
  }
  for (const safe of ["Boston", "'quoted", "", "2026-12-01", "1=1"]) {
    assert.equal(neutralise(safe), safe);
    assert.equal(unneutralise(neutralise(safe)), safe);
  }
});

test("CSV quoting follows RFC 4180", () => {
  assert.equal(quote("plain"), "plain");
  assert.equal(quote('say "hi", then'), '"say ""hi"", then"');
  assert.equal(quote("two\nlines"), '"two\nlines"');
  assert.deepEqual(parseCSV('a,"b ""c"", d"\r\n"x\r\ny",\r\n').rows, [["a", 'b "c", d'], ["x\r\ny", ""]]);
  assert.match(parseCSV('a,"b').error, /never closed/);
  assert.match(parseCSV('a,b"c"').error, /middle of a cell/);
  assert.match(parseCSV('"a"b,c').error, /follows a closing quote/);
});

test("a CSV export starts with a BOM, uses CRLF, and a round trip is identical", () => {
  const programs = [
    program(1, {
      name: "=HYPERLINK(\"http://x\")", type: "community", interviewDate: "2026-11-30", visa: "both", visaSource: "Email, 3 Nov",
      imgEvidence: "مقيمون دوليون\nthree IMGs", ratings: { training: 5, feel: 4, location: null, visa: 3, img: 1 },
      notes: "<script>alert(1)</script> -5 \"ok\"", thankYouSent: "2026-12-01", letterOfInterest: true, letterOfIntent: false,
      rank: 2, messages: [{ date: "2026-12-05", kind: "rank-you-highly", rankThen: 4 }, { date: "", kind: "administrative", rankThen: null }],
    }),
    program(2, { name: "Plain Program" }),
  ];
  const csv = toCSV(programs);
  assert.ok(csv.startsWith("\uFEFFProgram,Type,"));
  assert.ok(csv.includes("\r\n\"'=HYPERLINK(\"\"http://x\"\")\","), "the formula cell is prefixed and quoted");
  const back = fromCSV(csv);
  assert.equal(back.error, undefined);
  assert.deepEqual(back.programs, programs);
  assert.equal(toCSV(back.programs), csv);
});

test("a malformed CSV is refused with a reason", () => {
  const good = toCSV([program(1, { name: "A" })]);
  assert.match(fromCSV("name,city\r\nA,B\r\n").error, /column titles/);
  assert.match(fromCSV(good.replace("\r\nA,university", "\r\nA,hospital")).error, /Program 1 .*type “hospital”/);
  assert.match(fromCSV(good + "B,community\r\n").error, /Program 2 .*2 cells, not 17/);
  assert.match(fromCSV(good.replace(",unknown,", ",unknown,\"open")).error, /never closed/);
  const rated = toCSV([program(1, { name: "A", ratings: { ...newProgram(1).ratings, training: 4 } })]);
  assert.match(fromCSV(rated.replace(",4,", ",9,")).error, /rating is not a whole number from 1 to 5/);
  assert.match(fromCSV(good.replace(/,\r\n$/, ",0\r\n")).error, /rank is not a whole number/);
});

test("a JSON backup restores the same tracker and refuses other files", () => {
  const state = { myVisa: "h1b", programs: [program(1, { name: "A", rank: 1 })] };
  const back = fromBackup(toBackup(state, "2026-12-01T00:00:00Z"));
  assert.deepEqual(back.state, state);
  assert.match(fromBackup("{").error, /not valid JSON/);
  assert.match(fromBackup('{"format":"other"}').error, /not a tracker backup/);
  assert.match(fromBackup(JSON.stringify({ format: "peds-img-handbook.tracker", version: 2 })).error, /another version/);
  assert.match(checkState({ myVisa: "j1", programs: [{ ...state.programs[0], rank: -1 }] }).error, /Program 1: a rank/);
});

test("the calendar has one all-day event per thank-you not yet sent, escaped and folded", () => {
  const programs = [
    program(1, { name: "Children's, Hospital; \\ North with a very long name that needs folding at seventy-five octets", interviewDate: "2026-12-31" }),
    program(2, { name: "Sent", interviewDate: "2026-12-01", thankYouSent: "2026-12-02" }),
    program(3, { name: "No date" }),
  ];
  const ics = thankYouCalendar(programs, "20261201T000000Z");
  assert.equal((ics.match(/BEGIN:VEVENT/g) || []).length, 1);
  assert.ok(ics.includes("DTSTART;VALUE=DATE:20270101\r\nDTEND;VALUE=DATE:20270103\r\n"));
  assert.ok(ics.includes("SUMMARY:Send thank-you note: Children's\\, Hospital\\; \\\\ North"));
  for (const line of ics.split("\r\n")) assert.ok(new TextEncoder().encode(line).length <= 75, line);
  assert.ok(ics.endsWith("END:VCALENDAR\r\n"));
});
