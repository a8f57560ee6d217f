/**
 * The standing as a picture for a phone (1080 px wide): realization per agency as horizontal bars
 * growing right to left under each agency's name, the committee's average as a dashed line, and
 * the committee's quotas as progress bars with the pro-rata mark. Drawn as SVG and rendered by
 * resvg with the Vazirmatn font bundled from npm (no system fonts, no browser): resvg shapes
 * Persian and lays out right-to-left text itself.
 *
 * Renders only what the figures say; every word comes from the locale files through `t`.
 */
import { createRequire } from "node:module";
import path from "node:path";
import type { AgencyFigures, CommitteeFigures, QuotaProgress } from "../domain/reports/index.js";
import type { Translate } from "../i18n/index.js";
import { formatsFor } from "../services/render/format.js";

export const CHART_WIDTH = 1080;
/** More bars than this do not fit a phone screen's worth of scrolling; the rest are counted. */
export const CHART_MAX_AGENCIES = 30;

const MARGIN = 40;
const HEADER = 190;
const ROW = 74;
/** Where the bars are: a track from `left` to `right`, `offset` below the top of a row. */
export const CHART_BAR = { right: CHART_WIDTH - MARGIN, left: 170, height: 26, offset: 38 };
const BAR_WIDTH = CHART_BAR.right - CHART_BAR.left;
const QUOTA_ROW = 118;
/** Half the width of «میانگین کارگروه» (or "committee average") at 20 px bold, with room to spare. */
const AVERAGE_LABEL_HALF_WIDTH = 90;

const COLORS = {
  text: "#1f2937",
  muted: "#6b7280",
  track: "#eef1f5",
  low: "#dc2626",
  mid: "#f59e0b",
  high: "#16a34a",
  quota: "#2563eb",
  line: "#111827",
};

const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve("vazirmatn/package.json")), "fonts", "ttf");
const FONT_FILES = [path.join(fontDir, "Vazirmatn-Regular.ttf"), path.join(fontDir, "Vazirmatn-Bold.ttf")];

export interface ChartInput {
  committeeName: string;
  figures: CommitteeFigures;
  /** The agencies to draw (worst first); by default all of the figures', capped at CHART_MAX_AGENCIES. */
  agencies?: readonly AgencyFigures[];
  /** The quotas drawn under the bars; by default the committee's. */
  quotas?: readonly QuotaProgress[];
  /** Words, digits and the period's name in the reader's language. */
  t: Translate;
  periodLabel: string;
}

const escape = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function text(
  x: number,
  y: number,
  content: string,
  opts: { size?: number; bold?: boolean; fill?: string; anchor?: "start" | "end" | "middle"; rtl?: boolean } = {},
): string {
  const rtl = opts.rtl ?? true;
  return `<text x="${x}" y="${y}" font-size="${opts.size ?? 24}" font-weight="${opts.bold ? 700 : 400}" fill="${opts.fill ?? COLORS.text}" text-anchor="${opts.anchor ?? (rtl ? "end" : "start")}"${rtl ? ' direction="rtl"' : ""}>${escape(content)}</text>`;
}

const colorOf = (share: number | null): string =>
  share === null ? COLORS.muted : share < 0.4 ? COLORS.low : share < 0.7 ? COLORS.mid : COLORS.high;

/** A bar filling `share` (0–1) of the track from the right. */
function bar(y: number, share: number, fill: string): string {
  const width = Math.round(Math.min(1, Math.max(0, share)) * BAR_WIDTH);
  return [
    `<rect x="${CHART_BAR.left}" y="${y}" width="${BAR_WIDTH}" height="${CHART_BAR.height}" rx="6" fill="${COLORS.track}"/>`,
    width > 0 ? `<rect x="${CHART_BAR.right - width}" y="${y}" width="${width}" height="${CHART_BAR.height}" rx="6" fill="${fill}"/>` : "",
  ].join("");
}

