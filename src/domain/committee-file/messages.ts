/**
 * The English an operator reads when a committee file is wrong: say what was found, what was
 * expected, and (for typos) what was probably meant.
 */
import type { z } from "zod";
import type { InputError } from "../text/index.js";

const MAX_SHOWN = 40;

/** A value as the operator wrote it, for "got …" in messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (typeof value === "string") return quote(value);
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping (key: value lines)";
  return String(value);
}

export function quote(s: string): string {
  return JSON.stringify(s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN)}…` : s);
}

const EXPECTED_NAMES: Readonly<Record<string, string>> = {
  string: "text",
  number: "a number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping (key: value lines)",
};

/** Edit distance, to suggest the word a typo was meant to be. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** ` (did you mean "deadline"?)` when one candidate is close enough to be the intended word, else "". */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const lower = word.toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  const tolerance = Math.max(1, Math.floor(word.length / 3));
  return best && best.distance <= tolerance ? ` (did you mean ${quote(best.candidate)}?)` : "";
}

export function unknownKeyMessage(key: string, allowed: readonly string[]): string {
  const hint = didYouMean(key, allowed);
  return `unknown key ${quote(key)}${hint || ` (allowed here: ${allowed.join(", ")})`}`;
}

export function oneOfMessage(value: unknown, allowed: readonly string[]): string {
  return `expected one of ${allowed.join(", ")}; got ${describeValue(value)}${typeof value === "string" ? didYouMean(value, allowed) : ""}`;
}

/** Messages for the issues zod raises itself (the field parsers write their own). */
export function zodIssueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "is required";
      return `expected ${EXPECTED_NAMES[issue.expected] ?? issue.expected}, got ${describeValue(issue.input)}`;
    case "too_small":
      if (issue.origin !== "array") return undefined;
      return Number(issue.minimum) === 1 ? "must not be an empty list" : `must list at least ${String(issue.minimum)}`;
    case "too_big": {
      if (issue.origin !== "array") return undefined;
      const found = Array.isArray(issue.input) ? `lists ${issue.input.length.toLocaleString("en")}; ` : "";
      return `${found}at most ${Number(issue.maximum).toLocaleString("en")} are allowed`;
    }
    default:
      return undefined;
  }
}

const DATE_EXAMPLE = "expected YYYY/MM/DD, e.g. 1405/09/20";

function dateProblem(error: InputError): string {
  const p = error.params ?? {};
  switch (error.code) {
    case "date.empty":
      return "it is empty";
    case "date.incomplete":
      return "year, month and day are all needed";
    case "date.two_digit_year":
      return "the year needs four digits";
    case "date.year_first":
      return "the year comes first";
    case "date.gregorian":
      return "that is a Gregorian year, a Jalali one is needed";
    case "date.year_out_of_range":
      return `the year must be between ${p.min} and ${p.max}`;
    case "date.invalid_month":
      return `there is no month ${p.month}`;
    case "date.invalid_day":
      return Number(p.month) === 12 && Number(p.max) === 29
        ? `Esfand ${p.year} has 29 days (${p.year} is not a leap year)`
        : `month ${p.month} of ${p.year} has ${p.max} days`;
    default:
      return "it is not in the form year/month/day";
  }
}

export function dateErrorMessage(input: string, error: InputError): string {
  return `${quote(input)} is not a valid Jalali date: ${dateProblem(error)} (${DATE_EXAMPLE})`;
}

export function phoneErrorMessage(input: string, error: InputError): string {
  const expected = "(expected 09XXXXXXXXX or +989XXXXXXXXX)";
  if (error.code === "phone.not_mobile") return `${quote(input)} is a landline; a mobile number is needed ${expected}`;
  return `${quote(input)} is not an Iranian mobile number ${expected}`;
}
