/** `peygir report --committee CODE`: the same figures as /status, for operators. */
import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import { PERIOD_KINDS, type PeriodKind, isPeriodKind } from "../../domain/reports/index.js";
import { reportJson, reportText } from "../../exports/report-text.js";
import { withCli } from "../context.js";

export function parsePeriod(value: string): PeriodKind {
  if (!isPeriodKind(value)) throw new InvalidArgumentError(`expected one of ${PERIOD_KINDS.join(", ")}`);
  return value;
}

function parseFormat(value: string): "text" | "json" {
  if (value !== "text" && value !== "json") throw new InvalidArgumentError("expected text or json");
  return value;
}

export function reportCommand(program: Command): void {
  program
    .command("report")
    .description("print where a committee stands: realization, overdue items, weekly-report compliance, indicators and quotas per agency")
    .requiredOption("--committee <code>", "committee code, e.g. pardis-employment")
    .option("--period <period>", `the Jalali ${PERIOD_KINDS.join(" | ")} containing today`, parsePeriod, "year")
    .option("--format <format>", "text | json", parseFormat, "text")
    .action(async (opts: { committee: string; period: PeriodKind; format: "text" | "json" }) => {
      await withCli(async ({ services, out }) => {
        const { committee, figures } = await services.reports.committeeReport(opts.committee, opts.period);
        if (opts.format === "json") out(reportJson(committee, figures));
        else for (const line of reportText(committee, figures)) out(line);
      });
    });
}
