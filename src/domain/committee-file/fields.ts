/**
 * Field parsers of a committee file, as zod schemas that validate and normalise in one step.
 *
 * YAML reads `12` as a number and `"12"` or `۱۲` as text, and it reads `09121000001` as the number
 * 9121000001; people do not make that distinction, so every scalar field accepts both and works
 * on the text (a phone that lost its leading zero is still recognised by parsePhone).
 */
import { z } from "zod";
import { INPUT_YEAR_MAX, INPUT_YEAR_MIN, type JalaliDate, parseJalaliStrict } from "../calendar/index.js";
import { normaliseDigits, normalisePersian, parseNumber, parsePhone } from "../text/index.js";
import { COMMITTEE_FILE_LIMITS, tooLongMessage } from "./limits.js";
import { dateErrorMessage, describeValue, oneOfMessage, phoneErrorMessage, quote } from "./messages.js";

type Ctx = z.core.$RefinementCtx;

/** Adds a custom issue at the current path; returns z.NEVER so a transform can `return reject(…)`. */
function reject(ctx: Ctx, message: string): never {
  ctx.addIssue({ code: "custom", message });
  return z.NEVER;
}

/** A string or number as written, or an issue ("is required" when the key is missing). */
function scalar<T>(transform: (text: string, ctx: Ctx) => T): z.ZodType<T, unknown> {
  return z.unknown().transform((value, ctx): T => {
    if (value === undefined) return reject(ctx, "is required");
    if (typeof value === "string" || (typeof value === "number" && Number.isFinite(value))) {
      return transform(String(value), ctx);
    }
    return reject(ctx, `expected text, got ${describeValue(value)}`);
  });
}

/** For scalars whose digits matter (numbers, dates, phones, codes): ASCII digits, trimmed. */
function numeric<T>(parse: (text: string, ctx: Ctx, asWritten: string) => T): z.ZodType<T, unknown> {
  return scalar((text, ctx) => parse(normaliseDigits(text).trim(), ctx, text));
}

/**
 * Free text (names, titles, resolution texts): Persian normalised, not empty, at most `max`
 * characters (one line by default). Digits are kept as written.
 */
export function text(max: number = COMMITTEE_FILE_LIMITS.shortText): z.ZodType<string, unknown> {
  return scalar((s, ctx) => {
    const normalised = normalisePersian(s);
    if (!normalised) return reject(ctx, "must not be empty");
    return normalised.length <= max ? normalised : reject(ctx, tooLongMessage(normalised.length, max));
  });
}

const CODE = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

/** A code other rows refer to (agency, committee): lower-case Latin letters, digits, dashes. */
export function code(): z.ZodType<string, unknown> {
  return numeric((s, ctx) =>
    CODE.test(s) ? s : reject(ctx, `${quote(s)} is not a valid code: use lower-case Latin letters, digits and dashes, e.g. bank-melli`),
  );
}

const QUESTION_KEY = /^[a-z][a-z0-9_]*$/;

export function questionKey(): z.ZodType<string, unknown> {
  return numeric((s, ctx) =>
    QUESTION_KEY.test(s) ? s : reject(ctx, `${quote(s)} is not a valid key: use lower-case Latin letters, digits and _, e.g. jobs_created`),
  );
}

/** A value from a fixed list, case-insensitive: `kind: Standing` is fine, `kind: standin` is not. */
export function oneOf<const T extends readonly string[]>(allowed: T): z.ZodType<T[number], unknown> {
  return numeric((s, ctx) => {
    const lower = s.toLowerCase();
    return allowed.includes(lower) ? (lower as T[number]) : reject(ctx, oneOfMessage(s, allowed));
  });
}

export function phone(): z.ZodType<string, unknown> {
  return numeric((s, ctx, asWritten) => {
    const parsed = parsePhone(s);
    return parsed.ok ? parsed.value : reject(ctx, phoneErrorMessage(asWritten, parsed.error));
  });
}

export function jalaliDate(): z.ZodType<JalaliDate, unknown> {
  return numeric((s, ctx, asWritten) => {
    const parsed = parseJalaliStrict(s);
    return parsed.ok ? parsed.value : reject(ctx, dateErrorMessage(asWritten, parsed.error));
  });
}

