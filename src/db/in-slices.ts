/**
 * Runs a query over many ids in slices: SQLite refuses a statement with more bound parameters than
 * its limit, and Prisma's includes repeat the parent ids in each relation's query.
 */
const SLICE = 500;

export async function inSlices<I, R>(ids: readonly I[], query: (slice: I[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  await forEachSlice(ids, SLICE, async (slice) => {
    out.push(...(await query(slice)));
  });
  return out;
}

/** Runs `each` on `items` `size` at a time, in order, one slice after the other (a statement per slice of rows). */
export async function forEachSlice<T>(items: readonly T[], size: number, each: (slice: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await each(items.slice(i, i + size));
}
