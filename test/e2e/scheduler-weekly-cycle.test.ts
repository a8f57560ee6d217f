/**
 * The weekly-report cycle runs itself, through the real bot: the week's cycle is created by the
 * scheduler and opens at the template's time with the prompt (no operator command); those who have
 * not reported are reminded the working day before and on the morning of the due day; after the
 * due time the secretariat and the governorate get the compliance digest (on time / late / missing
 * by agency, totals of the numbers); a missing report then goes to the agency head and into the
 * governorate digest. Every pass repeated at its instant queues nothing new. On each database.
 *
 * Pardis' week 1405-W37: opens Saturday 7 Azar 08:00, due Tuesday 10 Azar 14:00.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOUR_MS, MINUTE_MS, instantAt } from "../../src/domain/calendar/index.js";
import type { FakeUser } from "../fake-bot-api/user.js";
import { PEOPLE, personId, publishMeeting, startPardis, type Pardis } from "../support/agency.js";
import { toMinute } from "../support/clock.js";
import { testDatabases } from "../support/databases.js";
import { outboxSettled } from "../support/outbox.js";

const azar = (day: number, h: number, m = 0) => instantAt({ jy: 1405, jm: 9, jd: day }, h * HOUR_MS + m * MINUTE_MS);
const WEEKLY = /گزارش(‌های)? هفتگی/;

describe.each(testDatabases())("the weekly-report cycle on its own, on $name", (target) => {
  let pardis: Pardis;
  let tavonLiaison: FakeUser;
  let tavonHead: FakeUser;
  let smt: FakeUser;
  let secretariat: FakeUser;
  let governor: FakeUser;
  let seen: Map<FakeUser, number>;
  const everyone = () => [tavonLiaison, tavonHead, smt, secretariat, governor];

  const pass = async (at: Date, dryRun = false) => {
    pardis.clock.set(at);
    const report = await pardis.e2e.app.scheduler.runPass({ dryRun });
    await outboxSettled(pardis.e2e.app);
    return report.sources.find((s) => s.name === "weekly-cycles")!;
  };
  /** Weekly-report messages each one received since the last call. */
  const received = async () => {
    await new Promise((r) => setTimeout(r, 100));
    const got = new Map<FakeUser, string[]>();
    for (const user of everyone()) {
      const all = user.messages();
      got.set(
        user,
        all
          .slice(seen.get(user) ?? 0)
          .map((m) => m.text ?? "")
          .filter((text) => WEEKLY.test(text)),
      );
      seen.set(user, all.length);
    }
    return got;
  };
  const cycle = () =>
    pardis.e2e.app.database.prisma.weeklyReportCycle.findFirstOrThrow({ where: { period: "1405-W37" }, orderBy: { id: "asc" } });

  beforeAll(async () => {
    pardis = await startPardis(target, { platforms: ["bale"] });
    tavonLiaison = await pardis.e2e.bindUser("bale", PEOPLE.tavonLiaison);
    tavonHead = await pardis.e2e.bindUser("bale", PEOPLE.tavonHead);
    smt = await pardis.e2e.bindUser("bale", PEOPLE.smt);
    secretariat = await pardis.e2e.bindUser("bale", PEOPLE.secretariat);
    governor = await pardis.e2e.bindUser("bale", PEOPLE.governorate);
    await publishMeeting(pardis.e2e);
    seen = new Map(everyone().map((u) => [u, u.messages().length]));
  });
  afterAll(async () => {
    await pardis?.stop();
  });

  it("a pass on Wednesday creates the coming week's cycle, scheduled at its opening, and sends nothing yet", async () => {
    await pass(azar(4, 11));
    const c = await cycle();
    expect(c.opensAt).toEqual(azar(7, 8));
    expect(c.dueAt).toEqual(azar(10, 14));
    expect(c.nextActionAt).toEqual(azar(7, 8));
    expect(c.nextActionStep).toBe("open");
    expect(c.openedAt).toBeNull();
    for (const messages of (await received()).values()) expect(messages).toEqual([]);
  });

  it("a dry run on Saturday morning says what it would send and writes nothing", async () => {
    const report = await pass(azar(7, 8, 1), true);
    expect(report.queued.filter((q) => q.kind === "weekly_report:open").map((q) => q.recipient)).toEqual(
      expect.arrayContaining(["زهرا موسوی"]),
    );
    expect((await cycle()).openedAt).toBeNull();
    for (const messages of (await received()).values()) expect(messages).toEqual([]);
  });

  it("Saturday 08:00: the cycle opens by itself, the prompt goes to each agency's liaison (not to a head who has one)", async () => {
    await pass(azar(7, 8, 1));
    const got = await received();
    expect(got.get(tavonLiaison)).toEqual([expect.stringContaining("📊 گزارش هفتگی")]);
    expect(got.get(smt)).toEqual([expect.stringContaining("📊 گزارش هفتگی")]);
    expect(got.get(tavonHead)).toEqual([]);
    expect(got.get(governor)).toEqual([]);
    expect(toMinute((await cycle()).openedAt)).toEqual(azar(7, 8, 1));
    expect((await cycle()).nextActionStep).toBe("remind_day_before");
  });

  it("the same pass again queues nothing", async () => {
    const before = await pardis.e2e.app.database.prisma.outboxMessage.count();
    const report = await pass(azar(7, 8, 1));
    expect(report.acted).toBe(0);
    expect(await pardis.e2e.app.database.prisma.outboxMessage.count()).toBe(before);
  });

  it("smt reports on Sunday; on Monday morning only tavon, which has not, is reminded (the due day is tomorrow)", async () => {
    pardis.clock.set(azar(8, 10));
    const c = await cycle();
    const smtAgency = await pardis.e2e.app.database.prisma.agency.findUniqueOrThrow({ where: { code: "smt" } });
    const submitted = await pardis.e2e.app.services.weeklyReports.submit(
      { personId: await personId(pardis.e2e, PEOPLE.smt), platform: "bale" },
      {
        cycleId: c.id,
        agencyId: smtAgency.id,
        answers: { summary: "سه طرح جدید", jobs_created: 12, facilities_paid: 3500, cases_at_banks: 2 },
      },
    );
    expect(submitted).toMatchObject({ ok: true, late: false });
    await received();
    await pass(azar(9, 8, 1));
    const got = await received();
    expect(got.get(tavonLiaison)).toEqual([expect.stringContaining("فردا")]);
    expect(got.get(smt)).toEqual([]);
    expect(got.get(tavonHead)).toEqual([]);
  });

  it("Tuesday morning: the due-day reminder, again only to tavon", async () => {
    await pass(azar(10, 8, 1));
    const got = await received();
    expect(got.get(tavonLiaison)).toEqual([expect.stringContaining("امروز آخرین مهلت")]);
    expect(got.get(smt)).toEqual([]);
  });

  it("after the due time (the next working morning) the secretariat and the governor get the compliance digest with the totals", async () => {
    await pass(azar(10, 13, 59));
    expect([...(await received()).values()].flat()).toEqual([]);
    await pass(azar(11, 8, 1));
    const got = await received();
    for (const user of [secretariat, governor]) {
      const [digest, ...more] = got.get(user)!;
      expect(more).toEqual([]);
      expect(digest).toContain("📊 وضعیت گزارش‌های هفتگی ۱۴۰۵-W۳۷");
      expect(digest).toContain("به‌موقع: ۱ · با تأخیر: ۰ · ارسال‌نشده: ۶ (از ۷ دستگاه)");
      expect(digest).toContain("✅ به‌موقع: اداره صنعت، معدن و تجارت شهرستان پردیس");
      expect(digest).toContain("اداره تعاون، کار و رفاه اجتماعی شهرستان پردیس");
      expect(digest).toMatch(/تعداد اشتغال ایجادشده و ثبت‌شده در سامانه رصد: ۱۲ نفر/);
      expect(digest).toMatch(/پرداخت‌شده: ۳[٬,]?۵۰۰ میلیون ریال/);
    }
    expect(got.get(tavonLiaison)).toEqual([]);
  });

  it("a working day later the missing report goes to tavon's head; the next day into the governorate digest", async () => {
    await pass(azar(14, 8, 1));
    const saturday = await received();
    expect(saturday.get(tavonHead)).toEqual([expect.stringContaining("به عنوان رئیس دستگاه")]);
    expect(saturday.get(smt)!.filter((t) => t.includes("رئیس"))).toEqual([]);
    // The next week's cycle opened at the same time.
    expect(saturday.get(tavonLiaison)).toEqual([expect.stringContaining("📊 گزارش هفتگی")]);
    await pass(azar(15, 8, 1));
    const sunday = await received();
    const digest = sunday.get(governor)!.join("\n");
    expect(digest).toContain("گزارش هفتگی ۱۴۰۵-W۳۷ ارسال نشده است");
    expect(digest).toContain("اداره تعاون، کار و رفاه اجتماعی شهرستان پردیس");
    expect(digest).not.toMatch(/اداره صنعت، معدن و تجارت شهرستان پردیس\n.*W۳۷/);
    expect((await cycle()).nextActionAt).toBeNull();
    expect(toMinute((await cycle()).closedAt)).toEqual(azar(15, 8, 1));
  });
});
