/** `peygir start`: runs the bots until SIGINT/SIGTERM, then stops in order within the timeout. */
import type { Command } from "commander";
import { startApp, type App } from "../../app.js";
import { loadConfig } from "../../config/index.js";
import { createLogger } from "../../logging/logger.js";
import { systemClock } from "../../shared/clock.js";
import { limitHeapGrowth } from "../../shared/heap.js";

export async function runStart(): Promise<void> {
  limitHeapGrowth();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const running: { app?: App } = {};
  const starting = new AbortController();
  // Listening before the start: a SIGINT while migrating or waiting for the Bot API is still an
  // orderly, logged stop: what had started (a dispatcher mid-send) stops as in a normal stop.
  const shutdown = (signal: string) => {
    logger.info({ signal, started: running.app !== undefined }, "shutdown requested");
    const { app } = running;
    const timer = setTimeout(() => {
      logger.error({ timeoutMs: config.shutdownTimeoutMs }, "shutdown took too long; exiting");
      process.exit(1);
    }, config.shutdownTimeoutMs);
    timer.unref();
    if (!app) return starting.abort(new Error(`${signal} while starting`));
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, "error while stopping");
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  try {
    running.app = await startApp({ config, logger, clock: systemClock, signal: starting.signal });
  } catch (err) {
    // The start was given up for a stop: what had started (the outbox sends from the first
    // components on) has stopped again, in order (see startInOrder).
    if (starting.signal.aborted) {
      logger.info({ started: false }, "stopped");
      process.exit(0);
    }
    throw err;
  }
}

export function startCommand(program: Command): void {
  program.command("start").description("run the bot(s): polling or webhook, per BOT_MODE").action(runStart);
}
