/**
 * The text of a minutes file a secretary sends instead of pasting: a plain-text file as it is, a
 * Word document (.docx, as Word and LibreOffice save the minutes) through mammoth's raw-text
 * reading, one paragraph per line. Anything else is not read.
 */
import mammoth from "mammoth";

export type MinutesFileKind = "text" | "docx";

const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Which kind of minutes file this is, from its MIME type or its name; undefined: not one we read. */
export function minutesFileKind(file: { mime_type?: string | undefined; file_name?: string | undefined }): MinutesFileKind | undefined {
  const name = file.file_name ?? "";
  if (file.mime_type === "text/plain" || /\.txt$/i.test(name)) return "text";
  if (file.mime_type === DOCX_MIME || /\.docx$/i.test(name)) return "docx";
  return undefined;
}

/** The file's text, or undefined when its bytes are not a readable file of that kind. */
export async function minutesFileText(kind: MinutesFileKind, bytes: Buffer): Promise<string | undefined> {
  if (kind === "text") return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  try {
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    // Paragraphs come separated by blank lines; the splitter reads one resolution per line.
    return value.replace(/\n{2,}/g, "\n").trim();
  } catch {
    return undefined;
  }
}
