/**
 * The assignment message (published, then edited in place as its status changes — an edit
 * cannot be split) fits one message when every part of it is as long as the limits allow: the
 * committee file's budget for a resolution's message used up, a blocked reason at its maximum,
 * the longest meeting number. Measured in both languages, as each platform formats it. (Text
 * full of Markdown markers grows under Bale's neutralisation; the transformer still cuts that.)
 */
import { describe, expect, it } from "vitest";
import { deadlineInstant } from "../../../src/domain/calendar/deadline.js";
import { createWorkCalendar, instantAt, jalaliToInstant, HOUR_MS } from "../../../src/domain/calendar/index.js";
import { COMMITTEE_FILE_LIMITS } from "../../../src/domain/committee-file/index.js";
import { INPUT_LIMITS } from "../../../src/domain/text/index.js";
import { createI18n, translatorFor } from "../../../src/i18n/index.js";
import { PROFILES } from "../../../src/platforms/profile.js";
import { renderAssignment, type AssignmentView } from "../../../src/services/render/assignment.js";

const i18n = createI18n(() => undefined) as never;
const calendar = createWorkCalendar({ thursday: "off", officeHours: { start: "08:00", end: "14:00" }, extraHolidays: [] });

describe("the assignment message at the limits", () => {
  it.each(["fa", "en"])("fits one message in %s, on both platforms", (locale) => {
    const name = (c: string) => c.repeat(COMMITTEE_FILE_LIMITS.shortText);
    // The budget: committee + agencies + report-to + text = COMMITTEE_FILE_LIMITS.resolutionMessage.
    const header = 4 * COMMITTEE_FILE_LIMITS.shortText;
    const view: AssignmentView = {
      id: 2_147_483_647,
      status: "blocked",
      role: "co",
      percent: 100,
      deadline: deadlineInstant({ jy: 1405, jm: 9, jd: 20 }),
      blockedReason: "م".repeat(INPUT_LIMITS.blockedReason),
      agency: { id: 1, name: name("ا") },
      resolution: {
        number: 99_999,
        text: "ت".repeat(COMMITTEE_FILE_LIMITS.resolutionMessage - header),
        kind: "one_off",
        leadAll: false,
        reportTo: name("گ"),
      },
      meeting: { number: "1".repeat(40), heldOn: jalaliToInstant({ jy: 1405, jm: 9, jd: 1 }) },
      committee: { id: 1, name: name("ک") },
      partners: [{ name: name("ب"), role: "lead" }],
    };
    const message = renderAssignment(view, translatorFor(i18n, locale), instantAt({ jy: 1405, jm: 12, jd: 1 }, 10 * HOUR_MS), calendar);
    for (const profile of Object.values(PROFILES)) {
      expect(profile.formatText(message.text).length).toBeLessThanOrEqual(profile.textMaxLength);
    }
  });
});
