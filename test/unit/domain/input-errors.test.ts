import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createWorkCalendar } from "../../../src/domain/calendar/index.js";
import {
  INPUT_ERROR_CODES,
  INPUT_ERROR_PARAMS,
  type InputError,
  type InputErrorCode,
  inputErrorKey,
  parseJalaliInput,
  parseNumber,
  parseQuantity,
  parsePercent,
  parsePhone,
  parseTimeInput,
} from "../../../src/domain/text/index.js";

const LOCALES = ["fa", "en"] as const;
const ftl = (lang: string) => readFileSync(fileURLToPath(new URL(`../../../locales/${lang}/input-errors.ftl`, import.meta.url)), "utf8");

/** Message id → its whole source (first line and indented continuation lines). */
function messages(source: string): Map<string, string> {
  const out = new Map<string, string>();
  let current: string | undefined;
  for (const line of source.split("\n")) {
    const head = /^([a-z][a-z0-9-]*) =(.*)$/.exec(line);
    if (head?.[1]) {
      current = head[1];
      out.set(current, head[2] ?? "");
    } else if (current && /^\s+\S/.test(line)) {
      out.set(current, `${out.get(current)}\n${line}`);
    } else {
      current = undefined;
    }
  }
  return out;
}

/** The literal text of a message: everything outside { … } placeables. */
function literalText(body: string): string {
  let depth = 0;
  let out = "";
  for (const c of body) {
    if (c === "{") depth++;
    else if (c === "}") depth--;
    else if (depth === 0) out += c;
  }
  return out;
}

const NOW = new Date("2026-11-25T10:00:00Z");
const calendar = createWorkCalendar();

/** One input for every error code: every code is reachable and carries exactly its declared params. */
const PRODUCERS: Record<InputErrorCode, () => { ok: boolean; error?: InputError }> = {
  "date.empty": () => parseJalaliInput("", NOW),
  "date.invalid_format": () => parseJalaliInput("fardā", NOW),
  "date.incomplete": () => parseJalaliInput("1405/9", NOW),
  "date.two_digit_year": () => parseJalaliInput("05/9/1", NOW),
  "date.year_first": () => parseJalaliInput("9/1/1405", NOW),
  "date.gregorian": () => parseJalaliInput("2026-11-25", NOW),
  "date.year_out_of_range": () => parseJalaliInput("1045/9/1", NOW),
  "date.invalid_month": () => parseJalaliInput("1405/13/1", NOW),
  "date.invalid_day": () => parseJalaliInput("1404/12/30", NOW),
  "date.unknown_month": () => parseJalaliInput("۱ آزر", NOW),
  "date.weekday_mismatch": () => parseJalaliInput("شنبه ۴ آذر ۱۴۰۵", NOW),
  "date.invalid_count": () => parseJalaliInput("۰ روز کاری دیگر", NOW, calendar),
  "date.needs_calendar": () => parseJalaliInput("۳ روز کاری دیگر", NOW),
  "time.empty": () => parseTimeInput(""),
  "time.invalid_format": () => parseTimeInput("ظهرها"),
  "time.out_of_range": () => parseTimeInput("24:10"),
  "phone.empty": () => parsePhone(""),
  "phone.invalid": () => parsePhone("12345"),
  "phone.not_mobile": () => parsePhone("02112345678"),
  "percent.empty": () => parsePercent(""),
  "percent.invalid_format": () => parsePercent("نیمی"),
  "percent.not_integer": () => parsePercent("50.5"),
  "percent.out_of_range": () => parsePercent("120"),
  "number.empty": () => parseNumber(""),
  "number.invalid_format": () => parseNumber("12,5"),
  "number.negative": () => parseNumber("-3"),
  "number.not_integer": () => parseNumber("3.5"),
  "number.below_min": () => parseNumber("3", { min: 5 }),
  "number.above_max": () => parseNumber("30", { max: 5 }),
  "number.too_large": () => parseNumber("123456789012345678901"),
  "number.unit_mismatch": () => parseQuantity("12 نفر", { unit: "میلیون ریال" }),
  "number.in_words": () => parseQuantity("دوازده"),
};

