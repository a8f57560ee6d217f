/**
 * Words a first-week trial found confusing must not come back into the Persian texts: «عزیز» in a
 * formal greeting, English in brackets, «رد شدن» for "skip" (it reads as "rejected"), «بازی» for
 * "open" (it reads as "game"), and directions like «دکمه پایین پیام بالا». A native reading then
 * fixed the rest: one spelling per word, one term per status (Fluent terms, `-status-*`), and no
 * question that leaves the reader guessing what answer it expects.
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
  [/گفتگو/, "one spelling: «گفت‌وگو»"],
  [/ٔ/, "no «ٔ» (صفحهٔ، شمارهٔ): the texts write «صفحه»، «شماره»"],
  [/روسا/, "«رؤسا», with its hamza"],
];

/** Every message of a locale: id → its whole text (continuation lines joined). Terms are kept as `-id`. */
function messagesOf(locale: string): Map<string, string> {
  const dir = path.resolve(DIR, "..", locale);
  const messages = new Map<string, string>();
  let current: string | undefined;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ftl"))) {
    for (const line of readFileSync(path.join(dir, file), "utf8").split("\n")) {
      const head = /^(-?[a-z][a-z0-9-]*) =(.*)$/.exec(line);
      if (head) messages.set((current = head[1]!), head[2]!.trim());
      else if (current && /^\s+\S/.test(line)) messages.set(current, `${messages.get(current)}\n${line.trim()}`);
      else current = undefined;
    }
  }
  return messages;
}

const STATUSES = ["assigned", "acknowledged", "in-progress", "reported-done", "done", "blocked", "cancelled"] as const;

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

  it.each(["fa", "en"])("%s: each status word is one term, and every status message uses it", (locale) => {
    const messages = messagesOf(locale);
    for (const status of STATUSES) {
      expect(messages.get(`-status-${status}`), `-status-${status}`).toBeTruthy();
      for (const family of ["assignment-status", "report-status"]) {
        expect(messages.get(`${family}-${status}`), `${family}-${status}`).toContain(`{ -status-${status} }`);
      }
    }
    expect(messages.get("status-by-status")).toMatch(new RegExp(STATUSES.map((s) => `\\{ -status-${s} \\}`).join(".*")));
  });

  it("a status word is written only in its term (the words that are no verb or event besides)", () => {
    const messages = messagesOf("fa");
    const words = STATUSES.filter((s) => s !== "cancelled" && s !== "reported-done").map((s) => messages.get(`-status-${s}`)!);
    const restated = [...messages]
      .filter(([id]) => !id.startsWith("-status-"))
      .flatMap(([id, text]) => words.filter((word) => text.includes(word)).map((word) => `${id}: «${word}»`));
    expect(restated).toEqual([]);
  });

  it("every question says what answer it expects", () => {
    // The sandbox's reset is asked in the browser's own confirm box, with its own two buttons.
    const bare = [...messagesOf("fa")].filter(([id, text]) => id !== "sandbox-reset-confirm" && /؟\s*$/.test(text)).map(([id]) => id);
    expect(bare).toEqual([]);
  });
});
