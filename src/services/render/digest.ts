/**
 * The governorate digest: one message (or several, under the platforms' limit) per recipient per
 * pass, listing silent and overdue agencies with their items and how late, worst first, each item
 * with an "instruction" button.
 */
import type { Translate } from "../../i18n/index.js";
import type { OutgoingMessage } from "../../outbox/outbox.js";
import type { AssignmentView } from "./assignment.js";
import { titleLine } from "./assignment.js";
import { splitIntoMessages } from "./blocks.js";
import { instructionButton } from "./callback-data.js";
import { formatsFor } from "./format.js";

export type DigestEntry =
  | {
      kind: "overdue" | "silent";
      view: AssignmentView;
      /** Working days late (overdue) or since publication (silent). */
      days: number;
      /** Referred to the governor (the ladder's governorate rung), not only listed. */
      governor: boolean;
    }
  | { kind: "report_missing"; agency: string; period: string; days: number; governor: boolean };

/** Worst first: most working days late, overdue before silent, then by agency name. */
export function sortDigest(entries: DigestEntry[]): DigestEntry[] {
  const weight = (e: DigestEntry) => (e.kind === "overdue" ? 2 : e.kind === "report_missing" ? 1 : 0);
  const agency = (e: DigestEntry) => (e.kind === "report_missing" ? e.agency : e.view.agency.name);
  return [...entries].sort((a, b) => b.days - a.days || weight(b) - weight(a) || agency(a).localeCompare(agency(b), "fa"));
}

export function renderDigest(committee: string, entries: readonly DigestEntry[], t: Translate, now: Date): OutgoingMessage[] {
  const fmt = formatsFor(t);
  const sorted = sortDigest([...entries]);
  const blocks = sorted.map((entry, index) => {
    const n = index + 1;
    const agency = entry.kind === "report_missing" ? entry.agency : entry.view.agency.name;
    const lines = [t("digest-item", { n, agency })];
    if (entry.kind === "report_missing") lines.push(t("digest-item-report-missing", { period: fmt.digits(entry.period) }));
    else {
      const title = titleLine(entry.view, t, fmt);
      if (entry.kind === "silent") lines.push(t("digest-item-silent", { title, days: entry.days }));
      else lines.push(entry.days > 0 ? t("digest-item-overdue", { title, days: entry.days }) : t("digest-item-overdue-today", { title }));
    }
    if (entry.governor) lines.push(t("digest-level-governor"));
    const buttons =
      entry.kind === "report_missing"
        ? []
        : [[{ text: t("digest-instruction-button", { n }), callback_data: instructionButton.pack({ assignmentId: entry.view.id }) }]];
    return { text: lines.join("\n"), buttons };
  });
  const header = (part: number, parts: number) =>
    [
      t("digest-header", { committee, date: fmt.date(now) }) + (parts > 1 ? ` ${t("digest-part", { part, parts })}` : ""),
      t("digest-count", { count: sorted.length }),
    ].join("\n");
  return splitIntoMessages(header, blocks);
}
