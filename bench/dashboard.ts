/**
 * The dashboard's overview page for a committee of 500 agencies and 20,000 assignments (40
 * resolutions each assigned to every agency, statuses and deadlines mixed, a tenth overdue), on
 * SQLite, over real HTTP through the app's server and web app, signed in as the secretary.
 * Prints p50/p95/max over 200 sequential requests after 5 warm-up requests (goal: p95 < 150 ms).
 * Run: npm run bench -- dashboard [--agencies N] [--resolutions N] [--requests N] [--page FILE]
 * (--page writes the last page served to FILE, to look at what it holds).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DAY_MS, HOUR_MS, instantAt } from "../src/domain/calendar/index.js";
import { openDatabase } from "../src/db/client.js";
import { migrateDatabase } from "../src/db/migrate.js";
import { createI18n } from "../src/i18n/index.js";
import { createLogger } from "../src/logging/logger.js";
import { startHttpServer } from "../src/server/http.js";
import { createServices } from "../src/services/index.js";
import { createWebApp } from "../src/web/app.js";
import { TravelClock } from "../test/support/clock.js";
import { argValue, percentile, printTable } from "./support.js";

const STATUSES = ["assigned", "acknowledged", "in_progress", "in_progress", "reported_done", "done", "done", "blocked", "cancelled"];

export async function runDashboardBench(args: string[]): Promise<void> {
  const agencyCount = Number(argValue(args, "--agencies") ?? 500);
  const resolutionCount = Number(argValue(args, "--resolutions") ?? 40);
  const requests = Number(argValue(args, "--requests") ?? 200);
  const dir = mkdtempSync(path.join(tmpdir(), "peygir-bench-dashboard-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  await migrateDatabase(url);
  const database = await openDatabase(url);
  const db = database.prisma;
  const now = instantAt({ jy: 1405, jm: 9, jd: 24 }, 10 * HOUR_MS);
  const clock = new TravelClock(now);
  const logger = createLogger("silent");

  const committee = await db.committee.create({
    data: { code: "bench", name: "کارگروه آزمایشی", calendar: { thursday: "off", officeHours: { start: "08:00", end: "14:00" } } },
  });
  const secretary = await db.person.create({ data: { name: "دبیر" } });
  await db.membership.create({
    data: { personId: secretary.id, role: "secretariat", committeeId: committee.id, scopeKey: `committee:${committee.id}` },
  });
  await db.agency.createMany({
    data: Array.from({ length: agencyCount }, (_, i) => ({ code: `a${i}`, name: `اداره شماره ${i + 1} شهرستان` })),
  });
  const agencies = await db.agency.findMany({ orderBy: { id: "asc" } });
  await db.committeeAgency.createMany({ data: agencies.map((a) => ({ committeeId: committee.id, agencyId: a.id })) });
  const meeting = await db.meeting.create({
    data: { committeeId: committee.id, number: "1405-08", heldOn: instantAt({ jy: 1405, jm: 8, jd: 1 }, 0), publishedAt: now },
  });
  const seeded = Date.now();
  for (let r = 1; r <= resolutionCount; r++) {
    const deadline = new Date(now.getTime() + (r % 10 === 0 ? -5 : r) * DAY_MS);
    const resolution = await db.resolution.create({
      data: { meetingId: meeting.id, number: r, text: `مصوبه شماره ${r}: پیگیری پرداخت تسهیلات اشتغال فراگیر و مشاغل خانگی`, deadline },
    });
    await db.assignment.createMany({
      data: agencies.map((a, i) => {
        const status = STATUSES[(i + r) % STATUSES.length]!;
        return {
          resolutionId: resolution.id,
          agencyId: a.id,
          role: i === 0 ? "lead" : "co",
          status,
          percent: status === "done" ? 100 : status === "in_progress" ? ((i * 7 + r) % 9) * 10 : 0,
          deadline,
          publishedAt: now,
          ...(status === "done" ? { doneAt: now, reportedDoneAt: now } : {}),
        };
      }),
    });
  }
  const assignments = await db.assignment.count();
  const seedSeconds = (Date.now() - seeded) / 1000;

  const i18n = createI18n<never>(() => "fa");
  const services = createServices({
    db,
    clock,
    logger,
    i18n: i18n as never,
    settings: { platforms: ["bale"], inviteTtlDays: 14, maxAttachmentBytes: 20 * 1024 * 1024 },
  });
  const http = await startHttpServer({
    host: "127.0.0.1",
    port: 0,
    logger,
    webhooks: [],
    health: async () => ({ ok: true }),
    web: createWebApp({ services, logger }),
  });
  const { code } = await services.webLogin.issueCode(secretary.id);
  const login = await services.webLogin.redeem(code);
  if (!login.ok) throw new Error("bench login failed");
  const page = `http://127.0.0.1:${http.port}/dashboard/c/${committee.id}`;
  let last = new ArrayBuffer(0);
  const get = async (): Promise<{ ms: number; bytes: number }> => {
    const started = performance.now();
    const res = await fetch(page, { headers: { cookie: `peygir_session=${login.sessionToken}` } });
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`overview answered ${res.status}`);
    last = body;
    return { ms: performance.now() - started, bytes: body.byteLength };
  };
  for (let i = 0; i < 5; i++) await get();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < requests; i++) {
    const r = await get();
    times.push(r.ms);
    bytes = r.bytes;
  }
  times.sort((a, b) => a - b);
  const saveTo = argValue(args, "--page");
  if (saveTo) writeFileSync(saveTo, Buffer.from(last));
  const p95 = percentile(times, 95);
  printTable("dashboard overview (SQLite, real HTTP, signed in as the secretary)", [
    ["agencies", agencyCount],
    ["assignments", assignments],
    ["seeding (s)", seedSeconds.toFixed(1)],
    ["page size (KiB)", (bytes / 1024).toFixed(0)],
    ["requests", requests],
    ["p50 (ms)", percentile(times, 50).toFixed(1)],
    ["p95 (ms)", p95.toFixed(1)],
    ["max (ms)", times.at(-1)!.toFixed(1)],
    ["goal p95 < 150 ms", p95 < 150 ? "met" : "NOT met"],
  ]);
  await http.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
