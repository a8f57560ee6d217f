/**
 * Persian agency names carry «،» themselves («اداره صنعت، معدن و تجارت شهرستان پردیس»), so a list
 * of names joined with «، » cannot be read back: every list of names is joined with «؛ ».
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { deadlineInstant } from "../../../src/domain/calendar/deadline.js";
import { createWorkCalendar, instantAt, jalaliToInstant, HOUR_MS } from "../../../src/domain/calendar/index.js";
import { createI18n, translatorFor } from "../../../src/i18n/index.js";
import { renderAssignment, type AssignmentView } from "../../../src/services/render/assignment.js";
import { joinNames } from "../../../src/services/render/format.js";
import { renderCompliance } from "../../../src/services/render/weekly-cycle.js";

const i18n = createI18n(() => undefined) as never;
const fa = translatorFor(i18n, "fa");
const calendar = createWorkCalendar({ thursday: "off", officeHours: { start: "08:00", end: "14:00" } });

const SAMT = "اداره صنعت، معدن و تجارت شهرستان پردیس";
const TAAVON = "اداره تعاون، کار و رفاه اجتماعی شهرستان پردیس";
const REFAH = "بانک رفاه کارگران، شعبه پردیس";

describe("lists of names", () => {
  it("joins names with «؛ » in Persian", () => {
    expect(joinNames([SAMT, TAAVON], fa)).toBe(`${SAMT}؛ ${TAAVON}`);
    expect(joinNames([SAMT], fa)).toBe(SAMT);
  });

  it("the weekly compliance digest separates agencies with «؛ »", () => {
    const [message] = renderCompliance(
      { period: "1405-W37", committeeName: "کارگروه اشتغال", onTime: [SAMT, TAAVON], late: [], missing: [REFAH, SAMT], indicators: [] },
      fa,
    );
    expect(message!.text).toContain(`به‌موقع: ${SAMT}؛ ${TAAVON}`);
    expect(message!.text).toContain(`ارسال‌نشده: ${REFAH}؛ ${SAMT}`);
  });

  it("the assignment card separates its partner agencies with «؛ »", () => {
    const view: AssignmentView = {
      id: 1,
      status: "assigned",
      role: "lead",
      percent: 0,
      deadline: deadlineInstant({ jy: 1405, jm: 9, jd: 20 }),
      blockedReason: null,
      agency: { id: 1, name: "بانک ملی ایران، شعبه مرکزی پردیس" },
      resolution: { number: 5, text: "تسهیل پرداخت تسهیلات.", kind: "one_off", leadAll: false, reportTo: null },
      meeting: { number: "1405-08", heldOn: jalaliToInstant({ jy: 1405, jm: 9, jd: 1 }) },
      committee: { id: 1, name: "کارگروه اشتغال" },
      partners: [
        { name: REFAH, role: "co" },
        { name: SAMT, role: "co" },
      ],
    };
    const { text } = renderAssignment(view, fa, instantAt({ jy: 1405, jm: 9, jd: 4 }, 10 * HOUR_MS), calendar);
    expect(text).toContain(`${REFAH}؛ ${SAMT}`);
  });

  it("no code joins names with a bare «، »", () => {
    const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "src");
    const files = readdirSync(src, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    const found = files.filter((f) => /\.join\(\s*["'`]،/.test(readFileSync(path.join(src, f), "utf8")));
    expect(found).toEqual([]);
  });
});
