/** `peygir publish --meeting NUMBER`: creates a meeting's assignments and queues their messages. */
import type { Command } from "commander";
import { formatJalaliDateTime, formatJalaliLong } from "../../domain/calendar/index.js";
import { waitingLines, withCli } from "../context.js";

export function publishCommand(program: Command): void {
  program
    .command("publish")
    .description(
      "publish a meeting's resolutions: one assignment per agency, and a message to each agency's head and liaisons (idempotent)",
    )
    .requiredOption("--meeting <number>", "meeting number, e.g. 1405-08")
    .option("--committee <code>", "committee code, when two committees have a meeting with that number")
    .action(async (opts: { meeting: string; committee?: string }) => {
      await withCli(async ({ services, out }) => {
        const report = await services.publishing.publish({
          meetingNumber: opts.meeting,
          ...(opts.committee ? { committeeCode: opts.committee } : {}),
          actor: { kind: "cli" },
        });
        const created = report.assignments.filter((a) => a.created).length;
        const queued = report.assignments.reduce((sum, a) => sum + a.queued, 0);
        out(
          `${report.committee.name} (${report.committee.code}) — meeting ${report.meeting.number}, ${formatJalaliLong(report.meeting.heldOn)}`,
        );
        out(
          report.firstPublication
            ? "published for the first time"
            : "published before: existing assignments kept, only messages never queued are added",
        );
        for (const a of report.assignments) {
          const unreachable = a.unreachable.length ? `; not yet in the bot: ${a.unreachable.join(", ")}` : "";
          out(
            `  resolution ${a.resolutionNumber} → ${a.agency} (${a.role})${a.created ? " [new]" : ""}: ${a.queued} message(s) queued${unreachable}`,
          );
        }
        out(`${created} assignment(s) created, ${report.assignments.length - created} kept; ${queued} message(s) queued`);
        if (queued > 0) out(`messages leave from ${formatJalaliDateTime(report.sendFrom)} (office hours only)`);
        for (const line of await waitingLines(services)) out(line);
      });
    });
}
