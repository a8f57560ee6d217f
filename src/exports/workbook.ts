/**
 * The Excel workbook of a committee (exceljs): one sheet per view, right to left, Persian headers
 * from the locale files, the header row frozen and filtered, columns as wide as their contents,
 * numbers as numbers (shares as percentages), dates as Jalali text (Excel has no Jalali calendar;
 * "۱۴۰۵/۰۹/۲۳ ۱۰:۰۰" reads right and sorts right).
 */
import { PassThrough } from "node:stream";
import type ExcelJS from "exceljs";
import { formatJalaliNumeric, formatTime } from "../domain/calendar/index.js";
import { FREE_FORM_KEY } from "../domain/weekly-report/answers.js";
import type { Translate } from "../i18n/index.js";
import type { ExportData, HistoryEvent } from "../services/reports/export-data.js";
import { statusLabel } from "../services/render/report-labels.js";

type Cell = string | number | null | undefined;
type Format = "text" | "wrap" | "count" | "number" | "percent";

interface Column<R> {
  header: string;
  value: (row: R) => Cell;
  format?: Format;
}

/** Widest column, in characters: past this the text wraps. */
const MAX_WIDTH = 60;

/**
 * `format` of an instant, each instant formatted once: a year's rows repeat a few thousand
 * instants (a resolution's agencies share deadlines, a cycle's reports their due time), and the
 * Jalali conversion with Persian digits cost more than writing the cell.
 */
function memoised(format: (d: Date) => string): (d: Date | null | undefined) => string | null {
  const seen = new Map<number, string>();
  return (d) => {
    if (!d) return null;
    const key = d.getTime();
    let text = seen.get(key);
    if (text === undefined) seen.set(key, (text = format(d)));
    return text;
  };
}

/** The instants' formats for one workbook (kept for its rows only, not for the process). */
const instantFormats = () => ({
  jalaliDate: memoised(formatJalaliNumeric),
  jalaliDateTime: memoised((d) => `${formatJalaliNumeric(d)} ${formatTime(d)}`),
});

/** `t` with each message rendered once per workbook: thousands of rows say the same few words. */
function memoisedTranslate(t: Translate): Translate {
  const seen = new Map<string, string>();
  return (key, vars) => {
    const id = vars === undefined ? key : `${key}\u0000${JSON.stringify(vars)}`;
    let text = seen.get(id);
    if (text === undefined) seen.set(id, (text = t(key, vars)));
    return text;
  };
}

const NUMBER_FORMATS: Partial<Record<Format, string>> = { count: "#,##0", number: "#,##0.##", percent: "0%" };

type Book = ExcelJS.stream.xlsx.WorkbookWriter;

/**
 * One sheet, streamed: the values are computed first (the column widths depend on all of them),
 * then the columns with their formats, then each row written and let go. Cells take their column's
 * format when they are created, so the columns come before the rows.
 */
