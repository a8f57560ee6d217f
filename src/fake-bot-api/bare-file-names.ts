// grammY writes a part's file name bare (`filename=دعوت‌نامه.pdf`, no quotes), and the real Bot API
// servers take it as it is, UTF-8 included. busboy reads only RFC 7578's token or quoted form and
// drops a part whose bare name is not a token, so the fake would lose a Persian-named letter that
// Bale and Telegram accept. This transform quotes bare names in the parts' headers before busboy
// reads them; file contents are never touched (a part header follows a boundary line, which by
// definition no content holds).
import { Transform } from "node:stream";

/** The boundary of a multipart/form-data content type, if it names one. */
export function boundaryOf(contentType: string): string | undefined {
  return /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)?.slice(1).find(Boolean);
}

export function quoteBareFileNames(boundary: string): Transform {
  const dashBoundary = `--${boundary}`;
  const escaped = dashBoundary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const bare = new RegExp(
    `(${escaped}\\r\\n(?:[^\\r\\n]*\\r\\n)*?content-disposition:[^\\r\\n]*?;\\s*filename=)([^"\\r\\n;][^\\r\\n;]*)`,
    "gi",
  );
  const quote = (text: string) =>
    text.replace(bare, (_all, head: string, name: string) => `${head}"${name.trimEnd().replace(/(["\\])/g, "\\$1")}"`);
  // Bytes as latin1 text: one character per byte, so the bytes come back exactly as they were.
  let carry = "";
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const text = carry + chunk.toString("latin1");
      // Hold back what may be a part's header cut by this chunk's end: from the last boundary whose
      // header has not ended yet, or else the last bytes, where a boundary may have begun.
      const last = text.lastIndexOf(dashBoundary);
      const headerEnd = last === -1 ? -1 : text.indexOf("\r\n\r\n", last);
      const tail = Math.max(0, text.length - dashBoundary.length - 2);
      const hold = last === -1 ? tail : headerEnd === -1 ? last : Math.max(headerEnd + 4, tail);
      carry = text.slice(hold);
      done(null, Buffer.from(quote(text.slice(0, hold)), "latin1"));
    },
    flush(done) {
      done(null, Buffer.from(quote(carry), "latin1"));
    },
  });
}
