/**
 * Files people send with a report. The file itself stays on the platform; we keep its file id,
 * which is only valid on the platform that issued it, so the platform is stored beside it.
 */
import { z } from "zod";
import type { Platform } from "../config/index.js";

/** An IncomingFile as data arrives from storage (a dialog's arguments), checked. */
export const incomingFileSchema = z.object({
  kind: z.enum(["document", "photo"]),
  fileId: z.string().min(1),
  fileUniqueId: z.string().optional(),
  fileName: z.string().optional(),
  mimeType: z.string().optional(),
  size: z.number().nonnegative().optional(),
});

export interface IncomingFile {
  kind: "document" | "photo";
  fileId: string;
  fileUniqueId?: string;
  fileName?: string;
  mimeType?: string;
  /** Bytes, as the platform reports it (it may be missing for small photos). */
  size?: number;
}

export class AttachmentTooLargeError extends Error {
  override name = "AttachmentTooLargeError";
}

export function isWithinLimit(file: Pick<IncomingFile, "size">, maxBytes: number): boolean {
  return file.size === undefined || file.size <= maxBytes;
}

/** The Attachment rows for a list of files; throws if one is over the limit (the dialogs check first). */
export function attachmentRows(files: readonly IncomingFile[], platform: Platform, maxBytes: number) {
  return files.map((file) => {
    if (!isWithinLimit(file, maxBytes))
      throw new AttachmentTooLargeError(`file ${file.fileName ?? file.fileId} is ${file.size} bytes, over ${maxBytes}`);
    return {
      platform,
      fileId: file.fileId,
      fileUniqueId: file.fileUniqueId ?? null,
      kind: file.kind,
      fileName: file.fileName ?? null,
      mimeType: file.mimeType ?? null,
      size: file.size ?? null,
    };
  });
}
