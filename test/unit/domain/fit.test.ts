import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cutText, firstWords, numberParts, splitText } from "../../../src/domain/text/index.js";

describe("splitText", () => {
  it("leaves a text that fits alone", () => {
    expect(splitText("سلام", 10)).toEqual(["سلام"]);
  });

  it("splits at a blank line, then a line, then a sentence, then a word", () => {
    expect(splitText("aaaa bbbb\n\ncccc", 12)).toEqual(["aaaa bbbb", "cccc"]);
    expect(splitText("aaaa bbbb\ncccc", 12)).toEqual(["aaaa bbbb", "cccc"]);
    expect(splitText("جمله اول است. جمله دوم", 16)).toEqual(["جمله اول است.", "جمله دوم"]);
    expect(splitText("یک دو سه چهار", 7)).toEqual(["یک دو", "سه چهار"]);
    // No boundary at all: a hard cut.
    expect(splitText("x".repeat(25), 10)).toEqual(["x".repeat(10), "x".repeat(10), "x".repeat(5)]);
  });

  it("never splits a surrogate pair, and every part fits (property)", () => {
    expect(splitText("😀😀😀", 3)).toEqual(["😀", "😀", "😀"]);
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "ب", " ", "\n", ".", "😀"), maxLength: 400 }),
        fc.integer({ min: 2, max: 60 }),
        (text, max) => {
          const parts = splitText(text, max);
          for (const part of parts) {
            expect(part.length).toBeLessThanOrEqual(max);
            expect(part).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
          }
          // Nothing but whitespace is lost.
          expect(parts.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
        },
      ),
    );
  });
});

describe("numberParts and cutText", () => {
  it("numbers parts in Persian digits, and leaves one part unmarked", () => {
    expect(numberParts(["الف", "ب"])).toEqual(["الف\n(۱/۲)", "ب\n(۲/۲)"]);
    expect(numberParts(["الف"])).toEqual(["الف"]);
  });

  it("cuts at a word with «…», within the limit", () => {
    expect(cutText("سلام دنیا", 20)).toBe("سلام دنیا");
    const cut = cutText("کلمه ".repeat(100), 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut.endsWith("کلمه…")).toBe(true);
    expect(cutText("x".repeat(100), 10)).toBe(`${"x".repeat(9)}…`);
  });
});

describe("firstWords", () => {
  const text = "ادارات تعاون و صمت نسبت به تشکیل جلسه\nدر خصوص سامانه رصد اقدام کنند.";

  it("keeps a short text whole, on one line", () => {
    expect(firstWords("تشکیل جلسه\nسامانه رصد", 40)).toBe("تشکیل جلسه سامانه رصد");
  });

  it("ends at a word, never on «و» or «به», with «…»", () => {
    expect(firstWords(text, 16)).toBe("ادارات تعاون…");
    expect(firstWords(text, 19)).toBe("ادارات تعاون و صمت…");
    expect(firstWords(text, 30)).toBe("ادارات تعاون و صمت…");
  });

  it("never passes the limit", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.integer({ min: 2, max: 60 }), (s, max) => {
        expect(firstWords(s, max).length).toBeLessThanOrEqual(max);
      }),
    );
  });
});
