/**
 * Lets a long piece of work on the bot's thread give the event loop a turn now and then, so that
 * timers and I/O (the outbox's paced sends, updates coming in) are not held up behind it for
 * long. A publication's chunk is such work: on SQLite its statements run in the process and their
 * promises resolve at once, so without a turn given its 100 ms ran as one block (bench/scale.ts).
 */
import { setImmediate } from "node:timers/promises";

/** How long work may keep the thread before it gives a turn. */
const SLICE_MS = 10;

export class TimeSlice {
  #since = performance.now();

  /** Resolves at once within the slice; past it, once the event loop has had a turn. */
  async yield(): Promise<void> {
    if (performance.now() - this.#since < SLICE_MS) return;
    await setImmediate();
    this.#since = performance.now();
  }
}
