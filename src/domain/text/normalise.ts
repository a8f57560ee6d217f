/**
 * Persian text normalisation for what people type: Arabic keyboards give ي/ك instead of ی/ک,
 * copy-paste brings odd spaces, stray or doubled ZWNJs and invisible direction marks.
 */
import { normaliseDigits } from "./digits.js";

const ZWNJ = "\u200C";
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

/**
 * ي/ى → ی and ك → ک, tatweel (ـ) removed, every kind of space made a plain space, runs of spaces
 * collapsed, spaces around line breaks and at both ends trimmed, at most one empty line kept, and a
 * ZWNJ kept only between two letters (doubled ones become one; those at word edges go).
 * Digits are not touched (see normaliseDigits).
 */
export function normalisePersian(s: string): string {
  return s
    .replace(/[\u064A\u0649]/g, "ی")
    .replace(/\u0643/g, "ک")
    .replace(/\u0640/g, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, " ")
    .replace(/\u200C+/g, (run: string, at: number, whole: string) => {
      const before = whole[at - 1];
      const after = whole[at + run.length];
      return before !== undefined && after !== undefined && LETTER_OR_MARK.test(before) && LETTER_OR_MARK.test(after) ? ZWNJ : "";
    })
    .replace(/ {2,}/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Invisible characters that only get in the way of parsing: direction marks, isolates, ZWSP, word joiner, BOM. */
const INVISIBLES = /[\u200B\u200E\u200F\u061C\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

/** What every input parser starts from: invisibles removed, ASCII digits, normalised Persian. */
export function prepareInput(s: string): string {
  return normalisePersian(normaliseDigits(s.replace(INVISIBLES, "")));
}
