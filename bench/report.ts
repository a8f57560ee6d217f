/**
 * Where things stand, at county-plus scale: a committee of 500 agencies with 20,000 assignments
 * (4,000 resolutions of 5 agencies each, every status, deadlines across the year, one progress
 * update each) and a year of weekly reports (52 cycles × 500 agencies, numeric answers), on
 * SQLite, seeded with multi-row INSERTs. Times, each the best of three after a warm-up:
 *   figures   load the rows and compute every figure (what /status does when the committee
 *             changed since the figures were last computed; goal < 200 ms), the pure computation
 *             alone, and the figures of an unchanged committee (the fingerprint read, the kept figures);
 *   chart     render the PNG of /status and the digests (goal < 300 ms);
 *   workbook  load and write the Excel workbook of everything (goal < 5 s);
 * and the peak memory of the whole run, by phase (a fresh database is seeded in a child process,
 * whose memory would otherwise be counted here).
 * Run: npm run bench -- report [--agencies N] [--assignments N] [--weeks N] [--db FILE]
 * With --db, the seeded database is kept in FILE and reused by later runs (seeding takes a minute).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { type Db, openDatabase } from "../src/db/client.js";
import { migrateDatabase } from "../src/db/migrate.js";
import { HOUR_MS, addJalaliDays, instantAt, jalaliToInstant, type JalaliDate } from "../src/domain/calendar/index.js";
import { computeFigures, periodContaining } from "../src/domain/reports/index.js";
import { chartSvg, renderChartPng } from "../src/exports/chart.js";
import { writeWorkbook } from "../src/exports/workbook.js";
import { createI18n, translatorFor } from "../src/i18n/index.js";
import { createLogger } from "../src/logging/logger.js";
import { createServices } from "../src/services/index.js";
import { loadExportData } from "../src/services/reports/export-data.js";
import { loadFiguresInput } from "../src/services/reports/figures.js";
import { periodLabel } from "../src/services/render/period.js";
import { ManualClock } from "../src/shared/clock.js";
import { forEachSlice } from "../src/db/in-slices.js";
import { argValue, MemorySampler, printTable } from "./support.js";

const STATUSES = ["assigned", "acknowledged", "in_progress", "in_progress", "reported_done", "done", "done", "blocked", "cancelled"];
const CHUNK = 2_000;
/** The end of the year of reports: Wednesday 26 Esfand 1405, 10:00. */
const NOW = instantAt({ jy: 1405, jm: 12, jd: 26 }, 10 * HOUR_MS);
const FIRST_SATURDAY: JalaliDate = { jy: 1405, jm: 1, jd: 1 };

const TEMPLATE = {
  opens: "saturday 08:00",
  due: "tuesday 14:00",
  questions: [
    { key: "summary", label: "خلاصه اقدامات هفته", type: "text" },
    { key: "jobs_created", label: "تعداد اشتغال ایجادشده", type: "number", unit: "نفر" },
    { key: "facilities_paid", label: "مبلغ تسهیلات پرداخت‌شده", type: "number", unit: "میلیون ریال" },
    { key: "cases_at_banks", label: "طرح‌های معرفی‌شده به بانک", type: "number", unit: "طرح" },
  ],
};

const inChunks = <T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) => forEachSlice(rows, CHUNK, insert);

/** The best of `runs` timed runs after one warm-up, in ms, with the last result. */
async function best<T>(runs: number, f: () => Promise<T>): Promise<{ ms: number; result: T }> {
  let result = await f();
  let ms = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await f();
    ms = Math.min(ms, performance.now() - start);
  }
  return { ms, result };
}

