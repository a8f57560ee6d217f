/**
 * Meeting notices end to end, on Bale and on Telegram, on each database: the secretariat composes
 * a notice to every agency of the pardis working group in chat (a Thursday questioned first),
 * previews and sends it (a second press sends nothing), the agencies answer — attending, a named
 * delegate, absent with a reason, changed answers, one agency through two people — a blocked
 * recipient shows as not reached, the tracking view follows the answers, the reminder of the day
 * before reaches only those who have not answered (on the Wednesday, not the Friday), a move is
 * announced once, the attendance goes on the meeting, and an RSVP on a cancelled notice is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Message } from "grammy/types";
import type { Platform } from "../../src/config/index.js";
import { HOUR_MS, MINUTE_MS, instantAt, jalaliWeekday, tehranClock } from "../../src/domain/calendar/index.js";
import type { FakeUser } from "../fake-bot-api/user.js";
import { PEOPLE, answerWithButton, personId, pressLabelled, startPardis, type Pardis } from "../support/agency.js";
import { testDatabases } from "../support/databases.js";
import { outboxSettled } from "../support/outbox.js";

const PLATFORMS: Platform[] = ["bale", "telegram"];
/** Saturday 14 Azar 1405, 10:00: the working day before is Wednesday 11 Azar (Thursday off, then Friday). */
const MEETING_AT = instantAt({ jy: 1405, jm: 9, jd: 14 }, 10 * HOUR_MS);
const MOVED_AT = instantAt({ jy: 1405, jm: 9, jd: 15 }, 11 * HOUR_MS);

const AGENCY_PEOPLE = ["tavonHead", "tavonLiaison", "smt", "jahad", "omran", "bankMelli", "bankKeshavarzi", "bankRefah"] as const;
type Who = (typeof AGENCY_PEOPLE)[number];

function invitationIn(user: FakeUser): Message {
  const found = user.messages().find((m) => m.text?.includes("دعوت به جلسه") && JSON.stringify(m.reply_markup ?? {}).includes('"n:'));
  if (!found) throw new Error(`no invitation in chat of ${user.info.first_name}`);
  return found;
}

/** Answers each question (a text the bot's message contains) with a typed message, in turn. */
async function converse(user: FakeUser, steps: [question: string, answer: string][]): Promise<void> {
  for (const [question, answer] of steps) {
    await user.waitFor(question);
    user.send(answer);
  }
}

const count = (user: FakeUser, text: string) => user.messages().filter((m) => m.text?.includes(text)).length;

