import { describe, expect, it } from "vitest";
import { formatNumber, formatPercent, parseNumber, parsePercent, parsePhone } from "../../../src/domain/text/index.js";

const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? "ok" : r.error?.code);

describe("parsePhone → +989XXXXXXXXX", () => {
  it.each([
    "09121234567",
    "۰۹۱۲۱۲۳۴۵۶۷",
    "٠٩١٢١٢٣٤٥٦٧",
    "9121234567",
    "۹۱۲۱۲۳۴۵۶۷",
    "+989121234567",
    "+۹۸۹۱۲۱۲۳۴۵۶۷",
    "+98 912 123 4567",
    "+98 (0) 912-123-4567",
    "0098 912 123 4567",
    "٠٠٩٨٩١٢١٢٣٤٥٦٧",
    "989121234567",
    "0912-123-4567",
    "۰۹۱۲ ۱۲۳ ۴۵ ۶۷",
    "0912.123.4567",
    "\u200E+98 912 123 4567\u200F",
  ])("%s", (s) => {
    expect(parsePhone(s)).toEqual({ ok: true, value: "+989121234567" });
  });

  it.each([
    ["", "phone.empty"],
    ["  - ", "phone.empty"],
    ["0912123456", "phone.invalid"],
    ["091212345678", "phone.invalid"],
    ["+98912123456", "phone.invalid"],
    ["+1 555 123 4567", "phone.invalid"],
    ["abc", "phone.invalid"],
    ["0912123456a", "phone.invalid"],
    ["02112345678", "phone.not_mobile"],
    ["۰۲۱-۱۲۳۴۵۶۷۸", "phone.not_mobile"],
    ["+982112345678", "phone.not_mobile"],
  ])("%s → %s", (s, code) => {
    expect(codeOf(parsePhone(s))).toBe(code);
  });
});

describe("parsePercent (whole 0–100)", () => {
  it.each([
    ["۵۰٪", 50],
    ["٥٠ درصد", 50],
    ["50%", 50],
    ["50", 50],
    ["50 %", 50],
    ["۵۰ در صد", 50],
    ["٪۵۰", 50],
    ["0", 0],
    ["۱۰۰٪", 100],
    ["٧٥٪", 75],
    [" 25 ", 25],
  ])("%s → %i", (s, n) => {
    expect(parsePercent(s)).toEqual({ ok: true, value: n });
  });

  it.each([
    ["", "percent.empty"],
    ["101", "percent.out_of_range"],
    ["۱۵۰٪", "percent.out_of_range"],
    ["-5", "percent.out_of_range"],
    ["−۵٪", "percent.out_of_range"],
    ["50.5", "percent.not_integer"],
    ["۵۰٫۵٪", "percent.not_integer"],
    ["abc", "percent.invalid_format"],
    ["پنجاه درصد", "percent.invalid_format"],
    ["%50%", "percent.invalid_format"],
    ["50%%", "percent.invalid_format"],
    ["5 0", "percent.invalid_format"],
  ])("%s → %s", (s, code) => {
    expect(codeOf(parsePercent(s))).toBe(code);
  });

  it("out of range says the range", () => {
    expect(parsePercent("101")).toEqual({ ok: false, error: { code: "percent.out_of_range", params: { min: 0, max: 100 } } });
  });
});

describe("parseNumber", () => {
  it.each([
    ["۱۲٬۵۰۰", 12500],
    ["12,500", 12500],
    ["۱۲۵۰۰", 12500],
    ["١٢٬٥٠٠", 12500],
    ["۱۲،۵۰۰", 12500],
    ["12 500", 12500],
    ["1,234,567", 1234567],
    ["0", 0],
    ["12.0", 12],
    ["  ۷  ", 7],
  ])("%s → %i", (s, n) => {
    expect(parseNumber(s)).toEqual({ ok: true, value: n });
  });

  it.each([
    ["12.5", 12.5],
    ["۱۲٫۵", 12.5],
    ["۲/۵", 2.5],
    ["12,500.75", 12500.75],
  ])("with decimals allowed: %s → %d", (s, n) => {
    expect(parseNumber(s, { allowDecimal: true })).toEqual({ ok: true, value: n });
  });

  it.each([
    ["", {}, "number.empty"],
    ["-5", {}, "number.negative"],
    ["−۵", {}, "number.negative"],
    ["منفی ۵", {}, "number.negative"],
    ["12.5", {}, "number.not_integer"],
    ["۱۲٫۵", {}, "number.not_integer"],
    ["1,50", {}, "number.invalid_format"],
    ["12,5000", {}, "number.invalid_format"],
    ["1,234.5.6", { allowDecimal: true }, "number.invalid_format"],
    ["12,500 000", {}, "number.invalid_format"],
    ["12a", {}, "number.invalid_format"],
    ["دوازده", {}, "number.invalid_format"],
    ["99999999999999999999", {}, "number.too_large"],
    ["5", { min: 10 }, "number.below_min"],
    ["5000", { max: 1000 }, "number.above_max"],
  ] as const)("%s %o → %s", (s, opts, code) => {
    expect(codeOf(parseNumber(s, opts))).toBe(code);
  });

  it("bounds are reported", () => {
    expect(parseNumber("5", { min: 10 })).toEqual({ ok: false, error: { code: "number.below_min", params: { min: 10 } } });
    expect(parseNumber("5000", { max: 1000 })).toEqual({ ok: false, error: { code: "number.above_max", params: { max: 1000 } } });
  });
});

describe("formatting numbers for people", () => {
  it.each([
    [12500, "۱۲٬۵۰۰"],
    [0, "۰"],
    [999, "۹۹۹"],
    [1000, "۱٬۰۰۰"],
    [1234567, "۱٬۲۳۴٬۵۶۷"],
    [12.5, "۱۲٫۵"],
    [12.345, "۱۲٫۳۵"],
    [12.001, "۱۲"],
    [-5, "\u200E\u2212۵"],
    [-0.001, "۰"],
  ])("formatNumber(%d) = %s", (n, s) => {
    expect(formatNumber(n)).toBe(s);
  });

  it("fraction digits are configurable", () => {
    expect(formatNumber(2 / 3, { maximumFractionDigits: 1 })).toBe("۰٫۷");
    expect(formatNumber(12500.5, { maximumFractionDigits: 0 })).toBe("۱۲٬۵۰۱");
  });

  it("formatPercent: 50 → ۵۰٪, whole percents unless asked", () => {
    expect(formatPercent(50)).toBe("۵۰٪");
    expect(formatPercent(66.666)).toBe("۶۷٪");
    expect(formatPercent(66.666, { maximumFractionDigits: 1 })).toBe("۶۶٫۷٪");
    expect(formatPercent(100)).toBe("۱۰۰٪");
  });

  it("refuses what it cannot write", () => {
    expect(() => formatNumber(Number.NaN)).toThrow(RangeError);
    expect(() => formatNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it("formatted numbers parse back", () => {
    for (const n of [0, 7, 999, 1000, 12500, 1234567, 987654321]) expect(parseNumber(formatNumber(n))).toEqual({ ok: true, value: n });
    expect(parseNumber(formatNumber(12.5), { allowDecimal: true })).toEqual({ ok: true, value: 12.5 });
    expect(parsePercent(formatPercent(50))).toEqual({ ok: true, value: 50 });
  });
});
