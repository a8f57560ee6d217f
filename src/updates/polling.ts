/**
 * Long polling with @grammyjs/runner: updates of different chats run concurrently, those of
 * one chat in order (the bot's sequentialize middleware). Our own update supplier stores each
 * batch in the inbox before handing it over, and starts at offset 0 — grammY's built-in
 * polling starts at 1, which would silently skip Bale's first update (Bale counts from 0).
 */
import { GrammyError, type Bot } from "grammy";
import { createConcurrentSink, createRunner, createSource, type RunnerHandle } from "@grammyjs/runner";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import { briefError } from "../logging/scrub.js";
import type { PlatformProfile } from "../platforms/profile.js";
import type { UpdateInbox } from "./inbox.js";
import type { UpdateProcessor } from "./processor.js";

export interface PollingOptions {
  bot: Bot<never>;
  profile: PlatformProfile;
  inbox: UpdateInbox;
  processor: UpdateProcessor;
  logger: Logger;
  /** Updates handled at once across chats. */
  concurrency?: number;
  timeoutSeconds?: number;
  /** First wait after a failure (getUpdates or storing its batch); doubles per failure in a row, up to 30 s. */
  retryBaseMs?: number;
}

export async function startPolling(o: PollingOptions): Promise<RunnerHandle> {
  let offset = await o.inbox.nextOffset();
  let failures = 0;
  const supply = async (batchSize: number, signal: AbortSignal): Promise<Update[]> => {
    for (;;) {
      try {
        const updates = await o.bot.api.getUpdates(
          {
            offset,
            limit: Math.max(1, Math.min(100, batchSize)),
            timeout: o.timeoutSeconds ?? 25,
            allowed_updates: [...o.profile.allowedUpdates],
          },
          // grammY types its signal with the abort-controller polyfill; Node's is the same at run time.
          signal as never,
        );
        const last = updates.at(-1);
        // Store first, then move the offset: the next getUpdates confirms only what is stored.
        const fresh = await o.inbox.accept(updates);
        if (last) offset = last.update_id + 1;
        // Only a stored batch ends a run of failures: a batch that cannot be stored must back off too.
        failures = 0;
        return fresh;
      } catch (err) {
        if (signal.aborted) throw err;
        if (err instanceof GrammyError && err.error_code === 401) throw err;
        failures++;
        const wait = Math.min(30_000, (o.retryBaseMs ?? 500) * 2 ** Math.min(failures, 6));
        // A brief error, never the error object: a database error about a batch may quote all of it.
        o.logger.warn({ error: briefError(err), retryInMs: wait }, "receiving updates failed; retrying");
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  };
  const sink = createConcurrentSink<Update>(
    { consume: (update) => o.processor.process(update) },
    async (err) => o.logger.error({ err }, "update sink error"),
    { concurrency: o.concurrency ?? 100 },
  );
  const runner = createRunner(createSource<Update>({ supply: supply as never }), sink);
  runner.start();
  return runner;
}