describe.each(testDatabases())("meeting notices on $name", (target) => {
  describe.each(PLATFORMS)("on %s", (platform) => {
    let pardis: Pardis;
    let secretariat: FakeUser;
    const people = {} as Record<Who, FakeUser>;
    let noticeId = 0;
    const db = () => pardis.e2e.app.database.prisma;
    /** One scheduler pass (as its cron tick runs it); what the notice-reminders source did. */
    const reminderPass = async () => {
      const report = await pardis.e2e.app.scheduler.runPass();
      const source = report.sources.find((s) => s.name === "notice-reminders");
      if (!source) throw new Error("the scheduler has no notice-reminders source");
      return { notices: source.acted, people: source.queued.length };
    };

    beforeAll(async () => {
      pardis = await startPardis(target, { platforms: [platform] });
      secretariat = await pardis.e2e.bindUser(platform, PEOPLE.secretariat);
      for (const who of AGENCY_PEOPLE) people[who] = await pardis.e2e.bindUser(platform, PEOPLE[who]);
      // Blocked before the notice: the send answers 403 and the tracking view must say so.
      people.bankRefah.block();
    });
    afterAll(async () => {
      await pardis?.stop();
    });

    it("refuses /notice to an agency member, and questions a Thursday before taking another date", async () => {
      people.jahad.command("/notice");
      await people.jahad.waitFor("فقط کار دبیرخانه");

      secretariat.command("/notice");
      await converse(secretariat, [
        ["عنوان جلسه را بنویسید", "جلسه کارگروه اشتغال و سرمایه‌گذاری"],
        ["تاریخ جلسه را بنویسید", "۱۴۰۵/۰۹/۱۲"],
        ["ساعت شروع جلسه", "۲۵:۰۰"],
        ["بین ۰۰:۰۰ و ۲۳:۵۹", "۱۰"],
      ]);
      const concern = await secretariat.waitFor("پنجشنبه");
      expect(concern.text).toContain("با همین زمان ادامه می‌دهید");
      await pressLabelled(secretariat, concern, "تغییر زمان");
      await converse(secretariat, [
        ["تاریخ جلسه را بنویسید", "1405/09/14"],
        ["ساعت شروع جلسه", "10:00"],
        ["مکان جلسه", "سالن جلسات فرمانداری پردیس"],
      ]);
      await answerWithButton(secretariat, "دستور جلسه را چگونه", "خودم می‌نویسم");
      await secretariat.waitFor("دستور جلسه را بنویسید");
      secretariat.send("بررسی پرداخت تسهیلات اشتغال فراگیر و مشاغل خانگی");
      await answerWithButton(secretariat, "نامه دعوت دارید", "بدون نامه");
      await answerWithButton(secretariat, "برای چه کسانی", "همه دستگاه‌های کارگروه");
      await answerWithButton(secretariat, "فرمانداری هم دعوت شود", "خیر");
      await answerWithButton(secretariat, "از هر دستگاه چه کسانی", "هر دو");
      await secretariat.waitFor("پیش‌نمایش دعوت‌نامه");
      const question = await secretariat.waitFor("برای فرستادن «ارسال»");
      // tavon's head and liaison, smt's one person (head and liaison at once), five more heads.
      expect(question.text).toContain("۸ نفر");
      // Nothing leaves before "send".
      expect(await db().noticeRecipient.count()).toBe(0);
    });

    it("previews exactly what recipients get, sends once however often send is pressed", async () => {
      const previews = secretariat.messages().filter((m) => m.text?.startsWith("📣"));
      expect(previews).toHaveLength(1);
      const question = await secretariat.waitFor("برای فرستادن «ارسال»", { fromStart: true });
      await pressLabelled(secretariat, question, "ارسال");
      const tracking = await secretariat.waitFor("📊");
      expect(tracking.text).toContain("۰ از ۷ دستگاه پاسخ داده‌اند");
      const again = await pressLabelled(secretariat, question, "ارسال");
      expect(again.text).toContain("پیش‌تر فرستاده شده");
      await outboxSettled(pardis.e2e.app);
      const notice = await db().notice.findFirstOrThrow();
      noticeId = notice.id;
      expect(notice.status).toBe("sent");
      expect(notice.meetingAt).toEqual(MEETING_AT);
      expect(await db().noticeRecipient.count({ where: { noticeId } })).toBe(8);
      for (const who of AGENCY_PEOPLE.filter((w) => w !== "bankRefah")) {
        const invitation = invitationIn(people[who]);
        // The recipient's text is the preview's text, button labels and all.
        expect(invitation.text).toBe(previews[0]!.text);
        expect(invitation.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toEqual(
          previews[0]!.reply_markup?.inline_keyboard.flat().map((b) => b.text),
        );
        expect(count(people[who], "دعوت به جلسه")).toBe(1);
      }
      expect(people.bankRefah.messages().filter((m) => m.text?.includes("دعوت به جلسه"))).toHaveLength(0);
    });

    it("tallies attending, a named delegate, absent with a reason, changed answers, and two people of one agency", async () => {
      // tavon answers twice through two people: the head's answer counts, both are kept.
      await pressLabelled(people.tavonLiaison, invitationIn(people.tavonLiaison), "حضور می‌یابم");
      await people.tavonLiaison.waitFor("پاسخ شما ثبت شد: حضور");
      await pressLabelled(people.tavonHead, invitationIn(people.tavonHead), "نمی‌توانم بیایم");
      await people.tavonHead.waitFor("علت عدم حضور");
      people.tavonHead.send("ماموریت استانی");
      await people.tavonHead.waitFor("ثبت شد: عدم حضور");

      await pressLabelled(people.smt, invitationIn(people.smt), "نماینده می‌فرستم");
      await people.smt.waitFor("نام و نام خانوادگی نماینده");
      people.smt.send("کاوه محمدی");
      await people.smt.waitFor("سمت کاوه محمدی");
      people.smt.send("معاون اداره");
      await people.smt.waitFor("ثبت شد: اعزام نماینده");

      await pressLabelled(people.jahad, invitationIn(people.jahad), "نمی‌توانم بیایم");
      await answerWithButton(people.jahad, "علت عدم حضور", "بعدی");
      await people.jahad.waitFor("ثبت شد: عدم حضور");

      // omran changes its mind: attending, then not.
      await pressLabelled(people.omran, invitationIn(people.omran), "حضور می‌یابم");
      await people.omran.waitFor("ثبت شد: حضور");
      await pressLabelled(people.omran, invitationIn(people.omran), "نمی‌توانم بیایم");
      await answerWithButton(people.omran, "علت عدم حضور", "بعدی");
      await people.omran.waitFor("ثبت شد: عدم حضور");

      await pressLabelled(people.bankMelli, invitationIn(people.bankMelli), "حضور می‌یابم");
      await people.bankMelli.waitFor("ثبت شد: حضور");

      // The tracking view follows the answers without a press.
      const view = await secretariat.waitFor("۵ از ۷ دستگاه پاسخ داده‌اند، ۲ حضور (۱ با نماینده)، ۳ عدم حضور", {
        fromStart: true,
        timeoutMs: 20_000,
      });
      expect(view.text).toContain("عدم حضور (ماموریت استانی) (پاسخ علی رضایی)");
      expect(view.text).toContain("◦ زهرا موسوی: حضور");
      expect(view.text).toContain("نماینده: کاوه محمدی، معاون اداره");
      expect(view.text).toMatch(/بانک رفاه[^\n]*مسدود/);
      expect(view.text).toMatch(/بانک کشاورزی[^\n]*بدون پاسخ — رسیده/);
      expect(view.text).toContain("به ۱ دستگاه نرسیده است");

      const omranAnswers = await db().noticeRsvp.findMany({
        where: { recipient: { personId: await personId(pardis.e2e, PEOPLE.omran) } },
        orderBy: { id: "asc" },
      });
      expect(omranAnswers.map((a) => a.answer)).toEqual(["attending", "absent"]);
      const tavon = await db().noticeRecipient.findMany({
        where: {
          noticeId,
          rsvp: { not: null },
          agencyId: (await db().agency.findUniqueOrThrow({ where: { code: "tavon" } })).id,
        },
      });
      expect(tavon.map((r) => r.rsvp).sort()).toEqual(["absent", "attending"]);
    });

    it("reminds only the agencies without an answer, on the working day before (a Wednesday, not the Friday), once", async () => {
      const notice = await db().notice.findUniqueOrThrow({ where: { id: noticeId } });
      expect(notice.nextReminderStep).toBe("day_before");
      expect(jalaliWeekday(tehranClock(notice.nextReminderAt!).date)).toBe(4); // Wednesday (Saturday is 0)
      pardis.clock.set(new Date(notice.nextReminderAt!.getTime() - MINUTE_MS));
      expect(await reminderPass()).toEqual({ notices: 0, people: 0 });
      pardis.clock.set(new Date(notice.nextReminderAt!.getTime() + MINUTE_MS));
      expect((await reminderPass()).notices).toBe(1);
      expect((await reminderPass()).notices).toBe(0);
      await outboxSettled(pardis.e2e.app);
      expect(count(people.bankKeshavarzi, "هنوز حضور خود را")).toBe(1);
      for (const who of ["tavonHead", "tavonLiaison", "smt", "jahad", "omran", "bankMelli"] as const) {
        expect(count(people[who], "هنوز حضور خود را")).toBe(0);
      }
      const after = await db().notice.findUniqueOrThrow({ where: { id: noticeId } });
      expect(after.nextReminderStep).toBe("morning");
    });

    it("announces a move once to everyone and keeps the answers", async () => {
      const tracking = [...secretariat.messages()].reverse().find((m) => m.text?.startsWith("📊"))!;
      await pressLabelled(secretariat, tracking, "تغییر زمان");
      await converse(secretariat, [
        ["تاریخ جلسه را بنویسید", "1405/09/15"],
        ["ساعت شروع جلسه", "11"],
      ]);
      await answerWithButton(secretariat, "تغییر می‌کند و به همه", "ثبت");
      await secretariat.waitFor("زمان جلسه تغییر کرد");
      await outboxSettled(pardis.e2e.app);
      await reminderPass();
      await outboxSettled(pardis.e2e.app);
      for (const who of AGENCY_PEOPLE.filter((w) => w !== "bankRefah")) expect(count(people[who], "تغییر کرد (زمان قبلی")).toBe(1);
      const notice = await db().notice.findUniqueOrThrow({ where: { id: noticeId } });
      expect(notice.meetingAt).toEqual(MOVED_AT);
      expect(notice.revision).toBe(1);
      expect(await db().noticeRecipient.count({ where: { noticeId, rsvp: { not: null } } })).toBe(6);
      // The reminders follow the meeting: the day before is now Saturday 14 Azar, at opening.
      expect(notice.nextReminderStep).toBe("day_before");
      expect(notice.nextReminderAt).toEqual(instantAt({ jy: 1405, jm: 9, jd: 14 }, 8 * HOUR_MS));
    });

    it("reminds attendees and delegates on the meeting's morning, then records the attendance on the meeting", async () => {
      pardis.clock.set(instantAt({ jy: 1405, jm: 9, jd: 14 }, 8 * HOUR_MS + MINUTE_MS));
      await reminderPass();
      pardis.clock.set(instantAt({ jy: 1405, jm: 9, jd: 15 }, 8 * HOUR_MS + MINUTE_MS));
      expect((await reminderPass()).people).toBe(2);
      await outboxSettled(pardis.e2e.app);
      expect(count(people.smt, "امروز")).toBe(1);
      expect(count(people.bankMelli, "امروز")).toBe(1);
      expect(count(people.jahad, "برگزار می‌شود")).toBe(0);

      // The meeting is recorded by the secretariat (its minutes flow); the attendance lands on it.
      const committee = await db().committee.findFirstOrThrow();
      const meeting = await db().meeting.create({
        data: { committeeId: committee.id, number: "1405-09", heldOn: instantAt({ jy: 1405, jm: 9, jd: 15 }, 0) },
      });
      pardis.clock.set(instantAt({ jy: 1405, jm: 9, jd: 15 }, 12 * HOUR_MS));
      secretariat.command("/notices");
      const list = await secretariat.waitFor("دعوت‌نامه‌های اخیر");
      await pressLabelled(secretariat, list, "جلسه کارگروه");
      const view = await secretariat.waitFor(
        (m) => !!m.text?.startsWith("📊") && JSON.stringify(m.reply_markup).includes(`nt:${noticeId}:p`),
      );
      await pressLabelled(secretariat, view, "ثبت حضور و غیاب");
      const sheet = await secretariat.waitFor("حضور و غیاب جلسه");
      expect(sheet.text).toContain("✅ اداره صنعت، معدن و تجارت شهرستان پردیس (نماینده: کاوه محمدی، معاون اداره)");
      // bank-keshavarzi came without answering: the secretariat corrects the sheet.
      await pressLabelled(secretariat, sheet, "بانک کشاورزی");
      await secretariat.waitFor((m) => m.message_id === sheet.message_id && !!m.text?.includes("✅ بانک کشاورزی"));
      await pressLabelled(secretariat, sheet, "ثبت");
      await secretariat.waitFor((m) => m.message_id === sheet.message_id && !!m.text?.includes("ثبت شده است"));
      const saved = await db().meeting.findUniqueOrThrow({ where: { id: meeting.id } });
      const attendees = saved.attendees as { agency: string; present: boolean; source: string; name: string | null }[];
      expect(attendees.filter((a) => a.present).map((a) => a.agency)).toEqual([
        "اداره صنعت، معدن و تجارت شهرستان پردیس",
        "بانک ملی ایران، شعبه مرکزی پردیس",
        "بانک کشاورزی، شعبه پردیس",
      ]);
      expect(attendees.find((a) => a.agency.startsWith("بانک کشاورزی"))?.source).toBe("secretariat");
      expect(await pardis.e2e.app.services.notices.attendance.forMeeting(meeting.id)).toHaveLength(7);
    });

    it("tells everyone once of a cancellation, and refuses an RSVP on it politely", async () => {
      pardis.clock.set(instantAt({ jy: 1405, jm: 9, jd: 16 }, 10 * HOUR_MS));
      const secretariatId = await personId(pardis.e2e, PEOPLE.secretariat);
      const actor = { personId: secretariatId, platform };
      const committee = await db().committee.findFirstOrThrow();
      const draft = await pardis.e2e.app.services.notices.compose.createDraft(actor, {
        committeeId: committee.id,
        title: "جلسه فوق‌العاده بانک‌ها",
        meetingAt: instantAt({ jy: 1405, jm: 9, jd: 18 }, 10 * HOUR_MS),
        location: "فرمانداری",
        agenda: { kind: "text", text: "تسهیلات" },
        audience: {
          allAgencies: false,
          agencyIds: [],
          resolutionIds: [(await db().resolution.findFirstOrThrow({ where: { number: 6 } })).id],
          governorate: false,
          roles: ["head"],
        },
      });
      if (!draft.ok) throw new Error("unexpected concerns");
      // Resolution 6: bank-melli (lead), bank-keshavarzi, bank-refah, tavon.
      expect(draft.recipients).toBe(4);
      await pardis.e2e.app.services.notices.compose.send(actor, draft.noticeId);
      await outboxSettled(pardis.e2e.app);
      const invitation = await people.bankMelli.waitFor("جلسه فوق‌العاده بانک‌ها");
      secretariat.command("/notices");
      const list = await secretariat.waitFor("دعوت‌نامه‌های اخیر");
      await pressLabelled(secretariat, list, "جلسه فوق‌العاده");
      const view = await secretariat.waitFor((m) => !!m.text?.includes("📊 پاسخ‌ها به دعوت جلسه «جلسه فوق‌العاده"));
      await pressLabelled(secretariat, view, "لغو جلسه");
      await answerWithButton(secretariat, "علت لغو جلسه", "بعدی");
      await answerWithButton(secretariat, "لغو می‌شود و به همه", "ثبت");
      await secretariat.waitFor("جلسه لغو شد");
      await outboxSettled(pardis.e2e.app);
      expect(count(people.bankMelli, "⛔ جلسه «جلسه فوق‌العاده بانک‌ها»")).toBe(1);
      expect(count(people.tavonHead, "⛔ جلسه «جلسه فوق‌العاده بانک‌ها»")).toBe(1);
      expect(count(people.tavonLiaison, "فوق‌العاده")).toBe(0);
      const refused = await pressLabelled(people.bankMelli, invitation, "حضور می‌یابم");
      expect(refused.text).toContain("لغو شده است");
      expect(await db().noticeRsvp.count({ where: { recipient: { noticeId: draft.noticeId } } })).toBe(0);
    });
  });
});