export async function runReportBench(args: string[]): Promise<void> {
  const agencyCount = Number(argValue(args, "--agencies") ?? 500);
  const assignmentCount = Number(argValue(args, "--assignments") ?? 20_000);
  const weeks = Number(argValue(args, "--weeks") ?? 52);
  const kept = argValue(args, "--db");
  const dir = kept ? undefined : mkdtempSync(path.join(tmpdir(), "peygir-bench-report-"));
  const file = kept ? path.resolve(kept) : path.join(dir!, "bench.db");
  const reuse = kept !== undefined && existsSync(file);
  const url = `file:${file}`;
  if (args.includes("--seed-only")) {
    await migrateDatabase(url);
    const database = await openDatabase(url);
    await seed(database.prisma, agencyCount, assignmentCount, weeks).finally(() => database.close());
    return;
  }
  const seedStart = performance.now();
  // Seeded in a process of its own: what seeding grew (~680 MB RSS) would stay with this one and
  // be counted in the reports' peak memory (the 784 -> 968 MB of a fresh run was mostly that).
  if (!reuse) seedInChild(file, [agencyCount, assignmentCount, weeks]);
  const seedMs = performance.now() - seedStart;
  const database = await openDatabase(url);
  const db = database.prisma;
  try {
    const memory = new MemorySampler();
    try {
      await measure(db, memory, seedMs, reuse);
    } finally {
      memory.stop();
    }
  } finally {
    await database.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs this benchmark with --seed-only in a child process (the same node flags: tsx's loader). */
function seedInChild(file: string, [agencies, assignments, weeks]: number[]): void {
  const counts = ["--agencies", String(agencies), "--assignments", String(assignments), "--weeks", String(weeks)];
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, "report", "--seed-only", "--db", file, ...counts], {
    stdio: "inherit",
  });
  if (child.status !== 0) throw new Error(`seeding failed (exit ${child.status ?? child.signal})`);
}

async function seed(db: Db, agencyCount: number, assignmentCount: number, weeks: number): Promise<void> {
  const perResolution = 5;
  const committee = await db.committee.create({
    data: {
      code: "bench",
      name: "کارگروه اشتغال و سرمایه‌گذاری استان",
      calendar: { thursday: "off", officeHours: { start: "08:00", end: "14:00" } },
      weeklyReportTemplate: TEMPLATE,
      quotas: [
        { indicator: "jobs_created", year: 1405, target: 120_000, agencies: { a0: 400, a1: 300 } },
        { indicator: "facilities_paid", year: 1405, target: 5_000_000, agencies: {} },
      ],
    },
  });
  await inChunks(
    Array.from({ length: agencyCount }, (_, i) => ({ code: `a${i}`, name: `اداره شماره ${i + 1} شهرستان نمونه` })),
    (data) => db.agency.createMany({ data }),
  );
  const agencies = await db.agency.findMany({ orderBy: { id: "asc" }, select: { id: true } });
  await db.committeeAgency.createMany({ data: agencies.map((a) => ({ committeeId: committee.id, agencyId: a.id })) });
  const liaison = await db.person.create({ data: { name: "کارشناس رابط" } });

  // 4,000 resolutions over 40 meetings, each assigned to 5 consecutive agencies.
  const resolutionCount = Math.ceil(assignmentCount / perResolution);
  const meetingCount = 40;
  for (let m = 0; m < meetingCount; m++) {
    const heldOn = jalaliToInstant(addJalaliDays(FIRST_SATURDAY, m * 8), { h: 10, m: 0 });
    await db.meeting.create({ data: { committeeId: committee.id, number: `1405-${m + 1}`, heldOn, publishedAt: heldOn } });
  }
  const meetings = await db.meeting.findMany({ orderBy: { id: "asc" }, select: { id: true, heldOn: true } });
  await inChunks(
    Array.from({ length: resolutionCount }, (_, r) => {
      const meeting = meetings[r % meetingCount]!;
      return {
        meetingId: meeting.id,
        number: Math.floor(r / meetingCount) + 1,
        text: `مصوبه آزمایشی شماره ${r + 1}: پیگیری پرداخت تسهیلات اشتغال فراگیر و گزارش نتیجه به فرمانداری.`,
        kind: r % 25 === 0 ? "standing" : "one_off",
        deadline: new Date(meeting.heldOn.getTime() + (20 + (r % 90)) * 86_400_000),
      };
    }),
    (data) => db.resolution.createMany({ data }),
  );
  const resolutions = await db.resolution.findMany({ orderBy: { id: "asc" }, select: { id: true, deadline: true } });
  const assignmentRows = resolutions.flatMap((res, r) =>
    Array.from({ length: perResolution }, (_, k) => {
      const status = STATUSES[(r * 7 + k) % STATUSES.length]!;
      const deadline = res.deadline!;
      return {
        resolutionId: res.id,
        agencyId: agencies[(r * perResolution + k) % agencies.length]!.id,
        role: k === 0 ? "lead" : "co",
        status,
        percent: status === "done" ? 100 : status === "assigned" ? 0 : (r * 13 + k * 17) % 100,
        deadline,
        publishedAt: deadline,
        acknowledgedAt: status === "assigned" ? null : deadline,
        reportedDoneAt: status === "reported_done" || status === "done" ? new Date(deadline.getTime() + ((r % 5) - 2) * 86_400_000) : null,
        doneAt: status === "done" ? new Date(deadline.getTime() + ((r % 5) - 1) * 86_400_000) : null,
        blockedReason: status === "blocked" ? "اعتبار تأمین نشده است" : null,
      };
    }),
  );
  await inChunks(assignmentRows.slice(0, assignmentCount), (data) => db.assignment.createMany({ data }));
  const assignments = await db.assignment.findMany({ orderBy: { id: "asc" }, select: { id: true, deadline: true } });
  await inChunks(
    assignments.map((a, i) => ({
      assignmentId: a.id,
      personId: liaison.id,
      platform: "bale",
      kind: "progress",
      text: "نامه به بانک‌های عامل ارسال شد و پیگیری ادامه دارد.",
      percent: (i * 13) % 100,
      createdAt: new Date(a.deadline!.getTime() - 5 * 86_400_000),
    })),
    (data) => db.progressUpdate.createMany({ data }),
  );

  // A year of weekly reports: every agency, every week; a few late, one in ten missing.
  for (let w = 0; w < weeks; w++) {
    const saturday = addJalaliDays(FIRST_SATURDAY, w * 7);
    const opensAt = jalaliToInstant(saturday, { h: 8, m: 0 });
    const dueAt = jalaliToInstant(addJalaliDays(saturday, 3), { h: 14, m: 0 });
    const cycle = await db.weeklyReportCycle.create({
      data: { committeeId: committee.id, period: `1405-W${w + 1}`, opensAt, dueAt, openedAt: opensAt, createdAt: opensAt },
    });
    const rows = agencies.flatMap((a, i) =>
      (i + w) % 10 === 0
        ? []
        : [
            {
              cycleId: cycle.id,
              agencyId: a.id,
              personId: liaison.id,
              platform: "bale",
              answers: {
                summary: "دو جلسه با بانک‌ها",
                jobs_created: (i + w) % 7,
                facilities_paid: ((i * 31 + w) % 50) * 10,
                cases_at_banks: (i + w) % 3,
              },
              late: (i + w) % 13 === 0,
              submittedAt: dueAt,
              updatedAt: dueAt,
            },
          ],
    );
    await inChunks(rows, (data) => db.weeklyReportSubmission.createMany({ data }));
  }
}

async function measure(db: Db, memory: MemorySampler, seedMs: number, reused: boolean): Promise<void> {
  const committee = await db.committee.findUniqueOrThrow({ where: { code: "bench" } });
  const agencyCount = await db.committeeAgency.count({ where: { committeeId: committee.id } });

  const clock = new ManualClock(NOW);
  const i18n = createI18n(() => undefined) as never;
  const services = createServices({
    db,
    clock,
    logger: createLogger("silent"),
    i18n,
    settings: { platforms: ["bale"], inviteTtlDays: 14, maxAttachmentBytes: 20 * 1024 * 1024 },
  });
  const t = translatorFor(i18n, "fa");
  const input = await loadFiguresInput(db, committee.id, NOW, "year");
  const compute = await best(3, async () => computeFigures(input));
  const fresh = await best(3, async () => computeFigures(await loadFiguresInput(db, committee.id, NOW, "year")));
  const figures = await best(3, () => services.reports.committeeReport("bench", "year"));
  memory.mark("figures");
  const chart = await best(3, () =>
    renderChartPng({
      committeeName: committee.name,
      figures: figures.result.figures,
      t,
      periodLabel: periodLabel(figures.result.figures.period, t),
    }),
  );
  const svg = await best(3, async () =>
    chartSvg({
      committeeName: committee.name,
      figures: figures.result.figures,
      t,
      periodLabel: periodLabel(figures.result.figures.period, t),
    }),
  );
  memory.mark("chart");
  // The product's path first, so that its peak memory is its own (the split below holds a second copy).
  const workbook = await best(1, () => services.exports.workbookOf("bench"));
  const productPeak = { rss: memory.peakRssMb, heap: memory.peakHeapMb };
  memory.mark("workbook");
  const exportData = await best(1, () => loadExportData(db, committee.id, NOW, periodContaining("all", NOW)));
  const written = await best(1, () => writeWorkbook(exportData.result, t));
  memory.mark("workbook split");
  memory.stop();

  const goal = (ms: number, limit: number) => `${ms.toFixed(0)} ms (goal < ${limit} ms: ${ms < limit ? "met" : "MISSED"})`;
  printTable("report: figures, chart and workbook of one committee", [
    ["agencies", agencyCount],
    ["assignments", await db.assignment.count()],
    ["progress updates", await db.progressUpdate.count()],
    ["weekly reports", await db.weeklyReportSubmission.count()],
    ["seed", reused ? "reused" : `${(seedMs / 1000).toFixed(1)} s`],
    ["figures (load + compute)", goal(fresh.ms, 200)],
    ["  of which compute", `${compute.ms.toFixed(0)} ms`],
    ["figures, committee unchanged", `${figures.ms.toFixed(0)} ms (kept figures, after reading the fingerprint)`],
    ["chart PNG", `${goal(chart.ms, 300)}, ${(chart.result.length / 1024).toFixed(0)} KB`],
    ["  of which SVG", `${svg.ms.toFixed(0)} ms`],
    [
      "workbook",
      `${goal(workbook.ms, 5_000)}, ${(workbook.result.bytes.length / 1_048_576).toFixed(1)} MB, ${workbook.result.rows.history} history rows`,
    ],
    ["  of which loading rows", `${exportData.ms.toFixed(0)} ms`],
    ["  of which writing xlsx", `${written.ms.toFixed(0)} ms`],
    ["peak RSS, through the workbook", `${productPeak.rss.toFixed(0)} MB (heap ${productPeak.heap.toFixed(0)} MB; no goal set)`],
    ["peak RSS, whole run", `${memory.peakRssMb.toFixed(0)} MB (heap ${memory.peakHeapMb.toFixed(0)} MB, with the split's second copy)`],
    [
      "  RSS by phase",
      `start ${memory.startRssMb.toFixed(0)} MB, ` +
        memory.phases.map((p) => `${p.name} ${p.peakRssMb.toFixed(0)}`).join(", ") +
        " MB (peaks)",
    ],
  ]);
}
