/**
 * When a deadline given as a Jalali day runs out: at the very end of that day in Tehran.
 * "Do it by 1405/09/20" means the whole of the 20th is still in time.
 */
import { type JalaliDate, jalaliToInstant } from "./jalali.js";

/** The last millisecond of the Tehran day d (23:59:59.999 local), as a UTC instant. */
export function deadlineInstant(d: JalaliDate): Date {
  return new Date(jalaliToInstant(d, { h: 23, m: 59 }).getTime() + 59_999);
}
