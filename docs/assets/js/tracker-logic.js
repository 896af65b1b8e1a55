// @ts-check
// The interview-season tracker's rules, with no DOM: the data model, thank-you deadlines, rank-list checks,
// CSV and JSON files, and the .ics calendar. tracker.js draws the page; tests/js/ runs this under `node --test`.

export const VERSION = 1;
export const FORMAT = "peds-img-handbook.tracker";
export const TYPES = ["university", "community"];
export const VISAS = ["j1", "h1b", "both", "none", "unknown"];
export const MY_VISAS = ["j1", "h1b", "either", "none"];
export const RATINGS = ["training", "feel", "location", "visa", "img"];
// The five kinds of message defined on the "Messages from programs" page.
export const MESSAGE_KINDS = ["administrative", "soft-interest", "rank-you-highly", "pre-match", "before-match-week"];
export const MAX_PROGRAMS = 200;
const MAX_TEXT = 2000;
const MAX_MESSAGES = 50;

/**
 * A message a program sent, and where the reader had ranked the program then.
 * @typedef {{date: string, kind: string, rankThen: number | null}} Message
 */
/**
 * One program row; `id` is its position, from 1.
 * @typedef {{id: number, name: string, type: string, interviewDate: string, visa: string, visaSource: string,
 *   imgEvidence: string, ratings: Record<string, number | null>, notes: string, thankYouSent: string,
 *   letterOfInterest: boolean, letterOfIntent: boolean, rank: number | null, messages: Message[]}} Program
 */
/**
 * The whole tracker: the visa the reader needs, and their programs.
 * @typedef {{myVisa: string, programs: Program[]}} State
 */
/**
 * What a check or a file reader returns instead of a result: a message saying what is wrong, for the reader.
 * @typedef {{error: string}} Failure
 */

// Which program visa answers cover the reader's own need.
const SPONSORS = { j1: ["j1", "both"], h1b: ["h1b", "both"], either: ["j1", "h1b", "both"] };

// --- dates --------------------------------------------------------------------------------------------------------------

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD, as a date input gives it. */
export function isDate(text) {
  const match = DATE.exec(text);
  if (!match) return false;
  const day = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
  return day.toISOString().slice(0, 10) === text;
}

