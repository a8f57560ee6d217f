/**
 * A long-running part of the application (the database, a dispatcher, the scheduler, a platform's
 * intake, the HTTP server). src/app.ts lists them in one order: `startInOrder` starts them so and
 * the stop it returns stops them in reverse, so what takes work in (intake, HTTP) stops first and
 * what the rest relies on (the database) last.
 */
import type { Logger } from "pino";

export interface Component {
  /** For logs: which component failed to start or stop. */
  readonly name: string;
  start(): Promise<void>;
  /** Ends what is under way and lets go of what `start` took; safe to call once after `start`. */
  stop(): Promise<void>;
}

/**
 * Starts each component after the one before. If one fails to start, or `signal` aborts between
 * two, those already started are stopped (in reverse) before the error is thrown: a failed start
 * leaves nothing running. Resolves to the stop of them all.
 */
export async function startInOrder(components: readonly Component[], logger: Logger, signal?: AbortSignal): Promise<() => Promise<void>> {
  const started: Component[] = [];
  const stopAll = async () => {
    for (const component of started.splice(0).reverse()) {
      try {
        await component.stop();
      } catch (err) {
        // One that cannot stop must not keep the rest (the database last of all) from stopping.
        logger.error({ err, component: component.name }, "a component failed to stop");
      }
    }
  };
  try {
    for (const component of components) {
      signal?.throwIfAborted();
      await component.start();
      started.push(component);
    }
    signal?.throwIfAborted();
  } catch (err) {
    await stopAll();
    throw err;
  }
  return stopAll;
}
