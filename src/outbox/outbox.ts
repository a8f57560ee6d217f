/**
 * Writing to the outbox. Called inside the transaction that makes the change a message is
 * about, so the message exists exactly when the change does. The dispatcher sends it later.
 */
import type { Platform } from "../config/index.js";
import type { Tx } from "../db/client.js";

export interface InlineButton {
  text: string;
  callback_data?: string;
  url?: string;
}

/** What one message says; rendered for one recipient (their language) before it is queued. */
export interface OutgoingMessage {
  text: string;
  buttons?: InlineButton[][];
}

export interface OutboxEntry {
  platform: Platform;
  chatId: string;
  identityId?: number;
  message: OutgoingMessage;
  topic?: string;
  /** Makes queueing idempotent: a second entry with the same key is ignored. */
  dedupeKey?: string;
  notBefore?: Date;
}

export function payloadOf(message: OutgoingMessage): Record<string, unknown> {
  return message.buttons?.length ? { text: message.text, reply_markup: { inline_keyboard: message.buttons } } : { text: message.text };
}

/** Queues one message; returns false when its dedupeKey was already queued. */
export async function enqueue(tx: Tx, entry: OutboxEntry): Promise<boolean> {
  if (entry.dedupeKey) {
    const existing = await tx.outboxMessage.findUnique({ where: { dedupeKey: entry.dedupeKey }, select: { id: true } });
    if (existing) return false;
  }
  await tx.outboxMessage.create({
    data: {
      platform: entry.platform,
      chatId: entry.chatId,
      identityId: entry.identityId ?? null,
      method: "sendMessage",
      payload: payloadOf(entry.message) as object,
      topic: entry.topic ?? null,
      dedupeKey: entry.dedupeKey ?? null,
      ...(entry.notBefore ? { notBefore: entry.notBefore } : {}),
    },
  });
  return true;
}
