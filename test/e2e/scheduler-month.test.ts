/**
 * A month of the pardis fixture, through the real bot over the fake Bot API, with a moving clock:
 * a pass every hour, day and night, from publication (Wednesday 1405/09/04 10:00) to 1405/10/04.
 * Who receives which reminder, escalation and weekly-cycle message on which working day is checked
 * against the table below, written by hand from the policy (design.md's ladder) and the pardis
 * calendar (Thursday off, 08:00–14:00, 1405/09/24 closed). Whatever the table says, nothing is
 * ever received on a Friday, on 1405/09/24, or outside 08:00–14:00, and nothing twice.
 *
 * What the people do: tavon's liaison acknowledges resolution 1 on Saturday 09/07 at 11:00 (after
 * the first reminder); smt reports every week on Sunday; nobody else does anything.
 *
 * Then: a `kill -9` of a `peygir sweep` process in the middle of its pass (rows claimed, nothing
 * committed), and a restart that sends everything exactly once; and, on PostgreSQL, two passes at
 * once on one database that queue each message once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { HOUR_MS, MINUTE_MS, instantAt, tehranClock, jalaliKey } from "../../src/domain/calendar/index.js";
import { Scheduler } from "../../src/scheduler/scheduler.js";
import { AssignmentLadderSource } from "../../src/services/escalation/assignment-ladder.js";
import { WeeklyCycleSource } from "../../src/services/escalation/weekly-cycle-source.js";
import type { FakeUser } from "../fake-bot-api/user.js";
import {
  PEOPLE,
  assignmentId,
  messageAbout,
  personId,
  pressLabelled,
  publishMeeting,
  startPardis,
  type Pardis,
} from "../support/agency.js";
import { testDatabases } from "../support/databases.js";
import { outboxSettled } from "../support/outbox.js";

const at = (jm: number, jd: number, h: number, m = 0) => instantAt({ jy: 1405, jm, jd }, h * HOUR_MS + m * MINUTE_MS);

/** What a message is, from its first words. */
function kindOf(text: string): string {
  if (text.startsWith("⏰ یادآوری پیگیری")) return "reminder";
  if (text.startsWith("📋 گزارش پیگیری مصوبات")) return "digest";
  if (text.startsWith("📊 وضعیت گزارش‌های هفتگی")) return "compliance";
  if (text.startsWith("📊 گزارش هفتگی")) return "weekly-prompt";
  if (text.startsWith("⏰ یادآوری: مهلت گزارش هفتگی")) return "weekly-day-before";
  if (text.startsWith("⏰ یادآوری: امروز آخرین مهلت")) return "weekly-due-morning";
  if (text.startsWith("⚠️ گزارش هفتگی")) return "weekly-missing-head";
  if (text.startsWith("⚠️ هیچ‌کس در دستگاه")) return "unreachable";
  return `other: ${text.slice(0, 40)}`;
}

interface Received {
  who: string;
  at: Date;
  kind: string;
  text: string;
}

/**
 * The hand-written table: [Jalali month/day, hour of the pass, who, what][, how many]. The passes run
 * at hh:05, so a rung due at 08:00 or 10:00 is received in that hour. Why each row, by the policy:
 *
 *  9/7  08  week W37 opens (Saturday 08:00): the prompt to tavon's liaison and smt's (Nouri); the five
 *           agencies nobody of which joined are reported to the secretariat, once each.
 *  9/7  10  unacknowledged+1d (published Wednesday 9/4 10:00; Thursday off, Friday): liaisons.
 *  9/8  10  unacknowledged+2d: the heads (tavon's without resolution 1, acknowledged 9/7 11:05).
 *  9/9, 9/10 08  W37's reminders (due Tuesday 9/10 14:00) to tavon only: smt reported on Sunday.
 *  9/11 08  W37's compliance digest, the first working instant after the due time.
 *  9/14 08  W38 opens; W37's missing report to tavon's head (a working day after the due time).
 *  9/15 08  resolution 1 (deadline Friday 9/20 → its working day is Wednesday 9/18): deadline−3d to
 *           tavon and smt; W37's missing reports into the governorate digest.
 *  9/16 08  W38's day-before reminder; resolution 2 (omran, due 9/15) overdue+1d: digest.
 *  9/17 08  resolution 1 deadline−1d; W38's due-morning reminder.
 *  9/18 08  resolution 1's deadline morning: liaison and head; W38's compliance digest.
 *  9/21 08  W39 opens; W38's missing report to the head; resolution 1 overdue+1d: digest.
 *  9/22 08  resolution 2 overdue+5d to the governor; W38's missing reports: ONE digest with both (one per pass).
 *  9/23 08  W39 is due on Tuesday 9/24, the committee's closure: the day-before reminder on Monday, and
 *           no due-morning reminder at all.
 *  9/25 08  resolution 6 (due Monday 9/30) deadline−3d (Wednesday: 9/26 Thursday off, 9/27 Friday);
 *           W39's compliance digest, after the closure.
 *  9/28 08  W40 opens; W39's missing report to the head; resolution 1 overdue+5d (9/24 not counted).
 *  9/29 08  resolution 6 deadline−1d; W39's missing reports into the digest.
 *  9/30 08  resolution 6's deadline morning (liaison, head); W40's day-before reminder; resolution 2's
 *           weekly repeat (five working days after overdue+5d).
 *  10/1 08  W40's due-morning reminder; resolution 6 overdue+1d: digest.
 *  10/2     a national holiday (and then Thursday and Friday): nothing to 10/4.
 */