/** The date `days` after a YYYY-MM-DD date. */
export function addDays(text, days) {
  const day = new Date(`${text}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** Today in the reader's own time zone, YYYY-MM-DD. */
export function localToday(now = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// --- the model ------------------------------------------------------------------------------------------------------------

/**
 * An empty program row.
 * @param {number} id
 * @returns {Program}
 */
export function newProgram(id) {
  return {
    id, name: "", type: "university", interviewDate: "", visa: "unknown", visaSource: "", imgEvidence: "",
    ratings: Object.fromEntries(RATINGS.map((r) => [r, null])), notes: "", thankYouSent: "",
    letterOfInterest: false, letterOfIntent: false, rank: null, messages: [],
  };
}

/**
 * Check one program read from storage or a file, and return it in canonical form, or a message saying what is wrong.
 * @param {any} raw  parsed JSON or a CSV row's cells: anything at all
 * @param {number} id
 * @returns {{program: Program} | Failure}
 */
export function checkProgram(raw, id) {
  const fail = (error) => ({ error });
  if (!raw || typeof raw != "object") return fail("a program is not a record");
  const program = newProgram(id);
  for (const key of ["name", "visaSource", "imgEvidence", "notes"]) {
    const value = raw[key] ?? "";
    if (typeof value != "string" || value.length > MAX_TEXT) return fail(`“${key}” is not text of up to ${MAX_TEXT} characters`);
    program[key] = value;
  }
  if (!TYPES.includes(raw.type)) return fail(`the type “${String(raw.type).slice(0, 40)}” is not university or community`);
  if (!VISAS.includes(raw.visa)) return fail(`the visa “${String(raw.visa).slice(0, 40)}” is not one of ${VISAS.join(", ")}`);
  program.type = raw.type;
  program.visa = raw.visa;
  for (const key of ["interviewDate", "thankYouSent"]) {
    const value = raw[key] ?? "";
    if (value !== "" && !isDate(value)) return fail(`“${String(value).slice(0, 40)}” is not a date written YYYY-MM-DD`);
    program[key] = value;
  }
  for (const rating of RATINGS) {
    const value = raw.ratings?.[rating] ?? null;
    if (value !== null && !(Number.isInteger(value) && value >= 1 && value <= 5)) return fail(`a rating is not a whole number from 1 to 5`);
    program.ratings[rating] = value;
  }
  for (const key of ["letterOfInterest", "letterOfIntent"]) {
    if (typeof (raw[key] ?? false) != "boolean") return fail(`“${key}” is not yes or no`);
    program[key] = raw[key] ?? false;
  }
  const rank = raw.rank ?? null;
  if (rank !== null && !(Number.isInteger(rank) && rank >= 1 && rank <= 999)) return fail("a rank is not a whole number from 1 to 999");
  program.rank = rank;
  const messages = raw.messages ?? [];
  if (!Array.isArray(messages) || messages.length > MAX_MESSAGES) return fail("the message log is not a list");
  for (const message of messages) {
    const error = checkMessage(message);
    if (error) return fail(error);
    program.messages.push({ date: message.date, kind: message.kind, rankThen: message.rankThen ?? null });
  }
  return { program };
}

function checkMessage(message) {
  if (!message || typeof message != "object") return "a message is not a record";
  if (message.date !== "" && !isDate(message.date)) return `“${String(message.date).slice(0, 40)}” is not a date written YYYY-MM-DD`;
  if (!MESSAGE_KINDS.includes(message.kind)) return `the message kind “${String(message.kind).slice(0, 40)}” is not one the handbook defines`;
  const then = message.rankThen ?? null;
  if (then !== null && !(Number.isInteger(then) && then >= 1 && then <= 999)) return "a message's rank is not a whole number";
  return "";
}

/**
 * Check a whole tracker (stored value or JSON backup body) and give it canonical form.
 * @param {any} raw  parsed JSON: anything at all
 * @returns {{state: State} | Failure}
 */
export function checkState(raw) {
  if (!raw || typeof raw != "object") return { error: "It holds no tracker data." };
  if (!MY_VISAS.includes(raw.myVisa)) return { error: "The visa you need is not j1, h1b, either or none." };
  if (!Array.isArray(raw.programs) || raw.programs.length > MAX_PROGRAMS) return { error: `It does not hold a list of up to ${MAX_PROGRAMS} programs.` };
  const programs = [];
  for (const [index, item] of raw.programs.entries()) {
    const checked = checkProgram(item, index + 1);
    if ("error" in checked) return { error: `Program ${index + 1}: ${checked.error}.` };
    programs.push(checked.program);
  }
  return { state: { myVisa: raw.myVisa, programs } };
}

/**
 * The stored form: ids are positions, so they are not kept.
 * @param {State} state
 */
export function toStored(state) {
  return { version: VERSION, myVisa: state.myVisa, programs: state.programs.map(({ id, ...rest }) => rest) };
}

// --- deadlines and checks ---------------------------------------------------------------------------------------------------

/** A thank-you is due 24–48 hours after an interview: the two days after it. */
export function thankYouWindow(interviewDate) {
  return { from: addDays(interviewDate, 1), until: addDays(interviewDate, 2) };
}

/**
 * "due", "overdue" or "" for one program on a given day.
 * @param {Program} program
 * @param {string} today  YYYY-MM-DD
 */
export function thankYouStatus(program, today) {
  if (!program.interviewDate || program.thankYouSent || today < program.interviewDate) return "";
  return today > thankYouWindow(program.interviewDate).until ? "overdue" : "due";
}

const label = (program) => program.name.trim() || `Program ${program.id}`;

export function sponsorsMyVisa(program, myVisa) {
  return myVisa === "none" || SPONSORS[myVisa].includes(program.visa);
}

/**
 * Ranked programs in the reader's order.
 * @param {Program[]} programs
 */
export function rankedPrograms(programs) {
  return programs.filter((p) => p.rank !== null).sort((a, b) => a.rank - b.rank);
}

/** A program that moved up the list after a "we will rank you highly" message. */
function roseAfterPraise(program) {
  return program.rank !== null && program.messages.some(
    (m) => m.kind === "rank-you-highly" && m.rankThen !== null && program.rank < m.rankThen);
}

/**
 * Every finding for the reader's tracker on a given day: advice, not a score.
 * @param {State} state
 * @param {string} today  YYYY-MM-DD
 * @returns {{check: string, text: string}[]}
 */
export function findings(state, today) {
  const found = [];
  const say = (check, text) => found.push({ check, text });
  for (const program of state.programs) {
    const status = thankYouStatus(program, today);
    const { from, until } = program.interviewDate ? thankYouWindow(program.interviewDate) : {};
    if (status === "due") say("thank-you-due", `Thank-you note for ${label(program)} is due by ${until} (interview ${program.interviewDate}; send it ${from} to ${until}).`);
    if (status === "overdue") say("thank-you-overdue", `Thank-you note for ${label(program)} is overdue: it was due by ${until}. A short, late note is still polite.`);
  }
  const intents = state.programs.filter((p) => p.letterOfIntent);
  if (intents.length > 1) {
    say("second-letter-of-intent", `You marked a letter of intent for ${intents.length} programs (${intents.map(label).join(", ")}). Send a letter of intent to one program at most: only to your true first choice.`);
  }
  const ranked = rankedPrograms(state.programs);
  if (ranked.length === 0) return found;
  if (ranked.length === 1) say("single-program", "Your list ranks only one program. Never rely on one program: rank every program where you would be glad to train.");
  if (state.myVisa !== "none" && !ranked.some((p) => sponsorsMyVisa(p, state.myVisa))) {
    say("no-visa-match", "No program on your list is marked as sponsoring the visa you need. Include programs that sponsor your visa type, and confirm each program's policy.");
  }
  if (ranked.length > 1 && new Set(ranked.map((p) => p.type)).size === 1) {
    say("one-program-type", `Every ranked program is ${ranked[0].type === "university" ? "university-affiliated" : "a community program"}. A mix of university-affiliated and community programs makes a safer list.`);
  }
  for (const program of ranked.filter(roseAfterPraise)) {
    say("rank-rose-after-praise", `${label(program)} moved up your list after a “we will rank you highly” message. Such messages are not promises: rank in your true order of preference.`);
  }
  return found;
}

// --- CSV ---------------------------------------------------------------------------------------------------------------------

export const CSV_COLUMNS = [
  ["Program", "name"], ["Type", "type"], ["Interview date", "interviewDate"], ["Visa sponsored", "visa"],
  ["Visa confirmed where", "visaSource"], ["Takes IMGs: evidence", "imgEvidence"],
  ["Rating: clinical training", "rating:training"], ["Rating: feel", "rating:feel"], ["Rating: location", "rating:location"],
  ["Rating: visa comfort", "rating:visa"], ["Rating: IMG-friendliness", "rating:img"], ["Notes", "notes"],
  ["Thank-you sent", "thankYouSent"], ["Letter of interest sent", "letterOfInterest"],
  ["Letter of intent sent", "letterOfIntent"], ["Messages received", "messages"], ["My rank", "rank"],
];

const RISKY_START = /^'*[=+\-@\t\r]/;

/** A cell a spreadsheet would run as a formula gets a leading apostrophe; so does one that already had one, so import can undo it. */
export function neutralise(cell) {
  return RISKY_START.test(cell) ? `'${cell}` : cell;
}

export function unneutralise(cell) {
  return cell.startsWith("'") && RISKY_START.test(cell) ? cell.slice(1) : cell;
}

/** RFC 4180: quote a cell holding a comma, quote or line break, doubling its quotes. */
export function quote(cell) {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

const messageCell = (messages) => messages.map((m) => [m.date || "no-date", m.kind, ...(m.rankThen ? [`rank-then-${m.rankThen}`] : [])].join(" ")).join("; ");

function parseMessages(cell) {
  if (cell.trim() === "") return [];
  return cell.split(";").map((part) => {
    const [date, kind, then, ...rest] = part.trim().split(/\s+/);
    const rankThen = then === undefined ? null : /^rank-then-[1-9]\d{0,2}$/.test(then) ? Number(then.slice(10)) : NaN;
    return rest.length || Number.isNaN(rankThen) ? { date: part, kind: "" } : { date: date === "no-date" ? "" : date, kind, rankThen };
  });
}

function cellsOf(program) {
  return CSV_COLUMNS.map(([, key]) => {
    if (key.startsWith("rating:")) return String(program.ratings[key.slice(7)] ?? "");
    if (key === "letterOfInterest" || key === "letterOfIntent") return program[key] ? "yes" : "";
    if (key === "messages") return messageCell(program.messages);
    if (key === "rank") return String(program.rank ?? "");
    return program[key];
  });
}

/**
 * The programs as a CSV file Excel and Google Sheets open as UTF-8: BOM, CRLF, quoted and neutralised cells.
 * @param {Program[]} programs
 */
export function toCSV(programs) {
  const rows = [CSV_COLUMNS.map(([title]) => title), ...programs.map(cellsOf)];
  return "\uFEFF" + rows.map((row) => row.map((cell) => quote(neutralise(cell))).join(",")).join("\r\n") + "\r\n";
}

/**
 * Split CSV text into rows of cells (RFC 4180; LF or CRLF line ends).
 * @param {string} text
 * @returns {{rows: string[][]} | Failure}
 */
export function parseCSV(text) {
  const rows = [];
  let row = [], cell = "", line = 1, i = 0, quoted = false, afterQuote = false;
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const endCell = () => { row.push(cell); cell = ""; afterQuote = false; };
  while (i < source.length) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (char === '"') { quoted = false; afterQuote = true; i++; continue; }
      if (char === "\n") line++;
      cell += char;
      i++;
      continue;
    }
    if (char === ",") { endCell(); i++; continue; }
    if (char === "\r" && source[i + 1] === "\n") i++;
    if (char === "\n" || char === "\r") { endCell(); rows.push(row); row = []; line++; i++; continue; }
    if (afterQuote) return { error: `Line ${line}: text follows a closing quote inside a cell.` };
    if (char === '"') {
      if (cell !== "") return { error: `Line ${line}: a quote appears in the middle of a cell that does not start with one.` };
      quoted = true;
      i++;
      continue;
    }
    cell += char;
    i++;
  }
  if (quoted) return { error: `Line ${line}: a quoted cell is never closed.` };
  if (cell !== "" || row.length || afterQuote) { endCell(); rows.push(row); }
  return { rows };
}

