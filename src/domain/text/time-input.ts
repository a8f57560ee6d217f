/**
 * A time of day as people type it in chat: "10", "10:30", "۱۰:۳۰", "10.30", "ساعت ۱۰",
 * "۲ بعدازظهر" / "۴ عصر" (afternoon: 12 hours added below 12), "۹ صبح".
 * Answers milliseconds after midnight (Tehran) and a canonical "HH:MM" to echo back.
 */
import { HOUR_MS, MINUTE_MS } from "../calendar/index.js";
import { fail, ok } from "../result.js";
import type { InputResult } from "./input-errors.js";
import { prepareInput } from "./normalise.js";

export interface ParsedTimeInput {
  readonly msOfDay: number;
  readonly canonical: string;
}

const TIME = /^(?:ساعت ?)?(\d{1,2})(?:[:.٫](\d{2}))?(?: ?(صبح|ظهر|بعد ?از ?ظهر|عصر|شب))?$/;

export function parseTimeInput(s: string): InputResult<ParsedTimeInput> {
  const t = prepareInput(s)
    .replace(/\u200C/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (t === "") return fail("time.empty");
  const m = TIME.exec(t);
  if (!m) return fail("time.invalid_format");
  let h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  const part = m[3]?.replace(/ /g, "");
  if (part && part !== "صبح" && h < 12) h += 12;
  if (part === "ظهر" && h === 24) h = 12;
  if (h > 23 || min > 59) return fail("time.out_of_range");
  const canonical = `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
  return ok({ msOfDay: h * HOUR_MS + min * MINUTE_MS, canonical });
}
