/**
 * The chart PNG, decoded: the size it must have, and ink exactly where the bars must be (a bar
 * fills its track from the right by the agency's realization; the quota bar by its share).
 */
import { PNG } from "pngjs";
import { beforeAll, describe, expect, it } from "vitest";
import { computeFigures } from "../../../src/domain/reports/index.js";
import { CHART_BAR, CHART_MAX_AGENCIES, CHART_WIDTH, chartSvg, renderChartPng } from "../../../src/exports/chart.js";
import { createI18n, translatorFor } from "../../../src/i18n/index.js";
import { periodLabel } from "../../../src/services/render/period.js";
import { AGENCIES, reportFixture } from "../../support/report-fixture.js";

const t = translatorFor(createI18n(() => undefined) as never, "fa");
const figures = computeFigures(reportFixture("year"));
const input = { committeeName: "کارگروه اشتغال و سرمایه‌گذاری شهرستان پردیس", figures, t, periodLabel: periodLabel(figures.period, t) };

const TRACK = [0xee, 0xf1, 0xf5];
const WHITE = [0xff, 0xff, 0xff];

function pixel(png: PNG, x: number, y: number): number[] {
  const i = (Math.round(y) * png.width + Math.round(x)) * 4;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
}

const isColoured = (rgb: number[]) => Math.max(...rgb) - Math.min(...rgb) > 60;

describe("the realization chart", () => {
  let png: PNG;
  beforeAll(async () => {
    png = PNG.sync.read(await renderChartPng(input));
  });
  const { height, rows } = chartSvg(input);
  const mid = (row: { top: number }) => row.top + CHART_BAR.height / 2;
  /** x at `share` of the track, counted from its right end. */
  const at = (share: number) => CHART_BAR.right - share * (CHART_BAR.right - CHART_BAR.left);

  it("is 1080 px wide and as tall as its rows", () => {
    expect(png.width).toBe(CHART_WIDTH);
    expect(png.height).toBe(height);
    expect(rows).toHaveLength(3);
  });

  it("fills each agency's bar from the right by its realization, worst first", () => {
    const [alef, be, pe] = rows;
    expect(alef!.share).toBe(0.4);
    // 40%: coloured at 5% and 35% of the track, empty track at 45% and 95%.
    for (const share of [0.05, 0.35]) expect(isColoured(pixel(png, at(share), mid(alef!)))).toBe(true);
    for (const share of [0.45, 0.95]) expect(pixel(png, at(share), mid(alef!))).toEqual(TRACK);
    expect(isColoured(pixel(png, at(0.45), mid(be!)))).toBe(true);
    expect(pixel(png, at(0.55), mid(be!))).toEqual(TRACK);
    // No countable item: an empty track.
    expect(pe!.share).toBeNull();
    expect(pixel(png, at(0.05), mid(pe!))).toEqual(TRACK);
  });

  it("draws the committee average (3/7) as a dark line across the bars", () => {
    const x = Math.round(at(3 / 7));
    const dark = [-1, 0, 1].some((dx) => Math.max(...pixel(png, x + dx, rows[2]!.top + 4)) < 80);
    expect(dark).toBe(true);
  });

  it("keeps the average's label inside the image when the average is at an end of the track", async () => {
    for (const realization of [0, 1]) {
      const atEnd = { ...input, figures: { ...figures, committee: { ...figures.committee, realization } } };
      const image = PNG.sync.read(await renderChartPng(atEnd));
      let inkAtEdges = 0;
      let ink = 0;
      for (let y = 120; y < 190; y++)
        for (let x = 0; x < CHART_WIDTH; x++) {
          if (Math.max(...pixel(image, x, y)) >= 120) continue;
          ink++;
          if (x < 8 || x >= CHART_WIDTH - 8) inkAtEdges++;
        }
      expect(ink).toBeGreaterThan(300);
      expect(inkAtEdges).toBe(0);
    }
  });

  it("writes names and percentages in ink (text is rendered, not dropped for want of a font)", () => {
    // The name line above the first bar, near the right edge.
    let ink = 0;
    for (let x = CHART_WIDTH - 300; x < CHART_BAR.right; x++)
      for (let y = rows[0]!.top - 30; y < rows[0]!.top - 8; y++) if (Math.max(...pixel(png, x, y)) < 120) ink++;
    expect(ink).toBeGreaterThan(200);
    // The title.
    let title = 0;
    for (let x = 400; x < CHART_BAR.right; x++) for (let y = 25; y < 65; y++) if (Math.max(...pixel(png, x, y)) < 120) title++;
    expect(title).toBeGreaterThan(500);
  });

  it("shows the quotas as progress bars: 146 of 1200 jobs fills 12% of the track", () => {
    const quotaTop = height - 40 - 2 * 118 + 38; // the first quota row's bar, counted from the bottom margin
    expect(isColoured(pixel(png, at(0.06), quotaTop + CHART_BAR.height / 2))).toBe(true);
    expect(pixel(png, at(0.2), quotaTop + CHART_BAR.height / 2)).toEqual(TRACK);
    expect(pixel(png, CHART_WIDTH - 5, 5)).toEqual(WHITE);
  });

  it("caps the bars for a large committee and says how many more there are", () => {
    const many = Array.from({ length: 45 }, (_, i) => ({ ...figures.agencies[0]!, agency: { ...AGENCIES[0]!, id: 100 + i } }));
    const drawn = chartSvg({ ...input, agencies: many });
    expect(drawn.rows).toHaveLength(CHART_MAX_AGENCIES);
    expect(drawn.svg).toContain("و ۱۵ دستگاه دیگر");
  });
});
