// The fake's world: bots, their chats and update queues, the messages delivered, and the shared services
// (files, faults, rate limits, stats, log). Methods and the user client both work on this state.
import type { EventEmitter } from "node:events";
import type { BotCommand, Chat, Message, Update, User, UserFromGetMe } from "grammy/types";
import { badRequest, forbidden, TEXT } from "./errors.js";
import { FaultInjector } from "./faults.js";
import { FileStore } from "./files.js";
import { platformProfile, updateType, type PlatformProfile } from "./platform.js";
import { resolveOptions, type ResolvedOptions } from "./options.js";
import { seededRandom, type Random } from "./random.js";
import { RateLimiter } from "./rate-limit.js";
import { RequestLog } from "./request-log.js";
import { UpdateQueue } from "./update-queue.js";
import type {
  BotSpec,
  CallbackAnswer,
  FakeBotApiEvents,
  FakeBotApiOptions,
  FakeBotApiStats,
  ParseModeUse,
  PendingCallbackQuery,
  SentMessage,
} from "./types.js";

/** A message as it appears in reply_to_message: without its own reply (Telegram nests one level only). */
export function asReplyTarget(message: Message): Message & { reply_to_message: undefined } {
  const flat = { ...message };
  delete flat.reply_to_message;
  return flat as Message & { reply_to_message: undefined };
}

/** One bot message in a chat, with its edits and deletion. */
export class SentRecord implements SentMessage {
  history: Message[] = [];
  deleted = false;
  parseModes: (string | undefined)[];
  changedSeq: number;

  constructor(
    readonly token: string,
    readonly chatId: number,
    readonly method: string,
    public message: Message,
    public replyMarkup: unknown,
    parseMode: string | undefined,
    readonly params: Record<string, unknown>,
    readonly sentAt: number,
    readonly seq: number,
  ) {
    this.parseModes = [parseMode];
    this.changedSeq = seq;
  }

  get messageId(): number {
    return this.message.message_id;
  }

  get text(): string | undefined {
    return this.message.text ?? this.message.caption;
  }
}

export type ChatListener = (record: SentRecord) => void;

export class ChatState {
  /** Every live message of the chat (the users' and the bot's), current versions. */
  readonly messages = new Map<number, Message>();
  /** The bot's messages in delivery order, deleted ones included. */
  readonly sent: SentRecord[] = [];
  readonly sentById = new Map<number, SentRecord>();
  private readonly sentTexts = new Set<string>();
  private readonly listeners = new Set<ChatListener>();
  private nextMessageId = 1;
  /** Bumped on every delivery or change; user clients wait from a position in it. */
  seq = 0;
  blocked = false;

  constructor(
    readonly bot: BotState,
    public chat: Chat,
    /** False until the user starts the bot: sends answer 403 "bot can't initiate conversation". */
    public started: boolean,
  ) {}

  get id(): number {
    return this.chat.id;
  }

  get isGroup(): boolean {
    return this.chat.type === "group" || this.chat.type === "supergroup";
  }

  /** Message ids are per chat and shared by both sides, as in a Telegram private chat. */
  newMessage(from: User, date: number, fields: Partial<Message>): Message {
    return { message_id: this.nextMessageId++, from, chat: this.chat, date, ...fields } as Message;
  }

  /** True when this exact text was already sent here (for the duplicates counter). */
  rememberText(text: string | undefined): boolean {
    if (text === undefined) return false;
    if (this.sentTexts.has(text)) return true;
    this.sentTexts.add(text);
    return false;
  }

  subscribe(listener: ChatListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(record: SentRecord): void {
    for (const listener of this.listeners) listener(record);
  }
}

export interface CallbackQueryState {
  info: PendingCallbackQuery;
  expiresAt: number;
  settle?: (answer: CallbackAnswer) => void;
}

export interface WebhookConfig {
  url: string;
  secretToken?: string;
  maxConnections: number;
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

export class BotState {
  readonly me: UserFromGetMe;
  readonly updates: UpdateQueue;
  readonly chats = new Map<number, ChatState>();
  readonly callbackQueries = new Map<string, CallbackQueryState>();
  /** setMyCommands per scope and language. */
  readonly commands = new Map<string, BotCommand[]>();
  /** Last allowed_updates given by getUpdates or setWebhook (undefined: the platform's default set). */
  allowedUpdates: string[] | undefined;
  webhook: WebhookConfig | undefined;
  /** Pushes the queue to the webhook; attached by the server. */
  delivery: { kick(): void; stop(): void } | undefined;
  /** For Telegram's poll throttle: the previous getUpdates offset and when it came. */
  lastPoll: { offset: number; at: number } | undefined;

  constructor(
    readonly token: string,
    spec: BotSpec,
    firstUpdateId: number,
  ) {
    const id = spec.id ?? Number(token.split(":")[0]);
    if (!Number.isSafeInteger(id)) throw new Error(`bot id missing and not in token: ${token}`);
    this.me = {
      id,
      is_bot: true,
      first_name: spec.firstName ?? "Peygir Test Bot",
      username: spec.username ?? `test${id}_bot`,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
    } as UserFromGetMe;
    this.updates = new UpdateQueue(firstUpdateId);
  }

  /** The bot as the `from` of its messages. */
  get user(): User {
    return { id: this.me.id, is_bot: true, first_name: this.me.first_name, username: this.me.username };
  }

