/**
 * Minutes sent to /meeting as a file, through the real bot on Bale, on each database: a Word
 * document (.docx) of numbered.txt gives the same five resolutions as the pasted text; a broken
 * .docx and a PDF are refused with a Persian message and add nothing to the draft.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeUser } from "../fake-bot-api/user.js";
import { PEOPLE, pressLabelled, startPardis, type Pardis } from "../support/agency.js";
import { testDatabases } from "../support/databases.js";
import { docxOf } from "../support/docx.js";
import { minutesFixture, next, pressOn, startMeeting } from "../support/secretariat.js";

describe.each(testDatabases())("/meeting minutes from a file on $name", (target) => {
  let pardis: Pardis;
  let secretary: FakeUser;

  beforeAll(async () => {
    pardis = await startPardis(target, { platforms: ["bale"] });
    secretary = await pardis.e2e.bindUser("bale", PEOPLE.secretariat);
    await startMeeting(secretary, "جلسه کارگروه اشتغال — آذر", "۱۴۰۵/۹/۳");
  });
  afterAll(async () => {
    await pardis?.stop();
  });

  it("refuses a PDF and a broken Word document, and keeps waiting for the minutes", async () => {
    secretary.sendDocument({ fileName: "صورتجلسه.pdf", mimeType: "application/pdf", content: "%PDF-1.4" });
    await next(secretary, "فقط فایل متنی ‎.txt یا سند ورد ‎.docx خوانده می‌شود");
    secretary.sendDocument({ fileName: "صورتجلسه.docx", content: "not a zip" });
    await next(secretary, "این فایل خوانده نشد");
    const draft = await pardis.e2e.app.database.prisma.meetingDraft.findFirstOrThrow();
    expect(JSON.stringify(draft.data)).not.toContain("not a zip");
  });

  it("reads a .docx of numbered.txt into the same five resolutions as the pasted text", async () => {
    const lines = minutesFixture("numbered")
      .split("\n")
      .filter((l) => l.trim() !== "");
    secretary.sendDocument({
      fileName: "صورتجلسه آذر.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      content: await docxOf(lines),
    });
    await pressOn(secretary, "متن دریافت شد", "پایان متن صورت‌جلسه");
    const list = await next(secretary, "۵ مصوبه در متن پیدا شد");
    expect(list.text).toContain("۱) بانک ملی، بانک کشاورزی و بانک رفاه");
    expect(list.text).toContain("۵) همه دستگاه‌ها گزارش هفتگی اشتغال");
    await pressLabelled(secretary, list, "تأیید فهرست");
    await next(secretary, "دستگاه‌های مصوبه ۱ از ۵");
  });
});
