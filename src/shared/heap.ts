/**
 * The long-running bot's garbage collection, tuned for a small machine. After each full collection
 * V8 lets the old generation grow to up to about four times what survived before it collects again;
 * a publication's rendered messages are short-lived but outlive the young generation (they wait
 * across a transaction's awaits), so the bot's RSS rose from ~200 MB to ~480 MB with ~70 MB live
 * (bench/scale.ts, a full GC as the publication ends). A fixed growth of 30% collects that garbage
 * sooner for a little more GC time: peak RSS while publishing ~330 MB.
 */
import { setFlagsFromString } from "node:v8";

/** Old-generation growth allowed between full collections, in percent of what survived. */
const HEAP_GROWING_PERCENT = 30;

/**
 * Call once at the start of a long-running process (`peygir start`). V8 reads this flag at each
 * full collection, so setting it at run time takes effect from the next one.
 */
export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
