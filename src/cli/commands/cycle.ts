/** `peygir cycle open --committee CODE`: opens this week's weekly-report cycle and asks every agency for its report. */
import type { Command } from "commander";
import { formatJalaliDateTime } from "../../domain/calendar/index.js";
import { waitingLines, withCli } from "../context.js";

export function cycleCommand(program: Command): void {
  const cycle = program.command("cycle").description("weekly-report cycles");
  cycle
    .command("open")
    .description("open the current week's weekly-report cycle of a committee and prompt each agency's liaisons (idempotent)")
    .requiredOption("--committee <code>", "committee code, e.g. pardis-employment")
    .action(async (opts: { committee: string }) => {
      await withCli(async ({ services, clock, out }) => {
        const report = await services.weeklyReports.openCycle(opts.committee, clock.now(), { kind: "cli" });
        const { cycle: c } = report;
        out(`${report.committee.name} — week ${c.period}: ${report.created ? "opened" : "already open"}`);
        out(`  opens ${formatJalaliDateTime(c.opensAt)}, due ${formatJalaliDateTime(c.dueAt)}`);
        for (const agency of report.agencies) {
          const unreachable = agency.unreachable.length ? `; not yet in the bot: ${agency.unreachable.join(", ")}` : "";
          out(`  ${agency.name}: ${agency.queued} prompt(s) queued${unreachable}`);
        }
        for (const line of await waitingLines(services)) out(line);
      });
    });
}
