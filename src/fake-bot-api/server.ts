// The fake Bot API server: a real node:http server speaking Telegram's or Bale's Bot API, plus the
// in-memory introspection tests use. Routes:
//   {root}/bot<token>/<method>        the Bot API (GET or POST; JSON, urlencoded or multipart)
//   {root}/file/bot<token>/<path>     file downloads
//   {root}/_fake/...                  control API for trying the bot by hand (see control.ts)
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { BotCommand, Update, UserFromGetMe } from "grammy/types";
import { parseBody } from "./body.js";
import { handleControl } from "./control.js";
import { errorOutcome, execute, type Outcome } from "./dispatch.js";
import { ApiError, notFound } from "./errors.js";
import type { FaultHandle } from "./faults.js";
import { stableStringify } from "./markup.js";
import type { Params } from "./params.js";
import { World } from "./state.js";
import type {
  FakeBotApiEvents,
  FakeBotApiOptions,
  FakeBotApiStats,
  FaultRule,
  ParseModeUse,
  PendingCallbackQuery,
  Platform,
  RequestLogEntry,
  SentMessage,
} from "./types.js";
import { createGroup, createUser, type FakeGroup, type FakeUser, type GroupOptions, type UserOptions } from "./user.js";
import { WebhookDelivery } from "./webhook.js";

export interface FaultControl {
  add(rule: FaultRule): FaultHandle;
  clear(): void;
  list(): FaultHandle[];
}

function writeOutcome(req: IncomingMessage, res: ServerResponse, outcome: Outcome): void {
  if (outcome.kind === "drop") {
    req.socket.destroy();
    return;
  }
  res.writeHead(outcome.status, {
    "content-type": outcome.contentType,
    "content-length": Buffer.byteLength(outcome.body),
  });
  res.end(outcome.body);
}

/** Streams `size` filler bytes for files whose content was only claimed, without allocating them. */
function filler(size: number): Readable {
  const chunk = Buffer.alloc(Math.min(size, 64 * 1024));
  return Readable.from(
    (function* () {
      for (let left = size; left > 0; left -= chunk.length) yield left >= chunk.length ? chunk : chunk.subarray(0, left);
    })(),
  );
}

export class FakeBotApi extends EventEmitter<FakeBotApiEvents> {
  readonly platform: Platform;
  private readonly world: World;
  private readonly server: Server;
  private readonly deliveries: WebhookDelivery[] = [];
  private readonly users = new Map<string, FakeUser>();
  private address: AddressInfo | undefined;

  constructor(options: FakeBotApiOptions) {
    super();
    this.platform = options.platform;
    this.world = new World(options, this);
    for (const bot of this.world.bots.values()) {
      const delivery = new WebhookDelivery(this.world, bot, (token, params) => this.runWebhookReply(token, params));
      bot.delivery = delivery;
      this.deliveries.push(delivery);
    }
    this.server = createServer((req, res) => void this.route(req, res));
    // Bot clients keep connections alive; a server closing idle sockets first makes spurious ECONNRESETs.
    this.server.keepAliveTimeout = 120_000;
    this.server.headersTimeout = 121_000;
  }

