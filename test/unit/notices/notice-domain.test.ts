import { describe, expect, it } from "vitest";
import { createWorkCalendar, HOUR_MS, instantAt, jalaliWeekday, tehranClock, FRIDAY } from "../../../src/domain/calendar/index.js";
import {
  deliveryOf,
  meetingTimeConcerns,
  nextReminder,
  nonResponders,
  reminderTimes,
  rsvpOpen,
  selectAudience,
  tallyNotice,
  validateRsvp,
  type RecipientFact,
} from "../../../src/domain/notices/index.js";
import { parseTimeInput } from "../../../src/domain/text/index.js";

const calendar = createWorkCalendar({ thursday: "off", officeHours: { start: "08:00", end: "14:00" } });
const at = (jd: number, h: number, m = 0) => instantAt({ jy: 1405, jm: 9, jd }, h * HOUR_MS + m * 60_000);

function fact(
  id: number,
  agencyId: number | null,
  role: RecipientFact["role"],
  answer?: [RecipientFact["answer"] extends infer A ? (A extends { answer: infer R } ? R : never) : never, number],
): RecipientFact {
  return {
    recipientId: id,
    personId: id,
    personName: `p${id}`,
    agencyId,
    agencyName: agencyId === null ? null : `a${agencyId}`,
    role,
    delivery: "delivered",
    ...(answer ? { answer: { answer: answer[0], delegateName: null, delegatePost: null, reason: null, at: new Date(answer[1]) } } : {}),
  };
}

describe("notice tally", () => {
  it("counts one answer per agency, the head's over a liaison's, and the latest within a role", () => {
    const tally = tallyNotice([
      fact(1, 1, "liaison", ["absent", 5]),
      fact(2, 1, "head", ["attending", 1]),
      fact(3, 2, "liaison", ["absent", 1]),
      fact(4, 2, "liaison", ["delegate", 2]),
      fact(5, 3, "head"),
      fact(6, null, "governorate", ["attending", 1]),
    ]);
    expect(tally.agencies.map((a) => a.counted?.recipientId)).toEqual([2, 4, undefined]);
    expect(tally.totals).toMatchObject({ agencies: 3, answered: 2, attending: 2, delegates: 1, absent: 0, notAnswered: 1 });
    expect(tally.governorate?.counted?.recipientId).toBe(6);
    expect(nonResponders(tally).map((r) => r.recipientId)).toEqual([5]);
  });

  it("an agency is unreached only when none of its people got the notice", () => {
    const blocked = { ...fact(1, 1, "head"), delivery: "blocked" as const };
    const tally = tallyNotice([blocked, fact(2, 1, "liaison"), { ...fact(3, 2, "head"), delivery: "failed" as const }]);
    expect(tally.agencies.map((a) => a.delivery)).toEqual(["delivered", "failed"]);
    expect(tally.totals.unreached).toBe(1);
  });
});

describe("delivery from outbox rows", () => {
  it("says delivered, pending, blocked, failed or unreachable", () => {
    expect(deliveryOf([])).toBe("unreachable");
    expect(deliveryOf([{ status: "failed", lastError: "403 Forbidden: bot was blocked by the user" }])).toBe("blocked");
    expect(deliveryOf([{ status: "failed", lastError: "400 Bad Request" }])).toBe("failed");
    expect(
      deliveryOf([
        { status: "failed", lastError: "403 x" },
        { status: "sent", lastError: null },
      ]),
    ).toBe("delivered");
    expect(deliveryOf([{ status: "pending", lastError: "429" }])).toBe("pending");
  });
});

describe("audience", () => {
  const facts = {
    committeeAgencyIds: [1, 2, 3],
    resolutionAgencyIds: new Map([[10, [2, 9]]]),
    memberships: [
      { personId: 1, role: "head", agencyId: 1 },
      { personId: 2, role: "liaison", agencyId: 1 },
      { personId: 3, role: "head", agencyId: 2 },
      { personId: 3, role: "liaison", agencyId: 2 },
      { personId: 4, role: "head", agencyId: 3 },
      { personId: 5, role: "governorate", agencyId: null },
      { personId: 6, role: "secretariat", agencyId: null },
    ],
  };
  it("invites a head-and-liaison once, as head, and filters by role", () => {
    const all = selectAudience(
      { allAgencies: true, agencyIds: [], resolutionIds: [], governorate: false, roles: ["head", "liaison"] },
      facts,
    );
    expect(all.map((m) => [m.personId, m.role])).toEqual([
      [1, "head"],
      [2, "liaison"],
      [3, "head"],
      [4, "head"],
    ]);
    const liaisons = selectAudience({ allAgencies: true, agencyIds: [], resolutionIds: [], governorate: true, roles: ["liaison"] }, facts);
    expect(liaisons.map((m) => m.personId)).toEqual([2, 3, 5]);
  });
  it("takes a resolution's agencies that belong to the committee", () => {
    const members = selectAudience({ allAgencies: false, agencyIds: [], resolutionIds: [10], governorate: false, roles: ["head"] }, facts);
    expect(members.map((m) => m.personId)).toEqual([3]);
  });
});

