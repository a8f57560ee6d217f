/**
 * The scheduler: a clock and nothing more. node-cron ticks every minute in Asia/Tehran; each tick
 * runs one pass of every due-work source (src/services/due-work.ts), which claims its own due rows
 * from the database. Because the schedule lives in the database, a tick that is missed (the process
 * was down) loses nothing: the next pass finds the rows still due.
 *
 * `runPass()` runs one pass at once (tests, `peygir sweep`), without waiting for the cron.
 */
import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "pino";
import type { DbProvider } from "../db/client.js";
import type { DueWorkSource, SourcePassResult, UpcomingEntry } from "../services/due-work.js";
import { PassDigests } from "../services/escalation/pass-digests.js";
import type { Clock } from "../shared/clock.js";
import type { Component } from "../shared/component.js";
import { releaseStale, type StaleClaims } from "../shared/stale-claims.js";

export interface SchedulerOptions {
  sources: readonly DueWorkSource[];
  clock: Clock;
  logger: Logger;
  instanceId: string;
  provider: DbProvider;
  /** Whose claims `start` takes back (none by default: a one-off pass must not take a running bot's). */
  staleClaims?: StaleClaims;
  /** How long a claim protects a row from other processes; longer than any pass. Default 5 minutes. */
  leaseMs?: number;
  /** Default every minute. */
  cronExpression?: string;
  /** Whether `start` ticks (default yes; off, only `runPass` runs passes: `peygir sweep`, tests, the sandbox). */
  tick?: boolean;
}

export interface PassReport {
  at: Date;
  dryRun: boolean;
  sources: ({ name: string } & SourcePassResult)[];
}

export class Scheduler implements Component {
  readonly name = "scheduler";
  readonly #o: Required<SchedulerOptions>;
  #task?: ScheduledTask;
  #running?: Promise<PassReport>;

  constructor(options: SchedulerOptions) {
    this.#o = { leaseMs: 300_000, cronExpression: "* * * * *", staleClaims: { kind: "none" }, tick: true, ...options };
  }

  get sources(): readonly DueWorkSource[] {
    return this.#o.sources;
  }

  /** Releases the claims a crashed run left (as `staleClaims` allows) and starts ticking. */
  async start(): Promise<void> {
    if (this.#task || !this.#o.tick) return;
    for (const source of this.#o.sources)
      if (source.releaseStaleClaims) await releaseStale(this.#o.staleClaims, (owner) => source.releaseStaleClaims!(owner));
    this.#task = cron.schedule(this.#o.cronExpression, () => this.#tick(), {
      timezone: "Asia/Tehran",
      name: "peygir-scheduler",
      noOverlap: true,
    });
    void this.#tick();
  }

  /** Stops ticking and waits for a pass under way to finish. */
  async stop(): Promise<void> {
    await this.#task?.stop();
    await this.#task?.destroy();
    this.#task = undefined;
    await this.#running?.catch(() => undefined);
  }

  /** One pass of every source at `at` (default: the clock's now). Passes in one process never overlap. */
  async runPass(options: { at?: Date; dryRun?: boolean } = {}): Promise<PassReport> {
    while (this.#running) await this.#running.catch(() => undefined);
    const run = this.#pass(options.at ?? this.#o.clock.now(), options.dryRun ?? false);
    this.#running = run;
    try {
      return await run;
    } finally {
      this.#running = undefined;
    }
  }

  /** What the sources will do in the next `until − from`, from the same policy. */
  async upcoming(from: Date, until: Date, committeeCode?: string): Promise<UpcomingEntry[]> {
    const entries: UpcomingEntry[] = [];
    for (const source of this.#o.sources) entries.push(...((await source.upcoming?.(from, until, committeeCode)) ?? []));
    return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  async #tick(): Promise<void> {
    if (this.#running) return;
    try {
      const report = await this.runPass();
      const acted = report.sources.reduce((n, s) => n + s.acted, 0);
      if (acted > 0)
        this.#o.logger.info({ sources: report.sources.map(({ name, claimed, acted }) => ({ name, claimed, acted })) }, "scheduler pass");
    } catch (err) {
      this.#o.logger.error({ err }, "scheduler pass failed; the next tick tries again");
    }
  }

  async #pass(now: Date, dryRun: boolean): Promise<PassReport> {
    const context = {
      now,
      dryRun,
      instanceId: this.#o.instanceId,
      leaseUntil: new Date(now.getTime() + this.#o.leaseMs),
      provider: this.#o.provider,
      // A dry run gathers them too, to report the one message per recipient the pass would send.
      digests: new PassDigests(`${this.#o.instanceId}:${now.toISOString()}`, new Date(now.getTime() + this.#o.leaseMs), dryRun),
    };
    const sources: PassReport["sources"] = [];
    // One source failing must not starve the others.
    for (const source of this.#o.sources) {
      try {
        sources.push({ name: source.name, ...(await source.runPass(context)) });
      } catch (err) {
        this.#o.logger.error({ err, source: source.name }, "scheduler source failed");
        sources.push({ name: source.name, claimed: 0, acted: 0, queued: [] });
      }
    }
    // The governorate digests the sources held, merged into one message per recipient.
    const merged: PassReport["sources"][number] = { name: "digests", claimed: 0, acted: 0, queued: [] };
    for (const source of this.#o.sources) {
      try {
        merged.queued.push(...((await source.finishPass?.(context)) ?? []));
      } catch (err) {
        this.#o.logger.error(
          { err, source: source.name },
          "scheduler could not send the pass's digests; they go out when their hold lapses",
        );
      }
    }
    if (merged.queued.length > 0) {
      // A merged digest replaces the ones the sources held for that person: report it once.
      const mergedFor = new Set(merged.queued.map((q) => q.recipient));
      for (const source of sources) source.queued = source.queued.filter((q) => q.kind !== "digest" || !mergedFor.has(q.recipient));
      sources.push(merged);
    }
    if (dryRun) dropRepeatedUnreachable(sources);
    return { at: now, dryRun, sources };
  }
}

/**
 * A dry run rolls each source back on its own, so the second source to find an agency unreachable
 * does not see the first one's notice and would report it again; a real pass queues it once.
 */
function dropRepeatedUnreachable(sources: PassReport["sources"]): void {
  const seen = new Set<string>();
  for (const source of sources)
    source.queued = source.queued.filter((q) => {
      if (q.kind !== "unreachable") return true;
      const key = `${q.recipient}\u0000${q.summary}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