  async listen(): Promise<this> {
    const { host, port } = this.world.options;
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, host, () => resolve());
    });
    this.address = this.server.address() as AddressInfo;
    return this;
  }

  /** The API root to give the bot (grammY's `client.apiRoot`), e.g. http://127.0.0.1:PORT. */
  get url(): string {
    return `http://${this.world.options.host}:${this.port}`;
  }

  get port(): number {
    return this.address?.port ?? 0;
  }

  // ------------------------------------------------------------ introspection

  get bots(): UserFromGetMe[] {
    return [...this.world.bots.values()].map((bot) => bot.me);
  }

  get tokens(): string[] {
    return [...this.world.bots.keys()];
  }

  get faults(): FaultControl {
    const injector = this.world.faults;
    return { add: (rule) => injector.add(rule), clear: () => injector.clear(), list: () => injector.list() };
  }

  /** Live counters (the same object; read, do not keep a copy expecting it to change). */
  get stats(): FakeBotApiStats {
    return this.world.stats;
  }

  /** The request log, oldest first (empty when disabled with requestLog: false). */
  get requests(): RequestLogEntry[] {
    return this.world.log.entries();
  }

  clearRequests(): void {
    this.world.log.clear();
  }

  /** Every request that carried parse_mode (on Bale a correct bot leaves this empty). */
  get parseModes(): readonly ParseModeUse[] {
    return this.world.parseModes;
  }

  /** The bot's messages to a chat in delivery order, edits applied, deleted ones flagged. */
  sent(chatId: number, token?: string): SentMessage[] {
    if (token !== undefined) return [...(this.world.bot(token).chats.get(chatId)?.sent ?? [])];
    return this.world.allSent.filter((record) => record.chatId === chatId);
  }

  allSent(): SentMessage[] {
    return [...this.world.allSent];
  }

  unansweredCallbackQueries(token?: string): PendingCallbackQuery[] {
    const now = this.world.now();
    const bots = token === undefined ? [...this.world.bots.values()] : [this.world.bot(token)];
    return bots.flatMap((bot) => [...bot.callbackQueries.values()].map((query) => ({ ...query.info, expired: now > query.expiresAt })));
  }

  pendingUpdates(token?: string): number {
    return this.world.bot(token).updates.size;
  }

  webhook(token?: string): { url: string; secretToken?: string } | undefined {
    const webhook = this.world.bot(token).webhook;
    return webhook && { url: webhook.url, ...(webhook.secretToken ? { secretToken: webhook.secretToken } : {}) };
  }

  commands(token?: string, scope: object = { type: "default" }, languageCode = ""): BotCommand[] {
    return this.world.bot(token).commands.get(`${stableStringify(scope)}|${languageCode}`) ?? [];
  }

  fileUrl(token: string, filePath: string): string {
    return `${this.url}/file/bot${token}/${filePath}`;
  }

  // ------------------------------------------------------------ acting

  /** A user in a private chat with a bot; the same id and bot give the same user. */
  user(options: UserOptions = {}): FakeUser {
    const token = this.world.bot(options.bot).token;
    const key = options.id === undefined ? undefined : `${token}:${options.id}`;
    const known = key && this.users.get(key);
    if (known) return known;
    const user = createUser(this.world, { ...options, bot: token });
    this.users.set(`${token}:${user.id}`, user);
    return user;
  }

  group(options: GroupOptions = {}): FakeGroup {
    return createGroup(this.world, options);
  }

  /** Queues a raw update (a fresh update_id is assigned; give the body without one). */
  pushUpdate(token: string, update: Omit<Update, "update_id"> | Update): Update | undefined {
    const body: Partial<Update> = { ...update };
    delete body.update_id;
    return this.world.pushUpdate(this.world.bot(token), body as Omit<Update, "update_id">);
  }

  /** Delivers an already-delivered update again with the same update_id (to test deduplication). */
  redeliver(token: string, updateId: number): Update {
    const update = this.world.bot(token).updates.redeliver(updateId);
    if (!update) throw new Error(`fake Bot API: no recent update ${updateId} for this bot`);
    return update;
  }

  async close(): Promise<void> {
    for (const bot of this.world.bots.values()) bot.updates.finishWaiter("closed");
    for (const delivery of this.deliveries) delivery.close();
    await new Promise((resolve) => setImmediate(resolve)); // let the answered long polls go out
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ------------------------------------------------------------ HTTP

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake");
    const path = url.pathname;
    try {
      if (path.startsWith("/bot")) return await this.apiRequest(req, res, url);
      if (path.startsWith("/file/bot")) return this.download(res, path.slice("/file/bot".length));
      if (path.startsWith("/_fake")) return await handleControl(this, req, res, url);
      writeOutcome(req, res, errorOutcome(notFound()));
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(500, "Internal Server Error");
      if (!(error instanceof ApiError)) console.error("fake Bot API:", error);
      if (!res.headersSent) writeOutcome(req, res, errorOutcome(apiError));
    }
  }

  private async apiRequest(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const rest = url.pathname.slice("/bot".length);
    const slash = rest.indexOf("/");
    const token = slash < 0 ? rest : rest.slice(0, slash);
    const method = slash < 0 ? "" : rest.slice(slash + 1);
    const { params, files } = await parseBody(req, url.searchParams, this.world.options);
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    const outcome = await execute(this.world, { token, method, params, files, signal: controller.signal });
    if (!res.destroyed) writeOutcome(req, res, outcome);
  }

  private download(res: ServerResponse, rest: string): void {
    const slash = rest.indexOf("/");
    const token = rest.slice(0, slash);
    const file =
      slash > 0 && this.world.bots.has(token) ? this.world.files.byFilePath(token, decodeURIComponent(rest.slice(slash + 1))) : undefined;
    if (!file) {
      const body = JSON.stringify(notFound().toBody());
      res.writeHead(404, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      res.end(body);
      return;
    }
    const length = file.content ? file.content.length : file.size;
    res.writeHead(200, { "content-type": file.mimeType ?? "application/octet-stream", "content-length": length });
    if (file.content) res.end(file.content);
    else filler(file.size).pipe(res);
  }

  /** A method the bot put in its answer to a webhook POST (Telegram runs it; its result is lost). */
  private async runWebhookReply(token: string, params: Params): Promise<void> {
    const { method, ...rest } = params;
    await execute(this.world, { token, method: String(method), params: rest, files: new Map(), signal: new AbortController().signal });
  }
}

export async function startFakeBotApi(options: FakeBotApiOptions): Promise<FakeBotApi> {
  return new FakeBotApi(options).listen();
}
