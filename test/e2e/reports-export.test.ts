/**
 * The figures and the Excel workbook over a real database (both), on the scenario of
 * test/support/report-scenario.ts: the workbook opened again with exceljs (cells, right-to-left
 * sheets, frozen and filtered headers, Jalali dates, numbers as numbers), and `peygir report` /
 * `peygir export` wired through the real command line.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { peygir } from "../support/cli.js";
import { testDatabases } from "../support/databases.js";
import { type Pardis, startPardis } from "../support/agency.js";
import { buildReportScenario } from "../support/report-scenario.js";

/** The rows of a sheet as objects keyed by the header row's texts. */
function rowsOf(sheet: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
  });
  return rows;
}

describe.each(testDatabases())("reports and the workbook on $name", (target) => {
  let pardis: Pardis;
  let book: ExcelJS.Workbook;
  const saved = process.env.DATABASE_URL;

  beforeAll(async () => {
    pardis = await startPardis(target, { platforms: ["bale"] });
    await buildReportScenario(pardis);
    const workbook = await pardis.e2e.app.services.exports.workbookOf("pardis-employment");
    book = new ExcelJS.Workbook();
    await book.xlsx.load(workbook.bytes as never);
  }, 60_000);
  afterAll(async () => {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
    await pardis?.stop();
  });

  it("has one right-to-left sheet per view, each with a frozen, filtered header row", () => {
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "تحقق دستگاه‌ها",
      "مصوبات و تکالیف",
      "سابقه تکالیف",
      "گزارش‌های هفتگی",
      "اطلاعیه‌ها",
      "شاخص‌ها و سهمیه‌ها",
    ]);
    for (const sheet of book.worksheets) {
      expect(sheet.views[0]).toMatchObject({ rightToLeft: true, state: "frozen", ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
    }
  });

  it("fits each column to its contents, wrapping long texts", () => {
    const sheet = book.getWorksheet("مصوبات و تکالیف")!;
    const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
    // exceljs reads a width of 9, Excel's default, back as undefined.
    const width = (header: string) => sheet.getColumn(headers.indexOf(header) + 1).width ?? 9;
    expect(width("متن مصوبه")).toBe(60);
    expect(sheet.getColumn(headers.indexOf("متن مصوبه") + 1).alignment).toMatchObject({ wrapText: true });
    expect(width("دستگاه")).toBe("اداره تعاون، کار و رفاه اجتماعی شهرستان پردیس".length + 2);
    expect(width("جلسه")).toBeLessThan(12);
  });

  it("gives each agency's realization as a number formatted as a percentage, worst first, the committee last", () => {
    const rows = rowsOf(book.getWorksheet("تحقق دستگاه‌ها")!);
    expect(rows.map((r) => r["دستگاه"])).toEqual([
      "اداره صنعت، معدن و تجارت شهرستان پردیس",
      "بانک کشاورزی، شعبه پردیس",
      "بانک ملی ایران، شعبه مرکزی پردیس",
      "مدیریت جهاد کشاورزی شهرستان پردیس",
      "اداره تعاون، کار و رفاه اجتماعی شهرستان پردیس",
      "شرکت تعاونی توسعه و عمران شهرستان پردیس",
      "بانک رفاه کارگران، شعبه پردیس",
      "کل کارگروه",
    ]);
    const tavon = rows[4]!;
    expect(tavon["میزان تحقق"]).toBeCloseTo(1 / 3, 12);
    expect(tavon["معوق"]).toBe(1);
    expect(tavon["بیشترین تأخیر (روز کاری)"]).toBe(3);
    expect(tavon["گزارش ۴ هفته: به‌موقع"]).toBe(1);
    const committee = rows[7]!;
    expect(committee["میزان تحقق"]).toBeCloseTo(2 / 9, 12);
    expect(committee["قابل سنجش"]).toBe(9);
    expect(committee["منتفی"]).toBe(1);
    expect(committee["گزارش ۴ هفته: ارسال‌نشده"]).toBe(5);
    expect(rows[6]!["میزان تحقق"]).toBeNull();
    const sheet = book.getWorksheet("تحقق دستگاه‌ها")!;
    expect(sheet.getColumn(2).numFmt).toBe("0%");
  });

  it("lists every assignment with Jalali dates and its status in the one term per status", () => {
    const rows = rowsOf(book.getWorksheet("مصوبات و تکالیف")!);
    expect(rows).toHaveLength(24);
    const omran = rows.find((r) => r["دستگاه"] === "شرکت تعاونی توسعه و عمران شهرستان پردیس" && r["شماره مصوبه"] === 2)!;
    expect(omran).toMatchObject({
      جلسه: "1405-08",
      "تاریخ جلسه": "۱۴۰۵/۰۹/۰۱",
      وضعیت: "خاتمه‌یافته",
      مهلت: "۱۴۰۵/۰۹/۱۵",
      "اعلام انجام": "۱۴۰۵/۰۹/۱۰ ۱۰:۰۰",
      خاتمه: "۱۴۰۵/۰۹/۱۰ ۱۱:۰۰",
      "درصد پیشرفت": 1,
    });
    const jahad = rows.find((r) => r["دستگاه"] === "مدیریت جهاد کشاورزی شهرستان پردیس" && r["شماره مصوبه"] === 5)!;
    expect(jahad).toMatchObject({ مهلت: "۱۴۰۵/۱۰/۳۰", "دفعات تمدید": 1 });
    expect(rows.filter((r) => r["مهلت"] === "مستمر")).toHaveLength(14);
  });

  it("keeps each assignment's history: status changes, progress with its percent, the deadline change", () => {
    const rows = rowsOf(book.getWorksheet("سابقه تکالیف")!);
    const tavon1 = rows.filter((r) => r["دستگاه"] === "اداره تعاون، کار و رفاه اجتماعی شهرستان پردیس" && r["شماره مصوبه"] === 1);
    expect(tavon1.map((r) => r["رویداد"])).toEqual([
      "رویت",
      "تغییر وضعیت: ابلاغ‌شده ← رویت‌شده",
      "گزارش پیشرفت",
      "تغییر وضعیت: رویت‌شده ← در حال اجرا",
    ]);
    expect(tavon1[2]).toMatchObject({ زمان: "۱۴۰۵/۰۹/۰۷ ۱۰:۰۰", توسط: "زهرا موسوی", "درصد پیشرفت": 0.5, شرح: "جلسه برگزار شد" });
    expect(rows).toContainEqual(expect.objectContaining({ رویداد: "تغییر مهلت: ۱۴۰۵/۱۰/۱۵ ← ۱۴۰۵/۱۰/۳۰", شرح: "درخواست دستگاه" }));
    expect(rows).toContainEqual(expect.objectContaining({ رویداد: "تغییر وضعیت: ابلاغ‌شده ← منتفی" }));
  });

  it("lists the weekly reports with every answer as numbers, and the missing ones", () => {
    const rows = rowsOf(book.getWorksheet("گزارش‌های هفتگی")!);
    expect(rows).toHaveLength(14); // two cycles × seven agencies
    const first = rows.filter((r) => r["مهلت ارسال"] === "۱۴۰۵/۰۹/۱۷ ۱۴:۰۰");
    expect(first.map((r) => r["وضعیت گزارش"]).sort()).toEqual(
      ["ارسال‌نشده", "ارسال‌نشده", "ارسال‌نشده", "ارسال‌نشده", "ارسال‌نشده", "با تأخیر", "به‌موقع"].sort(),
    );
    const tavon = first.find((r) => r["دستگاه"] === "اداره تعاون، کار و رفاه اجتماعی شهرستان پردیس")!;
    expect(tavon["تعداد اشتغال ایجادشده و ثبت‌شده در سامانه رصد (نفر)"]).toBe(12);
    expect(tavon["خلاصه اقدامات هفته در حوزه اشتغال"]).toBe("اقدامات هفته");
    expect(tavon["توسط"]).toBe("زهرا موسوی");
  });

  it("sets the indicators against the quotas, for the committee and the agencies the file names", () => {
    const rows = rowsOf(book.getWorksheet("شاخص‌ها و سهمیه‌ها")!);
    const jobs = rows.filter((r) => r["شاخص"] === "تعداد اشتغال ایجادشده و ثبت‌شده در سامانه رصد (نفر)");
    expect(jobs.map((r) => [r["دستگاه"], r["سهمیه"], r["محقق‌شده"]])).toEqual([
      ["کل کارگروه", 1200, 25],
      ["اداره صنعت، معدن و تجارت شهرستان پردیس", 300, 5],
      ["مدیریت جهاد کشاورزی شهرستان پردیس", 200, 0],
      ["اداره تعاون، کار و رفاه اجتماعی شهرستان پردیس", 400, 20],
    ]);
    expect(jobs[0]!["درصد تحقق"]).toBeCloseTo(25 / 1200, 12);
  });

  it("prints the same figures through `peygir report` and writes the workbook through `peygir export`", async () => {
    process.env.DATABASE_URL = pardis.database.url;
    // The command line reads the system clock: only figures that do not depend on the day are checked.
    const text = await peygir("report", "--committee", "pardis-employment", "--period", "all");
    expect(text).toContain("realization 22% (2 done of 9; 24 in all, 1 cancelled, 14 standing)");
    expect(text).toMatch(/- شرکت تعاونی توسعه و عمران شهرستان پردیس \(omran\)\n {4}realization 100%/);
    const json = JSON.parse(await peygir("report", "--committee", "pardis-employment", "--format", "json", "--period", "all"));
    expect(json.overall).toMatchObject({ total: 24, countable: 9, done: 2, cancelled: 1, standing: 14 });
    expect(json.agencies.at(-1).agency.code).toBe("bank-refah");
    const out = path.join(mkdtempSync(path.join(tmpdir(), "peygir-export-")), "pardis.xlsx");
    const printed = await peygir("export", "--committee", "pardis-employment", "--from", "1405/09/01", "--to", "۱۴۰۵/۰۹/۳۰", "--out", out);
    expect(printed).toContain("24 assignment(s)");
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(readFileSync(out) as never);
    expect(again.getWorksheet("مصوبات و تکالیف")!.rowCount).toBe(25);
    await expect(peygir("export", "--committee", "nope", "--out", out)).rejects.toThrow('no committee with code "nope"');
    await expect(peygir("report", "--committee", "pardis-employment", "--period", "week")).rejects.toThrow();
  });
});
