// Telegram's parse_mode: turns Markdown / MarkdownV2 / HTML into plain text plus entities, and rejects
// what Telegram rejects with its own wording ("can't parse entities: ..."; see tdlib MessageEntity.cpp).
// It is a faithful subset, not the full grammar: enough that a bot which forgets to escape user text fails
// here exactly as it would fail in production.
import type { MessageEntity } from "grammy/types";
import { badRequest } from "./errors.js";

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

type EntityType = MessageEntity["type"];

interface OpenEntity {
  type: EntityType;
  /** Name used in error messages (tdlib's entity class name or HTML tag). */
  name: string;
  start: number;
  inputIndex: number;
  url?: string;
  language?: string;
  customEmojiId?: string;
}

function byteOffset(input: string, index: number): number {
  return Buffer.byteLength(input.slice(0, index), "utf8");
}

function cantParse(reason: string): never {
  throw badRequest(`can't parse entities: ${reason}`);
}

function makeEntity(open: OpenEntity, end: number): MessageEntity | undefined {
  const length = end - open.start;
  if (length <= 0) return undefined;
  const base = { offset: open.start, length };
  switch (open.type) {
    case "text_link":
      return { ...base, type: "text_link", url: open.url ?? "" };
    case "pre":
      return open.language ? { ...base, type: "pre", language: open.language } : { ...base, type: "pre" };
    case "custom_emoji":
      return { ...base, type: "custom_emoji", custom_emoji_id: open.customEmojiId ?? "" };
    default:
      return { ...base, type: open.type } as MessageEntity;
  }
}

// ---------------------------------------------------------------- MarkdownV2

const V2_RESERVED = "_*[]()~`>#+-=|{}.!";

function v2Opener(
  input: string,
  i: number,
  atLineStart: boolean,
): { open: Omit<OpenEntity, "start" | "inputIndex">; width: number } | undefined {
  const c = input[i];
  const next = input[i + 1];
  switch (c) {
    case "*":
      return { open: { type: "bold", name: "Bold" }, width: 1 };
    case "_":
      return next === "_"
        ? { open: { type: "underline", name: "Underline" }, width: 2 }
        : { open: { type: "italic", name: "Italic" }, width: 1 };
    case "~":
      return { open: { type: "strikethrough", name: "Strikethrough" }, width: 1 };
    case "|":
      return next === "|" ? { open: { type: "spoiler", name: "Spoiler" }, width: 2 } : undefined;
    case "[":
      return { open: { type: "text_link", name: "TextUrl" }, width: 1 };
    case "!":
      return next === "[" ? { open: { type: "custom_emoji", name: "CustomEmoji" }, width: 2 } : undefined;
    case "`":
      return input.startsWith("```", i)
        ? { open: { type: "pre", name: "Pre" }, width: 3 }
        : { open: { type: "code", name: "Code" }, width: 1 };
    case ">":
      return atLineStart ? { open: { type: "blockquote", name: "Blockquote" }, width: 1 } : undefined;
    default:
      return undefined;
  }
}

/** Width of the closing marker of `open` at input[i], or 0. */
function v2Closer(open: OpenEntity, input: string, i: number): number {
  const c = input[i];
  switch (open.type) {
    case "bold":
      return c === "*" ? 1 : 0;
    case "italic":
      return c === "_" ? 1 : 0;
    case "underline":
      return input.startsWith("__", i) ? 2 : 0;
    case "strikethrough":
      return c === "~" ? 1 : 0;
    case "spoiler":
      return input.startsWith("||", i) ? 2 : 0;
    case "text_link":
    case "custom_emoji":
      return c === "]" ? 1 : 0;
    case "code":
      return c === "`" ? 1 : 0;
    case "pre":
      return input.startsWith("```", i) ? 3 : 0;
    default:
      return 0;
  }
}

/** Reads "(url)" after a link's "]"; returns the url and the index after ")". */
function readV2Url(input: string, i: number): { url: string; next: number } | undefined {
  if (input[i] !== "(") return undefined;
  let url = "";
  for (let j = i + 1; j < input.length; j++) {
    const c = input[j]!;
    if (c === "\\" && j + 1 < input.length) {
      url += input[++j];
    } else if (c === ")") {
      return { url, next: j + 1 };
    } else {
      url += c;
    }
  }
  cantParse(`Can't find end of a URL at byte offset ${byteOffset(input, i)}`);
}

