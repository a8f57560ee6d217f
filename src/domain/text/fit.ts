/**
 * Fitting a text to a length limit: split into parts at the most natural boundary that fits
 * (a blank line, a line, a sentence, a word), or cut with «…» where a text must stay one piece.
 * Pure; lengths are in UTF-16 code units, as the Bot API counts them, and a surrogate pair is
 * never split.
 */
import { toPersianDigits } from "./digits.js";

export const ELLIPSIS = "…";

/** Boundaries to split at, best first; each match ends where the next part may begin. */
const BOUNDARIES = [/\n\s*\n/g, /\n/g, /[.!?؟؛;:]["»)\]]*\s+/g, /\s+/g];

/** Parts shorter than this share of the limit are avoided when a later boundary fits. */
const MIN_SHARE = 0.5;

/** The text in parts of at most `max` characters each, split where reading is least disturbed. */
export function splitText(text: string, max: number): string[] {
  if (max < 1) throw new RangeError("max must be at least 1");
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = cutPoint(rest, max);
    const part = rest.slice(0, cut).trimEnd();
    if (part) parts.push(part);
    rest = rest.slice(cut).trimStart();
  }
  if (rest || parts.length === 0) parts.push(rest);
  return parts;
}

/** Where to end a part of `text` (longer than `max`): just after the best boundary, or at `max`. */
function cutPoint(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  for (const boundary of BOUNDARIES) {
    let best = -1;
    for (const m of window.matchAll(boundary)) {
      // The part is what comes before the boundary; the boundary itself is trimmed away.
      if (m.index > 0 && m.index <= max) best = m.index + m[0].length;
    }
    if (best > 0 && best >= max * MIN_SHARE) return Math.min(best, max);
  }
  return safeIndex(text, max);
}

/** `index`, moved back one if it would fall inside a surrogate pair. */
function safeIndex(text: string, index: number): number {
  const code = text.charCodeAt(index - 1);
  return code >= 0xd800 && code <= 0xdbff ? index - 1 : index;
}

/** Parts marked "(۱/۳)" on a line of their own; a single part is left unmarked. */
export function numberParts(parts: readonly string[]): string[] {
  if (parts.length < 2) return [...parts];
  const total = toPersianDigits(String(parts.length));
  return parts.map((part, i) => `${part}\n(${toPersianDigits(String(i + 1))}/${total})`);
}

/** Room a part marker takes: "\n(۱۲/۱۲)". */
export const PART_MARKER_RESERVE = 10;

/** The text cut to at most `max` characters, ending in «…» at a word boundary when one is near. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = max - ELLIPSIS.length;
  const window = text.slice(0, room + 1);
  const space = window.search(/\s\S*$/);
  const end = space >= room * 0.8 ? space : safeIndex(text, room);
  return `${text.slice(0, end).trimEnd()}${ELLIPSIS}`;
}

/**
 * The first words of a text that fit in `max` characters, ending in «…» when words were left out:
 * a short subject for a button. Line breaks count as spaces; a first word longer than `max` is cut.
 */
export function firstWords(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const room = max - ELLIPSIS.length;
  const space = flat.slice(0, room + 1).lastIndexOf(" ");
  if (space <= 0) return cutText(flat, max);
  // A subject ending in «و» or «به» reads as broken off mid-phrase: end before such a word.
  const words = flat.slice(0, space).split(" ");
  while (words.length > 1 && DANGLING.has(words.at(-1)!)) words.pop();
  return `${words.join(" ").replace(/[،,؛;:.]+$/, "")}${ELLIPSIS}`;
}

/** Words that cannot end a cut subject. */
const DANGLING = new Set(["و", "به", "از", "در", "با", "را", "که", "برای", "تا", "یا", "نسبت"]);
