/**
 * `peygir cycle open --committee CODE [--period 1405-W37]`: opens this week's weekly-report cycle
 * (or the next one, once this week's due time has passed) and asks every agency for its report.
 */
import type { Command } from "commander";
import { formatJalaliDateTime } from "../../domain/calendar/index.js";
import type { OpenCycleReport } from "../../services/weekly-reports.js";
import { waitingLines, withCli } from "../context.js";

export function cycleCommand(program: Command): void {
  const cycle = program.command("cycle").description("weekly-report cycles");
  cycle
    .command("open")
    .description(
      "open a committee's weekly-report cycle — this week's while its report is not yet due, else next week's — and prompt each agency's liaisons (idempotent)",
    )
    .requiredOption("--committee <code>", "committee code, e.g. pardis-employment")
    .option("--period <week>", "open this Jalali week instead, e.g. 1405-W37 (as printed here)")
    .action(async (opts: { committee: string; period?: string }) => {
      await withCli(async ({ services, clock, out }) => {
        const report = await services.weeklyReports.openCycle(opts.committee, clock.now(), { kind: "cli" }, opts.period);
        const { cycle: c } = report;
        out(`${report.committee.name} — week ${c.period}: ${report.created ? "opened" : "already open"}`);
        out(`  ${whyThisCycle(report, clock.now())}`);
        out(`  opens ${formatJalaliDateTime(c.opensAt)}, due ${formatJalaliDateTime(c.dueAt)}`);
        for (const agency of report.agencies) {
          const unreachable = agency.unreachable.length ? `; not yet in the bot: ${agency.unreachable.join(", ")}` : "";
          out(`  ${agency.name}: ${agency.queued} prompt(s) queued${unreachable}`);
        }
        for (const line of await waitingLines(services)) out(line);
      });
    });
}

function whyThisCycle(report: OpenCycleReport, now: Date): string {
  switch (report.why) {
    case "current":
      return "this week's cycle: its report is not due yet";
    case "next":
      return `next week's cycle: this week's report was due ${formatJalaliDateTime(report.passedDueAt!)}, which has passed (use --period to open another week)`;
    case "requested":
      return report.cycle.dueAt.getTime() <= now.getTime()
        ? "the week asked for with --period; its due time has passed, so every report will be marked late"
        : "the week asked for with --period";
  }
}
