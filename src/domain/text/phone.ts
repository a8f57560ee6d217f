/**
 * Iranian mobile numbers, as people type them, to E.164: "+989XXXXXXXXX".
 * Accepted: 09…, 9…, +98 9…, 0098 9…, 98 9… (and +98 0 9…), in any digits, with spaces, dashes,
 * dots or parentheses anywhere. Landlines are recognised and refused with their own error.
 */
import { fail, ok } from "../result.js";
import type { InputResult } from "./input-errors.js";
import { prepareInput } from "./normalise.js";

/** Each form on its own, so "98…" (country code without + or 00) cannot swallow a local number. */
const MOBILE_FORMS = [/^(?:\+98|0098)0?(9\d{9})$/, /^98(9\d{9})$/, /^0?(9\d{9})$/];
const LANDLINE = /^(?:(?:\+98|0098)0?|0)[1-8]\d{9}$/;

export function parsePhone(s: string): InputResult<string> {
  const compact = prepareInput(s).replace(/[\s\-\u2010-\u2015\u2212().]/g, "");
  if (compact === "") return fail("phone.empty");
  for (const form of MOBILE_FORMS) {
    const national = form.exec(compact)?.[1];
    if (national) return ok(`+98${national}`);
  }
  return LANDLINE.test(compact) ? fail("phone.not_mobile") : fail("phone.invalid");
}
