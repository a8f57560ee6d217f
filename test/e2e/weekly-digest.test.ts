/**
 * The weekly digest to the working group, on Bale and Telegram at once, on each database: after
 * the week's report is due, each group bound to the committee gets the chart and the standing of
 * each agency (the numbers of /status), the overdue items and the week's indicator totals, with
 * agency names and no person's; an unbound group gets nothing; a governorate member who sent
 * /digest on gets it privately (in each of their chats, each in its own language: their Telegram
 * chat reads English), and no longer after /digest off. Once a week per chat, however many passes
 * run, concurrently or after a restart.
 */
import type { Message } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Platform } from "../../src/config/index.js";
import { HOUR_MS, instantAt } from "../../src/domain/calendar/index.js";
import type { FakeGroup, FakeUser } from "../fake-bot-api/user.js";
import { PEOPLE, assignmentId, personId, publishMeeting, startPardis, type Pardis } from "../support/agency.js";
import { testDatabases } from "../support/databases.js";
import { outboxSettled } from "../support/outbox.js";

const PLATFORMS: Platform[] = ["bale", "telegram"];
const azar = (day: number, hour: number) => instantAt({ jy: 1405, jm: 9, jd: day }, hour * HOUR_MS);
const DIGEST = "📊 وضعیت هفتگی مصوبات";
const CAPTION = "میزان تحقق مصوبات هر دستگاه";
const DIGEST_EN = "📊 Weekly standing of the resolutions";
const CAPTION_EN = "Realization of the resolutions by agency";

interface Chats {
  secretariat: FakeUser;
  governorate: FakeUser;
  bound: FakeGroup;
  unbound: FakeGroup;
}

