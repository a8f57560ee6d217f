/**
 * Numbers typed by people (weekly-report indicators, percentages) and numbers shown to them.
 *
 * Input: any digits; thousands grouped with "," "٬" "،" or a space, in groups of three and one kind
 * of separator only ("12,500", "۱۲٬۵۰۰", "۱۲۵۰۰"); decimals with "." "٫" or "/" (the slash is how
 * Iranians hand-write a decimal point: ۲/۵ = 2.5). Anything else is an error, not a guess.
 * Output: Persian digits, "٬" between thousands, "٫" before decimals: "۱۲٬۵۰۰", "۱۲٫۵".
 */
import { fail, ok } from "../result.js";
import { toPersianDigits } from "./digits.js";
import type { InputResult } from "./input-errors.js";
import { prepareInput } from "./normalise.js";

export interface ParseNumberOptions {
  /** Accept a fractional part (default false: "12.5" is number.not_integer). */
  readonly allowDecimal?: boolean;
  readonly min?: number;
  readonly max?: number;
}

const NEGATIVE = /^(?:[-\u2212\u2010-\u2015]|منفی)\s*\d/;
const NUMBER = /^(\d{1,3}([,\u066C\u060C ])\d{3}(?:\2\d{3})*|\d+)(?:[.\u066B/](\d+))?$/;

/** The digits of a number without its sign or unit: shared by parseNumber and parsePercent. */
function readUnsigned(t: string): { readonly value: number; readonly fractional: boolean; readonly safe: boolean } | undefined {
  const m = NUMBER.exec(t);
  if (!m) return undefined;
  const intDigits = (m[1] ?? "").replace(/[^\d]/g, "");
  const frac = m[3];
  return {
    value: Number(frac === undefined ? intDigits : `${intDigits}.${frac}`),
    fractional: frac !== undefined && /[1-9]/.test(frac),
    safe: Number.isSafeInteger(Number(intDigits)),
  };
}

export function parseNumber(s: string, opts: ParseNumberOptions = {}): InputResult<number> {
  const t = prepareInput(s);
  if (t === "") return fail("number.empty");
  if (NEGATIVE.test(t)) return fail("number.negative");
  const n = readUnsigned(t);
  if (!n) return fail("number.invalid_format");
  if (!n.safe) return fail("number.too_large");
  if (n.fractional && !opts.allowDecimal) return fail("number.not_integer");
  if (opts.min !== undefined && n.value < opts.min) return fail("number.below_min", { min: opts.min });
  if (opts.max !== undefined && n.value > opts.max) return fail("number.above_max", { max: opts.max });
  return ok(n.value);
}

const PERCENT_SUFFIX = /\s*(?:[%\u066A]|درصد|در صد)$/;
const PERCENT_PREFIX = /^[%\u066A]\s*/;

/** A whole percentage 0–100: "50", "50%", "۵۰٪", "٥٠ درصد", "٪۵۰". */
export function parsePercent(s: string): InputResult<number> {
  const t = prepareInput(s);
  if (t === "") return fail("percent.empty");
  // The sign goes after the number or (as some RTL typing gives) before it, not both: "%50%" keeps one and fails.
  const core = PERCENT_SUFFIX.test(t) ? t.replace(PERCENT_SUFFIX, "") : t.replace(PERCENT_PREFIX, "");
  if (NEGATIVE.test(core)) return fail("percent.out_of_range", { min: 0, max: 100 });
  const n = readUnsigned(core);
  if (!n) return fail("percent.invalid_format");
  if (n.fractional) return fail("percent.not_integer");
  if (!n.safe || n.value > 100) return fail("percent.out_of_range", { min: 0, max: 100 });
  return ok(n.value);
}

export interface FormatNumberOptions {
  /** Digits after the decimal separator at most (rounded; trailing zeros dropped). Default 2. */
  readonly maximumFractionDigits?: number;
}

/** "۱۲٬۵۰۰", "۱۲٫۵", "‎−۵" (a left-to-right mark keeps the minus on the left in Persian text). */
export function formatNumber(n: number, opts: FormatNumberOptions = {}): string {
  const digits = opts.maximumFractionDigits ?? 2;
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21) throw new RangeError(`cannot format ${n}`);
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) throw new RangeError(`bad maximumFractionDigits ${digits}`);
  const [int = "0", frac = ""] = Math.abs(n).toFixed(digits).split(".");
  const trimmed = frac.replace(/0+$/, "");
  const negative = n < 0 && (/[1-9]/.test(int) || trimmed !== "");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, "\u066C");
  return `${negative ? "\u200E\u2212" : ""}${toPersianDigits(grouped)}${trimmed ? `\u066B${toPersianDigits(trimmed)}` : ""}`;
}

