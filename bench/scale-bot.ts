/**
 * The bot of `npm run bench -- scale`, in a process of its own so that its RSS is the bot's alone:
 * `startApp` (what `peygir start` runs, with its heap setting) from the environment, on a clock set to BENCH_CLOCK_START
 * (epoch ms) and running at real speed. Over IPC it answers {kind: "publish"} by publishing the
 * meeting through the PublishingService, the service the secretariat's «انتشار» button reaches,
 * and {kind: "stop"} by an orderly stop. bench/scale.ts runs it compiled (bench/tsconfig.scale.json) with
 * plain node, as the bot is deployed, or through tsx.
 */
import { startApp } from "../src/app.js";
import { loadConfig } from "../src/config/index.js";
import { createLogger } from "../src/logging/logger.js";
import { limitHeapGrowth } from "../src/shared/heap.js";
import { TravelClock } from "../test/support/clock.js";

export type ToBot = { kind: "publish"; meeting: string; committee: string } | { kind: "stop" };
export type FromBot =
  | { kind: "ready" }
  | { kind: "published"; ms: number; created: number; queued: number; memory: NodeJS.MemoryUsage; afterGc?: NodeJS.MemoryUsage }
  | { kind: "failed"; error: string };

// As runStart (src/cli/commands/start.ts) does before starting the app.
limitHeapGrowth();
const send = (message: FromBot) => process.send!(message);
const clock = new TravelClock(new Date(Number(process.env.BENCH_CLOCK_START)));
const config = loadConfig(process.env);
const app = await startApp({ config, logger: createLogger(config.logLevel), clock, skipMigrations: true });

process.on("message", (message: ToBot) => {
  if (message.kind === "stop") {
    void app.stop().then(() => process.exit(0));
    return;
  }
  const started = performance.now();
  app.services.publishing
    .publish({ meetingNumber: message.meeting, committeeCode: message.committee, actor: { kind: "cli" } })
    .then((report) =>
      send({
        kind: "published",
        ms: performance.now() - started,
        created: report.assignments.filter((a) => a.created).length,
        queued: report.assignments.reduce((sum, a) => sum + a.queued, 0),
        memory: process.memoryUsage(),
        ...(globalThis.gc ? { afterGc: (globalThis.gc(), process.memoryUsage()) } : {}),
      }),
    )
    .catch((error: unknown) => send({ kind: "failed", error: String((error as Error).stack ?? error) }));
});
send({ kind: "ready" });
