/**
 * Splitting a meeting's minutes into its resolutions, as a secretary pastes them: a list numbered
 * `۱-`, `1)`, `1.`, `۱.`, `الف)`, or bulleted `-`/`•`; or, in a news-style report, the clauses after
 * «مقرر شد» separated by «؛» or by line, up to a closing «… از دیگر مصوبات این جلسه بود» whose list
 * is joined by «،» and «و». The text of each resolution is kept as written: only its letters (ي/ك,
 * ZWNJ, spaces) and digits (Persian) are normalised, its marker and a trailing «؛» removed.
 * Pure: no I/O, no clock.
 */
import { fail, ok, type DomainError, type Result } from "../result.js";
import { normaliseDigits, toPersianDigits } from "../text/digits.js";
import { normalisePersian } from "../text/normalise.js";

export type MinutesErrorCode = "minutes.empty" | "minutes.no_resolutions";
export type MinutesResult = Result<string[], DomainError<MinutesErrorCode>>;

/** Invisible characters that only get in the way: direction marks, isolates, ZWSP, BOM. */
const INVISIBLES = /[\u200B\u200E\u200F\u061C\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

/** The Persian alphabet in abjad-list order, as used for lettered items (الف، ب، پ، ت …). */
const LETTERS = "الف|ب|پ|ت|ث|ج|چ|ح|خ|د|ذ|ر|ز|ژ|س|ش|ص|ض|ط|ظ|ع|غ|ف|ق|ک|گ|ل|م|ن|و|ه|ی";

/** A line that opens a list item; group 1 is what follows the marker. Digits are ASCII here. */
const ITEM_MARKERS: readonly RegExp[] = [
  // ۱- 1) 1. ۱. 1: 1ـ, but not a date or a number such as 1405/9 or 1.5 at the start of a line.
  /^\(?\d{1,2}\s*[-–—).:](?!\d)\s*(.+)$/,
  // (1) and (الف)
  new RegExp(`^\\((?:\\d{1,2}|${LETTERS})\\)\\s*(.+)$`),
  // الف) ب- پ.
  new RegExp(`^(?:${LETTERS})\\s*[)\\-–—.]\\s+(.+)$`),
  // bullets
  /^[•●▪◦·*\-–—]\s*(.+)$/,
  // «مصوبه ۱:» «بند ۲ -»
  /^(?:مصوبه|بند|ماده)\s*\d{1,2}\s*[-–—:.)]\s*(.+)$/,
];

/** «مقرر شد» and its usual synonyms, followed by the punctuation that introduces the clauses. */
const RESOLVED = /(?:مقرر|مصوب|قرار)\s*(?:شد|گردید)\s*(?:که)?\s*[؛;:،,]?\s*/g;

/** The closing of a news-style report: what precedes it is a list of further resolutions. */
const OTHER_RESOLUTIONS =
  /\s*(?:نیز\s*)?(?:از\s*(?:دیگر|سایر)\s*مصوبات|از\s*مصوبات\s*دیگر)\s*(?:این|آن)?\s*(?:جلسه|نشست)?\s*(?:بود|است|بودند)\s*[.!]?\s*$/;

/** Narrative sentences that close a report rather than resolve anything. */
const CLOSING_SENTENCE = /(?:پایان\s*یافت|خاتمه\s*یافت|به\s*پایان\s*رسید)\s*[.!]?$/;

/**
 * Names of offices that contain «،» and «و» themselves: a list joined by «،» must not be cut inside them.
 * (The Iranian names of these ministries' county offices.)
 */
const PROTECTED_NAMES: readonly string[] = ["تعاون، کار و رفاه اجتماعی", "صنعت، معدن و تجارت", "میراث فرهنگی، گردشگری و صنایع دستی"];

/**
 * Words that begin an item of a report's run-on list (nouns of action, as such lists are written):
 * «… ، ارسال گزارش … و پیشنهاد راه‌ها …» is cut before «و پیشنهاد», not inside «صنفی و صنعتی».
 */
const ITEM_OPENERS = new Set(
  (
    "تشکیل برگزاری ارسال ثبت معرفی پیشنهاد تهیه ارائه بررسی پیگیری تشریح شناسایی اجرای اجرا تأمین تامین انجام ایجاد تدوین " +
    "اعلام رفع حمایت تسریع آموزش اطلاع‌رسانی جذب صدور تعیین نظارت تخصیص ساماندهی تکمیل اختصاص واگذاری هماهنگی برنامه‌ریزی " +
    "استفاده توجه تقویت کاهش افزایش تعامل مکاتبه دعوت تصویب تهیه‌ی اخذ بازدید راه‌اندازی احصای احصا ارزیابی"
  ).split(" "),
);

/** Letters and digits as stored: normalised letters, Persian digits. */
function normaliseText(s: string): string {
  return toPersianDigits(normalisePersian(s));
}

/** A clause as a resolution: no marker residue, no trailing «؛»/«،»/«:», no surrounding spaces. */
function tidy(clause: string): string {
  return clause
    .replace(/^[\s؛;،,:.\-–—]+/, "")
    .replace(/[\s؛;،,:\-–—]+$/, "")
    .trim();
}

