/**
 * /status and /export in chat over the fake Bot API, on each database, on the scenario of
 * test/support/report-scenario.ts (figures worked out by hand there): the secretariat's overview
 * and its screens, the chart PNG decoded, an agency liaison seeing only their agency, the
 * workbook as a document to the secretariat and to no one else.
 */
import ExcelJS from "exceljs";
import type { Message } from "grammy/types";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHART_BAR, CHART_WIDTH } from "../../src/exports/chart.js";
import type { FakeUser } from "../fake-bot-api/user.js";
import { PEOPLE, type Pardis, startPardis } from "../support/agency.js";
import { testDatabases } from "../support/databases.js";
import { TOKENS } from "../support/e2e.js";
import { buildReportScenario } from "../support/report-scenario.js";

/** The bytes of a file the bot sent, fetched back through the fake's Bot API like any client would. */
async function download(pardis: Pardis, fileId: string): Promise<Buffer> {
  const root = `${pardis.e2e.fake("bale").url}`;
  const info = (await (await fetch(`${root}/bot${TOKENS.bale}/getFile?file_id=${encodeURIComponent(fileId)}`)).json()) as {
    result: { file_path: string };
  };
  return Buffer.from(await (await fetch(`${root}/file/bot${TOKENS.bale}/${info.result.file_path}`)).arrayBuffer());
}

function buttonData(message: Message, label: string): string {
  const button = message.reply_markup?.inline_keyboard.flat().find((b) => b.text.includes(label));
  if (!button || !("callback_data" in button) || !button.callback_data) throw new Error(`no button "${label}"`);
  return button.callback_data;
}

