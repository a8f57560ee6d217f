// sendDocument, sendPhoto and getFile. A file argument is either an upload (a multipart part named after
// the field, or "attach://<part>" as grammY sends it) or the file_id of a file this bot already knows.
import { badRequest } from "../errors.js";
import { toDocument, toPhotoSizes, type StoredFile } from "../files.js";
import { parseReplyMarkup } from "../markup.js";
import type { FileKind } from "../platform.js";
import { str } from "../params.js";
import type { MethodContext, MethodHandler } from "./context.js";
import { deliverNew, LIMITS, readFormatted, textFields } from "./sending.js";

const KIND_NAMES: Record<FileKind, string> = { document: "Document", photo: "Photo" };

function inputFile(ctx: MethodContext, kind: FileKind): StoredFile {
  const { world, bot } = ctx;
  const value = str(ctx.params, kind);
  const part = value?.startsWith("attach://") ? value.slice("attach://".length) : value ? undefined : kind;
  if (part === undefined) {
    const known = world.files.get(bot.token, value!);
    if (!known) {
      // The real APIs would fetch a URL; nothing here reaches the network.
      throw badRequest(/^https?:\/\//i.test(value!) ? "failed to get HTTP URL content" : "wrong file identifier/HTTP URL specified");
    }
    if (known.kind !== kind) throw badRequest(`can't use file of type ${KIND_NAMES[known.kind]} as ${KIND_NAMES[kind]}`);
    return known;
  }
  const upload = ctx.files.get(part);
  if (!upload) throw badRequest(`there is no ${kind} in the request`);
  const file = {
    token: bot.token,
    size: upload.size,
    fileName: upload.fileName,
    mimeType: upload.mimeType,
    content: upload.content,
  };
  return kind === "photo" ? world.files.addPhoto(file) : world.files.add({ ...file, kind });
}

function sendFile(kind: FileKind): MethodHandler {
  return (ctx) => {
    const markup = parseReplyMarkup(ctx.params, ctx.world.profile);
    const caption = readFormatted(ctx, "caption", LIMITS.caption);
    const chat = ctx.world.writableChat(ctx.bot, str(ctx.params, "chat_id"));
    const file = inputFile(ctx, kind);
    const media = kind === "photo" ? { photo: toPhotoSizes(file) } : { document: toDocument(file) };
    return deliverNew(ctx, chat, markup, caption?.parseMode, { ...media, ...textFields("caption", caption) });
  };
}

const getFile: MethodHandler = (ctx) => {
  const file = ctx.world.files.get(ctx.bot.token, str(ctx.params, "file_id") ?? "");
  if (!file) throw badRequest("wrong file_id or the file is temporarily unavailable");
  if (file.size > ctx.world.options.maxDownloadBytes) throw badRequest("file is too big");
  return { file_id: file.fileId, file_unique_id: file.uniqueId, file_size: file.size, file_path: file.filePath };
};

export const fileMethods: Record<string, MethodHandler> = {
  sendDocument: sendFile("document"),
  sendPhoto: sendFile("photo"),
  getFile,
};