  isAllowed(type: string, profile: PlatformProfile): boolean {
    const allowed = this.allowedUpdates;
    return allowed && allowed.length > 0 ? allowed.includes(type) : profile.isDefaultAllowed(type);
  }
}

export function emptyStats(): FakeBotApiStats {
  return {
    accepted: {},
    delivered: 0,
    edits: 0,
    rateLimited: 0,
    faults: 0,
    blocked: 0,
    errors: 0,
    duplicates: 0,
    updates: 0,
    updatesFiltered: 0,
    webhookPosts: 0,
    webhookFailures: 0,
  };
}

export class World {
  readonly options: ResolvedOptions;
  readonly profile: PlatformProfile;
  readonly random: Random;
  readonly files: FileStore;
  readonly faults: FaultInjector;
  readonly limiter: RateLimiter;
  readonly log: RequestLog;
  readonly stats: FakeBotApiStats = emptyStats();
  readonly bots = new Map<string, BotState>();
  /** Every bot message in delivery order, across bots and chats. */
  readonly allSent: SentRecord[] = [];
  readonly missingMethods: ReadonlySet<string>;
  /** Every request that carried parse_mode (Bale has none: tests assert this stays empty there). */
  readonly parseModes: ParseModeUse[] = [];
  private nextUserId: number;
  private nextGroupId = -1_001_000_000_001;
  private nextCallbackSerial = 1;

  constructor(
    options: FakeBotApiOptions,
    readonly events: EventEmitter<FakeBotApiEvents>,
  ) {
    if (options.bots.length === 0) throw new Error("startFakeBotApi: at least one bot is needed");
    this.profile = platformProfile(options.platform);
    this.options = resolveOptions(options, this.profile);
    this.random = seededRandom(this.options.seed);
    this.files = new FileStore(this.profile, this.random);
    this.faults = new FaultInjector(this.random);
    this.limiter = new RateLimiter(this.options.rateLimit);
    this.log = new RequestLog(this.options.requestLog);
    this.missingMethods = new Set(this.options.missingMethods.map((m) => m.toLowerCase()));
    this.nextUserId = this.profile.userIdBase;
    for (const spec of options.bots) {
      const firstId = options.firstUpdateId ?? this.profile.firstUpdateId(this.random);
      this.bots.set(spec.token, new BotState(spec.token, spec, firstId));
    }
  }

  now(): number {
    return this.options.now();
  }

  unixNow(): number {
    return Math.floor(this.now() / 1000);
  }

  /** The bot for a token; without one, the first bot. */
  bot(token?: string): BotState {
    const bot = token === undefined ? this.bots.values().next().value : this.bots.get(token);
    if (!bot) throw new Error(`fake Bot API: unknown bot token ${token}`);
    return bot;
  }

  newUserId(): number {
    return this.nextUserId++;
  }

  newGroupId(): number {
    return this.nextGroupId--;
  }

  /** Callback query ids are long decimal strings on Telegram. */
  newCallbackQueryId(): string {
    return String(4_100_000_000_000_000_000n + BigInt(this.nextCallbackSerial++));
  }

  /** The chat a request names in chat_id, with the API's errors for a missing or unknown one. */
  chatFor(bot: BotState, chatId: string | undefined): ChatState {
    if (chatId === undefined || chatId === "") throw badRequest("chat_id is empty");
    const chat = bot.chats.get(Number(chatId));
    if (!chat) throw badRequest("chat not found");
    return chat;
  }

  /** The chat a message goes to: also refuses chats the bot may not write to. */
  writableChat(bot: BotState, chatId: string | undefined): ChatState {
    const chat = this.chatFor(bot, chatId);
    if (!chat.started) throw forbidden(TEXT.cantInitiate);
    return chat;
  }

  /**
   * Queues an update for a bot as the platform would create it: kinds the platform lacks are an error in
   * the test, kinds the bot did not ask for are never created (Telegram: allowed_updates).
   */
  pushUpdate(bot: BotState, body: Omit<Update, "update_id">): Update | undefined {
    const type = updateType(body);
    if (this.profile.updateTypes && !this.profile.updateTypes.has(type)) {
      throw new Error(`fake Bot API: ${this.profile.name} has no "${type}" updates`);
    }
    if (!bot.isAllowed(type, this.profile)) {
      this.stats.updatesFiltered++;
      return undefined;
    }
    const update = bot.updates.push(body);
    this.stats.updates++;
    this.events.emit("update", bot.token, update);
    return update;
  }

  deliver(
    chat: ChatState,
    method: string,
    message: Message,
    details: { replyMarkup: unknown; parseMode: string | undefined; params: Record<string, unknown> },
  ): SentRecord {
    const record = new SentRecord(
      chat.bot.token,
      chat.id,
      method,
      message,
      details.replyMarkup,
      details.parseMode,
      details.params,
      this.now(),
      ++chat.seq,
    );
    chat.messages.set(message.message_id, message);
    chat.sent.push(record);
    chat.sentById.set(message.message_id, record);
    this.allSent.push(record);
    this.stats.delivered++;
    if (chat.rememberText(record.text)) this.stats.duplicates++;
    this.events.emit("delivered", record);
    chat.notify(record);
    return record;
  }

  applyEdit(chat: ChatState, record: SentRecord, message: Message, details: { replyMarkup: unknown; parseMode: string | undefined }): void {
    record.history.push(record.message);
    record.message = message;
    record.replyMarkup = details.replyMarkup;
    record.parseModes.push(details.parseMode);
    record.changedSeq = ++chat.seq;
    chat.messages.set(message.message_id, message);
    this.stats.edits++;
    this.events.emit("edited", record);
    chat.notify(record);
  }

  deleteMessage(chat: ChatState, messageId: number): boolean {
    if (!chat.messages.delete(messageId)) return false;
    const record = chat.sentById.get(messageId);
    if (record) {
      record.deleted = true;
      record.changedSeq = ++chat.seq;
      this.events.emit("deleted", record);
      chat.notify(record);
    }
    return true;
  }
}
