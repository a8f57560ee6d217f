/**
 * Making user text safe for Bale, which has no parse_mode and renders Markdown in every message
 * (*bold*, _italic_, [text](url), ```code```, and doubled markers such as ~~ and ||). A liaison's
 * report "جلسه *فوری* با بانک_ملی [پیوست]" must show its asterisks, underscores and brackets as typed.
 *
 * Why not backslashes: Bale documents no escape syntax, and where escapes are not understood the
 * backslashes would show. Why not look-alike characters (∗, ＿): they change what the reader copies
 * (an e-mail address or a file name with "_" would stop working).
 *
 * So every marker character gets a U+2060 WORD JOINER on each side. It is invisible, zero-width, adds
 * no line-break opportunity (unlike U+200B) and does not change how Persian letters join (unlike
 * U+200C ZWNJ, which would cut a word's shaping). With it:
 *  - a doubled marker (**, __, ~~, ||, ```) is never two adjacent marker characters any more;
 *  - "]" is never directly followed by "(", so [text](url) cannot form a link;
 *  - an opening marker is never preceded, nor a closing marker followed, by a space, a line edge or
 *    punctuation, which is what a flanking-rule parser needs before it pairs single * or _.
 * Limitation, stated plainly: a parser that pairs any two asterisks regardless of what surrounds them
 * would still pair them; nothing invisible can stop that, only changing the characters could.
 *
 * Telegram needs none of this: Telegram messages are sent as plain text, without parse_mode.
 */

export const WORD_JOINER = "\u2060";

/** The characters Bale's Markdown may treat as markup. */
export const MARKDOWN_MARKERS = ["*", "_", "~", "`", "|", "[", "]"] as const;

/** A run of marker characters, with any word joiners already around or between them. */
const MARKER_RUN = /\u2060*(?:[*_~`|[\]]\u2060*)+/g;

/** User text → text that Bale shows exactly as typed. Idempotent: neutralising twice changes nothing. */
export function neutraliseMarkdown(text: string): string {
  return text.replace(MARKER_RUN, (run) => WORD_JOINER + [...run.replace(/\u2060/g, "")].join(WORD_JOINER) + WORD_JOINER);
}
