/**
 * What an agency action writes, on each database: the status, one ProgressUpdate, and one audit
 * row naming it — whether the writes went as one statement (PostgreSQL, db/sql/apply-agency-action.ts)
 * or as a transaction (SQLite, or an action with files). An idempotency key, even sent twice at
 * once, records the action once; a refused action writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgencyActor } from "../../src/services/assignments/index.js";
import { assignmentId, PEOPLE, personId, publishMeeting, startPardis, type Pardis } from "../support/agency.js";
import { testDatabases } from "../support/databases.js";

describe.each(testDatabases())("an agency action's writes on $name", (target) => {
  let pardis: Pardis;
  let actor: AgencyActor;
  let item: number;

  beforeAll(async () => {
    pardis = await startPardis(target);
    await publishMeeting(pardis.e2e);
    actor = { personId: await personId(pardis.e2e, PEOPLE.tavonLiaison), platform: "bale" };
    item = await assignmentId(pardis.e2e, 1, "tavon");
  });
  afterAll(async () => {
    await pardis?.stop();
  });

  const prisma = () => pardis.e2e.app.database.prisma;
  const services = () => pardis.e2e.app.services;
  const auditOf = (progressUpdateId: number) =>
    prisma()
      .auditLog.findMany({ where: { entity: "Assignment", entityId: String(item) } })
      .then((rows) => rows.filter((r) => (r.data as { progressUpdateId?: number } | null)?.progressUpdateId === progressUpdateId));

  it("a progress note moves the item and writes its update and an audit row naming it", async () => {
    const result = await services().assignments.recordProgress(actor, {
      assignmentId: item,
      text: "جلسه برگزار شد",
      percent: 40,
      idempotencyKey: "k:1",
    });
    expect(result).toMatchObject({ ok: true, changed: true, view: { status: "in_progress", percent: 40 } });
    const row = await prisma().assignment.findUniqueOrThrow({ where: { id: item } });
    expect(row).toMatchObject({ status: "in_progress", percent: 40 });
    expect(row.acknowledgedAt).not.toBeNull();
    const update = await prisma().progressUpdate.findUniqueOrThrow({ where: { idempotencyKey: "k:1" } });
    expect(update).toMatchObject({ assignmentId: item, personId: actor.personId, kind: "progress", text: "جلسه برگزار شد", percent: 40 });
    const audits = await auditOf(update.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: "assignment.progress", actorKind: "person", actorId: actor.personId, platform: "bale" });
    expect(audits[0]!.data).toEqual({
      from: "assigned",
      to: "in_progress",
      progressUpdateId: update.id,
      percent: 40,
      files: 0,
      idempotencyKey: "k:1",
    });
  });

  it("the same key sent twice at once is recorded once, and both are answered as applied", async () => {
    const input = { assignmentId: item, text: "گزارش دوم", idempotencyKey: "k:2" };
    const results = await Promise.all([
      services().assignments.recordProgress(actor, input),
      services().assignments.recordProgress(actor, input),
    ]);
    for (const result of results) expect(result.ok).toBe(true);
    const updates = await prisma().progressUpdate.findMany({ where: { idempotencyKey: "k:2" } });
    expect(updates).toHaveLength(1);
    expect(await auditOf(updates[0]!.id)).toHaveLength(1);
    // And again later (a replay after a crash): nothing more.
    expect(await services().assignments.recordProgress(actor, input)).toMatchObject({ ok: true, changed: false });
    expect(await prisma().progressUpdate.count({ where: { assignmentId: item, text: "گزارش دوم" } })).toBe(1);
  });

  it("a person outside the item's agency writes nothing", async () => {
    const outsider = { personId: await personId(pardis.e2e, PEOPLE.jahad), platform: "bale" as const };
    const before = await prisma().progressUpdate.count();
    const audits = await prisma().auditLog.count();
    expect(await services().assignments.recordProgress(outsider, { assignmentId: item, text: "نه", idempotencyKey: "k:3" })).toEqual({
      ok: false,
      refusal: "unknown",
    });
    expect(await prisma().progressUpdate.count()).toBe(before);
    expect(await prisma().auditLog.count()).toBe(audits);
  });
});