/**
 * Programs from a CSV file this tracker wrote (or a spreadsheet saved from it).
 * @param {string} text
 * @returns {{programs: Program[]} | Failure}
 */
export function fromCSV(text) {
  const parsed = parseCSV(text);
  if ("error" in parsed) return parsed;
  const rows = parsed.rows.filter((row) => row.some((cell) => cell.trim() !== ""));
  const header = rows.shift() ?? [];
  const expected = CSV_COLUMNS.map(([title]) => title);
  if (header.length !== expected.length || header.some((title, i) => title.trim().toLowerCase() !== expected[i].toLowerCase())) {
    return { error: `Line 1: the column titles are not the tracker's (${expected.slice(0, 3).join(", ")}, …).` };
  }
  if (rows.length > MAX_PROGRAMS) return { error: `The file has more than ${MAX_PROGRAMS} programs.` };
  const programs = [];
  for (const [index, row] of rows.entries()) {
    const where = `Program ${index + 1} (“${row[0]?.slice(0, 40) ?? ""}”)`;
    if (row.length !== expected.length) return { error: `${where}: it has ${row.length} cells, not ${expected.length}.` };
    /** @type {Record<string, any>} the row as checkProgram reads a stored program */
    const raw = { ratings: {} };
    for (const [i, [, key]] of CSV_COLUMNS.entries()) {
      const cell = unneutralise(row[i]);
      if (key.startsWith("rating:")) raw.ratings[key.slice(7)] = cell.trim() === "" ? null : Number(cell);
      else if (key === "letterOfInterest" || key === "letterOfIntent") raw[key] = /^(yes|)$/i.test(cell.trim()) ? cell.trim() !== "" : cell;
      else if (key === "messages") raw.messages = parseMessages(cell);
      else if (key === "rank") raw.rank = cell.trim() === "" ? null : Number(cell);
      else if (key === "type" || key === "visa") raw[key] = cell.trim().toLowerCase();
      else raw[key] = cell;
    }
    const checked = checkProgram(raw, index + 1);
    if ("error" in checked) return { error: `${where}: ${checked.error}.` };
    programs.push(checked.program);
  }
  return { programs };
}

