/**
 * The agency side's texts: Persian and English define the same messages, and every message id
 * the agency code names exists (a missing id would show the user the bare id).
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ASSIGNMENT_STATUSES } from "../../../src/domain/assignments/status.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const AGENCY_SOURCES = [
  "src/bot/features/agency.ts",
  "src/bot/helpers/agency-replies.ts",
  "src/bot/features/weekly-report.ts",
  "src/bot/features/cancel.ts",
  "src/bot/conversations/dialog.ts",
  "src/bot/conversations/assignment-dialogs.ts",
  "src/bot/conversations/weekly-report-dialog.ts",
  ...readdirSync(path.join(ROOT, "src/services/render")).map((f) => `src/services/render/${f}`),
];

/** Message ids of every .ftl file of a locale (terms and comments aside). */
function messageIds(locale: string): Set<string> {
  const dir = path.join(ROOT, "locales", locale);
  const ids = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ftl"))) {
    for (const m of readFileSync(path.join(dir, file), "utf8").matchAll(/^([a-z][a-z0-9-]*)\s*=/gm)) ids.add(m[1]!);
  }
  return ids;
}

function agencyFileIds(locale: string): string[] {
  return [...readFileSync(path.join(ROOT, "locales", locale, "agency.ftl"), "utf8").matchAll(/^([a-z][a-z0-9-]*)\s*=/gm)]
    .map((m) => m[1]!)
    .sort();
}

/** Ids the code names literally: t("id"…), { key: "id" …}, and the keys of key tables. */
function idsUsedInCode(): Set<string> {
  const used = new Set<string>();
  for (const file of AGENCY_SOURCES) {
    const source = readFileSync(path.join(ROOT, file), "utf8");
    for (const m of source.matchAll(/\bt\(\s*"([a-z][a-z0-9-]*)"/g)) used.add(m[1]!);
    for (const m of source.matchAll(/\bkey: "([a-z][a-z0-9-]*)"/g)) used.add(m[1]!);
    for (const m of source.matchAll(/\breject\(\s*"([a-z][a-z0-9-]*)"/g)) used.add(m[1]!);
    for (const m of source.matchAll(/:\s*"((?:agency|assignment|tasks|report|progress|done|blocked|note|dialog|ack)-[a-z0-9-]+)"/g))
      used.add(m[1]!);
  }
  for (const status of ASSIGNMENT_STATUSES) used.add(`assignment-status-${status.replace(/_/g, "-")}`);
  return used;
}

describe("agency texts", () => {
  it("are defined in Persian and English alike", () => {
    expect(agencyFileIds("en")).toEqual(agencyFileIds("fa"));
  });

  it("cover every message id the agency code uses", () => {
    const used = [...idsUsedInCode()];
    expect(used.length).toBeGreaterThan(80);
    for (const locale of ["fa", "en"]) {
      const defined = messageIds(locale);
      expect(
        used.filter((id) => !defined.has(id)),
        `missing in ${locale}`,
      ).toEqual([]);
    }
  });
});
