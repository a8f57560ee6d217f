import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { boundaryOf, quoteBareFileNames } from "../../src/fake-bot-api/bare-file-names.js";

const BOUNDARY = "----grammy1234";
const body = Buffer.from(
  `--${BOUNDARY}\r\ncontent-disposition:form-data;name="chat_id"\r\n\r\n7\r\n` +
    `--${BOUNDARY}\r\ncontent-disposition:form-data;name="document";filename=دعوت‌نامه.pdf\r\ncontent-type:application/octet-stream\r\n\r\n` +
    `%PDF filename=x.pdf\r\n--${BOUNDARY}--\r\n`,
  "utf8",
);

/** The body through the transform, cut into chunks of `size` bytes. */
async function through(size: number): Promise<string> {
  const chunks = Array.from({ length: Math.ceil(body.length / size) }, (_, i) => body.subarray(i * size, (i + 1) * size));
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(chunks).pipe(quoteBareFileNames(BOUNDARY))) out.push(chunk as Buffer);
  return Buffer.concat(out).toString("utf8");
}

describe("bare file names quoted before busboy reads them", () => {
  it("reads the boundary of a content type, quoted or not", () => {
    expect(boundaryOf(`multipart/form-data; boundary=${BOUNDARY}`)).toBe(BOUNDARY);
    expect(boundaryOf(`multipart/form-data; boundary="${BOUNDARY}"`)).toBe(BOUNDARY);
    expect(boundaryOf("application/json")).toBeUndefined();
  });

  it.each([1, 2, 3, 7, 64, 100_000])("quotes the part header's name and nothing in the content, in chunks of %i bytes", async (size) => {
    const text = await through(size);
    expect(text).toContain('filename="دعوت‌نامه.pdf"\r\n');
    expect(text).toContain("%PDF filename=x.pdf\r\n");
    expect(text.replace('filename="دعوت‌نامه.pdf"', "filename=دعوت‌نامه.pdf")).toBe(body.toString("utf8"));
  });
});