function itemOf(line: string): string | undefined {
  for (const marker of ITEM_MARKERS) {
    const m = marker.exec(line);
    if (m?.[1] !== undefined) return m[1];
  }
  return undefined;
}

/**
 * The list mode: items start at a marker; lines without one continue the item above them until an
 * empty line, after which unmarked text is no longer part of the list (a closing note, signatures).
 */
function listItems(lines: readonly string[]): string[] {
  const items: string[] = [];
  let open = false;
  for (const line of lines) {
    if (line === "") {
      open = false;
      continue;
    }
    const item = itemOf(line);
    if (item !== undefined) {
      items.push(item);
      open = true;
    } else if (open) {
      items[items.length - 1] += ` ${line}`;
    }
  }
  return items;
}

/** Sentences of a paragraph, each with its full stop (a dot between digits, as in 1.5, is not one). */
function sentences(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[^\d۰-۹][.!؟?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Cuts a report's closing list («الف، ب، ج و د از دیگر مصوبات این جلسه بود») into its items. */
function runOnList(list: string): string[] {
  const placeholders: string[] = [];
  let guarded = list;
  for (const name of PROTECTED_NAMES) {
    guarded = guarded.split(name).join(`\uE000${placeholders.push(name) - 1}\uE001`);
  }
  const restore = (s: string) => s.replace(/\uE000(\d+)\uE001/g, (_, i: string) => placeholders[Number(i)]!);
  const items: string[] = [];
  guarded.split(/\s*[،,]\s*/).forEach((piece, index) => {
    // Inside a piece, « و X» starts a new item only when X is an action noun.
    const words = piece.split(" ");
    let current: string[] = [];
    words.forEach((word, i) => {
      const next = words[i + 1];
      if (word === "و" && current.length > 0 && next !== undefined && ITEM_OPENERS.has(next)) {
        items.push(current.join(" "));
        current = [];
      } else current.push(word);
    });
    if (current.length === 0) return;
    // A piece that does not open with an action noun continues the item before it («… شهرستان، بخش مرکزی»).
    if (index > 0 && items.length > 0 && !ITEM_OPENERS.has(current[0]!)) items[items.length - 1] += `، ${current.join(" ")}`;
    else items.push(current.join(" "));
  });
  return items.map(restore);
}

/** Inline numbering in one paragraph: «مقرر شد: ۱- … ۲- … ۳- …», numbers counting up from 1. */
function inlineNumbered(text: string): string[] | undefined {
  const marks = [...text.matchAll(/(^|[\s:؛،.])(\d{1,2})\s*[-)](?!\d)\s*/g)];
  const starts: { at: number; end: number }[] = [];
  for (const m of marks) {
    if (Number(m[2]) === starts.length + 1) starts.push({ at: m.index + m[1]!.length, end: m.index + m[0].length });
  }
  if (starts.length < 2) return undefined;
  return starts.map((s, i) => text.slice(s.end, starts[i + 1]?.at ?? text.length));
}

/**
 * The report mode: every «مقرر شد» opens clauses up to the next one; clauses are cut at «؛», at line
 * breaks and at sentence ends; the half-sentence that leads into the next «مقرر شد» («همچنین») and
 * closing narrative («جلسه … پایان یافت») are dropped; a closing «از دیگر مصوبات» list is expanded.
 */
function resolvedClauses(text: string): string[] {
  const found = [...text.matchAll(RESOLVED)];
  const clauses: string[] = [];
  found.forEach((m, i) => {
    const start = m.index + m[0].length;
    const next = found[i + 1];
    let part = text.slice(start, next?.index ?? text.length);
    if (next) {
      // What follows the last full stop leads into the next «مقرر شد»: it is narrative.
      const lastStop = Math.max(part.lastIndexOf("."), part.lastIndexOf("\n"), part.lastIndexOf("؛"));
      part = lastStop >= 0 ? part.slice(0, lastStop + 1) : "";
    }
    const numbered = inlineNumbered(part);
    if (numbered) {
      clauses.push(...numbered);
      return;
    }
    for (const segment of part.split(/[؛;\n]/)) {
      for (const sentence of sentences(segment)) {
        if (CLOSING_SENTENCE.test(sentence)) continue;
        if (OTHER_RESOLUTIONS.test(sentence)) clauses.push(...runOnList(sentence.replace(OTHER_RESOLUTIONS, "")));
        else clauses.push(sentence);
      }
    }
  });
  return clauses;
}

/**
 * The resolutions of a meeting's minutes, in order. A list (numbered, lettered or bulleted lines)
 * wins over the report reading; without either there are none, and the secretary is asked to
 * number them.
 */
export function splitMinutes(minutes: string): MinutesResult {
  const text = normalisePersian(normaliseDigits(minutes.replace(INVISIBLES, "")));
  if (text === "") return fail("minutes.empty");
  const lines = text.split("\n").map((l) => l.trim());
  const listed = listItems(lines)
    .map(tidy)
    .filter((s) => s !== "");
  const clauses =
    listed.length > 0
      ? listed
      : resolvedClauses(text)
          .map(tidy)
          .filter((s) => s !== "");
  if (clauses.length === 0) return fail("minutes.no_resolutions");
  return ok(clauses.map(normaliseText));
}
