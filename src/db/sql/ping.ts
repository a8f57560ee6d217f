import type { Db } from "../client.js";

/** Throws when the database does not answer: the health check's probe. Same on both databases. */
export async function ping(db: Db): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
