/** `peygir import FILE`: loads a committee file (YAML) into the database, or lists every problem in it. */
import type { Command } from "commander";
import { type CommitteeFileError, formatCommitteeFileError } from "../../domain/committee-file/index.js";
import { IMPORTED_ENTITIES, type ImportSummary, type ImportedEntity, readCommitteeFile } from "../../services/importer/index.js";
import { formatJalaliLong } from "../../domain/calendar/index.js";
import { waitingLines, withCli } from "../context.js";

const ENTITY_LABELS: Readonly<Record<ImportedEntity, string>> = {
  committee: "committees",
  agency: "agencies",
  committeeAgency: "committee agencies",
  person: "people",
  membership: "memberships",
  meeting: "meetings",
  resolution: "resolutions",
  resolutionParty: "resolution parties",
};

export function importCommand(program: Command): void {
  program
    .command("import")
    .argument("<file>", "committee file in YAML, e.g. pardis.yaml")
    .description("load a committee with its agencies, people, meetings and resolutions; importing again updates only what changed")
    .action(async (file: string) => {
      // Validated before the database is opened: a bad file needs no database and writes nothing.
      const read = await readCommitteeFile(file);
      if (!read.ok) {
        process.stderr.write(formatImportErrors(file, read.error).join("\n") + "\n");
        process.exitCode = 1;
        return;
      }
      await withCli(async ({ services, out }) => {
        const summary = await services.importer.importDocument(read.value);
        for (const line of formatImportSummary(file, summary)) out(line);
        if (summary.published.some((p) => p.messagesQueued > 0)) for (const line of await waitingLines(services)) out(line);
      });
    });
}

export function formatImportErrors(file: string, errors: readonly CommitteeFileError[]): string[] {
  const [only] = errors;
  if (errors.length === 1 && only && only.path === "" && only.line === undefined) return [`error: ${only.message}`];
  const count = errors.length === 1 ? "1 problem" : `${errors.length} problems`;
  return [
    `${file}: ${count}; nothing was imported (list positions count from 0):`,
    ...errors.map((e) => `  ${formatCommitteeFileError(e)}`),
  ];
}

export function formatImportSummary(file: string, summary: ImportSummary): string[] {
  const rows = IMPORTED_ENTITIES.map((entity) => ({ label: ENTITY_LABELS[entity], ...summary.counts[entity] }));
  if (!summary.changed) {
    const checked = rows.reduce((sum, row) => sum + row.unchanged, 0);
    return [
      `nothing changed: the database already matches ${file} (committee ${summary.committeeCode}, ${checked} rows checked)`,
      ...meetingLines(summary),
    ];
  }
  const labelWidth = Math.max(...rows.map((row) => row.label.length));
  const columns = ["created", "updated", "unchanged", "removed"] as const;
  const cell = (text: string | number, width: number) => String(text).padStart(width);
  return [
    `imported ${file} (committee ${summary.committeeCode}):`,
    `  ${"".padEnd(labelWidth)}${columns.map((c) => cell(c, c.length + 2)).join("")}`,
    ...rows.map((row) => `  ${row.label.padEnd(labelWidth)}${columns.map((c) => cell(row[c], c.length + 2)).join("")}`),
    ...meetingLines(summary),
    ...publishedLines(summary),
  ];
}

/** The meetings of the file with the number `publish --meeting` takes. */
function meetingLines(summary: ImportSummary): string[] {
  if (summary.meetings.length === 0) return [];
  return [
    "meetings:",
    ...summary.meetings.map(
      (m) =>
        `  ${m.number} (${formatJalaliLong(m.heldOn)}): ${m.resolutions} resolution(s), ${m.published ? "published" : `not published yet: peygir publish --meeting ${m.number}`}`,
    ),
  ];
}

/** What a re-import changed on items already published, and what their agencies were sent. */
function publishedLines(summary: ImportSummary): string[] {
  if (summary.published.length === 0) return [];
  const deadline = (d: Date | null) => (d ? formatJalaliLong(d) : "none");
  return [
    "published resolutions changed (their assignments follow; each agency is told once):",
    ...summary.published.map((p) => {
      const what = [
        ...(p.deadline ? [`deadline ${deadline(p.deadline.from)} → ${deadline(p.deadline.to)}`] : []),
        ...(p.textChanged ? ["text"] : []),
        ...(p.agenciesAdded.length ? [`agencies added: ${p.agenciesAdded.join("; ")}`] : []),
        ...(p.agenciesRemoved.length ? [`agencies removed (their assignments cancelled): ${p.agenciesRemoved.join("; ")}`] : []),
      ];
      return `  meeting ${p.meeting}, resolution ${p.resolution}: ${what.join(", ")}; ${p.assignmentsUpdated} assignment(s) updated, ${p.messagesQueued} message(s) queued`;
    }),
  ];
}
