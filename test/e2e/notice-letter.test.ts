/**
 * The invitation letter of a meeting notice on both platforms, on each database: the secretariat
 * composes the notice on Bale and uploads the letter there; a recipient on Bale gets it by its Bale
 * file id, recipients on Telegram get a document of the same name and bytes, uploaded to Telegram
 * once (the second gets the file id the first upload left). The bot token in the download URL is
 * stored nowhere.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Message } from "grammy/types";
import type { Platform } from "../../src/config/index.js";
import type { FakeUser } from "../fake-bot-api/user.js";
import { PEOPLE, answerWithButton, pressLabelled, startPardis, type Pardis } from "../support/agency.js";
import { testDatabases } from "../support/databases.js";
import { outboxSettled } from "../support/outbox.js";

// A Persian name, as a secretary's file has: grammY uploads it bare, in UTF-8, and it must arrive so.
const LETTER_NAME = "دعوت‌نامه جلسه ۱۴۰۵-۰۹-۱۴.pdf";
const LETTER = Buffer.from(`%PDF-1.4\n${"نامه دعوت به جلسه کارگروه اشتغال ".repeat(200)}\n%%EOF\n`);

async function converse(user: FakeUser, steps: [question: string, answer: string][]): Promise<void> {
  for (const [question, answer] of steps) {
    await user.waitFor(question);
    user.send(answer);
  }
}

function letterIn(user: FakeUser): Message {
  const found = user.messages().find((m) => m.document);
  if (!found) throw new Error(`no letter in chat of ${user.info.first_name}`);
  return found;
}

describe.each(testDatabases())("a notice's letter on both platforms on $name", (target) => {
  let pardis: Pardis;
  let secretariat: FakeUser;
  let baleHead: FakeUser;
  let telegramHeads: FakeUser[];
  const tokenOf = (platform: Platform) => pardis.e2e.config.platforms.find((p) => p.platform === platform)!.token;

  /** The bytes a Telegram user would download for a file id (getFile, then the file URL). */
  async function downloaded(fileId: string): Promise<Buffer> {
    const fake = pardis.e2e.fake("telegram");
    const token = tokenOf("telegram");
    const answer = (await (await fetch(`${fake.url}/bot${token}/getFile?file_id=${encodeURIComponent(fileId)}`)).json()) as {
      result: { file_path: string };
    };
    return Buffer.from(await (await fetch(fake.fileUrl(token, answer.result.file_path))).arrayBuffer());
  }

  beforeAll(async () => {
    pardis = await startPardis(target, { platforms: ["bale", "telegram"] });
    secretariat = await pardis.e2e.bindUser("bale", PEOPLE.secretariat);
    baleHead = await pardis.e2e.bindUser("bale", PEOPLE.omran);
    telegramHeads = [await pardis.e2e.bindUser("telegram", PEOPLE.jahad), await pardis.e2e.bindUser("telegram", PEOPLE.bankMelli)];
  });
  afterAll(async () => {
    await pardis?.stop();
  });

  /** The secretariat composes a notice to every agency's head with the letter, on Bale, and sends it. */
  async function sendNoticeWithLetter(title: string) {
    secretariat.command("/notice");
    await converse(secretariat, [
      ["عنوان جلسه را بنویسید", title],
      ["تاریخ جلسه را بنویسید", "1405/09/14"],
      ["ساعت شروع جلسه", "10:00"],
      ["مکان جلسه", "سالن جلسات فرمانداری پردیس"],
    ]);
    await answerWithButton(secretariat, "دستور جلسه را چگونه", "خودم می‌نویسم");
    await secretariat.waitFor("دستور جلسه را بنویسید");
    secretariat.send("بررسی پرداخت تسهیلات اشتغال");
    await secretariat.waitFor("نامه دعوت دارید");
    const uploaded = secretariat.sendDocument({ fileName: LETTER_NAME, content: LETTER, mimeType: "application/pdf" }).document!;
    await answerWithButton(secretariat, "برای چه کسانی", "همه دستگاه‌های کارگروه");
    await answerWithButton(secretariat, "فرمانداری هم دعوت شود", "خیر");
    await answerWithButton(secretariat, "از هر دستگاه چه کسانی", "رؤسا");
    const question = await secretariat.waitFor("برای فرستادن «ارسال»");
    await pressLabelled(secretariat, question, "ارسال");
    await outboxSettled(pardis.e2e.app);
    return uploaded;
  }

  it("reaches a Telegram recipient as a document of the same name and bytes, uploaded to Telegram once", async () => {
    const uploaded = await sendNoticeWithLetter("جلسه کارگروه اشتغال");

    // On Bale, the file the secretariat uploaded, by its own id.
    expect(letterIn(baleHead).document!.file_id).toBe(uploaded.file_id);
    // On Telegram, a document of the same name and bytes…
    const [first, second] = telegramHeads.map((user) => letterIn(user).document!);
    expect(first!.file_name).toBe(LETTER_NAME);
    expect(await downloaded(first!.file_id)).toEqual(LETTER);
    // …uploaded once: the second recipient got the file id the first upload left.
    expect(second!.file_id).toBe(first!.file_id);
    const telegramSends = pardis.e2e
      .fake("telegram")
      .allSent()
      .filter((m) => m.method === "sendDocument");
    expect(telegramSends).toHaveLength(2);

    // The download URL (bot token included) is stored nowhere: not in the outbox, not with the file.
    const db = pardis.e2e.app.database.prisma;
    const stored = await db.outboxFile.findMany();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.fileName).toBe(LETTER_NAME);
    expect(Buffer.from(stored[0]!.bytes)).toEqual(LETTER);
    const rows = JSON.stringify(await db.outboxMessage.findMany()) + JSON.stringify(stored.map((s) => s.fileIds));
    expect(rows).not.toContain(tokenOf("bale"));
    expect(rows).not.toContain("/file/bot");
  });

  it("drops a letter's stored bytes when every recipient is on the letter's own platform", async () => {
    const db = pardis.e2e.app.database.prisma;
    // The Telegram heads can no longer be reached: every recipient of the next notice is on Bale.
    await db.chatIdentity.updateMany({ where: { platform: "telegram" }, data: { reachable: false } });
    const before = pardis.e2e.fake("telegram").allSent().length;
    await sendNoticeWithLetter("جلسه دوم کارگروه اشتغال");

    const notices = await db.notice.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true } });
    expect(notices.map((n) => n.status)).toEqual(["sent", "sent"]);
    // The Bale head got the second letter by its Bale file id; nothing went to Telegram.
    expect(baleHead.messages().filter((m) => m.document)).toHaveLength(2);
    expect(pardis.e2e.fake("telegram").allSent()).toHaveLength(before);
    // No outbox row names the second letter's stored file, so it went with the send; the first stays until its sends age out.
    expect((await db.outboxFile.findMany()).map((f) => f.key)).toEqual([`notice:${notices[0]!.id}:letter`]);
  });
});
