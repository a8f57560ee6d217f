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

/** No platform carries a file over 4 GiB; a size beyond it (or negative, or fractional) is forged. */
const MAX_PLAUSIBLE_FILE_BYTES = 4 * 1024 ** 3;

/** What makes a message impossible to take: text that is not text, or an attachment that cannot exist. */
export type Impossibility = "text" | "attachment";

/**
 * Checks what the platforms guarantee and a forged or broken update may not honour: text and
 * captions are strings; a document or photo has a file id and a plausible size; a photo has at
 * least one size. Undefined when the message is fine.
 */
export function impossibilityOf(message: Message): Impossibility | undefined {
  const m = message as unknown as Record<string, unknown>;
  for (const field of ["text", "caption"]) if (m[field] !== undefined && typeof m[field] !== "string") return "text";
  if (m.document !== undefined && !plausibleFile(m.document, ["file_name", "mime_type"])) return "attachment";
  if (m.photo !== undefined) {
    if (!Array.isArray(m.photo) || m.photo.length === 0) return "attachment";
    if (!m.photo.every((size) => plausibleFile(size, []) && dimension(size.width) && dimension(size.height))) return "attachment";
  }
  return undefined;
}

function plausibleFile(file: unknown, textFields: readonly string[]): file is Record<string, unknown> {
  if (typeof file !== "object" || file === null) return false;
  const f = file as Record<string, unknown>;
  if (typeof f.file_id !== "string" || f.file_id === "" || f.file_id.length > 512) return false;
  if (f.file_unique_id !== undefined && typeof f.file_unique_id !== "string") return false;
  if (textFields.some((field) => f[field] !== undefined && typeof f[field] !== "string")) return false;
  const size = f.file_size;
  return size === undefined || (Number.isSafeInteger(size) && (size as number) >= 0 && (size as number) <= MAX_PLAUSIBLE_FILE_BYTES);
}

function dimension(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