it('inputErrorKey replaces "." and "_" with "-"', () => {
  expect(inputErrorKey("date.invalid_day")).toBe("input-error-date-invalid-day");
  expect(inputErrorKey("phone.not_mobile")).toBe("input-error-phone-not-mobile");
});

describe.each(Object.entries(PRODUCERS))("%s", (code, produce) => {
  it("is produced, with exactly its declared params", () => {
    const r = produce();
    expect(r.ok).toBe(false);
    expect(r.error?.code).toBe(code);
    expect(Object.keys(r.error?.params ?? {}).sort()).toEqual([...INPUT_ERROR_PARAMS[code as InputErrorCode]].sort());
  });
});

describe.each(LOCALES)("locales/%s/input-errors.ftl", (lang) => {
  const source = ftl(lang);
  const msgs = messages(source);

  it("has exactly one message per error code", () => {
    expect([...msgs.keys()].sort()).toEqual(INPUT_ERROR_CODES.map(inputErrorKey).sort());
    for (const code of INPUT_ERROR_CODES) expect(source.split(`\n${inputErrorKey(code)} =`).length).toBe(2);
  });

  it.each(INPUT_ERROR_CODES)("%s uses only the params it is given, and shows an example", (code) => {
    const body = msgs.get(inputErrorKey(code)) ?? "";
    const used = new Set([...body.matchAll(/\$([a-zA-Z][a-zA-Z0-9_]*)/g)].map((m) => m[1]));
    for (const v of used) expect(INPUT_ERROR_PARAMS[code] as readonly string[]).toContain(v);
    expect(literalText(body).trim().length).toBeGreaterThan(20);
    // An example always has digits, or (for bounds) is the bound itself.
    expect(/[0-9۰-۹]/.test(body) || /for example \{ NUMBER\(\$|مثلاً \{ NUMBER\(\$/.test(body)).toBe(true);
  });

  if (lang === "fa") {
    it("Persian messages write their examples in Persian digits", () => {
      for (const [id, body] of msgs) expect(literalText(body), id).not.toMatch(/[0-9]/);
    });
  }
});

describe("rendered with Fluent", async () => {
  // @fluent/bundle comes with @grammyjs/i18n; load it by name so this test does not pin it as a dependency.
  const moduleName = "@fluent/bundle";
  const fluent = (await import(moduleName).catch(() => undefined)) as
    | {
        FluentBundle: new (
          locale: string,
          opts: { useIsolating: boolean },
        ) => {
          addResource(r: unknown): unknown[];
          getMessage(id: string): { value: unknown } | undefined;
          formatPattern(p: unknown, args: Record<string, string | number>, errors: unknown[]): string;
        };
        FluentResource: new (source: string) => unknown;
      }
    | undefined;

  it.runIf(fluent !== undefined).each(LOCALES)("%s: every message parses and formats without errors", (lang) => {
    if (!fluent) return;
    const bundle = new fluent.FluentBundle(lang, { useIsolating: false });
    expect(bundle.addResource(new fluent.FluentResource(ftl(lang)))).toEqual([]);
    for (const [code, produce] of Object.entries(PRODUCERS)) {
      const message = bundle.getMessage(inputErrorKey(code));
      expect(message, code).toBeDefined();
      const errors: unknown[] = [];
      const text = bundle.formatPattern(message?.value, { ...(produce().error?.params ?? {}) }, errors);
      expect(errors, code).toEqual([]);
      if (lang === "fa") expect(text, code).not.toMatch(/[0-9]/);
    }
    const day = bundle.getMessage(inputErrorKey("date.invalid_day"));
    const text = bundle.formatPattern(day?.value, { day: 30, month: 12, year: 1404, max: 29 }, []);
    expect(text).toBe(
      lang === "fa"
        ? "روز ۳۰ در اسفند سال ۱۴۰۴ نیست؛ این ماه ۲۹ روز دارد. روزی از ۱ تا ۲۹ بنویسید، مثلاً ۱۴۰۵/۰۹/۰۱."
        : "Esfand 1404 has 29 days, so there is no day 30; enter a day from 1 to 29, for example 1405/09/01.",
    );
  });
});
