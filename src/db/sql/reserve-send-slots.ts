/**
 * Reserves the next `count` send instants of one platform's global rate, for every instance on
 * one PostgreSQL database, in ONE statement: the row's next free instant moves on by count × gap
 * (from now if it lay in the past, so an idle spell earns no burst), and the statement says where
 * the reservation begins, in milliseconds from the database's now (negative never: it begins at
 * now at the earliest). The row is made on first use. PostgreSQL only: SQLite has one process,
 * which paces in memory (outbox/rate-limiter.ts).
 */
import type { Tx } from "../client.js";

export interface SendSlotReservation {
  platform: string;
  count: number;
  /** Milliseconds between two sends of the platform, whoever sends them. */
  gapMs: number;
}

/** Milliseconds from now until the first reserved instant; the others follow a gap apart. */
export async function reserveSendSlots(db: Tx, r: SendSlotReservation): Promise<number> {
  // Stored as UTC wall time (timestamp without zone), so every session reads it alike.
  const span = r.count * r.gapMs;
  const rows = await db.$queryRaw<{ startInMs: number }[]>`
    INSERT INTO "SendPace" ("platform", "nextSlotAt")
    VALUES (${r.platform}, (clock_timestamp() AT TIME ZONE 'UTC') + make_interval(secs => ${span / 1000}::float8))
    ON CONFLICT ("platform") DO UPDATE SET "nextSlotAt" =
      GREATEST("SendPace"."nextSlotAt", clock_timestamp() AT TIME ZONE 'UTC') + make_interval(secs => ${span / 1000}::float8)
    RETURNING (EXTRACT(EPOCH FROM ("nextSlotAt" - (clock_timestamp() AT TIME ZONE 'UTC'))) * 1000)::float8 - ${span}::float8 AS "startInMs"`;
  return Math.max(0, Number(rows[0]!.startInMs));
}
