/** Minutes sent as a file: plain text as it is, a Word document's paragraphs one per line, anything else refused. */
import { describe, expect, it } from "vitest";
import { splitMinutes } from "../../src/domain/minutes/index.js";
import { minutesFileKind, minutesFileText } from "../../src/services/secretariat/minutes-file.js";
import { docxOf } from "../support/docx.js";
import { minutesFixture } from "../support/secretariat.js";

describe("minutes files", () => {
  it("knows a text file and a Word document by type or name, and nothing else", () => {
    expect(minutesFileKind({ mime_type: "text/plain" })).toBe("text");
    expect(minutesFileKind({ file_name: "صورتجلسه.TXT" })).toBe("text");
    expect(minutesFileKind({ file_name: "صورتجلسه.docx", mime_type: "application/octet-stream" })).toBe("docx");
    expect(minutesFileKind({ mime_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" })).toBe("docx");
    expect(minutesFileKind({ file_name: "صورتجلسه.pdf", mime_type: "application/pdf" })).toBeUndefined();
    expect(minutesFileKind({ file_name: "old.doc" })).toBeUndefined();
  });

  it("reads a Word document of numbered.txt into the same resolutions as the pasted text", async () => {
    const pasted = minutesFixture("numbered");
    const lines = pasted.split("\n").filter((l) => l.trim() !== "");
    const text = await minutesFileText("docx", await docxOf(lines));
    expect(text!.split("\n")).toEqual(lines);
    expect(splitMinutes(text!)).toEqual(splitMinutes(pasted));
  });

  it("says a broken Word document cannot be read", async () => {
    expect(await minutesFileText("docx", Buffer.from("not a zip at all"))).toBeUndefined();
  });
});
