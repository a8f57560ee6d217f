/**
 * The longest text a user may give each field, in characters. Stated (the bot says the limit
 * when a text is over it) and checked before anything is saved; each keeps what the field shows
 * in — a blocked reason appears in the assignment's own message, which an edit cannot split —
 * comfortably inside one message.
 */
export const INPUT_LIMITS = {
  progressText: 2_000,
  blockedReason: 500,
  /** The note or caption backing a done claim. */
  doneNote: 2_000,
  /** A reply to an assignment message, or a loose message filed under an item (text or caption). */
  note: 2_000,
  /** One answer of a weekly report. */
  reportAnswer: 1_000,
  /** A weekly report written as one free text. */
  reportFreeForm: 3_000,
} as const;

export type InputField = keyof typeof INPUT_LIMITS;

/** Undefined when `text` fits `field`; otherwise its length and the field's maximum, for the message. */
export function overLimit(text: string, field: InputField): { length: number; max: number } | undefined {
  const max = INPUT_LIMITS[field];
  return text.length > max ? { length: text.length, max } : undefined;
}