export function parseMarkdownV2(input: string): FormattedText {
  let text = "";
  const entities: MessageEntity[] = [];
  const stack: OpenEntity[] = [];
  let quote: OpenEntity | undefined;

  for (let i = 0; i < input.length;) {
    const c = input[i]!;
    const top = stack[stack.length - 1];
    const atLineStart = i === 0 || input[i - 1] === "\n";

    if (quote && atLineStart && c !== ">") {
      pushEntity(entities, makeEntity(quote, text.length > 0 && text.endsWith("\n") ? text.length - 1 : text.length));
      quote = undefined;
    }
    const code = input.charCodeAt(i + 1);
    if (c === "\\" && code > 0 && code <= 126) {
      text += input[i + 1];
      i += 2;
      continue;
    }
    if (top) {
      const width = v2Closer(top, input, i);
      if (width > 0) {
        stack.pop();
        i += width;
        if (top.type === "text_link" || top.type === "custom_emoji") {
          const link = readV2Url(input, i);
          if (link) {
            i = link.next;
            if (top.type === "text_link") top.url = link.url;
            else top.customEmojiId = /id=(\d+)/.exec(link.url)?.[1] ?? link.url;
          } else if (top.type === "custom_emoji") {
            cantParse(`Custom emoji entity must contain a tg://emoji URL`);
          } else {
            continue; // "[text]" without a URL is plain text
          }
        }
        pushEntity(entities, makeEntity(top, text.length));
        continue;
      }
      if (top.type === "code" || top.type === "pre") {
        // Inside code only ` and \ are special; everything else is literal.
        text += c;
        i++;
        continue;
      }
    }
    const opener = v2Opener(input, i, atLineStart);
    if (opener) {
      i += opener.width;
      if (opener.open.type === "blockquote") {
        quote ??= { ...opener.open, start: text.length, inputIndex: i - 1 };
        continue;
      }
      const open: OpenEntity = { ...opener.open, start: text.length, inputIndex: i - opener.width };
      if (open.type === "pre") {
        const language = /^([^\s`]+)\n/.exec(input.slice(i));
        if (language) {
          open.language = language[1];
          i += language[0].length;
        } else if (input[i] === "\n") {
          i++;
        }
      }
      stack.push(open);
      continue;
    }
    if (V2_RESERVED.includes(c)) {
      cantParse(`Character '${c}' is reserved and must be escaped with the preceding '\\'`);
    }
    text += c;
    i++;
  }
  const unclosed = stack[0];
  if (unclosed) {
    cantParse(`Can't find end of ${unclosed.name} entity at byte offset ${byteOffset(input, unclosed.inputIndex)}`);
  }
  if (quote) pushEntity(entities, makeEntity(quote, text.length));
  return { text, entities: sortEntities(entities) };
}

// ---------------------------------------------------------------- Markdown (legacy)

const LEGACY_TYPES: Record<string, EntityType> = { "*": "bold", _: "italic", "`": "code" };

export function parseMarkdown(input: string): FormattedText {
  let text = "";
  const entities: MessageEntity[] = [];
  const unclosed = (at: number): never => cantParse(`Can't find end of the entity starting at byte offset ${byteOffset(input, at)}`);

  for (let i = 0; i < input.length;) {
    const c = input[i]!;
    if (c === "\\" && "_*`[".includes(input[i + 1] ?? "")) {
      text += input[i + 1];
      i += 2;
      continue;
    }
    if (c === "[") {
      const close = input.indexOf("]", i + 1);
      if (close < 0) unclosed(i);
      const label = input.slice(i + 1, close);
      const start = text.length;
      text += label;
      i = close + 1;
      if (input[i] === "(") {
        const end = input.indexOf(")", i);
        if (end < 0) unclosed(i);
        pushEntity(entities, label ? { type: "text_link", offset: start, length: label.length, url: input.slice(i + 1, end) } : undefined);
        i = end + 1;
      }
      continue;
    }
    if (input.startsWith("```", i)) {
      const end = input.indexOf("```", i + 3);
      if (end < 0) unclosed(i);
      let body = input.slice(i + 3, end);
      const language = /^([^\s`]+)\n/.exec(body);
      if (language) body = body.slice(language[0].length);
      const entity: MessageEntity = language?.[1]
        ? { type: "pre", offset: text.length, length: body.length, language: language[1] }
        : { type: "pre", offset: text.length, length: body.length };
      pushEntity(entities, body.length > 0 ? entity : undefined);
      text += body;
      i = end + 3;
      continue;
    }
    const type = LEGACY_TYPES[c];
    if (!type) {
      text += c;
      i++;
      continue;
    }
    const end = input.indexOf(c, i + 1);
    if (end < 0) unclosed(i);
    const body = input.slice(i + 1, end);
    pushEntity(entities, body.length > 0 ? ({ type, offset: text.length, length: body.length } as MessageEntity) : undefined);
    text += body;
    i = end + 1;
  }
  return { text, entities: sortEntities(entities) };
}

// ---------------------------------------------------------------- HTML

const HTML_TAGS: Record<string, EntityType> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  "tg-spoiler": "spoiler",
  span: "spoiler",
  a: "text_link",
  code: "code",
  pre: "pre",
  blockquote: "blockquote",
  "tg-emoji": "custom_emoji",
};

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

function decodeHtmlEntity(input: string, i: number): { value: string; next: number } | undefined {
  const match = /^&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/.exec(input.slice(i, i + 12));
  if (!match) return undefined;
  const name = match[1]!;
  let value: string | undefined;
  if (name.startsWith("#x")) value = String.fromCodePoint(parseInt(name.slice(2), 16));
  else if (name.startsWith("#")) value = String.fromCodePoint(parseInt(name.slice(1), 10));
  else value = NAMED_ENTITIES[name];
  return value === undefined ? undefined : { value, next: i + match[0].length };
}

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const m of source.matchAll(/([a-zA-Z-]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    attributes[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? "";
  }
  return attributes;
}

export function parseHtml(input: string): FormattedText {
  let text = "";
  const entities: MessageEntity[] = [];
  const stack: OpenEntity[] = [];

  for (let i = 0; i < input.length;) {
    const c = input[i]!;
    if (c === "&") {
      const decoded = decodeHtmlEntity(input, i);
      text += decoded ? decoded.value : "&";
      i = decoded ? decoded.next : i + 1;
      continue;
    }
    if (c !== "<") {
      text += c;
      i++;
      continue;
    }
    const close = input.indexOf(">", i);
    if (input[i + 1] === "/") {
      if (close < 0) cantParse(`Unclosed end tag at byte offset ${byteOffset(input, i)}`);
      const name = input
        .slice(i + 2, close)
        .trim()
        .toLowerCase();
      const top = stack.pop();
      if (!top) cantParse(`Unexpected end tag at byte offset ${byteOffset(input, i)}`);
      if (name !== top.name) {
        cantParse(`Unmatched end tag at byte offset ${byteOffset(input, i)}, expected "</${top.name}>", found "</${name}>"`);
      }
      const parent = stack[stack.length - 1];
      // <pre><code class="language-x"> is one pre entity with a language, as in Telegram.
      if (top.type === "code" && parent?.type === "pre") parent.language ??= top.language;
      else pushEntity(entities, makeEntity(top, text.length));
      i = close + 1;
      continue;
    }
    const name = /^[a-zA-Z0-9-]*/.exec(input.slice(i + 1))![0].toLowerCase();
    const type = HTML_TAGS[name];
    if (!type) cantParse(`Unsupported start tag "${name}" at byte offset ${byteOffset(input, i)}`);
    if (close < 0) cantParse(`Unclosed start tag at byte offset ${byteOffset(input, i)}`);
    const attributes = parseAttributes(input.slice(i + 1 + name.length, close));
    if (name === "span" && attributes.class !== "tg-spoiler") {
      cantParse(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(input, i)}`);
    }
    const open: OpenEntity = { type, name, start: text.length, inputIndex: i };
    if (type === "text_link") open.url = attributes.href ?? "";
    if (type === "custom_emoji") open.customEmojiId = attributes["emoji-id"] ?? "";
    if (type === "code" && attributes.class?.startsWith("language-")) open.language = attributes.class.slice(9);
    if (type === "blockquote" && "expandable" in attributes) open.type = "expandable_blockquote";
    stack.push(open);
    i = close + 1;
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed) cantParse(`Can't find end tag corresponding to start tag "${unclosed.name}"`);
  return { text, entities: sortEntities(entities) };
}

// ---------------------------------------------------------------- shared

function pushEntity(entities: MessageEntity[], entity: MessageEntity | undefined): void {
  if (entity) entities.push(entity);
}

function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  return entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
}

/** Telegram strips leading and trailing whitespace from message texts, shifting entities with it. */
export function trimFormatted(formatted: FormattedText): FormattedText {
  const { text } = formatted;
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  if (lead === 0 && trimmed.length === text.length) return formatted;
  const entities: MessageEntity[] = [];
  for (const entity of formatted.entities) {
    const start = Math.max(0, entity.offset - lead);
    const end = Math.min(trimmed.length, entity.offset + entity.length - lead);
    if (end > start) entities.push({ ...entity, offset: start, length: end - start });
  }
  return { text: trimmed, entities };
}

const PARSERS: Record<string, (input: string) => FormattedText> = {
  markdown: parseMarkdown,
  markdownv2: parseMarkdownV2,
  html: parseHtml,
};

/** Parses text under a parse_mode the way Telegram does (mode names are case-insensitive). */
export function parseFormatted(input: string, parseMode: string | undefined): FormattedText {
  if (!parseMode) return { text: input, entities: [] };
  const parser = PARSERS[parseMode.toLowerCase()];
  if (!parser) throw badRequest("unsupported parse_mode");
  return parser(input);
}