function addSheet<R>(book: Book, name: string, columns: readonly Column<R>[], rows: readonly R[]): void {
  const widths = columns.map((c) => c.header.length);
  const values = rows.map((row) => {
    const cells = columns.map((c) => c.value(row) ?? null);
    cells.forEach((v, i) => {
      const length = v === null ? 0 : typeof v === "number" ? String(Math.round(v * 100) / 100).length + 2 : longestLine(v);
      if (length > widths[i]!) widths[i] = length;
    });
    return cells;
  });
  const sheet = book.addWorksheet(name, { views: [{ rightToLeft: true, state: "frozen", ySplit: 1 }] });
  const styles = columns.map((c): Partial<ExcelJS.Style> => {
    const numFmt = NUMBER_FORMATS[c.format ?? "text"];
    return {
      ...(numFmt ? { numFmt } : {}),
      ...(c.format === "wrap" ? { alignment: { wrapText: true, vertical: "top" } } : {}),
    };
  });
  sheet.columns = columns.map((_, i) => ({ width: Math.min(MAX_WIDTH, Math.max(8, widths[i]! + 2)), style: styles[i]! }));
  // exceljs looks a style up by the object's identity before working out its number: cells that
  // share their column's style object (one for numbers, one for the rest) are styled in O(1).
  const shared = styles.map((style) => ({ number: { ...style }, other: { ...style } }));
  // A row's own style (none here) is looked up like a cell's, by identity first: one object for
  // every row, not a new one each (exceljs's typings leave out Row.style).
  const rowStyle = {};
  const unstyled = (row: ExcelJS.Row) => Object.assign(row, { style: rowStyle });
  const header = sheet.addRow(columns.map((c) => c.header));
  header.eachCell((cell, i) => {
    cell.font = { bold: true };
    // A wrapping column's own alignment wins, as it does in the columns below.
    if (columns[i - 1]!.format !== "wrap") cell.alignment = { vertical: "middle", wrapText: false };
  });
  unstyled(header);
  header.commit();
  for (const cells of values) {
    const row = sheet.addRow(cells);
    unstyled(row);
    row.eachCell((cell, i) => {
      const style = shared[i - 1]!;
      cell.style = typeof cell.value === "number" ? style.number : style.other;
    });
    row.commit();
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  sheet.commit();
}

const longestLine = (s: string): number => s.split("\n").reduce((m, line) => Math.max(m, line.length), 0);

/** The workbook as an .xlsx file's bytes. */
export async function writeWorkbook(data: ExportData, translate: Translate): Promise<Buffer> {
  const t = memoisedTranslate(translate);
  const { jalaliDate, jalaliDateTime } = instantFormats();
  // Loaded on first use: exceljs takes most of a second to load, which every bot start would pay.
  const { default: Excel } = await import("exceljs");
  // Streamed (WorkbookWriter): the whole workbook as cell objects, then as one XML string per
  // sheet, took gigabytes and most of the time for a county's year of records.
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const book = new Excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  book.creator = "Peygir";
  book.created = data.figures.now;
  book.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  const status = (s: string) => statusLabel(t, s);
  const { figures } = data;

  type AgencyRow = (typeof figures.agencies)[number] | (typeof figures.committee & { agency?: undefined });
  const indicatorColumns: Column<AgencyRow>[] = figures.indicators.map((i) => ({
    header: i.unit ? `${i.label} (${i.unit})` : i.label,
    value: (r) => r.indicatorTotals[i.key] ?? 0,
    format: "number",
  }));
  addSheet<AgencyRow>(
    book,
    t("xlsx-sheet-agencies"),
    [
      { header: t("xlsx-agency"), value: (r) => r.agency?.name ?? t("xlsx-whole-committee") },
      { header: t("xlsx-realization"), value: (r) => r.realization, format: "percent" },
      {
        header: t("xlsx-average-progress"),
        value: (r) => (r.averageProgress === null ? null : r.averageProgress / 100),
        format: "percent",
      },
      { header: t("xlsx-total"), value: (r) => r.total, format: "count" },
      { header: t("xlsx-countable"), value: (r) => r.countable, format: "count" },
      { header: t("xlsx-standing"), value: (r) => r.standing, format: "count" },
      ...(["assigned", "acknowledged", "in_progress", "reported_done", "done", "blocked", "cancelled"] as const).map(
        (s): Column<AgencyRow> => ({ header: status(s), value: (r) => r.byStatus[s], format: "count" }),
      ),
      { header: t("xlsx-overdue"), value: (r) => r.overdue, format: "count" },
      { header: t("xlsx-worst-lateness"), value: (r) => r.worstLateness, format: "count" },
      { header: t("xlsx-on-time-share"), value: (r) => r.onTimeShare, format: "percent" },
      { header: t("xlsx-extended"), value: (r) => r.extended, format: "count" },
      { header: t("xlsx-reports-4-on-time"), value: (r) => r.compliance4.onTime, format: "count" },
      { header: t("xlsx-reports-4-late"), value: (r) => r.compliance4.late, format: "count" },
      { header: t("xlsx-reports-4-missing"), value: (r) => r.compliance4.missing, format: "count" },
      { header: t("xlsx-reports-12-on-time"), value: (r) => r.compliance12.onTime, format: "count" },
      { header: t("xlsx-reports-12-late"), value: (r) => r.compliance12.late, format: "count" },
      { header: t("xlsx-reports-12-missing"), value: (r) => r.compliance12.missing, format: "count" },
      ...indicatorColumns,
    ],
    [...figures.agencies, figures.committee],
  );

  type A = ExportData["assignments"][number];
  addSheet<A>(
    book,
    t("xlsx-sheet-assignments"),
    [
      { header: t("xlsx-meeting"), value: (a) => a.meetingNumber },
      { header: t("xlsx-meeting-date"), value: (a) => jalaliDate(a.meetingHeldOn) },
      { header: t("xlsx-resolution"), value: (a) => a.resolutionNumber, format: "count" },
      { header: t("xlsx-resolution-text"), value: (a) => a.resolutionText, format: "wrap" },
      { header: t("xlsx-kind"), value: (a) => t(`xlsx-kind-${a.kind.replace("_", "-")}`) },
      { header: t("xlsx-agency"), value: (a) => a.agency },
      { header: t("xlsx-role"), value: (a) => t(a.role === "lead" ? "xlsx-role-lead" : "xlsx-role-co") },
      { header: t("xlsx-status"), value: (a) => status(a.status) },
      { header: t("xlsx-percent"), value: (a) => a.percent / 100, format: "percent" },
      { header: t("xlsx-deadline"), value: (a) => jalaliDate(a.deadline) ?? t("xlsx-deadline-standing") },
      { header: t("xlsx-extensions"), value: (a) => a.extensions, format: "count" },
      { header: t("xlsx-published-at"), value: (a) => jalaliDateTime(a.publishedAt) },
      { header: t("xlsx-acknowledged-at"), value: (a) => jalaliDateTime(a.acknowledgedAt) },
      { header: t("xlsx-reported-done-at"), value: (a) => jalaliDateTime(a.reportedDoneAt) },
      { header: t("xlsx-done-at"), value: (a) => jalaliDateTime(a.doneAt) },
      { header: t("xlsx-cancelled-at"), value: (a) => jalaliDateTime(a.cancelledAt) },
      { header: t("xlsx-blocked-reason"), value: (a) => a.blockedReason, format: "wrap" },
    ],
    data.assignments,
  );

  const byId = new Map(data.assignments.map((a) => [a.id, a]));
  addSheet<HistoryEvent>(
    book,
    t("xlsx-sheet-history"),
    [
      { header: t("xlsx-meeting"), value: (h) => byId.get(h.assignmentId)?.meetingNumber },
      { header: t("xlsx-resolution"), value: (h) => byId.get(h.assignmentId)?.resolutionNumber, format: "count" },
      { header: t("xlsx-agency"), value: (h) => byId.get(h.assignmentId)?.agency },
      { header: t("xlsx-at"), value: (h) => jalaliDateTime(h.at) },
      { header: t("xlsx-event"), value: (h) => historyLabel(h, t, status, jalaliDate) },
      { header: t("xlsx-by"), value: (h) => h.by },
      { header: t("xlsx-percent"), value: (h) => (h.percent === null ? null : h.percent / 100), format: "percent" },
      { header: t("xlsx-text"), value: (h) => h.text, format: "wrap" },
    ],
    data.history,
  );

  type R = ExportData["reports"][number];
  const answerColumns: Column<R>[] = data.questions.map((q) => ({
    header: q.unit ? `${q.label} (${q.unit})` : q.label,
    value: (r) => {
      const v = r.submission?.answers[q.key];
      return typeof v === "number" || typeof v === "string" ? v : null;
    },
    format: q.type === "number" ? "number" : "wrap",
  }));
  addSheet<R>(
    book,
    t("xlsx-sheet-reports"),
    [
      { header: t("xlsx-week"), value: (r) => r.period },
      { header: t("xlsx-due-at"), value: (r) => jalaliDateTime(r.dueAt) },
      { header: t("xlsx-agency"), value: (r) => r.agency },
      {
        header: t("xlsx-report-state"),
        value: (r) => t(!r.submission ? "xlsx-report-missing" : r.submission.late ? "xlsx-report-late" : "xlsx-report-on-time"),
      },
      { header: t("xlsx-submitted-at"), value: (r) => jalaliDateTime(r.submission?.submittedAt) },
      { header: t("xlsx-edited"), value: (r) => (r.submission?.edited ? t("xlsx-yes") : null) },
      { header: t("xlsx-by"), value: (r) => r.submission?.by },
      ...answerColumns,
      {
        header: t("xlsx-free-form"),
        value: (r) => (typeof r.submission?.answers[FREE_FORM_KEY] === "string" ? (r.submission.answers[FREE_FORM_KEY] as string) : null),
        format: "wrap",
      },
    ],
    data.reports,
  );

  type N = ExportData["notices"][number];
  addSheet<N>(
    book,
    t("xlsx-sheet-notices"),
    [
      { header: t("xlsx-notice"), value: (n) => n.title },
      { header: t("xlsx-notice-sent-at"), value: (n) => jalaliDateTime(n.createdAt) },
      { header: t("xlsx-meeting-at"), value: (n) => jalaliDateTime(n.meetingAt) },
      { header: t("xlsx-location"), value: (n) => n.location },
      { header: t("xlsx-recipient"), value: (n) => n.person },
      { header: t("xlsx-delivery"), value: (n) => t(`xlsx-delivery-${n.delivery}`) },
      { header: t("xlsx-rsvp"), value: (n) => t(n.rsvp ? `xlsx-rsvp-${n.rsvp}` : "xlsx-rsvp-none") },
      { header: t("xlsx-delegate"), value: (n) => n.delegateName },
      { header: t("xlsx-rsvp-at"), value: (n) => jalaliDateTime(n.rsvpAt) },
    ],
    data.notices,
  );

  type Q = (typeof figures.committee.quotas)[number] & { scope: string };
  const quotaRows: Q[] = [
    ...figures.committee.quotas.map((q) => ({ ...q, scope: t("xlsx-whole-committee") })),
    ...figures.agencies.flatMap((a) => a.quotas.map((q) => ({ ...q, scope: a.agency.name }))),
  ];
  addSheet<Q>(
    book,
    t("xlsx-sheet-quotas"),
    [
      { header: t("xlsx-indicator"), value: (q) => (q.unit ? `${q.label} (${q.unit})` : q.label) },
      { header: t("xlsx-year"), value: (q) => q.year },
      { header: t("xlsx-agency"), value: (q) => q.scope },
      { header: t("xlsx-quota"), value: (q) => q.target, format: "number" },
      { header: t("xlsx-achieved"), value: (q) => q.achieved, format: "number" },
      { header: t("xlsx-share"), value: (q) => q.share, format: "percent" },
      { header: t("xlsx-expected-by-now"), value: (q) => q.expectedByNow, format: "number" },
      { header: t("xlsx-remaining"), value: (q) => q.remaining, format: "number" },
      { header: t("xlsx-weeks-left"), value: (q) => q.weeksLeft, format: "count" },
      { header: t("xlsx-pace"), value: (q) => q.pacePerWeek, format: "number" },
    ],
    quotaRows,
  );

  await book.commit();
  return Buffer.concat(chunks);
}

function historyLabel(
  h: HistoryEvent,
  t: Translate,
  status: (s: string) => string,
  jalaliDate: (d: Date | null | undefined) => string | null,
): string {
  switch (h.kind) {
    case "status": {
      const [from = "", to = ""] = h.what.split("→");
      return t("xlsx-history-status", { from: status(from), to: status(to) });
    }
    case "deadline":
      return t("xlsx-history-deadline", { previous: jalaliDate(h.previous) ?? "—", next: jalaliDate(h.next) ?? "—" });
    case "escalation":
      return t("xlsx-history-escalation", { step: h.what });
    case "update":
      return t(`xlsx-update-${h.what.replace("_", "-")}`);
  }
}
