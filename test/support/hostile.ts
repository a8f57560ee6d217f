/**
 * Hostile input for the fuzz test, drawn from a seeded PRNG so that a run is reproducible from
 * its seed: texts the databases and the platforms choke on, commands with junk arguments, and
 * callback data that is random, forged from our own formats, or lifted from another chat.
 */
import type { Random } from "../../src/fake-bot-api/random.js";

/** One element of `items`, uniformly. */
export function pick<T>(random: Random, items: readonly T[]): T {
  if (items.length === 0) throw new Error("pick from an empty list");
  return items[Math.floor(random() * items.length)]!;
}

/** An integer in [min, max]. */
export function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Picks a branch by weight: `weighted(random, [[3, a], [1, b]])` returns a three times as often as b. */
export function weighted<T>(random: Random, choices: readonly (readonly [number, T])[]): T {
  const total = choices.reduce((sum, [w]) => sum + w, 0);
  let at = random() * total;
  for (const [w, value] of choices) {
    if ((at -= w) < 0) return value;
  }
  return choices[choices.length - 1]![1];
}

const FRAGMENTS = [
  "گزارش پیشرفت",
  "۴۰",
  "٪۱۰۰",
  "40",
  "-5",
  "1e309",
  "NaN",
  "۱۴۰۵/۰۹/۳۱",
  "فایلی ندارم",
  "ثبت",
  "انصراف",
  "بله",
  "\uD83D", // a lone high surrogate
  "\uDE00", // a lone low surrogate
  "\u0000", // NUL: PostgreSQL's jsonb refuses it
  "\u200F\u202E\u2066", // RTL mark, right-to-left override, isolate
  "\u200C", // ZWNJ
  "*bold* _it_ `code` [link](http://x) ~s~ > # + - = | { } . !",
  "<b>html</b> &amp; <script>",
  "@everyone",
  "🙂👍🏽🇮🇷",
  "\n\n\n",
  "ي ك", // Arabic yeh and kaf
  '\'; DROP TABLE "Assignment"; --',
  "%s %d ${x} {{x}}",
];

/** A hostile text: fragments glued together, sometimes huge (a 10,000-character text, one 5,000-character word). */
export function hostileText(random: Random): string {
  return weighted(random, [
    [6, () => Array.from({ length: between(random, 1, 6) }, () => pick(random, FRAGMENTS)).join(pick(random, [" ", "", "\n"]))],
    [1, () => "ب".repeat(between(random, 3_990, 4_200))],
    [1, () => `${pick(random, FRAGMENTS)} `.repeat(between(random, 400, 700)).slice(0, 10_000)],
    [1, () => "x".repeat(5_000)],
    [1, () => ""],
  ] as const)();
}

const COMMANDS = [
  "/start",
  "/help",
  "/tasks",
  "/report",
  "/status",
  "/export",
  "/digest",
  "/cancel",
  "/bindgroup",
  "/unbindgroup",
  "/menu",
  "/start@peygir_bale_bot",
  "/help@someone_elses_bot",
  "/x",
];

/** A command, often with a junk argument (random invite codes, numbers, hostile text). */
export function junkCommand(random: Random): string {
  const command = pick(random, COMMANDS);
  const arg = weighted(random, [
    [2, ""],
    [
      2,
      Math.floor(random() * 2 ** 32)
        .toString(36)
        .toUpperCase(),
    ],
    [1, String(between(random, -5, 99_999))],
    [2, hostileText(random).slice(0, 300)],
  ] as const);
  return arg ? `${command} ${arg}` : command;
}

/** Ids a forger would try: real ones (anyone's), neighbours, zero, negatives, beyond 32 bits. */
export function forgedId(random: Random, known: readonly number[]): string {
  return weighted(random, [
    [6, () => String(known.length > 0 ? pick(random, known) : 1)],
    [1, () => String(between(random, 0, 50))],
    [1, () => pick(random, ["0", "-1", "2147483648", "999999999999", "1e3", "00001"])],
  ] as const)();
}

const FORGED_FAMILIES: readonly ((id: string, random: Random) => string)[] = [
  (id, r) => `a:${pick(r, ["ack", "prg", "done", "blk", "zzz"])}:${id}`,
  (id, r) => `s:${pick(r, ["car", "ext", "cnl", "rea", "add", "his", "ins", "req"])}:${id}`,
  (id, r) => `v:${pick(r, ["ok", "bk"])}:${id}`,
  (id, r) => `x:${pick(r, ["ok", "no"])}:${id}`,
  (id, r) => `j:${pick(r, ["ok", "no"])}:${id}`,
  (id) => `gi:${id}`,
  (id, r) => `w:${id}:${between(r, 1, 9)}`,
  (id, r) => `n:${id}:${pick(r, ["a", "d", "x"])}`,
  (id, r) => `nt:${id}:${pick(r, ["r", "m", "v", "c", "p"])}`,
  (id, r) => `ns:${id}:${pick(r, ["s", "x"])}`,
  (id, r) => `m:${id}:${pick(r, ["ok", "pub", "del", "x"])}`,
  (id, r) => `s:${pick(r, ["o", "a", "g", "d", "c", "i"])}:${pick(r, ["m", "s", "y", "a"])}:${id}`,
  (id, r) => `i:${pick(r, ["open", "overdue", "reported_done", "agency"])}:${id}`,
  (id) => `t:${id}`,
  (_id, r) => `d:${Math.floor(r() * 2 ** 32).toString(36)}:${pick(r, ["ok", "no", "1", "skip", "x".repeat(40)])}`,
];

/**
 * Callback data for a press: a real button from anywhere (another person's chat, another screen),
 * one of our formats with a forged id, or random bytes up to the 64-byte limit.
 */
export function hostileCallbackData(random: Random, seenButtons: readonly string[], knownIds: readonly number[]): string {
  return weighted(random, [
    [4, () => (seenButtons.length > 0 ? pick(random, seenButtons) : "a:ack:1")],
    [4, () => pick(random, FORGED_FAMILIES)(forgedId(random, knownIds), random)],
    [1, () => hostileText(random).slice(0, between(random, 1, 64))],
  ] as const)();
}