describe.each(testDatabases())("/status and /export on $name", (target) => {
  let pardis: Pardis;
  let secretariat: FakeUser;
  let liaison: FakeUser;

  beforeAll(async () => {
    pardis = await startPardis(target, { platforms: ["bale"] });
    secretariat = await pardis.e2e.bindUser("bale", PEOPLE.secretariat);
    liaison = await pardis.e2e.bindUser("bale", PEOPLE.tavonLiaison);
    await buildReportScenario(pardis);
  }, 90_000);
  afterAll(async () => {
    await pardis?.stop();
  });

  let overview: Message;

  it("shows the secretariat the committee overview with the hand-computed figures, worst first", async () => {
    secretariat.command("/status");
    overview = await secretariat.waitFor(/وضعیت مصوبات/, { timeoutMs: 20_000 });
    const text = overview.text!;
    expect(text).toContain("میزان تحقق: ۲۲٪ (۲ خاتمه‌یافته از ۹ تکلیف قابل سنجش)");
    expect(text).toContain("معوق: ۱ تکلیف (بیشترین تأخیر: ۳ روز کاری)");
    expect(text).toContain("گزارش هفتگی، ۴ هفته اخیر: ۱ به‌موقع، ۱ با تأخیر، ۵ ارسال‌نشده");
    expect(text).toContain("در میزان تحقق شمرده نمی‌شوند: ۱۴ تکلیف مستمر، ۱ تکلیف منتفی");
    expect(text).toContain("سال ۱۴۰۵ — تا دوشنبه ۲۳ آذر ۱۴۰۵");
    const lines = text.split("\n").filter((l) => /^[۰-۹]+\. /.test(l));
    expect(lines).toEqual([
      "۱. اداره صنعت، معدن و تجارت شهرستان پردیس: ۰٪",
      "۲. بانک کشاورزی، شعبه پردیس: ۰٪",
      "۳. بانک ملی ایران، شعبه مرکزی پردیس: ۰٪",
      "۴. مدیریت جهاد کشاورزی شهرستان پردیس: ۰٪",
      "۵. اداره تعاون، کار و رفاه اجتماعی شهرستان پردیس: ۳۳٪ — ۱ معوق",
      "۶. شرکت تعاونی توسعه و عمران شهرستان پردیس: ۱۰۰٪",
      "۷. بانک رفاه کارگران، شعبه پردیس: —",
    ]);
    // Agencies only: no person's name in the overview.
    expect(text).not.toMatch(/زهرا موسوی|مریم احمدی/);
  });

  it("sends the chart: a 1080 px wide PNG with the bars where the realizations put them", async () => {
    const photo = secretariat.messages().find((m) => m.photo);
    expect(photo?.caption).toContain("میزان تحقق مصوبات");
    const largest = photo!.photo!.at(-1)!;
    const png = PNG.sync.read(await download(pardis, largest.file_id));
    expect(png.width).toBe(CHART_WIDTH);
    const rgb = (x: number, y: number) => {
      const i = (Math.round(y) * png.width + Math.round(x)) * 4;
      return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    };
    const coloured = (c: number[]) => Math.max(...c) - Math.min(...c) > 60;
    const x = (share: number) => CHART_BAR.right - share * (CHART_BAR.right - CHART_BAR.left);
    // Rows are 74 px apart from 190; tavon is fifth (33%), omran sixth (100%), smt first (0%).
    const barMid = (row: number) => 190 + row * 74 + CHART_BAR.offset + CHART_BAR.height / 2;
    expect(coloured(rgb(x(0.3), barMid(4)))).toBe(true);
    expect(coloured(rgb(x(0.36), barMid(4)))).toBe(false);
    expect(coloured(rgb(x(0.95), barMid(5)))).toBe(true);
    expect(coloured(rgb(x(0.05), barMid(0)))).toBe(false);
  });

  it("opens the overdue list, an agency's detail, compliance and indicators from the buttons", async () => {
    let screen = await secretariat.press(overview, buttonData(overview, "فهرست معوق‌ها"));
    let shown = await secretariat.waitFor((m) => m.message_id === overview.message_id && !!m.text?.includes("تکالیف معوق"));
    expect(shown.text).toContain(
      "• اداره تعاون، کار و رفاه اجتماعی شهرستان پردیس — مصوبه ۱ جلسه ۱۴۰۵-۰۸: ۳ روز کاری تأخیر (مهلت جمعه ۲۰ آذر ۱۴۰۵)",
    );
    screen = await secretariat.press(shown, buttonData(shown, "بازگشت"));
    shown = await secretariat.waitFor((m) => m.message_id === overview.message_id && !!m.text?.includes("دستگاه‌ها (از کمترین"));
    await secretariat.press(shown, buttonData(shown, "جزئیات دستگاه‌ها"));
    shown = await secretariat.waitFor((m) => m.message_id === overview.message_id && !!m.text?.includes("دستگاه را انتخاب کنید"));
    await secretariat.press(shown, buttonData(shown, "مدیریت جهاد کشاورزی"));
    shown = await secretariat.waitFor((m) => m.message_id === overview.message_id && !!m.text?.includes("دستگاه: مدیریت جهاد"));
    expect(shown.text).toContain("میزان تحقق: ۰٪ (۰ خاتمه‌یافته از ۱ تکلیف قابل سنجش)");
    expect(shown.text).toContain("• سهمیه تعداد اشتغال ایجادشده و ثبت‌شده در سامانه رصد سال ۱۴۰۵: ۰ از ۲۰۰ نفر (۰٪)");
    await secretariat.press(shown, buttonData(shown, "بازگشت"));
    shown = await secretariat.waitFor((m) => m.message_id === overview.message_id && !!m.text?.includes("دستگاه‌ها (از کمترین"));
    await secretariat.press(shown, buttonData(shown, "گزارش‌های هفتگی"));
    shown = await secretariat.waitFor((m) => m.message_id === overview.message_id && !!m.text?.includes("گزارش هفتگی هر دستگاه"));
    expect(shown.text).toContain("• اداره صنعت، معدن و تجارت شهرستان پردیس: ۴ هفته: ۰ به‌موقع، ۱ با تأخیر، ۰ ارسال‌نشده");
    await secretariat.press(shown, buttonData(shown, "بازگشت"));
    shown = await secretariat.waitFor((m) => m.message_id === overview.message_id && !!m.text?.includes("دستگاه‌ها (از کمترین"));
    await secretariat.press(shown, buttonData(shown, "شاخص‌ها و سهمیه‌ها"));
    shown = await secretariat.waitFor((m) => m.message_id === overview.message_id && !!m.text?.includes("شاخص‌ها:"));
    expect(shown.text).toContain("• تعداد اشتغال ایجادشده و ثبت‌شده در سامانه رصد: ۲۵ نفر");
    expect(shown.text).toContain("سهمیه تعداد اشتغال ایجادشده و ثبت‌شده در سامانه رصد سال ۱۴۰۵: ۲۵ از ۱٬۲۰۰ نفر (۲٪)");
    expect(screen).toBeDefined();
  });

  it("shows an agency liaison only their own agency, and refuses another agency's screen", async () => {
    liaison.command("/status");
    const own = await liaison.waitFor(/وضعیت مصوبات/, { timeoutMs: 20_000 });
    expect(own.text).toContain("دستگاه: اداره تعاون، کار و رفاه اجتماعی شهرستان پردیس");
    expect(own.text).toContain("میزان تحقق: ۳۳٪ (۱ خاتمه‌یافته از ۳ تکلیف قابل سنجش)");
    expect(own.text).toContain("میزان تحقق کل کارگروه: ۲۲٪");
    for (const other of ["اداره صنعت، معدن", "بانک ملی", "بانک کشاورزی", "بانک رفاه", "مدیریت جهاد", "توسعه و عمران"])
      expect(own.text).not.toContain(other);
    // A forged button for jahad's detail still gets the liaison's own screen.
    const jahadId = (await pardis.e2e.app.database.prisma.agency.findUniqueOrThrow({ where: { code: "jahad" } })).id;
    await liaison.press(own, `r:g:y:${jahadId}`, { force: true });
    const after = await liaison.waitFor((m) => m.message_id === own.message_id, { timeoutMs: 10_000 }).catch(() => own);
    expect(after.text).not.toContain("مدیریت جهاد");
    const chart = liaison.messages().find((m) => m.photo);
    expect(chart).toBeDefined();
  });

  it("sends the workbook to the secretariat as a document, and to no one else", async () => {
    secretariat.command("/export");
    const doc = await secretariat.waitFor((m) => !!m.document, { timeoutMs: 30_000 });
    expect(doc.document!.file_name).toMatch(/^peygir-pardis-employment-1405-09-23\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download(pardis, doc.document!.file_id)) as never);
    expect(book.getWorksheet("مصوبات و تکالیف")!.rowCount).toBe(25);
    expect(book.getWorksheet("تحقق دستگاه‌ها")!.views[0]).toMatchObject({ rightToLeft: true });
    liaison.command("/export");
    const refused = await liaison.waitFor(/فقط دبیرخانه/);
    expect(refused.text).toContain("فایل اکسل");
  });
});
