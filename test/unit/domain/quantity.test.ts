/**
 * Weekly-report numbers as people type them: with the question's unit («۱۲ نفر»), with a scale
 * word converted to the question's scale («۳٫۵ میلیارد ریال» for میلیون ریال), a wrong unit
 * refused with the right one named, and a number in words («دوازده») answered with a request for digits.
 */
import { describe, expect, it } from "vitest";
import { parseQuantity } from "../../../src/domain/text/index.js";
import { parseAnswer, type ReportQuestion } from "../../../src/domain/weekly-report/answers.js";

const jobs: ReportQuestion = { key: "jobs", label: "تعداد شغل ایجادشده", type: "number", unit: "نفر" };
const facilities: ReportQuestion = { key: "paid", label: "تسهیلات پرداخت‌شده", type: "number", unit: "میلیون ریال" };
const plain: ReportQuestion = { key: "cases", label: "پرونده‌های ارجاعی", type: "number" };

describe("numbers with units in weekly-report answers", () => {
  it("accepts the question's unit after the number", () => {
    expect(parseAnswer(jobs, "۱۲ نفر")).toEqual({ ok: true, value: 12 });
    expect(parseAnswer(jobs, "12نفر")).toEqual({ ok: true, value: 12 });
    expect(parseAnswer(facilities, "۱۲٬۵۰۰ میلیون ریال")).toEqual({ ok: true, value: 12_500 });
    expect(parseAnswer(facilities, "۲۵۰ میلیون ريال")).toEqual({ ok: true, value: 250 });
    expect(parseAnswer(jobs, "۱۲")).toEqual({ ok: true, value: 12 });
  });

  it("converts a multiple of the question's unit", () => {
    expect(parseAnswer(facilities, "۳٫۵ میلیارد ریال")).toEqual({ ok: true, value: 3_500 });
    expect(parseAnswer(facilities, "۳/۵ میلیارد")).toEqual({ ok: true, value: 3_500 });
    expect(parseAnswer(facilities, "۲ هزار میلیارد ریال")).toEqual({ ok: true, value: 2_000_000 });
    expect(parseAnswer(facilities, "۵۰۰ هزار ریال")).toEqual({ ok: true, value: 0.5 });
    expect(parseAnswer(jobs, "۳ هزار نفر")).toEqual({ ok: true, value: 3_000 });
  });

  it("refuses another unit, naming the question's", () => {
    expect(parseAnswer(facilities, "۱۲ نفر")).toEqual({
      ok: false,
      error: { code: "number.unit_mismatch", params: { unit: "نفر", expected: "میلیون ریال" } },
    });
    expect(parseAnswer(facilities, "۳ میلیارد تومان")).toMatchObject({ ok: false, error: { code: "number.unit_mismatch" } });
  });

  it("asks for digits when the number is written in words", () => {
    expect(parseAnswer(jobs, "دوازده")).toMatchObject({ ok: false, error: { code: "number.in_words" } });
    expect(parseAnswer(jobs, "دوازده نفر")).toMatchObject({ ok: false, error: { code: "number.in_words" } });
    expect(parseAnswer(facilities, "سه و نیم میلیارد ریال")).toMatchObject({ ok: false, error: { code: "number.in_words" } });
    expect(parseAnswer(jobs, "حدود ده نفر")).toMatchObject({ ok: false, error: { code: "number.invalid_format" } });
  });

  it("a question without a unit takes a counted unit as said, and keeps its limits", () => {
    expect(parseAnswer(plain, "۷ پرونده")).toEqual({ ok: true, value: 7 });
    expect(parseQuantity("۲٫۵ نفر", { unit: "نفر" })).toMatchObject({ ok: false, error: { code: "number.not_integer" } });
    expect(parseQuantity("-۳ نفر", { unit: "نفر", min: 0 })).toMatchObject({ ok: false, error: { code: "number.negative" } });
    expect(parseQuantity("۹۰۰۰۰۰۰۰ میلیارد", { unit: "ریال" })).toMatchObject({ ok: false, error: { code: "number.too_large" } });
  });
});
