/** Reading a committee file from disk: size, encoding and I/O problems reported like the file's own errors. */
import { readFile, stat } from "node:fs/promises";
import { fileSizeProblem, parseCommitteeFile } from "../../domain/committee-file/index.js";
import type { CommitteeFileRead } from "./index.js";

/** A committee file read from disk and validated; I/O problems come back as errors like any other. */
export async function readCommitteeFile(path: string): Promise<CommitteeFileRead> {
  let bytes: Buffer;
  try {
    // Refused before it is read: a 20 MB file must not be loaded to learn that it is too big.
    const tooBig = fileSizeProblem((await stat(path)).size);
    if (tooBig) return { ok: false, error: [tooBig] };
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, error: [{ path: "", message: describeReadError(path, error) }] };
  }
  let text: string;
  try {
    // fatal: a file saved in another encoding (e.g. Windows-1256) must be refused, not garbled.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: [{ path: "", message: `${path} is not UTF-8 text: save it with the UTF-8 encoding and try again` }] };
  }
  return parseCommitteeFile(text);
}

function describeReadError(path: string, error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case "ENOENT":
      return `file not found: ${path}`;
    case "EISDIR":
      return `${path} is a directory; give the path of a .yaml file`;
    case "EACCES":
      return `cannot read ${path}: permission denied`;
    default:
      return `cannot read ${path}: ${(error as Error).message}`;
  }
}
