/**
 * Bulk seeding shared by the benchmarks that need a large committee: agencies, their contacts
 * bound on Telegram, one published meeting and its assignments, written with createMany and one
 * INSERT … SELECT (not a create per row), so a 200,000-assignment database takes seconds.
 */
import type { Database } from "../src/db/client.js";
import { HOUR_MS, instantAt } from "../src/domain/calendar/index.js";

/** Wednesday 1405/09/04 10:00 Tehran: when the seeded meeting was published. */
export const PUBLISHED = instantAt({ jy: 1405, jm: 9, jd: 4 }, 10 * HOUR_MS);
/** The seeded assignments' deadline, and when a not-due assignment's next reminder is planned. */
export const LATER = instantAt({ jy: 1405, jm: 9, jd: 20 }, 8 * HOUR_MS);

export interface SeedOptions {
  agencies: number;
  /** People per agency, each bound on Telegram: one is a liaison; of more, the first is the head, the others liaisons. */
  contactsPerAgency: number;
  /** Assignments of the published meeting, filled resolution by resolution (one per agency each). */
  assignments: number;
  /** When the first resolution's assignments are due (the rest are planned for LATER); none due when unset. */
  firstDueAt?: Date;
  /** The first contact's Telegram user and chat id; the others follow. */
  userIdBase: number;
}

export interface Seeded {
  committeeId: number;
  agencyIds: number[];
  /** Each contact's Telegram user id, in person order. */
  userIds: number[];
}

/** A committee ("bench") of `agencies` agencies with their contacts, a published meeting "1405-08" and its assignments. */
export async function seedCommittee(database: Database, options: SeedOptions): Promise<Seeded> {
  const db = database.prisma;
  const { agencies: agencyCount, contactsPerAgency, assignments: size, userIdBase } = options;
  const committee = await db.committee.create({
    data: { code: "bench", name: "کارگروه آزمایشی", calendar: { thursday: "off", officeHours: { start: "08:00", end: "14:00" } } },
  });
  await db.agency.createMany({ data: Array.from({ length: agencyCount }, (_, i) => ({ code: `a${i}`, name: `دستگاه ${i}` })) });
  const agencyIds = (await db.agency.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((a) => a.id);
  await db.committeeAgency.createMany({ data: agencyIds.map((agencyId) => ({ committeeId: committee.id, agencyId })) });
  const contacts = agencyCount * contactsPerAgency;
  await db.person.createMany({ data: Array.from({ length: contacts }, (_, i) => ({ name: `کارشناس ${i}` })) });
  const personIds = (await db.person.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((p) => p.id);
  const agencyOf = (i: number) => agencyIds[Math.floor(i / contactsPerAgency)]!;
  await db.membership.createMany({
    data: personIds.map((personId, i) => ({
      personId,
      role: contactsPerAgency > 1 && i % contactsPerAgency === 0 ? "head" : "liaison",
      agencyId: agencyOf(i),
      scopeKey: `agency:${agencyOf(i)}`,
    })),
  });
  const userIds = personIds.map((_, i) => userIdBase + i);
  await db.chatIdentity.createMany({
    data: personIds.map((personId, i) => ({ personId, platform: "telegram", userId: String(userIds[i]), chatId: String(userIds[i]) })),
  });
  const meeting = await db.meeting.create({
    data: { committeeId: committee.id, number: "1405-08", heldOn: PUBLISHED, publishedAt: PUBLISHED },
  });
  const resolutions = Math.ceil(size / agencyCount);
  await db.resolution.createMany({
    data: Array.from({ length: resolutions }, (_, i) => ({
      meetingId: meeting.id,
      number: i + 1,
      text: `مصوبه ${i + 1}`,
      deadline: LATER,
    })),
  });
  // Two template rows, written by Prisma so that each database keeps its own DateTime representation:
  // one due (or not), one planned for later; the rest copy their timestamps.
  const first = await db.resolution.findFirstOrThrow({ where: { meetingId: meeting.id, number: 1 } });
  const template = (agencyId: number, nextAt: Date) =>
    db.assignment.create({
      data: {
        resolutionId: first.id,
        agencyId,
        role: "lead",
        deadline: LATER,
        publishedAt: PUBLISHED,
        nextEscalationAt: nextAt,
        nextEscalationStep: "unacknowledged+1d",
        escalationCursor: PUBLISHED,
      },
    });
  const firstAt = options.firstDueAt ?? LATER;
  const due = await template(agencyIds[0]!, firstAt);
  const later = await template(agencyIds[1]!, LATER);
  // Every (resolution, agency) but the two templates; the first resolution's take the first template's time.
  await db.$executeRawUnsafe(`
    INSERT INTO "Assignment" ("resolutionId", "agencyId", "role", "status", "percent", "deadline", "publishedAt",
      "nextEscalationAt", "nextEscalationStep", "escalationCursor", "version", "createdAt", "updatedAt")
    SELECT r."id", a."id", 'lead', 'assigned', 0, d."deadline", d."publishedAt",
      CASE WHEN r."number" = 1 THEN d."nextEscalationAt" ELSE l."nextEscalationAt" END,
      'unacknowledged+1d', d."escalationCursor", 0, d."createdAt", d."updatedAt"
    FROM "Resolution" r CROSS JOIN "Agency" a
    JOIN "Assignment" d ON d."id" = ${due.id}
    JOIN "Assignment" l ON l."id" = ${later.id}
    WHERE r."meetingId" = ${meeting.id} AND NOT (r."id" = ${first.id} AND a."id" IN (${agencyIds[0]!}, ${agencyIds[1]!}))
      AND (r."number" - 1) * ${agencyCount} + a."id" - ${agencyIds[0]!} < ${size}`);
  // The second template belongs to the first resolution: give it its row-mates' time.
  await db.assignment.update({ where: { id: later.id }, data: { nextEscalationAt: firstAt } });
  await db.$executeRawUnsafe(`ANALYZE`);
  const count = await db.assignment.count();
  if (count !== size) throw new Error(`seeded ${count} assignments, expected ${size}`);
  return { committeeId: committee.id, agencyIds, userIds };
}
