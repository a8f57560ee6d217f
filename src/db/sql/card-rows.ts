/**
 * Where an item's cards are (services/assignments/cards.ts): for each assignment, the outbox row of
 * the card each active head or liaison of its agency got, one per chat identity, with the identity's
 * language. One statement for what took four queries per item through Prisma (the agency's
 * contacts, their identities, the rows by key, the identity again per edit).
 */
import type { DbProvider, Tx } from "../client.js";
import { AGENCY_ROLES } from "../../domain/vocabulary.js";
import { jsonRows } from "./json-rows.js";
import { sqlList } from "./vocabulary.js";

export interface CardRow {
  assignmentId: number;
  /** The outbox row that sends (or sent) the card. */
  id: number;
  platform: string;
  chatId: string;
  identityId: number;
  status: string;
  messageId: string | null;
  claimedBy: string | null;
  locale: string | null;
}

/**
 * The cards of these assignments. A card's dedupe key is its item's key prefix followed by the
 * identity id; the caller gives each item's prefix, so the key's grammar stays in one place.
 */
export async function cardRows(
  tx: Tx,
  provider: DbProvider,
  items: readonly { assignmentId: number; keyPrefix: string }[],
): Promise<CardRow[]> {
  if (items.length === 0) return [];
  const k = jsonRows(provider, { assignmentId: "int", keyPrefix: "text" }, items);
  const rows = await tx.$queryRaw<Record<string, unknown>[]>`
    SELECT DISTINCT k."assignmentId", o."id", o."platform", o."chatId", i."id" AS "identityId", o."status", o."messageId",
           o."claimedBy", i."locale"
    FROM (${k}) AS k
    JOIN "Assignment" a ON a."id" = k."assignmentId"
    JOIN "Membership" m ON m."agencyId" = a."agencyId" AND m."active" = TRUE AND m."role" IN (${sqlList(AGENCY_ROLES)})
    JOIN "ChatIdentity" i ON i."personId" = m."personId"
    JOIN "OutboxMessage" o ON o."dedupeKey" = k."keyPrefix" || CAST(i."id" AS TEXT)
    ORDER BY o."id"`;
  return rows.map((row) => ({
    assignmentId: Number(row.assignmentId),
    id: Number(row.id),
    platform: String(row.platform),
    chatId: String(row.chatId),
    identityId: Number(row.identityId),
    status: String(row.status),
    messageId: row.messageId === null ? null : String(row.messageId),
    claimedBy: row.claimedBy === null ? null : String(row.claimedBy),
    locale: row.locale === null ? null : String(row.locale),
  }));
}
