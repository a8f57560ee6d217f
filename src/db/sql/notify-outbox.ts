/**
 * Tells every process listening on PostgreSQL that rows were queued for a platform (see
 * outbox/wake-channel.ts). NOTIFY is delivered on commit; this runs after it, outside any
 * transaction. SQLite has no such channel: another process finds the rows at its safety poll.
 */
import type { Db } from "../client.js";

/** The channel the dispatchers listen on; the payload is `<platform> <sender>`. */
export const OUTBOX_CHANNEL = "peygir_outbox";

export async function notifyOutbox(db: Db, platform: string, sender: string): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, ${`${platform} ${sender}`})`;
}