// --- JSON backup ------------------------------------------------------------------------------------------------------------

/**
 * @param {State} state
 * @param {string} exported  when, as an ISO timestamp
 */
export function toBackup(state, exported) {
  return JSON.stringify({ format: FORMAT, exported, ...toStored(state) }, null, 2);
}

/**
 * @param {string} text  the file's contents
 * @returns {{state: State} | Failure}
 */
export function fromBackup(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: "This file is not valid JSON." };
  }
  if (data?.format !== FORMAT) return { error: "This file is not a tracker backup from this handbook." };
  if (data.version !== VERSION) return { error: "This file comes from another version of the tracker." };
  return checkState(data);
}

// --- calendar ----------------------------------------------------------------------------------------------------------------

// RFC 5545 text: escape backslash, semicolon, comma and line breaks; fold lines longer than 75 octets.
const icsText = (text) => text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n|\r/g, "\\n");

function fold(line) {
  const bytes = new TextEncoder();
  const parts = [];
  let current = "";
  for (const char of line) {
    if (bytes.encode(current + char).length > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = "";
    }
    current += char;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/**
 * An .ics calendar with one all-day event per thank-you not yet sent: the two days after each interview.
 * @param {Program[]} programs
 * @param {string} stamp  the DTSTAMP, UTC, e.g. 20261128T120000Z
 */
export function thankYouCalendar(programs, stamp) {
  const compact = (date) => date.replaceAll("-", "");
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//peds-img-handbook//tracker//EN", "CALSCALE:GREGORIAN"];
  for (const program of programs) {
    if (!program.interviewDate || program.thankYouSent) continue;
    const { from } = thankYouWindow(program.interviewDate);
    lines.push(
      "BEGIN:VEVENT",
      `UID:thank-you-${program.id}-${compact(program.interviewDate)}@peds-img-handbook`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(from)}`,
      `DTEND;VALUE=DATE:${compact(addDays(program.interviewDate, 3))}`,
      `SUMMARY:${icsText(`Send thank-you note: ${label(program)}`)}`,
      `DESCRIPTION:${icsText(`Interview on ${program.interviewDate}. Send a short thank-you email within 24–48 hours.`)}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}
