import { describe, expect, it } from "vitest";
import { HOUR_MS, instantAt, jalaliToInstant } from "../../../src/domain/calendar/index.js";
import { checkAnswers, FREE_FORM_KEY, parseAnswer, type ReportQuestion } from "../../../src/domain/weekly-report/answers.js";
import { chooseCycle, cycleWindow } from "../../../src/domain/weekly-report/cycle.js";

const template = { opens: "saturday 08:00", due: "tuesday 14:00" };

describe("weekly report cycle window", () => {
  it("is the Saturday–Friday week of now, opening Saturday 08:00 and due Tuesday 14:00 (Tehran)", () => {
    // Wednesday 4 Azar 1405: the week of Saturday 30 Aban.
    const w = cycleWindow(template, instantAt({ jy: 1405, jm: 9, jd: 4 }, 10 * HOUR_MS));
    expect(w.opensAt).toEqual(jalaliToInstant({ jy: 1405, jm: 8, jd: 30 }, { h: 8, m: 0 }));
    expect(w.dueAt).toEqual(jalaliToInstant({ jy: 1405, jm: 9, jd: 3 }, { h: 14, m: 0 }));
    expect(w.period).toMatch(/^1405-W\d{2}$/);
    // The same week from its Friday, and the next week from the following Saturday.
    expect(cycleWindow(template, instantAt({ jy: 1405, jm: 9, jd: 6 }, 20 * HOUR_MS)).period).toBe(w.period);
    expect(cycleWindow(template, instantAt({ jy: 1405, jm: 9, jd: 7 }, 9 * HOUR_MS)).period).not.toBe(w.period);
  });

  it("puts a due moment earlier in the week than the opening into the next week", () => {
    const w = cycleWindow({ opens: "wednesday 08:00", due: "saturday 12:00" }, instantAt({ jy: 1405, jm: 9, jd: 4 }, 10 * HOUR_MS));
    expect(w.dueAt).toEqual(jalaliToInstant({ jy: 1405, jm: 9, jd: 7 }, { h: 12, m: 0 }));
  });
});

describe("which cycle to open", () => {
  const tuesdayBeforeDue = instantAt({ jy: 1405, jm: 9, jd: 3 }, 13 * HOUR_MS + 59 * 60_000);
  const tuesdayAfterDue = instantAt({ jy: 1405, jm: 9, jd: 3 }, 14 * HOUR_MS);

  it("is this week's until its due time, then next week's, saying which due time passed", () => {
    const thisWeek = cycleWindow(template, tuesdayBeforeDue);
    expect(chooseCycle(template, tuesdayBeforeDue)).toEqual({ ok: true, window: thisWeek, why: "current" });
    const after = chooseCycle(template, tuesdayAfterDue);
    expect(after).toMatchObject({ ok: true, why: "next", passedDueAt: thisWeek.dueAt });
    if (!after.ok) throw new Error("unreachable");
    expect(after.window.opensAt).toEqual(jalaliToInstant({ jy: 1405, jm: 9, jd: 7 }, { h: 8, m: 0 }));
    expect(after.window.period).not.toBe(thisWeek.period);
  });

  it("opens the week named with --period, in any digits, and refuses what names no week", () => {
    const thisWeek = cycleWindow(template, tuesdayBeforeDue);
    const persian = thisWeek.period.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!);
    expect(chooseCycle(template, tuesdayAfterDue, persian)).toEqual({ ok: true, window: thisWeek, why: "requested" });
    expect(chooseCycle(template, tuesdayAfterDue, "1405-W99")).toEqual({ ok: false, error: "bad_period" });
    expect(chooseCycle(template, tuesdayAfterDue, "next week")).toEqual({ ok: false, error: "bad_period" });
  });
});

describe("weekly report answers", () => {
  const jobs: ReportQuestion = { key: "jobs_created", label: "تعداد اشتغال", type: "number", unit: "نفر" };
  const summary: ReportQuestion = { key: "summary", label: "خلاصه", type: "text" };

  it("reads numbers in any digits and grouping, and refuses negatives and words", () => {
    expect(parseAnswer(jobs, "۱۲٬۵۰۰")).toEqual({ ok: true, value: 12500 });
    expect(parseAnswer(jobs, "١٢٥٠٠")).toEqual({ ok: true, value: 12500 });
    expect(parseAnswer(jobs, "12,500")).toEqual({ ok: true, value: 12500 });
    expect(parseAnswer(jobs, "-5")).toMatchObject({ ok: false, error: { code: "number.negative" } });
    // A number in words is told to be written in digits; anything else is not a number at all.
    expect(parseAnswer(jobs, "دوازده")).toMatchObject({ ok: false, error: { code: "number.in_words" } });
    expect(parseAnswer(jobs, "نمی‌دانم")).toMatchObject({ ok: false, error: { code: "number.invalid_format" } });
  });

  it("normalises text answers (ي/ك) and refuses an empty one", () => {
    expect(parseAnswer(summary, "  جلسه با بانك ملي  ")).toEqual({ ok: true, value: "جلسه با بانک ملی" });
    expect(parseAnswer(summary, "\u200c ")).toMatchObject({ ok: false, error: { code: "text.empty" } });
  });

  it("checks a whole report: required answers present, optional ones may be missing, a free-form report stands alone", () => {
    const optional: ReportQuestion = { ...jobs, key: "cases", optional: true };
    expect(checkAnswers([summary, jobs, optional], { summary: "x", jobs_created: 3 })).toMatchObject({ ok: true });
    expect(checkAnswers([summary, jobs], { summary: "x" })).toEqual({ ok: false, error: { code: "missing", key: "jobs_created" } });
    expect(checkAnswers([summary, jobs], { summary: "x", jobs_created: -1 })).toEqual({
      ok: false,
      error: { code: "invalid", key: "jobs_created" },
    });
    expect(checkAnswers([summary, jobs], { [FREE_FORM_KEY]: "گزارش کامل" })).toEqual({
      ok: true,
      value: { [FREE_FORM_KEY]: "گزارش کامل" },
    });
  });
});
