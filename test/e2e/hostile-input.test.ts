/**
 * Hostile and broken input end to end, on Bale and Telegram, on each database: text the
 * databases refuse (a lone UTF-16 surrogate; NUL, which PostgreSQL's jsonb rejects) never stalls
 * intake; texts over a field's stated maximum are refused in Persian with the dialog kept where
 * it was, and what is accepted always reaches everyone (no 400 "too long" from our rendering);
 * impossible attachments and non-string text in forged updates are refused clearly, never stored.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Platform } from "../../src/config/index.js";
import type { FakeUser } from "../fake-bot-api/user.js";
import {
  PEOPLE,
  answerWithButton,
  assignmentId,
  assignmentRow,
  expectAssignmentMessages,
  messageAbout,
  publishMeeting,
  startPardis,
  type Pardis,
} from "../support/agency.js";
import { TOKENS } from "../support/e2e.js";
import { outboxSettled } from "../support/outbox.js";
import { testDatabases } from "../support/databases.js";

const PLATFORMS: Platform[] = ["bale", "telegram"];

describe.each(testDatabases())("hostile input on $name", (target) => {
  describe.each(PLATFORMS)("on %s", (platform) => {
    let pardis: Pardis;
    let liaison: FakeUser;
    let secretariat: FakeUser;
    let r5 = 0;
    let r6 = 0;
    const db = () => pardis.e2e.app.database.prisma;
    /** Requests the fake refused with 400 (none may come from our own rendering). */
    const refused = () =>
      pardis.e2e
        .fake(platform)
        .requests.filter((r) => r.status === 400)
        .map((r) => `${r.method}: ${r.description}`);

    beforeAll(async () => {
      pardis = await startPardis(target, { platforms: [platform] });
      liaison = await pardis.e2e.bindUser(platform, PEOPLE.tavonLiaison);
      secretariat = await pardis.e2e.bindUser(platform, PEOPLE.secretariat);
      await publishMeeting(pardis.e2e);
      await expectAssignmentMessages(liaison, 5);
      r5 = await assignmentId(pardis.e2e, 5, "tavon");
      r6 = await assignmentId(pardis.e2e, 6, "tavon");
    });
    afterAll(async () => {
      await pardis?.stop();
    });

    it("keeps taking updates after a text with a lone surrogate and one with a NUL", async () => {
      // A loose message opens the "which item?" dialog; the second arrives inside it.
      liaison.send("گزارش \uD83D نیمه‌تمام");
      await liaison.waitFor("این پیام درباره کدام کار است؟");
      liaison.send("با\u0000صفر");
      await liaison.waitFor("لطفاً یکی از کارهای فهرست‌شده");
      liaison.command("/cancel");
      await liaison.waitFor("انصراف داده شد");
      liaison.command("/help");
      await liaison.waitFor(/نقش‌های شما/, { timeoutMs: 10_000 });
      await expect.poll(() => db().inboundUpdate.count({ where: { processedAt: null } })).toBe(0);
      expect(await db().auditLog.count({ where: { action: "update.set_aside" } })).toBe(0);
    });

    it("refuses blocked reasons of 4,000 and 3,991 characters in Persian, keeps the dialog, and delivers what it accepts", async () => {
      await liaison.press(messageAbout(liaison, r5), `a:blk:${r5}`);
      await liaison.waitFor("مانع اجرای مصوبه ۵ جلسه ۱۴۰۵-۰۸ چیست؟");
      for (const length of [4_000, 3_991, 501]) {
        liaison.send("ب".repeat(length));
        const refusal = await liaison.waitFor("این بخش حداکثر ۵۰۰ نویسه می‌پذیرد");
        expect(refusal.text).toContain(`متن شما ${length.toLocaleString("fa-IR")} نویسه است`);
      }
      // Still at the same question: the longest reason allowed goes through, to the secretariat too.
      const reason = "اعتبار ".repeat(70) + "کافی ندارد";
      expect(reason.length).toBe(500);
      liaison.send(reason);
      await answerWithButton(liaison, "اعلام مانع برای مصوبه ۵", "ثبت");
      await liaison.waitFor("همین حالا به دبیرخانه اطلاع داده شد");
      await outboxSettled(pardis.e2e.app);
      const notice = await secretariat.waitFor("⛔ اعلام مانع", { fromStart: true });
      expect(notice.text).toContain(reason.trim());
      expect((await assignmentRow(pardis.e2e, r5)).blockedReason).toBe(reason.trim());
      expect(await db().outboxMessage.count({ where: { status: "failed" } })).toBe(0);
      expect(refused()).toEqual([]);
      expect(liaison.messages().some((m) => m.text?.includes("خطایی رخ داد"))).toBe(false);
    });

    it("refuses a 4,000-character progress text and a too-long reply, keeping the dialog where it was", async () => {
      await liaison.press(messageAbout(liaison, r6), `a:prg:${r6}`);
      await liaison.waitFor("در چند جمله بنویسید");
      liaison.send("پ".repeat(4_000));
      await liaison.waitFor("این بخش حداکثر ۲٬۰۰۰ نویسه می‌پذیرد");
      liaison.send("پیشرفت کوتاه");
      await liaison.waitFor("چند درصد کار انجام شده است");
      await answerWithButton(liaison, "چند درصد", "انصراف");
      // A reply to the assignment message is a note, with its own maximum.
      liaison.reply(messageAbout(liaison, r6).message_id, "ی".repeat(2_001));
      await liaison.waitFor("این بخش حداکثر ۲٬۰۰۰ نویسه می‌پذیرد");
      expect(await db().progressUpdate.count({ where: { assignmentId: r6, kind: "progress" } })).toBe(0);
      expect(refused()).toEqual([]);
    });

    it("refuses impossible attachments and non-string text in forged updates, stores nothing, keeps the dialog", async () => {
      const fake = pardis.e2e.fake(platform);
      const token = TOKENS[platform];
      const chat = { id: liaison.chatId, type: "private", first_name: liaison.info.first_name };
      let messageId = 900_000;
      const forge = (fields: Record<string, unknown>) =>
        fake.pushUpdate(token, { message: { message_id: ++messageId, date: 1_764_000_000, chat, from: liaison.info, ...fields } } as never);
      const attachmentsBefore = await db().attachment.count();
      await liaison.press(messageAbout(liaison, r6), `a:prg:${r6}`);
      await liaison.waitFor("در چند جمله بنویسید");
      liaison.send("پیشرفت با پیوست");
      await liaison.waitFor("چند درصد کار انجام شده است");
      const forged: Record<string, unknown>[] = [
        { document: { file_id: "BQAD-1", file_unique_id: "u1", file_name: "x.pdf", file_size: -5 } },
        { document: { file_id: "BQAD-2", file_unique_id: "u2", file_size: 1e15 } },
        { photo: [] },
        { photo: [{ file_id: "AgAD-3", file_unique_id: "u3", width: 10, height: -1 }] },
      ];
      for (const fields of forged) {
        forge(fields);
        await liaison.waitFor("مشخصات این پیوست نادرست است");
      }
      forge({ text: 12345 });
      await liaison.waitFor("این پیام خوانا نیست");
      forge({ text: { bold: true } });
      await liaison.waitFor("این پیام خوانا نیست");
      // The dialog is where it was: the percent question still takes an answer.
      liaison.send("۳۰");
      await liaison.waitFor("اگر سند یا عکسی");
      await answerWithButton(liaison, "اگر سند یا عکسی", "انصراف");
      expect(await db().attachment.count()).toBe(attachmentsBefore);
      expect(liaison.messages().some((m) => m.text?.includes("خطایی رخ داد"))).toBe(false);
    });
  });
});
