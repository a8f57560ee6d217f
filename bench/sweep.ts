/**
 * One scheduler pass over N open assignments of which 1,000 are due (N = 10,000, 100,000 and
 * 1,000,000 by default), on SQLite and on PostgreSQL: the time of the pass, the time per due row and
 * the peak memory. The claim uses the (nextEscalationAt) index, so the pass should cost the same at
 * every N: its cost grows with the due rows, not with the table.
 *
 * The 1,000 due assignments are the first resolution's, one per agency (1,000 agencies, each with a
 * liaison on Telegram): each liaison gets one reminder. The rest are planned for a later day.
 * Assignments are seeded with one INSERT … SELECT (not a create per row), copying the timestamps of
 * two template rows written by Prisma so that each database keeps its own DateTime representation.
 *
 * Run: npm run bench -- sweep [--sizes 10000,100000,1000000] [--databases sqlite,postgres]
 * PostgreSQL: PEYGIR_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test); a fresh
 * database is created next to it for each size and dropped after.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type Database } from "../src/db/client.js";
import { migrateDatabase } from "../src/db/migrate.js";
import { HOUR_MS, instantAt } from "../src/domain/calendar/index.js";
import { createI18n } from "../src/i18n/index.js";
import { createLogger } from "../src/logging/logger.js";
import { Scheduler } from "../src/scheduler/scheduler.js";
import { AssignmentLadderSource } from "../src/services/escalation/assignment-ladder.js";
import { WeeklyCycleSource } from "../src/services/escalation/weekly-cycle-source.js";
import { Notifier } from "../src/services/notifications.js";
import { ManualClock } from "../src/shared/clock.js";
import { argValue, MemorySampler, printTable } from "./support.js";

const AGENCIES = 1_000;
const DUE = 1_000;
/** Saturday 1405/09/07 10:05: a working morning; published Wednesday 09/04 10:00, the first reminder is due. */
const NOW = instantAt({ jy: 1405, jm: 9, jd: 7 }, 10 * HOUR_MS + 5 * 60_000);
const PUBLISHED = instantAt({ jy: 1405, jm: 9, jd: 4 }, 10 * HOUR_MS);
const DUE_AT = instantAt({ jy: 1405, jm: 9, jd: 7 }, 10 * HOUR_MS);
const LATER = instantAt({ jy: 1405, jm: 9, jd: 20 }, 8 * HOUR_MS);

interface Figures {
  size: number;
  seedMs: number;
  passMs: number;
  claimed: number;
  queued: number;
  peakRssMb: number;
  peakHeapMb: number;
}

export async function runSweepBench(args: string[]): Promise<void> {
  const sizes = (argValue(args, "--sizes") ?? "10000,100000,1000000").split(",").map(Number);
  const databases = (argValue(args, "--databases") ?? "sqlite,postgres").split(",");
  for (const name of databases) {
    const results: Figures[] = [];
    for (const size of sizes) {
      const target = name === "postgres" ? await postgresDatabase(size) : sqliteDatabase();
      try {
        results.push(await benchOne(target.url, size));
      } finally {
        await target.drop();
      }
      const r = results.at(-1)!;
      console.log(`${name} ${size}: seeded in ${(r.seedMs / 1000).toFixed(1)} s, pass ${r.passMs.toFixed(0)} ms`);
    }
    const base = results[0]!.passMs;
    for (const r of results)
      printTable(`sweep on ${name}: ${r.size.toLocaleString("en-US")} open assignments, ${DUE.toLocaleString("en-US")} due`, [
        ["seed (bulk SQL)", `${(r.seedMs / 1000).toFixed(1)} s`],
        ["one pass", `${r.passMs.toFixed(0)} ms`],
        ["per due row", `${(r.passMs / r.claimed).toFixed(3)} ms`],
        ["claimed / messages queued", `${r.claimed} / ${r.queued}`],
        [`pass vs ${results[0]!.size.toLocaleString("en-US")}`, `${(r.passMs / base).toFixed(2)}×`],
        ["peak RSS / heap during the pass", `${r.peakRssMb.toFixed(0)} MB / ${r.peakHeapMb.toFixed(0)} MB`],
      ]);
  }
}

