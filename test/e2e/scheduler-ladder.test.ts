/**
 * The escalation ladder through the real bot: reminders bundled per person, a head told which
 * liaison was reminded and when, acknowledging stopping the delivery ladder, the governorate digest
 * with its instruction button, unreachable agencies reported once, and a pass repeated at the same
 * instant queuing nothing new. On Bale, on each database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOUR_MS, MINUTE_MS, instantAt } from "../../src/domain/calendar/index.js";
import type { PassReport } from "../../src/scheduler/scheduler.js";
import type { FakeUser } from "../fake-bot-api/user.js";
import { PEOPLE, assignmentId, messageAbout, pressLabelled, publishMeeting, startPardis, type Pardis } from "../support/agency.js";
import { testDatabases } from "../support/databases.js";
import { outboxSettled } from "../support/outbox.js";

const azar = (day: number, h: number, m = 0) => instantAt({ jy: 1405, jm: 9, jd: day }, h * HOUR_MS + m * MINUTE_MS);

describe.each(testDatabases())("the escalation ladder on $name", (target) => {
  let pardis: Pardis;
  let liaison: FakeUser;
  let head: FakeUser;
  let governor: FakeUser;
  let secretariat: FakeUser;
  const pass = async (at: Date) => {
    pardis.clock.set(at);
    const report = await pardis.e2e.app.scheduler.runPass();
    await outboxSettled(pardis.e2e.app);
    return report;
  };
  /**
   * What the assignments' ladder sent since then (the weekly-report cycle runs beside it: scheduler-month.test.ts).
   * The governorate digest stays: one per pass, it may also list the cycle's missing reports.
   */
  const newMessages = async (user: FakeUser, since: number) => {
    await new Promise((r) => setTimeout(r, 100));
    return user
      .messages()
      .slice(since)
      .filter((m) => !/گزارش(‌های)? هفتگی/.test(m.text ?? "") || (m.text ?? "").startsWith("📋 گزارش پیگیری مصوبات"));
  };

  beforeAll(async () => {
    pardis = await startPardis(target, { platforms: ["bale"] });
    liaison = await pardis.e2e.bindUser("bale", PEOPLE.tavonLiaison);
    head = await pardis.e2e.bindUser("bale", PEOPLE.tavonHead);
    governor = await pardis.e2e.bindUser("bale", PEOPLE.governorate);
    secretariat = await pardis.e2e.bindUser("bale", PEOPLE.secretariat);
    await publishMeeting(pardis.e2e);
  });
  afterAll(async () => {
    await pardis?.stop();
  });

  it("a working day after publication, the liaison gets ONE reminder for all five silent items, and nobody else of tavon", async () => {
    const [l, h, s] = [liaison.messages().length, head.messages().length, secretariat.messages().length];
    await pass(azar(7, 10, 1));
    const got = await newMessages(liaison, l);
    expect(got).toHaveLength(1);
    expect(got[0]!.text).toContain("⏰ یادآوری پیگیری: ۵ مورد");
    expect(got[0]!.text).toContain("این مصوبه هنوز رویت نشده است (۱ روز کاری از ابلاغ گذشته)");
    expect(got[0]!.text).toContain("۰ از ۲ دستگاه پاسخ داده‌اند.");
    // Each item's buttons name its resolution and subject, never a list position.
    expect(got[0]!.reply_markup!.inline_keyboard.flat().map((b) => b.text)).toContain("✅ رویت شد — مصوبه ۴: ثبت به موقع…");
    expect(await newMessages(head, h)).toHaveLength(0);
    // The six agencies nobody of which joined the bot are reported to the secretariat, once each.
    const notices = (await newMessages(secretariat, s)).filter((m) => m.text?.includes("در دسترس نیست"));
    expect(notices).toHaveLength(6);
    expect(notices.map((m) => m.text).join("\n")).toContain("هیچ‌کس در دستگاه بانک ملی ایران، شعبه مرکزی پردیس در دسترس نیست");
  });

  it("the same pass again queues nothing", async () => {
    const db = pardis.e2e.app.database.prisma;
    const before = await db.outboxMessage.count();
    const report = await pass(azar(7, 10, 1));
    expect(report.sources[0]!.acted).toBe(0);
    expect(await db.outboxMessage.count()).toBe(before);
  });

  it("acknowledging stops the delivery ladder: the head's escalation the next day lists the four others, naming the liaison reminded", async () => {
    const id = await assignmentId(pardis.e2e, 1, "tavon");
    const answer = await pressLabelled(liaison, messageAbout(liaison, id), "رویت شد");
    expect(answer.text ?? "").not.toContain("خطا");
    const [l, h, s] = [liaison.messages().length, head.messages().length, secretariat.messages().length];
    await pass(azar(8, 10, 1));
    const got = await newMessages(head, h);
    expect(got).toHaveLength(1);
    expect(got[0]!.text).toContain("۴ مورد");
    expect(got[0]!.text).not.toContain("مصوبه ۱ جلسه");
    expect(got[0]!.text).toContain("به کارشناس رابط (زهرا موسوی) در شنبه ۷ آذر ۱۴۰۵، ساعت ۱۰:۰۱ یادآوری شد");
    expect(await newMessages(liaison, l)).toHaveLength(0);
    // Unreachable agencies were reported once, not again.
    expect((await newMessages(secretariat, s)).filter((m) => m.text?.includes("در دسترس نیست"))).toHaveLength(0);
  });

  it("a working day after a deadline passes in silence, the governorate digest lists it with an instruction button", async () => {
    const g = governor.messages().length;
    const digests = (report: PassReport) => report.sources.flatMap((s) => s.queued).filter((q) => q.kind === "digest");
    // The ladder and the weekly cycle both have something for the governorate in this pass: a dry run
    // reports the one merged message per recipient that the pass then sends, not one per source.
    const dry = await pardis.e2e.app.scheduler.runPass({ at: azar(16, 8, 1), dryRun: true });
    const real = await pass(azar(16, 8, 1));
    expect(digests(real).length).toBeGreaterThan(0);
    expect(new Set(digests(real).map((q) => q.recipient)).size).toBe(digests(real).length);
    expect(digests(dry)).toEqual(digests(real));
    const got = await newMessages(governor, g);
    expect(got).toHaveLength(1);
    expect(got[0]!.text).toContain("📋 گزارش پیگیری مصوبات کارگروه اشتغال و سرمایه‌گذاری شهرستان پردیس");
    expect(got[0]!.text).toContain("شرکت تعاونی توسعه و عمران شهرستان پردیس");
    expect(got[0]!.text).toContain("📌 مصوبه ۲ جلسه ۱۴۰۵-۰۸ (یکشنبه ۱ آذر ۱۴۰۵) — ۱ روز کاری تأخیر");
    const omran = await assignmentId(pardis.e2e, 2, "omran");
    // The weekly cycle's missing reports (this pass too) are listed in the same digest, without buttons.
    const buttons = got[0]!.reply_markup!.inline_keyboard.flat();
    expect(buttons).toHaveLength(1);
    expect(buttons[0]).toMatchObject({ callback_data: `gi:${omran}`, text: expect.stringMatching(/^✍️ دستور [۰-۹]+$/) });
    // The button opens the governorate's instruction dialog (the secretariat console's).
    await governor.press(got[0]!, `gi:${omran}`);
    const ask = await governor.waitFor(/متن دستور فرمانداری درباره/);
    expect(ask.text).toContain("۲");
    governor.command("/cancel");
    await governor.waitFor(/انصراف داده شد/);
  });

  it("nothing is acted on outside working time: a pass on a Friday waits for Saturday morning", async () => {
    const db = pardis.e2e.app.database.prisma;
    const before = await db.escalationEvent.count();
    const report = await pass(azar(27, 10));
    expect(report.sources[0]!.acted).toBe(0);
    expect(await db.escalationEvent.count()).toBe(before);
    const waiting = await db.assignment.findMany({ where: { nextEscalationAt: { not: null } }, select: { nextEscalationAt: true } });
    expect(waiting.every((w) => w.nextEscalationAt!.getTime() >= azar(28, 8).getTime())).toBe(true);
  });
});
