import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MARKDOWN_MARKERS, WORD_JOINER, neutraliseMarkdown } from "../../../src/domain/text/index.js";

const WJ = WORD_JOINER;
const stripJoiners = (s: string) => s.replace(/\u2060/g, "");

/**
 * Every way we know a chat Markdown parser pairs markers, as patterns that find a pair:
 * single markers needing a boundary before the opener and after the closer (flanking rule),
 * doubled markers, inline links and code fences.
 */
const PAIRING_RULES: ReadonlyArray<readonly [string, RegExp]> = [
  ["*bold*", /(?:^|[\s(\p{P}])\*[^*\n]+?\*(?=$|[\s)\p{P}])/u],
  ["_italic_", /(?:^|[\s(\p{P}])_[^_\n]+?_(?=$|[\s)\p{P}])/u],
  ["~strike~", /(?:^|[\s(\p{P}])~[^~\n]+?~(?=$|[\s)\p{P}])/u],
  ["`code`", /(?:^|[\s(\p{P}])`[^`\n]+?`(?=$|[\s)\p{P}])/u],
  ["doubled marker", /\*\*|__|~~|\|\||``/],
  ["[link](url)", /\[[^\]\n]*\]\(/],
];

function pairsFound(text: string): string[] {
  return PAIRING_RULES.filter(([, re]) => re.test(text)).map(([name]) => name);
}

const SAMPLES = [
  "جلسه *فوری* با بانک",
  "_مهم_ است",
  "فایل report_final_v2.pdf و a_b@example.ir",
  "[پیوست](https://example.ir)",
  "**خیلی مهم**",
  "~~لغو شد~~",
  "~خط خورده~",
  "||محرمانه||",
  "```کد```",
  "`کد`",
  "*",
  "* مورد اول\n* مورد دوم",
  "قیمت ۲*۳ = ۶ و [یادداشت]",
  "(*پرانتز*)",
  "*شروع* و *پایان*.",
];

describe("neutraliseMarkdown (Bale)", () => {
  it.each(SAMPLES)("%s: no marker pair survives", (s) => {
    expect(pairsFound(neutraliseMarkdown(s))).toEqual([]);
  });

  it("the samples really do pair before neutralising (the rules are not vacuous)", () => {
    const before = SAMPLES.flatMap(pairsFound);
    expect(new Set(before)).toEqual(new Set(PAIRING_RULES.map(([name]) => name)));
  });

  it("shows exactly what was typed: only invisible word joiners are added", () => {
    for (const s of SAMPLES) expect(stripJoiners(neutraliseMarkdown(s))).toBe(s);
  });

  it("wraps each marker in word joiners, one between adjacent markers", () => {
    expect(neutraliseMarkdown("a*b")).toBe(`a${WJ}*${WJ}b`);
    expect(neutraliseMarkdown("**x**")).toBe(`${WJ}*${WJ}*${WJ}x${WJ}*${WJ}*${WJ}`);
    expect(neutraliseMarkdown("[x](y)")).toBe(`${WJ}[${WJ}x${WJ}]${WJ}(y)`);
  });

  it("leaves text without markers alone", () => {
    const s = "گزارش هفتگی: ۱۲ مورد اشتغال، ۵۰٪ پیشرفت (تا ۱۴۰۵/۰۹/۰۴) — a.b-c#d!";
    expect(neutraliseMarkdown(s)).toBe(s);
  });

  it("property: for any text, invisible-only, idempotent, every marker guarded, no pair found", () => {
    const alphabet = fc.constantFrom(...MARKDOWN_MARKERS, "(", ")", " ", "\n", "ا", "ب", "س", "a", "b", "1", ".", ",", WJ);
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join("")),
        (s) => {
          const out = neutraliseMarkdown(s);
          expect(stripJoiners(out)).toBe(stripJoiners(s));
          expect(neutraliseMarkdown(out)).toBe(out);
          const chars = [...out];
          chars.forEach((c, i) => {
            if ((MARKDOWN_MARKERS as readonly string[]).includes(c)) {
              expect(chars[i - 1]).toBe(WJ);
              expect(chars[i + 1]).toBe(WJ);
            }
          });
          expect(pairsFound(out)).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });
});
