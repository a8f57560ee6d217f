/**
 * The long-running bot's garbage collection, tuned for a small machine. After each full collection
 * V8 lets the old generation grow to up to about four times what survived before it collects again;
 * a publication's rendered messages are short-lived but outlive the young generation (they wait
 * across a transaction's awaits), so the bot's RSS rose from ~200 MB to ~480 MB with ~70 MB live
 * (bench/scale.ts, a full GC as the publication ends). A fixed growth of 30% collects that garbage
 * sooner for a little more GC time: peak RSS while publishing ~330 MB.
 *
 * The young generation is larger than V8's default too: `--max-semi-space-size=32` (MB; Node 20's
 * default is 16). Under load most of an update's objects (its context, middleware closures,
 * requests to the Bot API) live across a few awaits; with 16 MB they outlived a scavenge and were
 * copied, and the GC took a quarter of the bot's thread (bench/inbound.ts, CPU profile). With 32 MB
 * capacity rose 15–20% in the same runs. V8 reads this flag only when the process starts, so it
 * is given where the bot is started: `npm start` (package.json), the Docker image (NODE_OPTIONS)
 * and the benches that start the bot (`npm run bench`, bench/scale.ts's bot process).
 */
import { setFlagsFromString } from "node:v8";

/**
 * The young generation's flag, as the places that start the bot give it to node (see above). Those
 * outside TypeScript (package.json's `start` and `bench`, the Dockerfile) repeat it: keep them equal.
 */
export const YOUNG_GENERATION_FLAG = "--max-semi-space-size=32";

/** Old-generation growth allowed between full collections, in percent of what survived. */
const HEAP_GROWING_PERCENT = 30;

/**
 * Call once at the start of a long-running process (`peygir start`). V8 reads this flag at each
 * full collection, so setting it at run time takes effect from the next one.
 */
export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
