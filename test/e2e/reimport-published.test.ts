/**
 * A re-import that changes a published resolution reaches its assignments, as the secretariat's
 * own change would: a new deadline (with its history, reason "import"), a corrected text, an
 * agency added (assigned and sent the item) or removed (its assignment cancelled); each affected
 * agency is told once, the schedules are planned again, and the summary says what changed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatJalaliLong } from "../../src/domain/calendar/index.js";
import { formatImportSummary } from "../../src/cli/commands/import.js";
import type { FakeUser } from "../fake-bot-api/user.js";
import {
  PEOPLE,
  assignmentId,
  assignmentRow,
  expectAssignmentMessages,
  publishMeeting,
  startPardis,
  type Pardis,
} from "../support/agency.js";
import { scratchDir, testDatabases } from "../support/databases.js";
import { FIXTURE_PATH } from "../support/e2e.js";
import { outboxSettled } from "../support/outbox.js";

/** The fixture with resolution 1's deadline moved, resolution 2's text corrected, and resolution 5's co-agencies changed. */
function changedFixture(): string {
  const original = readFileSync(FIXTURE_PATH, "utf8");
  const changed = original
    .replace("deadline: 1405/09/20", "deadline: 1405/10/06")
    .replace("text: برگزاری جلسه شرکت تعاونی توسعه و عمران شهرستان.", "text: برگزاری جلسه هیئت‌مدیره شرکت تعاونی توسعه و عمران شهرستان.")
    .replace("co: [tavon, jahad]", "co: [jahad, omran]");
  if (changed === original) throw new Error("the fixture changed: update this test's replacements");
  return changed;
}

describe.each(testDatabases())("re-importing a published meeting on $name", (target) => {
  let pardis: Pardis;
  let tavon: FakeUser;
  let omran: FakeUser;
  let scratch: string;
  let file: string;
  const changeMessages = (user: FakeUser) => user.messages().filter((m) => m.text?.startsWith("✏️"));

  beforeAll(async () => {
    pardis = await startPardis(target, { platforms: ["bale"] });
    tavon = await pardis.e2e.bindUser("bale", PEOPLE.tavonLiaison);
    omran = await pardis.e2e.bindUser("bale", PEOPLE.omran);
    await publishMeeting(pardis.e2e);
    await expectAssignmentMessages(tavon, 5);
    await expectAssignmentMessages(omran, 3);
    scratch = mkdtempSync(path.join(scratchDir(), "reimport-"));
    file = path.join(scratch, "pardis.yaml");
    writeFileSync(file, changedFixture());
  });
  afterAll(async () => {
    await pardis?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it("moves the deadline, tells each affected agency once, adds and cancels agencies, and re-plans the schedule", async () => {
    const db = pardis.e2e.app.database.prisma;
    const tavonOnOne = await assignmentId(pardis.e2e, 1, "tavon");
    const smtOnOne = await assignmentId(pardis.e2e, 1, "smt");
    const before = await assignmentRow(pardis.e2e, tavonOnOne);
    const outcome = await pardis.e2e.app.services.importer.importFile(file);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
    const at = pardis.clock.now();

    // Deadline: both agencies of resolution 1 follow, with history.
    const after = await assignmentRow(pardis.e2e, tavonOnOne);
    expect(after.deadline).not.toEqual(before.deadline);
    expect(formatJalaliLong(after.deadline!)).toContain("۶ دی ۱۴۰۵");
    expect((await assignmentRow(pardis.e2e, smtOnOne)).deadline).toEqual(after.deadline);
    const history = await db.deadlineChange.findMany({ where: { resolution: { number: 1 } }, orderBy: { id: "asc" } });
    expect(history.map((h) => [h.assignmentId, h.reason])).toEqual([
      [tavonOnOne, "import"],
      [smtOnOne, "import"],
      [null, "import"],
    ]);
    expect(
      history.every((h) => h.previous?.getTime() === before.deadline!.getTime() && h.next?.getTime() === after.deadline!.getTime()),
    ).toBe(true);
    // Re-planned at the import (the scheduler's planAssignments), from the new state.
    expect(after.escalationCursor!.getTime()).toBeGreaterThan(before.escalationCursor!.getTime());
    expect(after.escalationCursor!.getTime()).toBeLessThanOrEqual(at.getTime());

    // Agencies of resolution 5: tavon's assignment cancelled, omran assigned.
    const cancelled = await assignmentRow(pardis.e2e, await assignmentId(pardis.e2e, 5, "tavon"));
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.nextEscalationAt).toBeNull(); // its ladder stops
    expect((await assignmentRow(pardis.e2e, await assignmentId(pardis.e2e, 5, "omran"))).status).toBe("assigned");

    // The summary says what changed for published items.
    expect(
      outcome.value.published.map((p) => [p.resolution, !!p.deadline, p.textChanged, p.agenciesAdded.length, p.agenciesRemoved.length]),
    ).toEqual([
      [1, true, false, 0, 0],
      [2, false, true, 0, 0],
      [5, false, false, 1, 1],
    ]);
    const lines = formatImportSummary(file, outcome.value).join("\n");
    expect(lines).toMatch(/meeting 1405-08, resolution 1: deadline .+ → .+; 2 assignment\(s\) updated/);
    expect(lines).toMatch(/resolution 5: agencies added: .+, agencies removed \(their assignments cancelled\): اداره تعاون/);

    // Each affected agency hears once per item.
    await outboxSettled(pardis.e2e.app);
    await expectAssignmentMessages(omran, 3 + 1 + 1); // resolution 2's change, resolution 5's new card
    const tavonChange = changeMessages(tavon);
    expect(tavonChange).toHaveLength(1);
    expect(tavonChange[0]!.text).toContain("✏️ تغییر در مصوبه ۱ جلسه ۱۴۰۵-۰۸:");
    expect(tavonChange[0]!.text).toContain(`• مهلت: از ${formatJalaliLong(before.deadline!)} به ${formatJalaliLong(after.deadline!)}`);
    expect(tavon.messages().filter((m) => m.text?.includes("مصوبه ۵ جلسه ۱۴۰۵-۰۸ دیگر به دستگاه شما ابلاغ نیست"))).toHaveLength(1);
    expect(changeMessages(omran).map((m) => m.text!.split("\n")[1])).toEqual(["• متن مصوبه اصلاح شد (متن تازه در ادامه آمده است)."]);
  });

  it("changes nothing and sends nothing when the same file is imported again", async () => {
    const sent = await pardis.e2e.app.database.prisma.outboxMessage.count();
    const again = await pardis.e2e.app.services.importer.importFile(file);
    if (!again.ok) throw new Error(JSON.stringify(again.error));
    expect(again.value.changed).toBe(false);
    expect(again.value.published).toEqual([]);
    expect(await pardis.e2e.app.database.prisma.outboxMessage.count()).toBe(sent);
  });
});
