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

/**
 * A file whose bytes are stored once in an OutboxFile row under `key`, however many rows send it
 * (a notice's letter to every recipient on the platform it was not uploaded on). The dispatcher
 * uploads the bytes the first time and sends the file id the platform returned after that.
 */
export interface OutgoingStoredFile {
  kind: "document" | "photo";
  stored: string;
  caption?: string;
}

/** How a payload names an OutboxFile (see OutgoingStoredFile). */
export interface StoredFileRef {
  stored: string;
}

/** True for a payload value that names an OutboxFile. */
export function isStoredFileRef(value: unknown): value is StoredFileRef {
  return typeof value === "object" && value !== null && typeof (value as StoredFileRef).stored === "string";
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
  message: OutgoingMessage | OutgoingFile | OutgoingUpload | OutgoingStoredFile;
  topic?: OutboxTopic;
  /** Makes queueing idempotent: a second entry with the same key is ignored. */
  dedupeKey?: string;
  notBefore?: Date;
}

function isFile(message: OutgoingMessage | OutgoingFile | OutgoingStoredFile): message is OutgoingFile {
  return "fileId" in message;
}

/** The Bot API method and its parameters (without chat_id) for a queued message. */
export function requestOf(message: OutgoingMessage | OutgoingFile | OutgoingUpload | OutgoingStoredFile): {
  method: string;
  payload: Record<string, unknown>;
} {
  if ("stored" in message) return fileRequest(message, { stored: message.stored } satisfies StoredFileRef);
  if ("upload" in message) {
    return fileRequest(message, {
      upload: message.upload.bytes.toString("base64"),
      fileName: message.upload.fileName,
    } satisfies StoredUpload);
  }
  if (isFile(message)) return fileRequest(message, message.fileId);
  const payload = message.buttons?.length
    ? { text: message.text, reply_markup: { inline_keyboard: message.buttons } }
    : { text: message.text };
  return { method: "sendMessage", payload };
}

/** sendDocument or sendPhoto with the file given as `file` (an id, stored bytes, or a stored file's key). */
function fileRequest(message: { kind: "document" | "photo"; caption?: string }, file: unknown) {
  const payload = { [message.kind]: file, ...(message.caption ? { caption: message.caption } : {}) };
  return { method: message.kind === "photo" ? "sendPhoto" : "sendDocument", payload };
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
