/** `peygir export --committee CODE [--from DATE --to DATE] --out FILE.xlsx`: the committee's records as an Excel workbook. */
import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import { type JalaliDate, compareJalali, parseJalaliStrict } from "../../domain/calendar/index.js";
import { jalaliRange } from "../../domain/reports/index.js";
import { withCli } from "../context.js";

function parseDate(value: string): JalaliDate {
  const parsed = parseJalaliStrict(value);
  if (!parsed.ok) throw new InvalidArgumentError(`expected a Jalali date such as 1405/09/01, got "${value}"`);
  return parsed.value;
}

export function exportCommand(program: Command): void {
  program
    .command("export")
    .description("write a committee's resolutions, assignments with their history, weekly reports, notices and quotas to an Excel workbook")
    .requiredOption("--committee <code>", "committee code, e.g. pardis-employment")
    .option("--from <date>", "first Jalali day (meetings held, reports opened, notices sent), e.g. 1405/09/01", parseDate)
    .option("--to <date>", "last Jalali day, included, e.g. 1405/09/30", parseDate)
    .requiredOption("--out <file.xlsx>", "where to write the workbook")
    .action(async (opts: { committee: string; from?: JalaliDate; to?: JalaliDate; out: string }) => {
      if ((opts.from === undefined) !== (opts.to === undefined)) throw new Error("give both --from and --to, or neither");
      if (opts.from && opts.to && compareJalali(opts.from, opts.to) > 0) throw new Error("--from is after --to");
      await withCli(async ({ services, out }) => {
        const period = opts.from && opts.to ? jalaliRange(opts.from, opts.to) : undefined;
        const workbook = await services.exports.workbookOf(opts.committee, period);
        await writeFile(opts.out, workbook.bytes);
        const r = workbook.rows;
        out(
          `wrote ${opts.out}: ${r.assignments} assignment(s), ${r.history} history event(s), ${r.reports} weekly report row(s), ${r.notices} notice recipient(s)`,
        );
      });
    });
}