/** The SVG of the chart and its height (exported for tests that inspect the drawing). */
export function chartSvg(input: ChartInput): { svg: string; height: number; rows: { top: number; share: number | null }[] } {
  const { t, figures } = input;
  const f = formatsFor(t);
  const percent = (share: number) => t("chart-percent", { value: f.number(Math.round(share * 100)) });
  const all = input.agencies ?? figures.agencies;
  const shown = all.slice(0, CHART_MAX_AGENCIES);
  const hidden = all.length - shown.length;
  const quotas = input.quotas ?? figures.committee.quotas;
  const barsBottom = HEADER + shown.length * ROW + (hidden > 0 ? 40 : 0);
  const height = barsBottom + (quotas.length > 0 ? 70 + quotas.length * QUOTA_ROW : 0) + MARGIN;

  const parts: string[] = [`<rect width="${CHART_WIDTH}" height="${height}" fill="#ffffff"/>`];
  parts.push(text(CHART_BAR.right, 56, input.committeeName, { size: 32, bold: true }));
  parts.push(
    text(CHART_BAR.right, 98, t("chart-subtitle", { period: input.periodLabel, date: f.date(figures.now) }), {
      size: 22,
      fill: COLORS.muted,
    }),
  );

  const rows: { top: number; share: number | null }[] = [];
  shown.forEach((a, i) => {
    const top = HEADER + i * ROW;
    rows.push({ top: top + CHART_BAR.offset, share: a.realization });
    parts.push(text(CHART_BAR.right, top + 26, a.agency.name, { size: 24 }));
    const value = a.realization === null ? t("chart-no-items") : percent(a.realization);
    parts.push(text(MARGIN, top + CHART_BAR.offset + 21, value, { size: 24, bold: true, fill: colorOf(a.realization), rtl: false }));
    // resvg anchors by the left edge for "start" whatever the direction: this is right-to-left text set flush left.
    if (a.overdue > 0)
      parts.push(text(MARGIN, top + 26, t("chart-overdue", { count: a.overdue }), { size: 18, fill: COLORS.low, anchor: "start" }));
    parts.push(bar(top + CHART_BAR.offset, a.realization ?? 0, colorOf(a.realization)));
  });
  if (hidden > 0)
    parts.push(
      text(CHART_BAR.right, HEADER + shown.length * ROW + 24, t("chart-more-agencies", { count: hidden }), {
        size: 20,
        fill: COLORS.muted,
      }),
    );

  const average = figures.committee.realization;
  if (average !== null && shown.length > 0) {
    const x = Math.round(CHART_BAR.right - Math.min(1, average) * BAR_WIDTH);
    // Across each bar only, so that it never runs through an agency's name.
    for (const row of rows) {
      parts.push(
        `<line x1="${x}" y1="${row.top - 8}" x2="${x}" y2="${row.top + CHART_BAR.height + 8}" stroke="${COLORS.line}" stroke-width="3" stroke-dasharray="6 4"/>`,
      );
    }
    // The percentage on a line of its own: a number with its sign inside right-to-left words is
    // not laid out reliably by resvg's bidi (the sign drifts away from the digits).
    // Centred on the line, but never past the image's edge (a low average puts the line at the right end).
    const labelX = Math.min(CHART_WIDTH - MARGIN / 2 - AVERAGE_LABEL_HALF_WIDTH, Math.max(MARGIN / 2 + AVERAGE_LABEL_HALF_WIDTH, x));
    parts.push(text(labelX, HEADER - 40, t("chart-average"), { size: 20, bold: true, anchor: "middle" }));
    parts.push(text(labelX, HEADER - 14, percent(average), { size: 22, bold: true, anchor: "middle", rtl: false }));
  }

  if (quotas.length > 0) {
    parts.push(text(CHART_BAR.right, barsBottom + 48, t("chart-quotas"), { size: 26, bold: true }));
    quotas.forEach((q, i) => parts.push(quotaRow(q, barsBottom + 70 + i * QUOTA_ROW, t, percent)));
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}" font-family="Vazirmatn">${parts.join("")}</svg>`;
  return { svg, height, rows };
}

function quotaRow(q: QuotaProgress, top: number, t: Translate, percent: (share: number) => string): string {
  const f = formatsFor(t);
  const unit = q.unit ?? "";
  const parts = [
    text(
      CHART_BAR.right,
      top + 24,
      t("chart-quota-line", { label: q.label, year: f.digits(q.year), achieved: f.number(q.achieved), target: f.number(q.target), unit }),
      { size: 22 },
    ),
    text(MARGIN, top + CHART_BAR.offset + 21, percent(q.share), { size: 24, bold: true, fill: COLORS.quota, rtl: false }),
    bar(top + CHART_BAR.offset, q.share, COLORS.quota),
  ];
  const expected = q.target > 0 ? Math.min(1, q.expectedByNow / q.target) : 0;
  const x = Math.round(CHART_BAR.right - expected * BAR_WIDTH);
  parts.push(
    `<line x1="${x}" y1="${top + CHART_BAR.offset - 6}" x2="${x}" y2="${top + CHART_BAR.offset + CHART_BAR.height + 6}" stroke="${COLORS.line}" stroke-width="3"/>`,
  );
  const pace =
    q.remaining === 0
      ? t("chart-quota-reached")
      : q.pacePerWeek === null
        ? t("chart-quota-missed")
        : t("chart-quota-pace", { pace: f.number(Math.ceil(q.pacePerWeek)), unit, weeks: q.weeksLeft });
  parts.push(
    text(
      CHART_BAR.right,
      top + CHART_BAR.offset + CHART_BAR.height + 30,
      `${t("chart-quota-expected", { expected: f.number(Math.round(q.expectedByNow)) })} — ${pace}`,
      { size: 19, fill: COLORS.muted },
    ),
  );
  return parts.join("");
}

/** The chart as a PNG. */
export async function renderChartPng(input: ChartInput): Promise<Buffer> {
  const { svg } = chartSvg(input);
  // Loaded on first use, like exceljs: the native renderer need not slow every start of the bot.
  const { Resvg } = await import("@resvg/resvg-js");
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: "Vazirmatn" },
    fitTo: { mode: "width", value: CHART_WIDTH },
  });
  return resvg.render().asPng();
}
