/**
 * Words a first-week trial found confusing must not come back into the Persian texts: «عزیز» in a
 * formal greeting, English in brackets, «رد شدن» for "skip" (it reads as "rejected"), «بازی» for
 * "open" (it reads as "game"), and directions like «دکمه پایین پیام بالا».
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "locales", "fa");
const AVOIDED: [RegExp, string][] = [
  [/عزیز/, "«عزیز» in a greeting: the name (and title) alone"],
  [/\([A-Za-z][A-Za-z ]*\)/, "English in brackets: say it in Persian"],
  [/رد شدن/, "«رد شدن» reads as rejected: «بعدی»"],
  [/بازی/, "«بازی» reads as game: «در دست اقدام» or «باز نیست»"],
  [/پایین پیام بالا/, "«دکمه پایین پیام بالا»: name the button"],
];

describe("Persian texts", () => {
  const lines = readdirSync(DIR)
    .filter((f) => f.endsWith(".ftl"))
    .flatMap((f) =>
      readFileSync(path.join(DIR, f), "utf8")
        .split("\n")
        .map((line, i) => ({ where: `${f}:${i + 1}`, line })),
    )
    .filter(({ line }) => !line.startsWith("#"));

  it.each(AVOIDED)("avoid %s", (pattern, why) => {
    const found = lines.filter(({ line }) => pattern.test(line)).map(({ where, line }) => `${where} ${line.trim()}`);
    expect(found, why).toEqual([]);
  });
});
