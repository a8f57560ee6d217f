/**
 * `--at` and `--from` on the command line: an instant, as ISO-8601 with its offset
 * (`2026-11-28T08:01:00+03:30`, `…Z`) or as a Jalali date and Tehran time (`1405/09/07 08:01`, any
 * digits; a date alone is that day's 00:00).
 */
import { InvalidArgumentError } from "commander";
import { jalaliToInstant, parseJalaliStrict } from "../domain/calendar/index.js";
import { normaliseDigits } from "../domain/text/index.js";

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const ISO_WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const JALALI = /^(\d{4}[/-]\d{1,2}[/-]\d{1,2})(?:[ T]+(\d{1,2}):(\d{2}))?$/;

const EXPECTED =
  'expected an ISO-8601 instant with its offset (2026-11-28T08:01:00+03:30) or a Jalali date and Tehran time ("1405/09/07 08:01")';

export function parseInstantArgument(value: string): Date {
  const text = normaliseDigits(value).trim();
  if (ISO.test(text)) {
    const at = new Date(text);
    if (!Number.isNaN(at.getTime())) return at;
  }
  if (ISO_WITHOUT_OFFSET.test(text)) throw new InvalidArgumentError(`"${value}" has no offset: add Z or +03:30 (Tehran)`);
  const m = JALALI.exec(text);
  if (m) {
    const date = parseJalaliStrict(m[1]!.replaceAll("-", "/"));
    const h = Number(m[2] ?? 0);
    const min = Number(m[3] ?? 0);
    if (!date.ok) throw new InvalidArgumentError(`"${value}" is not a Jalali date: ${EXPECTED}`);
    if (h > 23 || min > 59) throw new InvalidArgumentError(`"${value}" has no such time of day: ${EXPECTED}`);
    return jalaliToInstant(date.value, { h, m: min });
  }
  throw new InvalidArgumentError(`"${value}": ${EXPECTED}`);
}
