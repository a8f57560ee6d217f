/**
 * Publishing a meeting over both platforms, on each database: every agency's heads and liaisons
 * get one message per assignment, exactly once per chat — a person who is head and liaison too
 * gets one — and publishing again sends nothing new.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Platform } from "../../src/config/index.js";
import type { FakeUser } from "../fake-bot-api/user.js";
import {
  ASSIGNMENTS_PER_AGENCY,
  MEETING,
  PEOPLE,
  assignmentMessages,
  expectAssignmentMessages,
  publishMeeting,
  startPardis,
  type Pardis,
} from "../support/agency.js";
import { testDatabases } from "../support/databases.js";

const PLATFORMS: Platform[] = ["bale", "telegram"];
/** Who should hear about how many assignments. */
const CONTACTS: [keyof typeof PEOPLE, keyof typeof ASSIGNMENTS_PER_AGENCY][] = [
  ["tavonHead", "tavon"],
  ["tavonLiaison", "tavon"],
  ["smt", "smt"],
  ["jahad", "jahad"],
  ["omran", "omran"],
  ["bankMelli", "bank-melli"],
  ["bankKeshavarzi", "bank-keshavarzi"],
  ["bankRefah", "bank-refah"],
];

describe.each(testDatabases())("publishing a meeting on $name", (target) => {
  let pardis: Pardis;
  const chats = new Map<string, FakeUser>();
  const chat = (who: string, platform: Platform) => chats.get(`${who}:${platform}`)!;

  beforeAll(async () => {
    pardis = await startPardis(target);
    for (const platform of PLATFORMS) {
      for (const [who] of CONTACTS) chats.set(`${who}:${platform}`, await pardis.e2e.bindUser(platform, PEOPLE[who]));
      chats.set(`secretariat:${platform}`, await pardis.e2e.bindUser(platform, PEOPLE.secretariat));
    }
  });
  afterAll(async () => {
    await pardis?.stop();
  });

  it("delivers every assignment to its agency's heads and liaisons, once per chat, on Bale and Telegram", async () => {
    const report = await publishMeeting(pardis.e2e);
    expect(report.firstPublication).toBe(true);
    expect(report.assignments).toHaveLength(24);
    expect(report.assignments.every((a) => a.created)).toBe(true);

    for (const platform of PLATFORMS) {
      for (const [who, agency] of CONTACTS) await expectAssignmentMessages(chat(who, platform), ASSIGNMENTS_PER_AGENCY[agency]);
      expect(assignmentMessages(chat("secretariat", platform))).toHaveLength(0);
    }
    const db = pardis.e2e.app.database.prisma;
    const meeting = await db.meeting.findFirstOrThrow({ where: { number: MEETING } });
    expect(meeting.publishedAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "assignment.created" } })).toBe(24);
    expect(await db.auditLog.count({ where: { action: "meeting.published" } })).toBe(1);
  });

  it("writes the message in Persian: lead or co-operating, partners, deadline in working days, report-to, four buttons", async () => {
    for (const platform of PLATFORMS) {
      const first = assignmentMessages(chat("tavonLiaison", platform)).find((m) => m.text?.includes("📌 مصوبه ۱ جلسه ۱۴۰۵-۰۸"))!;
      expect(first.text).toContain("(یکشنبه ۱ آذر ۱۴۰۵)");
      expect(first.text).toContain("نقش دستگاه شما: مسئول اجرا");
      expect(first.text).toContain("دستگاه‌های همکار: اداره صنعت، معدن و تجارت شهرستان پردیس");
      expect(first.text).toContain("مهلت: جمعه ۲۰ آذر ۱۴۰۵ (۱۰ روز کاری مانده)");
      expect(first.text).toContain("گزارش به: اداره کل تعاون، کار و رفاه اجتماعی استان تهران");
      const buttons = first.reply_markup!.inline_keyboard.flat().map((b) => b.text);
      // The agency may also ask the secretariat for more time (issue 11).
      expect(buttons).toEqual(["✅ رویت شد", "📝 گزارش پیشرفت", "🏁 انجام شد", "⛔ مانع دارد", "⏳ درخواست تمدید مهلت"]);
      const co = assignmentMessages(chat("smt", platform)).find((m) => m.text?.includes("📌 مصوبه ۱ جلسه"))!;
      expect(co.text).toContain("نقش دستگاه شما: همکار");
      expect(co.text).toContain("مسئول اجرا: اداره تعاون، کار و رفاه اجتماعی شهرستان پردیس");
      const standing = assignmentMessages(chat("bankRefah", platform)).find((m) => m.text?.includes("📌 مصوبه ۳ جلسه"))!;
      expect(standing.text).toContain("مهلت: مستمر");
      expect(standing.reply_markup!.inline_keyboard.flat().map((b) => b.text)).not.toContain("🏁 انجام شد");
    }
    // Bale has no parse_mode: nothing was sent with one.
    expect(
      pardis.e2e
        .fake("bale")
        .allSent()
        .flatMap((s) => s.parseModes)
        .filter(Boolean),
    ).toEqual([]);
  });

  it("sends nothing new when the meeting is published again", async () => {
    const db = pardis.e2e.app.database.prisma;
    const rowsBefore = await db.outboxMessage.count();
    const report = await publishMeeting(pardis.e2e);
    expect(report.firstPublication).toBe(false);
    expect(report.assignments.some((a) => a.created)).toBe(false);
    expect(report.assignments.reduce((sum, a) => sum + a.queued, 0)).toBe(0);
    expect(await db.outboxMessage.count()).toBe(rowsBefore);
    expect(await db.assignment.count()).toBe(24);
    for (const platform of PLATFORMS)
      for (const [who, agency] of CONTACTS) await expectAssignmentMessages(chat(who, platform), ASSIGNMENTS_PER_AGENCY[agency], 0);
  });
});
