// Files known to the fake: uploaded by the bot or sent by fake users. Ids are per bot, as on Telegram
// (a file_id works only for the bot it was issued to). Large contents are not kept: a user may claim a
// 60 MB document without the fake allocating it, and downloads then stream filler bytes of that size.
import type { Document, PhotoSize } from "grammy/types";
import type { FileKind, PlatformProfile } from "./platform.js";
import type { Random } from "./random.js";

export interface StoredFile {
  token: string;
  kind: FileKind;
  fileId: string;
  uniqueId: string;
  filePath: string;
  size: number;
  fileName?: string;
  mimeType?: string;
  width?: number;
  height?: number;
  /** Undefined when the content was only claimed or was too large to keep. */
  content?: Buffer;
  /** For photos: every size of the same picture, smallest first. */
  sizes?: StoredFile[];
}

export interface NewFile {
  token: string;
  kind: FileKind;
  size: number;
  fileName?: string;
  mimeType?: string;
  content?: Buffer;
  width?: number;
  height?: number;
}

export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private serial = 0;

  constructor(
    private readonly profile: PlatformProfile,
    private readonly random: Random,
  ) {}

  add(file: NewFile): StoredFile {
    const ids = this.profile.newFileIds(this.random, file.kind);
    const stored: StoredFile = {
      ...file,
      fileId: ids.fileId,
      uniqueId: ids.uniqueId,
      filePath: this.profile.newFilePath(this.random, file.kind, this.serial++, file.fileName),
    };
    this.byId.set(stored.fileId, stored);
    this.byPath.set(`${file.token}/${stored.filePath}`, stored);
    return stored;
  }

  /** A photo is stored as Telegram keeps it: a thumbnail, a medium size and the original. */
  addPhoto(file: Omit<NewFile, "kind">): StoredFile {
    const width = file.width ?? 1280;
    const height = file.height ?? 960;
    const scaled = (side: number) => {
      const ratio = Math.min(1, side / Math.max(width, height));
      return { width: Math.round(width * ratio), height: Math.round(height * ratio) };
    };
    const original = this.add({ ...file, kind: "photo", width, height });
    const sizes = [90, 320]
      .filter((side) => side < Math.max(width, height))
      .map((side) => this.add({ token: file.token, kind: "photo", size: Math.ceil(file.size / (side === 90 ? 40 : 8)), ...scaled(side) }));
    const all = [...sizes, original];
    for (const size of all) size.sizes = all;
    return original;
  }

  get(token: string, fileId: string): StoredFile | undefined {
    const file = this.byId.get(fileId);
    return file?.token === token ? file : undefined;
  }

  byFilePath(token: string, filePath: string): StoredFile | undefined {
    return this.byPath.get(`${token}/${filePath}`);
  }
}

export function toDocument(file: StoredFile): Document {
  const document: Document = { file_id: file.fileId, file_unique_id: file.uniqueId, file_size: file.size };
  if (file.fileName !== undefined) document.file_name = file.fileName;
  if (file.mimeType !== undefined) document.mime_type = file.mimeType;
  return document;
}

export function toPhotoSizes(file: StoredFile): PhotoSize[] {
  return (file.sizes ?? [file]).map((size) => ({
    file_id: size.fileId,
    file_unique_id: size.uniqueId,
    file_size: size.size,
    width: size.width ?? 0,
    height: size.height ?? 0,
  }));
}
