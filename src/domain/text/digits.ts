/**
 * Digit conversion. Persian users type Persian (۰–۹, U+06F0…) or Arabic-Indic (٠–٩, U+0660…)
 * digits depending on their keyboard; everything is parsed as ASCII and shown as Persian.
 */
const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/** Persian and Arabic-Indic digits → ASCII 0–9; every other character is left as it is. */
export function normaliseDigits(s: string): string {
  return s.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (ch) => {
    const code = ch.charCodeAt(0);
    const zero = code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO;
    return String.fromCharCode(0x30 + code - zero);
  });
}

/** ASCII (and Arabic-Indic) digits → Persian digits. Numbers are written without grouping. */
export function toPersianDigits(s: string | number): string {
  return normaliseDigits(String(s)).replace(/[0-9]/g, (d) => String.fromCharCode(PERSIAN_ZERO + d.charCodeAt(0) - 0x30));
}
