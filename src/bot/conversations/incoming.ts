/** What a user's message carries, read the same way by handlers and dialogs. */
import type { Message } from "grammy/types";
import { normalisePersian } from "../../domain/text/index.js";
import type { IncomingFile } from "../../services/attachments.js";

/** A document, or the largest size of a photo. */
export function incomingFileOf(message: Message): IncomingFile | undefined {
  if (message.document) {
    const d = message.document;
    return {
      kind: "document",
      fileId: d.file_id,
      fileUniqueId: d.file_unique_id,
      ...(d.file_name ? { fileName: d.file_name } : {}),
      ...(d.mime_type ? { mimeType: d.mime_type } : {}),
      ...(d.file_size !== undefined ? { size: d.file_size } : {}),
    };
  }
  const photo = message.photo?.reduce((best, size) =>
    (size.file_size ?? size.width * size.height) > (best.file_size ?? best.width * best.height) ? size : best,
  );
  if (photo)
    return {
      kind: "photo",
      fileId: photo.file_id,
      fileUniqueId: photo.file_unique_id,
      ...(photo.file_size !== undefined ? { size: photo.file_size } : {}),
    };
  return undefined;
}

/**
 * Prose as stored: Persian letters normalised (ي/ك → ی/ک, ZWNJ, odd spaces), trimmed; undefined
 * when nothing is left. Digits in prose stay as typed — numbers are normalised by the parsers that read them.
 */
export function normalisedText(text: string | undefined): string | undefined {
  const prepared = text === undefined ? "" : normalisePersian(text);
  return prepared === "" ? undefined : prepared;
}

/** A message starting with /word is a command, whether or not the platform marked it as one. */
export function isCommand(message: Message): boolean {
  return /^\/[A-Za-z0-9_]+/.test(message.text ?? "");
}

/** "12.5 MB" style size for messages: whole megabytes, at least 1. */
export function megabytes(bytes: number): number {
  return Math.max(1, Math.round(bytes / (1024 * 1024)));
}
