import { describe, expect, it } from "vitest";
import { normaliseDigits, normalisePersian, toPersianDigits } from "../../../src/domain/text/index.js";

const ZWNJ = "\u200C";

describe("digits", () => {
  it.each([
    ["۰۱۲۳۴۵۶۷۸۹", "0123456789"],
    ["٠١٢٣٤٥٦٧٨٩", "0123456789"],
    ["0123456789", "0123456789"],
    ["تاریخ ۱۴۰۵/٠٩/01", "تاریخ 1405/09/01"],
    ["بدون رقم", "بدون رقم"],
  ])("normaliseDigits(%s) = %s", (input, output) => {
    expect(normaliseDigits(input)).toBe(output);
  });

  it("toPersianDigits writes Persian digits for strings, numbers and Arabic-Indic digits", () => {
    expect(toPersianDigits(12500)).toBe("۱۲۵۰۰");
    expect(toPersianDigits("1405/09/04")).toBe("۱۴۰۵/۰۹/۰۴");
    expect(toPersianDigits("٤٥")).toBe("۴۵");
    expect(toPersianDigits("ساعت 14:30")).toBe("ساعت ۱۴:۳۰");
  });
});

describe("normalisePersian", () => {
  it.each([
    ["Arabic yeh", "علي", "علی"],
    ["Arabic alef maksura", "موسى", "موسی"],
    ["Arabic kaf", "كتاب", "کتاب"],
    ["both in one word", "كاري", "کاری"],
    ["tatweel", "نامـــه", "نامه"],
    ["spaces collapsed and trimmed", "  سلام    دنیا  ", "سلام دنیا"],
    ["odd spaces", "سلام\u00A0\u2009دنیا\t!", "سلام دنیا !"],
    ["doubled ZWNJ", `می${ZWNJ}${ZWNJ}روم`, `می${ZWNJ}روم`],
    ["ZWNJ at the ends", `${ZWNJ}سلام${ZWNJ}`, "سلام"],
    ["ZWNJ next to a space", `سلام ${ZWNJ}دنیا${ZWNJ} خوب`, "سلام دنیا خوب"],
    ["ZWNJ before a digit or punctuation", `گزارش${ZWNJ}۲ و پایان${ZWNJ}.`, "گزارش۲ و پایان."],
    ["legitimate ZWNJ kept", `سه${ZWNJ}شنبه`, `سه${ZWNJ}شنبه`],
    ["line breaks kept, CRLF unified, spaces around them dropped", "الف  \r\n  ب\r\n\r\n\r\n\r\nج", "الف\nب\n\nج"],
    ["digits untouched", "گزارش ۱۲", "گزارش ۱۲"],
    ["empty", "   ", ""],
  ])("%s", (_label, input, output) => {
    expect(normalisePersian(input)).toBe(output);
  });

  it("is idempotent", () => {
    const samples = ["  علي   و  كتاب ", `${ZWNJ}${ZWNJ}می${ZWNJ}${ZWNJ}روم ${ZWNJ}`, "a\r\n\r\n\r\nb"];
    for (const s of samples) expect(normalisePersian(normalisePersian(s))).toBe(normalisePersian(s));
  });
});