/** 1, "1", "۱", "١": a whole number from 1 up. */
export function positiveInteger(): z.ZodType<number, unknown> {
  return numeric((s, ctx) => {
    const n = /^\d+$/.test(s) ? Number(s) : NaN;
    return Number.isSafeInteger(n) && n >= 1 ? n : reject(ctx, `expected a whole number from 1 up, got ${quote(s)}`);
  });
}

/** 1200, "1,200", "۱۲۰۰", 2.5: a number above 0 (targets may be amounts with decimals). */
export function positiveNumber(): z.ZodType<number, unknown> {
  return numeric((s, ctx) => {
    const parsed = parseNumber(s, { allowDecimal: true });
    return parsed.ok && parsed.value > 0 ? parsed.value : reject(ctx, `expected a number above 0, got ${quote(s)}`);
  });
}

/** A Jalali year such as 1405. */
export function jalaliYearNumber(): z.ZodType<number, unknown> {
  return numeric((s, ctx) => {
    const n = /^\d{4}$/.test(s) ? Number(s) : NaN;
    return n >= INPUT_YEAR_MIN && n <= INPUT_YEAR_MAX ? n : reject(ctx, `expected a Jalali year such as 1405, got ${quote(s)}`);
  });
}

/** A label such as a meeting number ("1405-08"): any short text, digits made ASCII. */
export function label(): z.ZodType<string, unknown> {
  return numeric((s, ctx) => {
    if (!s) return reject(ctx, "must not be empty");
    return s.length <= LABEL_MAX ? s : reject(ctx, tooLongMessage(s.length, LABEL_MAX));
  });
}

const LABEL_MAX = 40;
/** Any list of a committee file that has no bound of its own (see COMMITTEE_FILE_LIMITS). */
const LIST_MAX = 100;

const CLOCK = /^(\d{1,2}):(\d{2})$/;

/** "8:00", "08:00", "۰۸:۰۰" → "08:00"; undefined if it is not a time of day (24:00 allowed as a closing time). */
function clockTime(s: string): string | undefined {
  const m = CLOCK.exec(s.trim());
  const h = Number(m?.[1]);
  const min = Number(m?.[2]);
  if (!m || h > 24 || min > 59 || (h === 24 && min > 0)) return undefined;
  return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}

/** "08:00-14:00" → { start, end }; the day must open before it closes. */
export function officeHours(): z.ZodType<{ start: string; end: string }, unknown> {
  return numeric((s, ctx) => {
    const [from = "", to = "", ...rest] = s.split(/\s*[-–—]\s*/);
    const start = clockTime(from);
    const end = clockTime(to);
    if (rest.length > 0 || !start || !end) return reject(ctx, `expected opening and closing times like "08:00-14:00", got ${quote(s)}`);
    return start < end ? { start, end } : reject(ctx, `the office must open before it closes, got ${quote(s)}`);
  });
}

export const WEEKDAYS = ["saturday", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday"] as const;

/** "Saturday 8:00" → "saturday 08:00": a weekday of the Iranian week and a time. */
export function weekdayAndTime(): z.ZodType<string, unknown> {
  return numeric((s, ctx) => {
    const [day = "", time = "", ...rest] = s.toLowerCase().split(/\s+/);
    const clock = clockTime(time);
    if (rest.length > 0 || !clock || !(WEEKDAYS as readonly string[]).includes(day)) {
      return reject(ctx, `expected a weekday and a time like "saturday 08:00", got ${quote(s)}${day ? weekdayHint(day) : ""}`);
    }
    return `${day} ${clock}`;
  });
}

function weekdayHint(day: string): string {
  return (WEEKDAYS as readonly string[]).includes(day) ? "" : ` ("${day}" is not one of ${WEEKDAYS.join(", ")})`;
}

/** A list of at most `max`; a single value is read as a list of one (`co: smt` is as good as `co: [smt]`). */
export function listOf<T>(item: z.ZodType<T, unknown>, max: number = LIST_MAX): z.ZodType<T[], unknown> {
  return z.preprocess((v) => (typeof v === "string" || typeof v === "number" ? [v] : v), z.array(item).max(max));
}

/** An optional field; an empty value (`reportTo:` with nothing after it) counts as absent. */
export function optional<T>(schema: z.ZodType<T, unknown>): z.ZodType<T | undefined, unknown> {
  return z.preprocess((v) => (v === null ? undefined : v), schema.optional());
}
