/**
 * Every error code that input parsing can answer, with the parameters it carries.
 * The texts live in locales/<lang>/input-errors.ftl under inputErrorKey(code); a unit test
 * checks that both locales define every code and use only the parameters declared here.
 */
import type { DomainError, Result } from "../result.js";

export const INPUT_ERROR_PARAMS = {
  "date.empty": [],
  "date.invalid_format": [],
  "date.incomplete": [],
  "date.two_digit_year": [],
  "date.year_first": [],
  "date.gregorian": [],
  "date.year_out_of_range": ["min", "max"],
  "date.invalid_month": ["month"],
  "date.invalid_day": ["day", "month", "year", "max"],
  "date.unknown_month": ["name"],
  "date.weekday_mismatch": [],
  "date.invalid_count": ["min", "max"],
  "date.needs_calendar": [],
  "time.empty": [],
  "time.invalid_format": [],
  "time.out_of_range": [],
  "phone.empty": [],
  "phone.invalid": [],
  "phone.not_mobile": [],
  "percent.empty": [],
  "percent.invalid_format": [],
  "percent.not_integer": [],
  "percent.out_of_range": ["min", "max"],
  "number.empty": [],
  "number.invalid_format": [],
  "number.negative": [],
  "number.not_integer": [],
  "number.below_min": ["min"],
  "number.above_max": ["max"],
  "number.too_large": [],
  "number.unit_mismatch": ["unit", "expected"],
  "number.in_words": [],
} as const satisfies Record<string, readonly string[]>;

export type InputErrorCode = keyof typeof INPUT_ERROR_PARAMS;
export type InputError = DomainError<InputErrorCode>;
export type InputResult<T> = Result<T, InputError>;

export const INPUT_ERROR_CODES = Object.keys(INPUT_ERROR_PARAMS) as InputErrorCode[];

/** Fluent message id for an error code: "date.invalid_day" → "input-error-date-invalid-day". */
export function inputErrorKey(code: string): string {
  return `input-error-${code.replace(/[._]/g, "-")}`;
}