/** A percentage given as 0–100 (not a ratio): 50 → "۵۰٪". Rounded to whole percents unless told otherwise. */
export function formatPercent(n: number, opts: FormatNumberOptions = {}): string {
  return `${formatNumber(n, { maximumFractionDigits: opts.maximumFractionDigits ?? 0 })}\u066A`;
}

/** Scale words that multiply what they follow ("۳٫۵ میلیارد ریال"), as powers of ten. */
const SCALES: Readonly<Record<string, number>> = { هزار: 3, میلیون: 6, میلیارد: 9, تریلیون: 12, بیلیون: 9 };

/** Words of a number written out («دوازده», «سه و نیم», «صد و بیست»): answered with a request for digits. */
const NUMBER_WORDS = new Set(
  (
    "صفر یک یه دو سه چهار پنج شش هفت هشت نه ده یازده دوازده سیزده چهارده پانزده پونزده شانزده هفده هجده هیجده نوزده " +
    "بیست سی چهل پنجاه شصت هفتاد هشتاد نود صد یکصد دویست سیصد چهارصد پانصد ششصد هفتصد هشتصد نهصد نیم و"
  ).split(" "),
);

/** A unit read as a power-of-ten scale and what is counted: "میلیون ریال" → 6, "ریال"; "نفر" → 0, "نفر". */
function readUnit(unit: string): { readonly scale: number; readonly base: string } {
  const words = unit
    .replace(/\u200C/g, " ")
    .split(" ")
    .filter(Boolean);
  let scale = 0;
  while (words.length > 0 && SCALES[words[0]!] !== undefined) scale += SCALES[words.shift()!]!;
  return { scale, base: words.join(" ") };
}

export interface ParseQuantityOptions extends ParseNumberOptions {
  /** The unit the question asks in ("نفر", "میلیون ریال"); an answer's unit must match it. */
  readonly unit?: string;
}

/**
 * A number, optionally followed by a unit: "۱۲", "۱۲ نفر", "۳٫۵ میلیارد ریال". The unit must be the
 * question's; a scale word (هزار, میلیون, میلیارد) is converted to the question's scale, so
 * "۳٫۵ میلیارد ریال" answers "میلیون ریال" with 3500, and "۳٫۵ میلیارد" (no unit) does too.
 * A number written in words («دوازده») is number.in_words: the reader is asked for digits.
 */
export function parseQuantity(s: string, opts: ParseQuantityOptions = {}): InputResult<number> {
  const t = prepareInput(s);
  if (t === "") return fail("number.empty");
  if (NEGATIVE.test(t)) return fail("number.negative");
  const m = /^(\d[\d.,\u066B\u066C\u060C/ ]*?)\s*([^\d\s.,\u066B\u066C\u060C/][^\d]*)?$/.exec(t);
  if (!m) return inWords(t) ? fail("number.in_words") : fail("number.invalid_format");
  const written = m[2]?.trim();
  if (written === undefined) return parseNumber(m[1]!, opts);
  const answer = readUnit(written);
  const asked = readUnit(opts.unit !== undefined ? prepareInput(opts.unit) : "");
  if (opts.unit !== undefined && answer.base !== "" && answer.base !== asked.base) {
    return fail("number.unit_mismatch", { unit: written, expected: opts.unit ?? "" });
  }
  const n = parseNumber(m[1]!, { allowDecimal: true });
  if (!n.ok) return n;
  // Shifting by a power of ten through the decimal string keeps 3.5 × 10³ exact.
  const value = Number(`${n.value}e${answer.scale - asked.scale}`);
  if (!Number.isSafeInteger(Math.trunc(value))) return fail("number.too_large");
  // Back through parseNumber, so the question's own limits (whole numbers, minimum) still apply.
  return parseNumber(Number.isInteger(value) ? String(value) : value.toFixed(12).replace(/0+$/, ""), opts);
}

/** True when the answer starts with a number word: «دوازده», «سه و نیم میلیارد ریال». */
function inWords(t: string): boolean {
  const first = t.replace(/\u200C/g, " ").split(" ")[0] ?? "";
  return first !== "و" && NUMBER_WORDS.has(first);
}
