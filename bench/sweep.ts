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
import { openDatabase } from "../src/db/client.js";
import { migrateDatabase } from "../src/db/migrate.js";
import { HOUR_MS, instantAt } from "../src/domain/calendar/index.js";
import { createI18n } from "../src/i18n/index.js";
import { createLogger } from "../src/logging/logger.js";
import { Scheduler } from "../src/scheduler/scheduler.js";
import { AssignmentLadderSource } from "../src/services/escalation/assignment-ladder.js";
import { WeeklyCycleSource } from "../src/services/escalation/weekly-cycle-source.js";
import { Notifier } from "../src/services/notifications.js";
import { ManualClock } from "../src/shared/clock.js";
import { seedCommittee } from "./seed.js";
import { argValue, benchDatabase, MemorySampler, printTable } from "./support.js";

const AGENCIES = 1_000;
const DUE = 1_000;
/** Saturday 1405/09/07 10:05: a working morning; published Wednesday 09/04 10:00, the first reminder is due. */
const NOW = instantAt({ jy: 1405, jm: 9, jd: 7 }, 10 * HOUR_MS + 5 * 60_000);
const DUE_AT = instantAt({ jy: 1405, jm: 9, jd: 7 }, 10 * HOUR_MS);

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
      const target = await benchDatabase(name, `sweep_${size}`);
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
    await seedCommittee(database, {
      agencies: AGENCIES,
      contactsPerAgency: 1,
      assignments: size,
      firstDueAt: DUE_AT,
      userIdBase: 30_000_000,
    });
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
