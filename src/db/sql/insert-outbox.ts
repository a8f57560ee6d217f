/**
 * Inserts outbox rows with ONE `INSERT … SELECT` over the rows bound as one JSON text (see
 * json-rows.ts). Prisma's createMany spent about half a second on a scheduler pass's 1,000
 * messages, and multi-row VALUES (12 parameters a row) still a few hundred milliseconds. The
 * timestamps are given (not the database's CURRENT_TIMESTAMP), so each database keeps the DateTime
 * representation Prisma reads and compares.
 *
 * Every outbox row the scheduler's sources queue goes through here (Notifier.queueMany and
 * Notifier.toChats).
 */
import type { DbProvider, Tx } from "../client.js";
import { forEachSlice } from "../in-slices.js";
import { jsonRows } from "./json-rows.js";
import type { TimeSlice } from "../../shared/time-slice.js";

export interface OutboxRow {
  platform: string;
  chatId: string;
  identityId: number | null;
  method: string;
  payload: object;
  topic: string | null;
  dedupeKey: string | null;
  /** The notice recipient a notice's invitation is for; absent (null) on every other row. */
  noticeRecipientId?: number | null;
  notBefore: Date;
  claimedBy: string | null;
  claimedUntil: Date | null;
}

/**
 * Rows per statement: keeps one bound text to a megabyte or so (a message is at most ~10 kB), and
 * one statement to a few milliseconds, between which `turns` may give the event loop a turn (a
 * publication's chunk of 400 messages in one statement held the thread for 30 ms: the paced
 * sends waited).
 */
const SLICE = 100;

/** `turns`: the caller's long work gives the event loop its turns between the statements (see TimeSlice). */
export async function insertOutboxRows(tx: Tx, provider: DbProvider, rows: readonly OutboxRow[], turns?: TimeSlice): Promise<void> {
  // What Prisma's @default(now()) and @updatedAt would write: the wall clock.
  const now = new Date();
  await forEachSlice(rows, SLICE, async (slice) => {
    await turns?.yield();
    const v = jsonRows(
      provider,
      {
        platform: "text",
        chatId: "text",
        identityId: "int",
        method: "text",
        payload: "json",
        topic: "text",
        dedupeKey: "text",
        noticeRecipientId: "int",
        notBefore: "timestamp",
        claimedBy: "text",
        claimedUntil: "timestamp",
        createdAt: "timestamp",
        updatedAt: "timestamp",
      },
      slice.map((r) => ({ ...r, noticeRecipientId: r.noticeRecipientId ?? null, createdAt: now, updatedAt: now })),
    );
    await tx.$executeRaw`
      INSERT INTO "OutboxMessage" ("platform", "chatId", "identityId", "method", "payload", "topic", "dedupeKey", "noticeRecipientId", "notBefore", "claimedBy", "claimedUntil", "createdAt", "updatedAt")
      SELECT "platform", "chatId", "identityId", "method", "payload", "topic", "dedupeKey", "noticeRecipientId", "notBefore", "claimedBy", "claimedUntil", "createdAt", "updatedAt"
      FROM (${v}) AS v`;
  });
}
