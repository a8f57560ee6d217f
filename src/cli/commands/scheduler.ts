/**
 * `peygir sweep [--at TIME] [--dry-run]`: one scheduler pass now (or as if the clock read TIME),
 * printing what it queued — or, with --dry-run, would queue — per recipient. A pass at an instant
 * already swept queues nothing new: each row's schedule moved on and every message has its key.
 *
 * `peygir upcoming [--committee CODE] [--days N] [--from TIME]`: what the bot will send in the next
 * N working days (who, what, when), computed by the same policy the passes use.
 */
import { hostname } from "node:os";
import { InvalidArgumentError, type Command } from "commander";
import type { Platform } from "../../config/index.js";
import { createWorkCalendar, formatJalaliDateTime, tehranClock } from "../../domain/calendar/index.js";
import { Scheduler } from "../../scheduler/scheduler.js";
import { workCalendarOf } from "../../services/calendars.js";
import type { QueuedNotice } from "../../services/due-work.js";
import { createServices, escalationSources } from "../../services/index.js";
import { waitingLines, withCli, type CliContext } from "../context.js";
import { parseInstantArgument } from "../instant-argument.js";

const TIME_HELP = 'ISO-8601 with offset (2026-11-28T08:01:00+03:30) or Jalali date and Tehran time ("1405/09/07 08:01")';

function wholeDays(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 60)
    throw new InvalidArgumentError(`expected a whole number of working days from 1 to 60, got "${value}"`);
  return n;
}

/**
 * Whom a pass counts as reachable: the platforms with a token here, else those a bot has run on
 * with this database (the CLI usually runs beside the bot without its tokens), else both.
 */
async function reachablePlatforms(cli: CliContext): Promise<Platform[]> {
  if (cli.platforms.length > 0) return cli.platforms.map((p) => p.platform);
  const known = (await cli.services.botPlatforms.known()).map((b) => b.platform);
  return known.length > 0 ? [...new Set(known)] : ["bale", "telegram"];
}

async function schedulerFor(cli: CliContext): Promise<Scheduler> {
  const deps = { ...cli.deps, settings: { ...cli.deps.settings, platforms: await reachablePlatforms(cli) } };
  const services = createServices(deps);
  return new Scheduler({
    sources: escalationSources(deps, services),
    clock: cli.clock,
    logger: deps.logger,
    instanceId: `cli-sweep:${hostname()}:${process.pid}`,
    provider: cli.database.provider,
  });
}

export function schedulerCommands(program: Command): void {
  program
    .command("sweep")
    .description("run one scheduler pass (reminders, escalations, weekly cycles, notices) and print what it queued per recipient")
    .option("--at <time>", `act as if the clock read this instant: ${TIME_HELP}`, parseInstantArgument)
    .option("--dry-run", "print what would be queued; write nothing")
    .action(async (opts: { at?: Date; dryRun?: boolean }) => {
      await withCli(async (cli) => {
        const at = opts.at ?? cli.clock.now();
        const dryRun = opts.dryRun ?? false;
        const report = await (await schedulerFor(cli)).runPass({ at, dryRun });
        cli.out(`Pass at ${formatJalaliDateTime(at)} (${at.toISOString()})${dryRun ? " — dry run: nothing was written" : ""}`);
        for (const source of report.sources) cli.out(`  ${source.name}: ${source.claimed} due, ${source.acted} acted on`);
        const queued = report.sources.flatMap((s) => s.queued);
        if (queued.length === 0) cli.out(dryRun ? "Nothing would be queued." : "Nothing queued.");
        for (const [recipient, notices] of byRecipient(queued)) {
          cli.out(`${recipient}:`);
          for (const q of notices) {
            const count =
              q.messages === 0 ? "not reachable: nothing queued" : `${q.messages} message(s)${dryRun ? " would be queued" : " queued"}`;
            cli.out(`  ${q.kind} — ${q.summary} (${count})`);
          }
        }
        if (!dryRun) for (const line of await waitingLines(cli.services)) cli.out(line);
      });
    });

  program
    .command("upcoming")
    .description("print what the bot will send in the next working days (who, what, when), from the same policy the passes use")
    .option("--committee <code>", "only this committee, e.g. pardis-employment")
    .option("--days <n>", "how many working days ahead (default 5)", wholeDays)
    .option("--from <time>", `start here instead of now: ${TIME_HELP}`, parseInstantArgument)
    .action(async (opts: { committee?: string; days?: number; from?: Date }) => {
      await withCli(async (cli) => {
        const from = opts.from ?? cli.clock.now();
        const days = opts.days ?? 5;
        let calendar = createWorkCalendar();
        if (opts.committee) {
          const committee = await cli.database.prisma.committee.findUnique({ where: { code: opts.committee }, select: { calendar: true } });
          if (!committee) throw new Error(`no committee with code "${opts.committee}" (peygir import its file first)`);
          calendar = workCalendarOf(committee.calendar);
        }
        const until = calendar.closingOf(tehranClock(calendar.addWorkingDays(from, days)).date);
        const entries = await (await schedulerFor(cli)).upcoming(from, until, opts.committee);
        cli.out(
          `What the bot will send from ${formatJalaliDateTime(from)} to ${formatJalaliDateTime(until)} (${days} working day(s)${opts.committee ? `, ${opts.committee}` : ""}):`,
        );
        if (entries.length === 0) cli.out("Nothing planned.");
        for (const e of entries) {
          cli.out(`${formatJalaliDateTime(e.at)}  ${e.committee}  ${e.what}`);
          cli.out(`    → ${e.recipients.length > 0 ? e.recipients.join(", ") : "nobody (no member of the role)"}`);
        }
      });
    });
}

function byRecipient(queued: readonly QueuedNotice[]): Map<string, QueuedNotice[]> {
  const map = new Map<string, QueuedNotice[]>();
  for (const q of queued) map.set(q.recipient, [...(map.get(q.recipient) ?? []), q]);
  return map;
}
