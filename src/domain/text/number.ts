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
