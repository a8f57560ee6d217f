/**
 * Writing to the outbox. Called inside the transaction that makes the change a message is
 * about, so the message exists exactly when the change does. The dispatcher sends it later.
 */
import type { Platform } from "../config/index.js";
import type { Tx } from "../db/client.js";
import type { OutboxTopic } from "../domain/outbox-topic.js";

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

/** A file the platform already holds (a user sent it), sent again by its file id. */
export interface OutgoingFile {
  kind: "document" | "photo";
  fileId: string;
  caption?: string;
}

/**
 * A file we made (a chart), uploaded with the message. Its bytes are stored in the row (base64),
 * so the message survives a restart like any other; keep such files small (a chart is ~100 KB).
 */
export interface OutgoingUpload {
  kind: "document" | "photo";
  upload: { bytes: Buffer; fileName: string };
  caption?: string;
}

/** How an upload's bytes are kept in an outbox row's payload, until the dispatcher sends them. */
export interface StoredUpload {
  upload: string;
  fileName: string;
}

/** True for a payload value that holds an upload's bytes (see OutgoingUpload). */
export function isStoredUpload(value: unknown): value is StoredUpload {
  return typeof value === "object" && value !== null && typeof (value as StoredUpload).upload === "string";
}

export interface OutboxEntry {
  platform: Platform;
  chatId: string;
  identityId?: number;
  message: OutgoingMessage | OutgoingFile | OutgoingUpload;
  topic?: OutboxTopic;
  /** Makes queueing idempotent: a second entry with the same key is ignored. */
  dedupeKey?: string;
  notBefore?: Date;
}

function isFile(message: OutgoingMessage | OutgoingFile): message is OutgoingFile {
  return "fileId" in message;
}

/** The Bot API method and its parameters (without chat_id) for a queued message. */
export function requestOf(message: OutgoingMessage | OutgoingFile | OutgoingUpload): { method: string; payload: Record<string, unknown> } {
  if ("upload" in message) {
    const stored: StoredUpload = { upload: message.upload.bytes.toString("base64"), fileName: message.upload.fileName };
    const payload = { [message.kind]: stored, ...(message.caption ? { caption: message.caption } : {}) };
    return { method: message.kind === "photo" ? "sendPhoto" : "sendDocument", payload };
  }
  if (isFile(message)) {
    const payload = { [message.kind]: message.fileId, ...(message.caption ? { caption: message.caption } : {}) };
    return { method: message.kind === "photo" ? "sendPhoto" : "sendDocument", payload };
  }
  const payload = message.buttons?.length
    ? { text: message.text, reply_markup: { inline_keyboard: message.buttons } }
    : { text: message.text };
  return { method: "sendMessage", payload };
}

/** Queues one message; returns false when its dedupeKey was already queued. */
export async function enqueue(tx: Tx, entry: OutboxEntry): Promise<boolean> {
  if (entry.dedupeKey) {
    const existing = await tx.outboxMessage.findUnique({ where: { dedupeKey: entry.dedupeKey }, select: { id: true } });
    if (existing) return false;
  }
  const { method, payload } = requestOf(entry.message);
  await tx.outboxMessage.create({
    data: {
      platform: entry.platform,
      chatId: entry.chatId,
      identityId: entry.identityId ?? null,
      method,
      payload: payload as object,
      topic: entry.topic ?? null,
      dedupeKey: entry.dedupeKey ?? null,
      ...(entry.notBefore ? { notBefore: entry.notBefore } : {}),
    },
  });
  return true;
}
