/**
 * A deadline on a day the committee does not work (a Friday, an off Thursday, a holiday, a closure)
 * is shown with a note saying so and naming the next working day: on the agency's card, on /tasks,
 * and on the secretariat's item card.
 */
import { describe, expect, it } from "vitest";
import { deadlineStanding } from "../../../src/domain/assignments/deadline.js";
import { deadlineInstant } from "../../../src/domain/calendar/deadline.js";
import { createWorkCalendar, instantAt, jalaliToInstant, HOUR_MS, type JalaliDate } from "../../../src/domain/calendar/index.js";
import { renderStaffItem } from "../../../src/bot/features/secretariat/item-screens.js";
import { createI18n, translatorFor } from "../../../src/i18n/index.js";
import { pageOf, renderAssignment, renderTaskPage, type AssignmentView } from "../../../src/services/render/assignment.js";

const i18n = createI18n(() => undefined) as never;
const fa = translatorFor(i18n, "fa");
const en = translatorFor(i18n, "en");
// Thursday off, Tuesday 1405/09/24 closed by the committee.
const calendar = createWorkCalendar({ thursday: "off", officeHours: { start: "08:00", end: "14:00" }, extraHolidays: ["1405/09/24"] });
const now = instantAt({ jy: 1405, jm: 9, jd: 4 }, 10 * HOUR_MS);

function view(deadline: JalaliDate): AssignmentView {
  return {
    id: 7,
    status: "acknowledged",
    role: "lead",
    percent: 0,
    deadline: deadlineInstant(deadline),
    blockedReason: null,
    agency: { id: 1, name: "اداره تعاون، کار و رفاه اجتماعی شهرستان پردیس" },
    resolution: { number: 2, text: "برگزاری جلسه شرکت تعاونی توسعه و عمران شهرستان.", kind: "one_off", leadAll: false, reportTo: null },
    meeting: { number: "1405-08", heldOn: jalaliToInstant({ jy: 1405, jm: 9, jd: 1 }) },
    committee: { id: 1, name: "کارگروه اشتغال و سرمایه‌گذاری شهرستان پردیس" },
    partners: [],
  };
}

describe("a deadline on a day off", () => {
  it("on a Friday: the card says so and names Saturday", () => {
    const { text } = renderAssignment(view({ jy: 1405, jm: 9, jd: 20 }), fa, now, calendar);
    expect(text).toContain("مهلت: جمعه ۲۰ آذر ۱۴۰۵");
    expect(text).toContain("⚠️ روز مهلت تعطیل است (جمعه)؛ نخستین روز کاری پس از آن شنبه ۲۱ آذر ۱۴۰۵ است.");
  });

  it("on a national holiday (an off Thursday too): names the holiday and the Saturday after", () => {
    const { text } = renderAssignment(view({ jy: 1405, jm: 11, jd: 22 }), fa, now, calendar);
    expect(text).toContain("⚠️ روز مهلت تعطیل است (پیروزی انقلاب اسلامی ایران)؛ نخستین روز کاری پس از آن شنبه ۲۴ بهمن ۱۴۰۵ است.");
  });

  it("on the committee's closure or an off Thursday, on /tasks and on the secretariat's card", () => {
    const closed = view({ jy: 1405, jm: 9, jd: 24 });
    const page = renderTaskPage({ ...pageOf([closed], 1), grouped: false }, fa, now, () => calendar);
    expect(page.text).toContain("(تعطیلی اعلام‌شده از سوی کارگروه)؛ نخستین روز کاری پس از آن چهارشنبه ۲۵ آذر ۱۴۰۵ است.");
    const staff = renderStaffItem({ view: view({ jy: 1405, jm: 9, jd: 19 }), calendar }, true, fa, now);
    expect(staff.text).toContain("⚠️ روز مهلت تعطیل است (پنجشنبه، روز تعطیل کارگروه)؛ نخستین روز کاری پس از آن شنبه ۲۱ آذر ۱۴۰۵ است.");
  });

  it("says nothing on a working day, nor once the deadline has passed", () => {
    expect(renderAssignment(view({ jy: 1405, jm: 9, jd: 18 }), fa, now, calendar).text).not.toContain("تعطیل");
    const late = renderAssignment(view({ jy: 1405, jm: 9, jd: 20 }), fa, instantAt({ jy: 1405, jm: 9, jd: 23 }, 10 * HOUR_MS), calendar);
    expect(late.text).not.toContain("تعطیل");
    expect(deadlineStanding(deadlineInstant({ jy: 1405, jm: 9, jd: 18 }), now, calendar)).not.toHaveProperty("dayOff");
  });

  it("in English", () => {
    const { text } = renderAssignment(view({ jy: 1405, jm: 9, jd: 20 }), en, now, calendar);
    expect(text).toContain("The deadline falls on a day off (Friday); the next working day is 1405/09/21.");
  });
});
