// A small JSON control API under /_fake/ so a person can play users with curl while the real bot runs
// against the fake (see README.md). It drives the same FakeUser objects the tests use.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Message } from "grammy/types";
import { isRecord } from "./params.js";
import type { FakeBotApi } from "./server.js";
import type { FaultRule, SentMessage } from "./types.js";
import type { FakeUser, FileToSend } from "./user.js";

type Body = Record<string, unknown>;
type Handler = (api: FakeBotApi, match: RegExpExecArray, body: Body, url: URL) => unknown;

class ControlError extends Error {}

function need<T>(value: unknown, name: string, type: "string" | "number"): T {
  if (typeof value !== type) throw new ControlError(`"${name}" (${type}) is required`);
  return value as T;
}

function botOf(body: Body, url: URL): string | undefined {
  return typeof body.bot === "string" ? body.bot : (url.searchParams.get("bot") ?? undefined);
}

/** The user with this id, created on first use so that curl needs no setup step. */
function userOf(api: FakeBotApi, match: RegExpExecArray, body: Body, url: URL): FakeUser {
  const bot = botOf(body, url);
  return api.user({ id: Number(match[1]), ...(bot ? { bot } : {}) });
}

function summary(record: SentMessage) {
  const { message } = record;
  return {
    message_id: record.messageId,
    text: record.text,
    reply_markup: message.reply_markup,
    document: message.document,
    edited: record.history.length > 0,
    deleted: record.deleted,
    history: record.history.map((m: Message) => m.text ?? m.caption),
  };
}

const routes: [string, RegExp, Handler][] = [
  ["GET", /^\/_fake\/?$/, (api) => ({ platform: api.platform, url: api.url, bots: api.bots, stats: api.stats })],
  ["GET", /^\/_fake\/stats$/, (api) => api.stats],
  ["GET", /^\/_fake\/requests$/, (api, _m, _b, url) => api.requests.slice(-Number(url.searchParams.get("limit") ?? 50))],
  ["GET", /^\/_fake\/callback-queries$/, (api) => api.unansweredCallbackQueries()],
  ["GET", /^\/_fake\/chats\/(-?\d+)\/messages$/, (api, m, b, url) => api.sent(Number(m[1]), botOf(b, url)).map(summary)],
  [
    "POST",
    /^\/_fake\/users$/,
    (api, _m, body) => {
      const user = api.user(body as Parameters<FakeBotApi["user"]>[0]);
      return { id: user.id, chatId: user.chatId, bot: user.token };
    },
  ],
  [
    "POST",
    /^\/_fake\/users\/(\d+)\/send$/,
    (api, m, b, url) =>
      userOf(api, m, b, url).send(need(b.text, "text", "string"), typeof b.replyTo === "number" ? { replyTo: b.replyTo } : {}),
  ],
  [
    "POST",
    /^\/_fake\/users\/(\d+)\/command$/,
    (api, m, b, url) => userOf(api, m, b, url).command(need(b.command, "command", "string"), typeof b.arg === "string" ? b.arg : undefined),
  ],
  ["POST", /^\/_fake\/users\/(\d+)\/document$/, (api, m, b, url) => userOf(api, m, b, url).sendDocument(b as unknown as FileToSend)],
  ["POST", /^\/_fake\/users\/(\d+)\/photo$/, (api, m, b, url) => userOf(api, m, b, url).sendPhoto(b)],
  [
    "POST",
    /^\/_fake\/users\/(\d+)\/contact$/,
    (api, m, b, url) => userOf(api, m, b, url).shareContact(typeof b.phone === "string" ? b.phone : undefined),
  ],
  [
    "POST",
    /^\/_fake\/users\/(\d+)\/edit$/,
    (api, m, b, url) => userOf(api, m, b, url).edit(need(b.messageId, "messageId", "number"), need(b.text, "text", "string")),
  ],
  [
    "POST",
    /^\/_fake\/users\/(\d+)\/press$/,
    (api, m, b, url) =>
      userOf(api, m, b, url).press(need(b.messageId, "messageId", "number"), need(b.data, "data", "string"), {
        timeoutMs: typeof b.timeoutMs === "number" ? b.timeoutMs : 10_000,
        force: b.force === true,
      }),
  ],
  ["POST", /^\/_fake\/users\/(\d+)\/block$/, (api, m, b, url) => (userOf(api, m, b, url).block(), { blocked: true })],
  ["POST", /^\/_fake\/users\/(\d+)\/unblock$/, (api, m, b, url) => (userOf(api, m, b, url).unblock(), { blocked: false })],
  ["GET", /^\/_fake\/users\/(\d+)\/messages$/, (api, m, b, url) => userOf(api, m, b, url).messages()],
  [
    "POST",
    /^\/_fake\/updates$/,
    (api, _m, b, url) => {
      if (!isRecord(b.update)) throw new ControlError(`"update" (object) is required`);
      return api.pushUpdate(botOf(b, url) ?? api.tokens[0]!, b.update) ?? { filtered: true };
    },
  ],
  ["POST", /^\/_fake\/updates\/(\d+)\/redeliver$/, (api, m, b, url) => api.redeliver(botOf(b, url) ?? api.tokens[0]!, Number(m[1]))],
  ["POST", /^\/_fake\/faults$/, (api, _m, b) => api.faults.add(b as FaultRule).rule],
  ["DELETE", /^\/_fake\/faults$/, (api) => (api.faults.clear(), { cleared: true })],
];

async function readJson(req: IncomingMessage): Promise<Body> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (text === "") return {};
  const value: unknown = JSON.parse(text);
  if (!isRecord(value)) throw new ControlError("the body must be a JSON object");
  return value;
}

function reply(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value ?? null, null, 2);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

export async function handleControl(api: FakeBotApi, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  for (const [verb, pattern, handler] of routes) {
    const match = pattern.exec(url.pathname);
    if (!match || verb !== req.method) continue;
    try {
      const body = verb === "GET" ? {} : await readJson(req);
      reply(res, 200, await handler(api, match, body, url));
    } catch (error) {
      // Mostly misuse (unknown message, no such button, unanswered press): the message says which.
      reply(res, 400, { error: (error as Error).message });
    }
    return;
  }
  reply(res, 404, { error: "no such control route", routes: routes.map(([verb, pattern]) => `${verb} ${pattern.source}`) });
}