async function benchOne(url: string, size: number): Promise<Figures> {
  await migrateDatabase(url);
  const database = await openDatabase(url);
  try {
    const seedStart = performance.now();
    await seed(database, size);
    const seedMs = performance.now() - seedStart;
    const db = database.prisma;
    const notifier = new Notifier(createI18n(() => undefined) as never);
    const scheduler = new Scheduler({
      sources: [new AssignmentLadderSource(db, notifier, ["telegram"]), new WeeklyCycleSource(db, notifier, ["telegram"])],
      clock: new ManualClock(NOW),
      logger: createLogger("warn"),
      instanceId: "bench",
      provider: database.provider,
    });
    global.gc?.();
    const memory = new MemorySampler(10);
    const start = performance.now();
    const report = await scheduler.runPass({ at: NOW });
    const passMs = performance.now() - start;
    memory.stop();
    const ladder = report.sources.find((s) => s.name === "assignment-ladder")!;
    const queued = await db.outboxMessage.count();
    if (ladder.claimed !== DUE || queued !== DUE) throw new Error(`expected ${DUE} due and queued, got ${ladder.claimed} and ${queued}`);
    return { size, seedMs, passMs, claimed: ladder.claimed, queued, peakRssMb: memory.peakRssMb, peakHeapMb: memory.peakHeapMb };
  } finally {
    await database.close();
  }
}

/** A committee, 1,000 agencies with a liaison each (bound on Telegram), size/1,000 resolutions, `size` assignments. */
async function seed(database: Database, size: number): Promise<void> {
  const db = database.prisma;
  const resolutions = Math.ceil(size / AGENCIES);
  const committee = await db.committee.create({
    data: { code: "bench", name: "کارگروه آزمایشی", calendar: { thursday: "off", officeHours: { start: "08:00", end: "14:00" } } },
  });
  await db.agency.createMany({ data: Array.from({ length: AGENCIES }, (_, i) => ({ code: `a${i}`, name: `دستگاه ${i}` })) });
  const agencies = await db.agency.findMany({ orderBy: { id: "asc" }, select: { id: true } });
  await db.committeeAgency.createMany({ data: agencies.map((a) => ({ committeeId: committee.id, agencyId: a.id })) });
  await db.person.createMany({ data: agencies.map((_, i) => ({ name: `رابط ${i}` })) });
  const people = await db.person.findMany({ orderBy: { id: "asc" }, select: { id: true } });
  await db.membership.createMany({
    data: people.map((p, i) => ({ personId: p.id, role: "liaison", agencyId: agencies[i]!.id, scopeKey: `agency:${agencies[i]!.id}` })),
  });
  await db.chatIdentity.createMany({
    data: people.map((p, i) => ({ personId: p.id, platform: "telegram", userId: String(30_000_000 + i), chatId: String(30_000_000 + i) })),
  });
  const meeting = await db.meeting.create({
    data: { committeeId: committee.id, number: "1405-08", heldOn: PUBLISHED, publishedAt: PUBLISHED },
  });
  await db.resolution.createMany({
    data: Array.from({ length: resolutions }, (_, i) => ({
      meetingId: meeting.id,
      number: i + 1,
      text: `مصوبه ${i + 1}`,
      deadline: LATER,
    })),
  });
  // Two template rows, written by Prisma: one due now, one planned for later; the rest copy their timestamps.
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
  const due = await template(agencies[0]!.id, DUE_AT);
  const later = await template(agencies[1]!.id, LATER);
  // Every (resolution, agency) but the two templates; the first resolution's (one per agency) are due.
  await db.$executeRawUnsafe(`
    INSERT INTO "Assignment" ("resolutionId", "agencyId", "role", "status", "percent", "deadline", "publishedAt",
      "nextEscalationAt", "nextEscalationStep", "escalationCursor", "version", "createdAt", "updatedAt")
    SELECT r."id", a."id", 'lead', 'assigned', 0, d."deadline", d."publishedAt",
      CASE WHEN r."number" = 1 THEN d."nextEscalationAt" ELSE l."nextEscalationAt" END,
      'unacknowledged+1d', d."escalationCursor", 0, d."createdAt", d."updatedAt"
    FROM "Resolution" r CROSS JOIN "Agency" a
    JOIN "Assignment" d ON d."id" = ${due.id}
    JOIN "Assignment" l ON l."id" = ${later.id}
    WHERE r."meetingId" = ${meeting.id} AND NOT (r."id" = ${first.id} AND a."id" IN (${agencies[0]!.id}, ${agencies[1]!.id}))
      AND (r."number" - 1) * ${AGENCIES} + a."id" - ${agencies[0]!.id} < ${size}`);
  // The second template was due later, but it belongs to the first resolution: make it due like its row-mates.
  await db.assignment.update({ where: { id: later.id }, data: { nextEscalationAt: DUE_AT } });
  if (database.provider === "postgres") await db.$executeRawUnsafe(`ANALYZE "Assignment"`);
  else await db.$executeRawUnsafe(`ANALYZE`);
  const count = await db.assignment.count();
  if (count !== size) throw new Error(`seeded ${count} assignments, expected ${size}`);
}

function sqliteDatabase() {
  const dir = mkdtempSync(path.join(tmpdir(), "peygir-bench-sweep-"));
  return { url: `file:${path.join(dir, "bench.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function postgresDatabase(size: number) {
  const base = process.env.PEYGIR_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const name = `peygir_bench_sweep_${process.pid}_${size}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