describe.each(testDatabases())("the weekly digest on $name", (target) => {
  let pardis: Pardis;
  const chats = {} as Record<Platform, Chats>;
  const db = () => pardis.e2e.app.database.prisma;
  const pass = async (at: Date) => {
    pardis.clock.set(at);
    const report = await pardis.e2e.app.scheduler.runPass();
    await outboxSettled(pardis.e2e.app);
    return report.sources.find((s) => s.name === "weekly-digests")!;
  };
  /** The digests among the messages, in either language. */
  const digests = (messages: Message[]) => ({
    charts: messages.filter((m) => m.photo && (m.caption?.includes(CAPTION) || m.caption?.includes(CAPTION_EN))),
    texts: messages.filter((m) => m.text?.includes(DIGEST) || m.text?.includes(DIGEST_EN)),
  });

  beforeAll(async () => {
    pardis = await startPardis(target);
    for (const platform of PLATFORMS) {
      const secretariat = await pardis.e2e.bindUser(platform, PEOPLE.secretariat);
      const governorate = await pardis.e2e.bindUser(platform, PEOPLE.governorate);
      const bound = pardis.e2e.fake(platform).group({ title: "کارگروه اشتغال پردیس" });
      bound.send(secretariat, "/bindgroup");
      await bound.waitFor(/کارگروه/, { fromStart: true });
      const unbound = pardis.e2e.fake(platform).group({ title: "گروه دیگر" });
      unbound.send(secretariat, "سلام");
      chats[platform] = { secretariat, governorate, bound, unbound };
    }
    // The governorate member reads Telegram in English.
    await db().chatIdentity.updateMany({
      where: { platform: "telegram", personId: await personId(pardis.e2e, PEOPLE.governorate) },
      data: { locale: "en" },
    });
    // The governorate member asks for the digest in private (on Bale; it holds for their Telegram chat too).
    chats.bale.governorate.command("/digest", "on");
    await chats.bale.governorate.waitFor("از این پس هر هفته");
    await publishMeeting(pardis.e2e);
    // One item overdue: the bank's deadline on resolution 6 passed on Sunday 8 Azar.
    const late = await assignmentId(pardis.e2e, 6, "bank-refah");
    await db().assignment.update({ where: { id: late }, data: { deadline: azar(8, 14) } });
    // Saturday 7 Azar: the week's cycle opens (due Tuesday 10 Azar, 14:00); the tavon office reports.
    await pass(azar(7, 9));
    const cycle = await db().weeklyReportCycle.findFirstOrThrow({ where: { dueAt: azar(10, 14) } });
    const tavon = await db().agency.findUniqueOrThrow({ where: { code: "tavon" } });
    const submitted = await pardis.e2e.app.services.weeklyReports.submit(
      { personId: await personId(pardis.e2e, PEOPLE.tavonLiaison), platform: "bale" },
      {
        cycleId: cycle.id,
        agencyId: tavon.id,
        answers: { summary: "دو جلسه", jobs_created: 12, facilities_paid: 12500, cases_at_banks: 3 },
      },
    );
    expect(submitted.ok).toBe(true);
  }, 60_000);
  afterAll(async () => {
    await pardis?.stop();
  });

  it("sends nothing before the week's report is due", async () => {
    const report = await pass(azar(10, 13));
    expect(report.queued).toEqual([]);
    for (const platform of PLATFORMS) expect(digests(chats[platform].bound.messages()).texts).toEqual([]);
    expect(await db().weeklyDigestDelivery.count()).toBe(0);
  });

  it("posts the chart and the standing to each bound group after the due time, with agency names and no person's", async () => {
    await pass(azar(10, 15));
    const people = await db().person.findMany({ select: { name: true } });
    for (const platform of PLATFORMS) {
      const { charts, texts } = digests(chats[platform].bound.messages());
      expect(charts).toHaveLength(1);
      expect(texts).toHaveLength(1);
      const text = texts[0]!.text!;
      expect(text).toContain("کارگروه اشتغال و سرمایه‌گذاری شهرستان پردیس");
      expect(text).toContain("اداره تعاون، کار و رفاه اجتماعی شهرستان پردیس");
      expect(text).toContain("بانک رفاه کارگران، شعبه پردیس");
      // The week's totals: the one report of the week said 12 jobs and 12,500 million rials.
      expect(text).toMatch(/شاخص‌های هفته/);
      expect(text).toContain("• تعداد اشتغال ایجادشده و ثبت‌شده در سامانه رصد: ۱۲ نفر");
      // The overdue item, under its agency's name.
      expect(text).toMatch(/• بانک رفاه کارگران، شعبه پردیس — مصوبه ۶ جلسه ۱۴۰۵-۰۸: \S+ روز کاری تأخیر/);
      expect(text).toContain("۱۲٬۵۰۰");
      for (const person of people) expect(text).not.toContain(person.name);
      expect(JSON.stringify(chats[platform].bound.messages().map((m) => m.reply_markup ?? null))).not.toContain("callback_data");
    }
  });

  it("uses the numbers of /status", async () => {
    const realization = (text: string) => text.split("\n").find((line) => line.startsWith("میزان تحقق:"));
    const secretariat = chats.bale.secretariat;
    secretariat.command("/status");
    const status = await secretariat.waitFor("📊 وضعیت مصوبات");
    const digest = digests(chats.bale.bound.messages()).texts[0]!;
    expect(realization(digest.text!)).toBeDefined();
    expect(realization(digest.text!)).toBe(realization(status.text!));
  });

  it("never posts to an unbound group, and privately to the governorate member who asked, in each of their chats", async () => {
    for (const platform of PLATFORMS) expect(chats[platform].unbound.messages()).toEqual([]);
    for (const platform of PLATFORMS) {
      const { charts, texts } = digests(chats[platform].governorate.messages());
      expect([charts.length, texts.length]).toEqual([1, 1]);
      expect(digests(chats[platform].secretariat.messages()).texts).toEqual([]);
    }
  });

  it("speaks each private chat's language, and the groups' default one", async () => {
    const english = digests(chats.telegram.governorate.messages());
    expect(english.texts[0]!.text).toContain(`${DIGEST_EN} of کارگروه اشتغال و سرمایه‌گذاری شهرستان پردیس`);
    expect(english.texts[0]!.text).not.toContain(DIGEST);
    expect(english.charts[0]!.caption).toContain(CAPTION_EN);
    const persian = digests(chats.bale.governorate.messages());
    expect(persian.texts[0]!.text).toContain(DIGEST);
    expect(persian.charts[0]!.caption).toContain(CAPTION);
    // The chart too is drawn in each language: another picture (another size), not the Persian one again.
    const size = (m: Message) => m.photo!.at(-1)!.file_size;
    expect(size(english.charts[0]!)).toBeGreaterThan(0);
    expect(size(english.charts[0]!)).not.toBe(size(persian.charts[0]!));
    expect(size(persian.charts[0]!)).toBe(size(digests(chats.bale.bound.messages()).charts[0]!));
    for (const platform of PLATFORMS) {
      const group = digests(chats[platform].bound.messages());
      expect(group.texts[0]!.text).toContain(DIGEST);
      expect(group.texts[0]!.text).not.toContain(DIGEST_EN);
    }
  });

  it("sends each chat the week's digest once, across concurrent passes and a restart", async () => {
    pardis.clock.set(azar(11, 10));
    await Promise.all([pardis.e2e.app.scheduler.runPass(), pardis.e2e.app.scheduler.runPass()]);
    await pardis.e2e.restart();
    await pass(azar(11, 11));
    for (const platform of PLATFORMS) {
      const { charts, texts } = digests(chats[platform].bound.messages());
      expect([charts.length, texts.length]).toEqual([1, 1]);
    }
    for (const platform of PLATFORMS) expect(digests(chats[platform].governorate.messages()).texts).toHaveLength(1);
    const deliveries = await db().weeklyDigestDelivery.findMany({ orderBy: { id: "asc" } });
    expect(deliveries.map((d) => d.kind).sort()).toEqual(["group", "group", "person", "person"]);
  });

  it("sends the next week's digest to the groups, and not to the member who turned it off", async () => {
    chats.telegram.governorate.command("/digest", "off");
    // Their Telegram chat reads English (see beforeAll).
    await chats.telegram.governorate.waitFor("You will no longer get the weekly standing");
    await pass(azar(14, 9));
    await pass(azar(17, 15));
    for (const platform of PLATFORMS) {
      const { charts, texts } = digests(chats[platform].bound.messages());
      expect([charts.length, texts.length]).toEqual([2, 2]);
      expect(digests(chats[platform].governorate.messages()).texts).toHaveLength(1);
      expect(chats[platform].unbound.messages()).toEqual([]);
    }
  });
});
