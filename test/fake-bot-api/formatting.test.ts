import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/fake-bot-api/errors.js";
import { parseFormatted, trimFormatted } from "../../src/fake-bot-api/formatting.js";

function failure(text: string, mode: string): string {
  try {
    parseFormatted(text, mode);
  } catch (error) {
    if (error instanceof ApiError) return error.description.replace("Bad Request: can't parse entities: ", "");
    throw error;
  }
  return "parsed";
}

describe("parse_mode parsing", () => {
  it("MarkdownV2: entities, escapes, nesting and links", () => {
    expect(parseFormatted("*bold _both_* \\. [site](https://a.ir/x\\)y) `co*de`", "MarkdownV2")).toEqual({
      text: "bold both . site co*de",
      entities: [
        { type: "bold", offset: 0, length: 9 },
        { type: "italic", offset: 5, length: 4 },
        { type: "text_link", offset: 12, length: 4, url: "https://a.ir/x)y" },
        { type: "code", offset: 17, length: 5 },
      ],
    });
    expect(parseFormatted("__u__ ~s~ ||sp||", "MarkdownV2").entities.map((e) => e.type)).toEqual(["underline", "strikethrough", "spoiler"]);
    expect(parseFormatted("```ts\nconst a = 1;```", "MarkdownV2")).toEqual({
      text: "const a = 1;",
      entities: [{ type: "pre", offset: 0, length: 12, language: "ts" }],
    });
  });

  it("MarkdownV2: every reserved character must be escaped outside entities", () => {
    for (const c of "#+-={}.!") expect(failure(`a ${c} b`, "MarkdownV2")).toMatch(`Character '${c}' is reserved`);
    expect(failure("a \\- b \\! c", "MarkdownV2")).toBe("parsed");
  });

  it("MarkdownV2: reports the byte offset of an unclosed entity (UTF-8 bytes)", () => {
    expect(failure("سلام _x", "MarkdownV2")).toBe("Can't find end of Italic entity at byte offset 9");
    expect(failure("[text](http://x", "MarkdownV2")).toBe("Can't find end of a URL at byte offset 6");
  });

  it("Markdown (legacy): only * _ ` [ are special", () => {
    expect(parseFormatted("*b* _i_ `c` [l](https://x.ir) 1.0 - ok!", "Markdown")).toEqual({
      text: "b i c l 1.0 - ok!",
      entities: [
        { type: "bold", offset: 0, length: 1 },
        { type: "italic", offset: 2, length: 1 },
        { type: "code", offset: 4, length: 1 },
        { type: "text_link", offset: 6, length: 1, url: "https://x.ir" },
      ],
    });
    expect(failure("*unclosed", "Markdown")).toBe("Can't find end of the entity starting at byte offset 0");
    expect(failure("[unclosed", "Markdown")).toBe("Can't find end of the entity starting at byte offset 0");
  });

  it("HTML: tags, entities, pre with a language, and the errors", () => {
    expect(parseFormatted('<pre><code class="language-js">x &amp;&amp; y</code></pre>', "HTML")).toEqual({
      text: "x && y",
      entities: [{ type: "pre", offset: 0, length: 6, language: "js" }],
    });
    expect(parseFormatted('<span class="tg-spoiler">s</span><tg-spoiler>t</tg-spoiler>', "HTML").entities).toHaveLength(2);
    expect(failure("<div>x</div>", "HTML")).toBe(`Unsupported start tag "div" at byte offset 0`);
    expect(failure("<b>x</i>", "HTML")).toBe(`Unmatched end tag at byte offset 4, expected "</b>", found "</i>"`);
    expect(failure("x</b>", "HTML")).toBe("Unexpected end tag at byte offset 1");
    expect(failure("<b", "HTML")).toBe("Unclosed start tag at byte offset 0");
  });

  it("no parse_mode leaves text untouched", () => {
    expect(parseFormatted("*a* <b>", undefined)).toEqual({ text: "*a* <b>", entities: [] });
  });

  it("trimming shifts and clips entities", () => {
    expect(trimFormatted({ text: "  ab  ", entities: [{ type: "bold", offset: 1, length: 4 }] })).toEqual({
      text: "ab",
      entities: [{ type: "bold", offset: 0, length: 2 }],
    });
  });
});
