// Request bodies as the Bot API accepts them: query string, JSON, urlencoded or multipart/form-data.
// Uploaded files are counted to the byte but kept only up to a limit, so huge uploads stay cheap.
import type { IncomingMessage } from "node:http";
import busboy from "busboy";
import { boundaryOf, quoteBareFileNames } from "./bare-file-names.js";
import { ApiError, badRequest } from "./errors.js";
import type { Params } from "./params.js";

export interface UploadedFile {
  field: string;
  fileName: string | undefined;
  mimeType: string | undefined;
  size: number;
  /** Undefined when the upload was larger than the bytes the fake keeps. */
  content: Buffer | undefined;
}

export interface ParsedBody {
  params: Params;
  files: Map<string, UploadedFile>;
}

export interface BodyLimits {
  maxUploadBytes: number;
  keepFileContentBytes: number;
}

const tooLarge = () => new ApiError(413, "Request Entity Too Large");

function readAll(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function parseMultipart(req: IncomingMessage, params: Params, limits: BodyLimits): Promise<Map<string, UploadedFile>> {
  return new Promise((resolve, reject) => {
    const files = new Map<string, UploadedFile>();
    let failed: ApiError | undefined;
    let parser: busboy.Busboy;
    try {
      // Parameters are UTF-8, as the Bot API reads them (busboy's default is latin1).
      parser = busboy({ headers: req.headers, limits: { fileSize: limits.maxUploadBytes }, defParamCharset: "utf8" });
    } catch {
      reject(badRequest("can't parse multipart/form-data request"));
      return;
    }
    parser.on("field", (name, value) => {
      params[name] = value;
    });
    parser.on("file", (field, stream, info) => {
      const file: UploadedFile = { field, fileName: info.filename, mimeType: info.mimeType, size: 0, content: undefined };
      const chunks: Buffer[] = [];
      let kept = 0;
      stream.on("data", (chunk: Buffer) => {
        file.size += chunk.length;
        if (kept + chunk.length <= limits.keepFileContentBytes) {
          chunks.push(chunk);
          kept += chunk.length;
        } else {
          kept = Infinity; // stop keeping: the content would be incomplete
          chunks.length = 0;
        }
      });
      stream.on("limit", () => {
        failed = tooLarge();
      });
      stream.on("end", () => {
        if (kept !== Infinity) file.content = Buffer.concat(chunks);
        files.set(field, file);
      });
    });
    parser.on("close", () => (failed ? reject(failed) : resolve(files)));
    parser.on("error", () => reject(badRequest("can't parse multipart/form-data request")));
    const boundary = boundaryOf(req.headers["content-type"] ?? "");
    if (boundary) req.pipe(quoteBareFileNames(boundary)).pipe(parser);
    else req.pipe(parser);
  });
}

/** Query arguments first, then the body's (the body wins), as telegram-bot-api merges them. */
export async function parseBody(req: IncomingMessage, query: URLSearchParams, limits: BodyLimits): Promise<ParsedBody> {
  const params: Params = Object.fromEntries(query);
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    return { params, files: await parseMultipart(req, params, limits) };
  }
  const raw = await readAll(req, limits.maxUploadBytes);
  if (raw.length > 0) {
    if (type.startsWith("application/json")) {
      let body: unknown;
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        throw badRequest("can't parse JSON object");
      }
      if (typeof body === "object" && body !== null && !Array.isArray(body)) Object.assign(params, body);
    } else {
      // application/x-www-form-urlencoded, also the default when no type is given
      for (const [key, value] of new URLSearchParams(raw.toString("utf8"))) params[key] = value;
    }
  }
  return { params, files: new Map() };
}
