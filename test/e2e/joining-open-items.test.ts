/**
 * People who join after a meeting was published get their agencies' open items on binding,
 * through the outbox, on each database: one message each (with the usual buttons) for up to
 * five, one summary page with buttons for more; a later republish sends them nothing twice.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignmentMessages, expectAssignmentMessages, PEOPLE, publishMeeting, startPardis, type Pardis } from "../support/agency.js";
import { testDatabases } from "../support/databases.js";
import { outboxSettled } from "../support/outbox.js";

describe.each(testDatabases())("joining after publishing on $name", (target) => {
  let pardis: Pardis;

  beforeAll(async () => {
    pardis = await startPardis(target);
    await publishMeeting(pardis.e2e);
  });
  afterAll(async () => {
    await pardis?.stop();
  });

  it("a liaison who joins later gets each of the agency's five open items, once, even after a republish", async () => {
    const liaison = await pardis.e2e.bindUser("bale", PEOPLE.tavonLiaison);
    expect(liaison.lastMessage()?.text).toContain("۵ کار باز دستگاه شما");
    await outboxSettled(pardis.e2e.app);
    await expectAssignmentMessages(liaison, 5);
    const report = await publishMeeting(pardis.e2e);
    expect(report.assignments.reduce((sum, a) => sum + a.queued, 0)).toBe(0);
    await expectAssignmentMessages(liaison, 5, 0);
  });

  it("someone with more than five open items gets one summary with buttons", async () => {
    const db = pardis.e2e.app.database.prisma;
    // The head of smt also becomes liaison of tavon: 4 + 5 open items.
    const person = await db.person.findFirstOrThrow({ where: { phone: "+989121000005" } });
    const tavon = await db.agency.findUniqueOrThrow({ where: { code: "tavon" } });
    await db.membership.create({ data: { personId: person.id, role: "liaison", agencyId: tavon.id, scopeKey: `agency:${tavon.id}` } });
    const user = await pardis.e2e.bindUser("telegram", PEOPLE.smt);
    await outboxSettled(pardis.e2e.app);
    const summary = await user.waitFor(/کارهای باز دستگاه شما \(۹ مورد\)/, { fromStart: true });
    expect(summary.reply_markup?.inline_keyboard.flat().length).toBeGreaterThan(1);
    // One summary, not nine cards.
    expect(assignmentMessages(user).length).toBe(1);
  });

  it("someone with no agency (the secretariat) gets only the welcome", async () => {
    const user = await pardis.e2e.bindUser("bale", PEOPLE.secretariat);
    expect(user.lastMessage()?.text).not.toContain("کار باز");
    await outboxSettled(pardis.e2e.app);
    expect(assignmentMessages(user)).toHaveLength(0);
  });
});
