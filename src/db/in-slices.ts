/**
 * Runs a query over many ids in slices: SQLite refuses a statement with more bound parameters than
 * its limit, and Prisma's includes repeat the parent ids in each relation's query.
 */
const SLICE = 500;

export async function inSlices<I, R>(ids: readonly I[], query: (slice: I[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < ids.length; i += SLICE) out.push(...(await query(ids.slice(i, i + SLICE))));
  return out;
}