describe("RSVP rules", () => {
  it("refuses a cancelled notice and a started meeting; changes are allowed before", () => {
    const meetingAt = at(10, 10);
    expect(rsvpOpen({ status: "cancelled", meetingAt }, at(9, 10))).toMatchObject({ ok: false, error: { code: "cancelled" } });
    expect(rsvpOpen({ status: "sent", meetingAt }, at(10, 10))).toMatchObject({ ok: false, error: { code: "closed" } });
    expect(rsvpOpen({ status: "sent", meetingAt }, at(10, 9))).toMatchObject({ ok: true });
    expect(rsvpOpen({ status: "draft", meetingAt }, at(9, 9))).toMatchObject({ ok: false, error: { code: "unknown" } });
  });
  it("needs a delegate's name and post, keeps a reason optional", () => {
    expect(validateRsvp({ answer: "delegate", delegateName: " x ", delegatePost: "" })).toMatchObject({
      error: { code: "delegate_post_missing" },
    });
    expect(validateRsvp({ answer: "delegate", delegateName: " x ", delegatePost: " y" })).toEqual({
      ok: true,
      value: { answer: "delegate", delegateName: "x", delegatePost: "y" },
    });
    expect(validateRsvp({ answer: "absent", reason: "  " })).toEqual({ ok: true, value: { answer: "absent" } });
  });
});

describe("reminder times", () => {
  it("reminds the working day before at opening, never on a Friday, and on the meeting's morning", () => {
    // Saturday 7 Azar 1405 at 10:00: the working day before is Wednesday 4 Azar (Thursday off, Friday off).
    const meetingAt = at(7, 10);
    const times = reminderTimes(meetingAt, calendar);
    expect(jalaliWeekday(tehranClock(times.day_before).date)).not.toBe(FRIDAY);
    expect(times.day_before).toEqual(at(4, 8));
    expect(times.morning).toEqual(at(7, 8));
  });
  it("reminds two hours before an early meeting, but not in the night", () => {
    expect(reminderTimes(at(7, 9, 30), calendar).morning).toEqual(at(7, 7, 30));
    expect(reminderTimes(at(7, 8), calendar).morning).toEqual(at(7, 7));
  });
  it("skips a step already past when the notice goes out", () => {
    const meetingAt = at(7, 10);
    expect(nextReminder(meetingAt, at(3, 9), calendar)).toEqual({ step: "day_before", at: at(4, 8) });
    expect(nextReminder(meetingAt, at(4, 9), calendar)).toEqual({ step: "morning", at: at(7, 8) });
    expect(nextReminder(meetingAt, at(3, 9), calendar, "day_before")).toEqual({ step: "morning", at: at(7, 8) });
    expect(nextReminder(meetingAt, at(7, 9), calendar)).toBeUndefined();
  });
});

describe("meeting time concerns", () => {
  it("questions the past, a day off and a time outside office hours", () => {
    const now = at(4, 10);
    expect(meetingTimeConcerns(at(3, 10), now, calendar).map((c) => c.kind)).toEqual(["past"]);
    expect(meetingTimeConcerns(at(5, 10), now, calendar)).toEqual([{ kind: "day_off", reasons: ["thursday"] }]);
    expect(meetingTimeConcerns(at(7, 16), now, calendar).map((c) => c.kind)).toEqual(["outside_hours"]);
    expect(meetingTimeConcerns(at(7, 10), now, calendar)).toEqual([]);
  });
});

describe("time input", () => {
  it.each([
    ["10", "10:00"],
    ["۱۰:۳۰", "10:30"],
    ["ساعت ۹", "09:00"],
    ["۲ بعدازظهر", "14:00"],
    ["4 عصر", "16:00"],
    ["9.15", "09:15"],
  ])("reads %s as %s", (input, canonical) => {
    expect(parseTimeInput(input)).toMatchObject({ ok: true, value: { canonical } });
  });
  it.each([
    ["", "time.empty"],
    ["فردا", "time.invalid_format"],
    ["25:00", "time.out_of_range"],
  ])("refuses %s with %s", (input, code) => {
    expect(parseTimeInput(input)).toMatchObject({ ok: false, error: { code } });
  });
});

describe("late reminder steps", () => {
  it("follows step by step and drops a step that no longer makes sense", async () => {
    const { followingReminder, reminderStillUseful } = await import("../../../src/domain/notices/index.js");
    const meetingAt = at(7, 10);
    expect(followingReminder(meetingAt, calendar, "day_before")).toEqual({ step: "morning", at: at(7, 8) });
    expect(followingReminder(meetingAt, calendar, "morning")).toBeUndefined();
    expect(reminderStillUseful("day_before", meetingAt, at(4, 23))).toBe(true);
    expect(reminderStillUseful("day_before", meetingAt, at(7, 8))).toBe(false);
    expect(reminderStillUseful("morning", meetingAt, at(7, 9))).toBe(true);
    expect(reminderStillUseful("morning", meetingAt, at(7, 10))).toBe(false);
  });
});