const TABLE: ([string, number, string, string] | [string, number, string, string, number])[] = [
  ["9/7", 8, "tavonLiaison", "weekly-prompt"],
  ["9/7", 8, "smt", "weekly-prompt"],
  ["9/7", 8, "secretariat", "unreachable", 5],
  ["9/7", 10, "tavonLiaison", "reminder"],
  ["9/7", 10, "smt", "reminder"],
  ["9/8", 10, "tavonHead", "reminder"],
  ["9/8", 10, "smt", "reminder"],
  ["9/9", 8, "tavonLiaison", "weekly-day-before"],
  ["9/10", 8, "tavonLiaison", "weekly-due-morning"],
  ["9/11", 8, "secretariat", "compliance"],
  ["9/11", 8, "governor", "compliance"],
  ["9/14", 8, "tavonLiaison", "weekly-prompt"],
  ["9/14", 8, "tavonHead", "weekly-missing-head"],
  ["9/14", 8, "smt", "weekly-prompt"],
  ["9/15", 8, "tavonLiaison", "reminder"],
  ["9/15", 8, "smt", "reminder"],
  ["9/15", 8, "governor", "digest"],
  ["9/16", 8, "tavonLiaison", "weekly-day-before"],
  ["9/16", 8, "governor", "digest"],
  ["9/17", 8, "tavonLiaison", "reminder"],
  ["9/17", 8, "tavonLiaison", "weekly-due-morning"],
  ["9/17", 8, "smt", "reminder"],
  ["9/18", 8, "tavonLiaison", "reminder"],
  ["9/18", 8, "tavonHead", "reminder"],
  ["9/18", 8, "smt", "reminder"],
  ["9/18", 8, "secretariat", "compliance"],
  ["9/18", 8, "governor", "compliance"],
  ["9/21", 8, "tavonLiaison", "weekly-prompt"],
  ["9/21", 8, "tavonHead", "weekly-missing-head"],
  ["9/21", 8, "smt", "weekly-prompt"],
  ["9/21", 8, "governor", "digest"],
  ["9/22", 8, "governor", "digest"],
  ["9/23", 8, "tavonLiaison", "weekly-day-before"],
  ["9/25", 8, "tavonLiaison", "reminder"],
  ["9/25", 8, "secretariat", "compliance"],
  ["9/25", 8, "governor", "compliance"],
  ["9/28", 8, "tavonLiaison", "weekly-prompt"],
  ["9/28", 8, "tavonHead", "weekly-missing-head"],
  ["9/28", 8, "smt", "weekly-prompt"],
  ["9/28", 8, "governor", "digest"],
  ["9/29", 8, "tavonLiaison", "reminder"],
  ["9/29", 8, "governor", "digest"],
  ["9/30", 8, "tavonLiaison", "reminder"],
  ["9/30", 8, "tavonLiaison", "weekly-day-before"],
  ["9/30", 8, "tavonHead", "reminder"],
  ["9/30", 8, "governor", "digest"],
  ["10/1", 8, "tavonLiaison", "weekly-due-morning"],
  ["10/1", 8, "governor", "digest"],
];

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** `peygir sweep --at …` as its own process (the real CLI), for a crash mid-pass. */
function spawnSweep(databaseUrl: string, atIso: string) {
  const child = spawn(process.execPath, [path.join(ROOT, "bin", "peygir.js"), "sweep", "--at", atIso], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", NODE_ENV: "test", DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, output: () => output };
}

describe.each(testDatabases())("a month of pardis on $name", (target) => {
  let pardis: Pardis;
  let users: Record<string, FakeUser>;
  const log: Received[] = [];
  const seen = new Map<string, number>();

  const collect = async (now: Date) => {
    await outboxSettled(pardis.e2e.app);
    for (const [who, user] of Object.entries(users)) {
      const all = user.messages();
      for (const m of all.slice(seen.get(who) ?? 0)) log.push({ who, at: now, kind: kindOf(m.text ?? ""), text: m.text ?? "" });
      seen.set(who, all.length);
    }
  };

  beforeAll(async () => {
    pardis = await startPardis(target, { platforms: ["bale"] });
    users = {
      tavonLiaison: await pardis.e2e.bindUser("bale", PEOPLE.tavonLiaison),
      tavonHead: await pardis.e2e.bindUser("bale", PEOPLE.tavonHead),
      smt: await pardis.e2e.bindUser("bale", PEOPLE.smt),
      secretariat: await pardis.e2e.bindUser("bale", PEOPLE.secretariat),
      governor: await pardis.e2e.bindUser("bale", PEOPLE.governorate),
    };
    await publishMeeting(pardis.e2e);
    await new Promise((r) => setTimeout(r, 150));
    for (const [who, user] of Object.entries(users)) seen.set(who, user.messages().length);

    const smtAgency = await pardis.e2e.app.database.prisma.agency.findUniqueOrThrow({ where: { code: "smt" } });
    const smtPerson = await personId(pardis.e2e, PEOPLE.smt);
    const r1 = await assignmentId(pardis.e2e, 1, "tavon");
    // Every hour at five past, day and night, for a month.
    for (let t = at(9, 4, 11, 5); t.getTime() <= at(10, 4, 23, 5).getTime(); t = new Date(t.getTime() + HOUR_MS)) {
      pardis.clock.set(t);
      await pardis.e2e.app.scheduler.runPass();
      await collect(t);
      const { date, msOfDay } = tehranClock(t);
      if (date.jm === 9 && date.jd === 7 && msOfDay === 11 * HOUR_MS + 5 * MINUTE_MS) {
        const answer = await pressLabelled(users.tavonLiaison!, messageAbout(users.tavonLiaison!, r1), "رویت شد");
        expect(answer.text ?? "").not.toContain("خطا");
        seen.set("tavonLiaison", users.tavonLiaison!.messages().length);
      }
      // smt reports on Sunday mornings, into the cycle open then.
      if (msOfDay === 10 * HOUR_MS + 5 * MINUTE_MS && t.getUTCDay() === 0) {
        const [slot] = (await pardis.e2e.app.services.weeklyReports.slotsFor(smtPerson)).filter((s) => s.agency.id === smtAgency.id);
        if (slot && !slot.submitted) {
          const result = await pardis.e2e.app.services.weeklyReports.submit(
            { personId: smtPerson, platform: "bale" },
            {
              cycleId: slot.cycleId,
              agencyId: smtAgency.id,
              answers: { summary: "پیشرفت هفته", jobs_created: 5, facilities_paid: 1000, cases_at_banks: 1 },
            },
          );
          expect(result.ok).toBe(true);
        }
      }
    }
  }, 600_000);
  afterAll(async () => {
    await pardis?.stop();
  });

  it("who receives what on which working day is the table's, row for row", () => {
    const observed = new Map<string, number>();
    for (const r of log) {
      const { date, msOfDay } = tehranClock(r.at);
      const key = JSON.stringify([`${date.jm}/${date.jd}`, Math.floor(msOfDay / HOUR_MS), r.who, r.kind]);
      observed.set(key, (observed.get(key) ?? 0) + 1);
    }
    const expected = new Map(TABLE.map(([d, h, who, kind, n]) => [JSON.stringify([d, h, who, kind]), n ?? 1]));
    expect([...observed.entries()].sort()).toEqual([...expected.entries()].sort());
  });

  it("never on a Friday, never on 1405/09/24, never outside 08:00–14:00, never the same message twice", () => {
    expect(log.length).toBeGreaterThan(40);
    for (const r of log) {
      const { date, msOfDay } = tehranClock(r.at);
      // Tehran is UTC+03:30 all year: its weekday is the UTC weekday of the instant moved by that much.
      expect(new Date(r.at.getTime() + 3.5 * HOUR_MS).getUTCDay()).not.toBe(5);
      expect(jalaliKey(date)).not.toBe("1405/09/24");
      expect(msOfDay).toBeGreaterThanOrEqual(8 * HOUR_MS);
      expect(msOfDay).toBeLessThan(14 * HOUR_MS);
    }
    const texts = log.map((r) => `${r.who}: ${r.text}`);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it("what the messages say: items bundled per person, days left, the head told who was reminded, the digest worst first", () => {
    const first = (who: string, day: string, kind: string) =>
      log.find((r) => r.who === who && r.kind === kind && `${tehranClock(r.at).date.jm}/${tehranClock(r.at).date.jd}` === day)!.text;
    expect(first("tavonLiaison", "9/7", "reminder")).toContain("⏰ یادآوری پیگیری: ۵ مورد");
    expect(first("tavonHead", "9/8", "reminder")).toContain("⏰ یادآوری پیگیری: ۴ مورد");
    expect(first("tavonHead", "9/8", "reminder")).toContain("به کارشناس رابط (زهرا موسوی)");
    expect(first("tavonLiaison", "9/15", "reminder")).toContain("۳ روز کاری مانده");
    expect(first("tavonLiaison", "9/15", "reminder")).toContain("۱ از ۲ دستگاه پاسخ داده‌اند.");
    expect(first("governor", "9/22", "digest")).toBeDefined();
    const governor922 = log
      .filter((r) => r.who === "governor" && r.kind === "digest" && tehranClock(r.at).date.jd === 22)
      .map((r) => r.text);
    // The ladder's overdue item and the weekly cycle's missing reports, in one message.
    expect(governor922).toHaveLength(1);
    expect(governor922[0]).toContain("🔴 ارجاع به فرماندار");
    expect(governor922[0]).toContain("گزارش هفتگی ۱۴۰۵-W۳۸ ارسال نشده است");
    expect(first("governor", "9/30", "digest")).toContain("۱۰ روز کاری تأخیر");
    const compliance = first("governor", "9/18", "compliance");
    expect(compliance).toContain("به‌موقع: ۱ · با تأخیر: ۰ · ارسال‌نشده: ۶ (از ۷ دستگاه)");
    expect(compliance).toContain("۵ نفر");
  });
});

const T = at(9, 7, 10, 5);

describe.each(testDatabases())("a crash in the middle of a pass on $name", (target) => {
  let pardis: Pardis;
  beforeAll(async () => {
    pardis = await startPardis(target, { platforms: ["bale"] });
    for (const phone of [PEOPLE.tavonLiaison, PEOPLE.tavonHead, PEOPLE.smt, PEOPLE.secretariat]) await pardis.e2e.bindUser("bale", phone);
    await publishMeeting(pardis.e2e);
    pardis.clock.set(at(9, 4, 11));
    await pardis.e2e.app.scheduler.runPass(); // creates the week's cycle
  });
  afterAll(async () => {
    await pardis?.stop();
  });

  it("kill -9 after the pass claimed its rows, restart: every due message queued once, none skipped", async () => {
    const db = pardis.e2e.app.database.prisma;
    const planned = await pardis.e2e.app.scheduler.runPass({ at: T, dryRun: true });
    const plannedMessages = planned.sources.flatMap((s) => s.queued).reduce((n, q) => n + q.messages, 0);
    const due = await db.assignment.count({ where: { nextEscalationAt: { lte: T } } });
    expect(due).toBeGreaterThan(20);
    const before = await db.outboxMessage.count();

    const first = spawnSweep(pardis.database.url, T.toISOString());
    let sawClaim = false;
    for (let i = 0; i < 20_000 && !sawClaim; i++) {
      const leased = await db.assignment.count({ where: { escalationLeasedBy: { startsWith: "cli-sweep" } } });
      if (leased > 0) {
        first.child.kill("SIGKILL");
        sawClaim = true;
      } else if (first.child.exitCode !== null) break;
      else await new Promise((r) => setTimeout(r, 2));
    }
    expect(sawClaim, `the sweep finished before its claim was seen:\n${first.output()}`).toBe(true);
    expect((await first.exited).signal).toBe("SIGKILL");
    // Killed between the claim and its batch's commit: nothing of the batch was written.
    expect(await db.outboxMessage.count()).toBe(before);

    // The restart, once the dead process's lease has run out (5 minutes).
    const second = spawnSweep(pardis.database.url, new Date(T.getTime() + 6 * MINUTE_MS).toISOString());
    expect((await second.exited).code, second.output()).toBe(0);
    expect(await db.outboxMessage.count()).toBe(before + plannedMessages);
    expect(await db.escalationEvent.count({ where: { step: "unacknowledged+1d" } })).toBe(due);
    expect(await db.assignment.count({ where: { escalationLeasedBy: { not: null } } })).toBe(0);
    const keys = (await db.outboxMessage.findMany({ select: { chatId: true, payload: true } })).map(
      (r) => `${r.chatId} ${JSON.stringify(r.payload)}`,
    );
    expect(new Set(keys).size).toBe(keys.length);

    // And again: nothing new.
    const third = spawnSweep(pardis.database.url, new Date(T.getTime() + 7 * MINUTE_MS).toISOString());
    expect((await third.exited).code).toBe(0);
    expect(third.output()).toContain("Nothing queued.");
    expect(await db.outboxMessage.count()).toBe(before + plannedMessages);
  }, 120_000);
});

describe.each(testDatabases().filter((t) => t.name === "postgres"))("two passes at once on $name", (target) => {
  let pardis: Pardis;
  beforeAll(async () => {
    pardis = await startPardis(target, { platforms: ["bale"] });
    for (const phone of [PEOPLE.tavonLiaison, PEOPLE.tavonHead, PEOPLE.smt, PEOPLE.secretariat]) await pardis.e2e.bindUser("bale", phone);
    await publishMeeting(pardis.e2e);
    pardis.clock.set(at(9, 4, 11));
    await pardis.e2e.app.scheduler.runPass();
  });
  afterAll(async () => {
    await pardis?.stop();
  });

  it("queue each message once: the claims (FOR UPDATE SKIP LOCKED) split the due rows between them", async () => {
    const db = pardis.e2e.app.database.prisma;
    const planned = (await pardis.e2e.app.scheduler.runPass({ at: T, dryRun: true })).sources.flatMap((s) => s.queued);
    // Each item a reminder names, once per chat it goes to (small batches bundle less, so count items, not messages).
    const plannedItems = planned.filter((q) => q.kind === "reminder").reduce((n, q) => n + q.summary.split("; ").length * q.messages, 0);
    const plannedOthers = planned.filter((q) => q.kind !== "reminder").reduce((n, q) => n + q.messages, 0);
    const due = await db.assignment.count({ where: { nextEscalationAt: { lte: T } } });
    const lastBefore = (await db.outboxMessage.aggregate({ _max: { id: true } }))._max.id ?? 0;
    // Two instances, small batches so that their claims interleave.
    const instance = (name: string) =>
      new Scheduler({
        sources: [
          new AssignmentLadderSource(db, pardis.e2e.app.services.notifier, ["bale"], 3),
          new WeeklyCycleSource(db, pardis.e2e.app.services.notifier, ["bale"], 1),
        ],
        clock: pardis.clock,
        logger: pardis.e2e.logger,
        instanceId: name,
        provider: "postgres",
      });
    const [a, b] = await Promise.all([instance("one").runPass({ at: T }), instance("two").runPass({ at: T })]);
    const claimed = (r: typeof a) => r.sources.find((s) => s.name === "assignment-ladder")!.claimed;
    expect(claimed(a) + claimed(b)).toBe(due);
    expect(await db.escalationEvent.count({ where: { step: "unacknowledged+1d" } })).toBe(due);
    const rows = await db.outboxMessage.findMany({ where: { id: { gt: lastBefore } }, select: { chatId: true, payload: true } });
    const texts = rows.map((r) => JSON.stringify(r.payload));
    const items = texts.reduce((n, t) => n + (t.match(/📌 مصوبه/g) ?? []).length, 0);
    expect(items).toBe(plannedItems);
    expect(texts.filter((t) => !t.includes("⏰ یادآوری پیگیری"))).toHaveLength(plannedOthers);
    const keys = rows.map((r, i) => `${r.chatId} ${texts[i]}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
