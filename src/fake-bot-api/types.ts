// Public types of the fake Bot API: options, records the tests read, and hooks.
// Telegram object shapes come from grammY's own type package so the fake cannot drift from them.
import type { InlineKeyboardMarkup, Message, Update } from "grammy/types";

export type Platform = "telegram" | "bale";

export interface BotSpec {
  token: string;
  /** Defaults to the number before the ':' in the token. */
  id?: number;
  username?: string;
  firstName?: string;
}

export interface RateLimitOptions {
  /** Messages per second per bot, across all chats (Telegram: ~30). */
  globalPerSecond?: number;
  /** Messages per second to one chat (Telegram: ~1). */
  perChatPerSecond?: number;
  /** Messages per minute to one group or supergroup (Telegram: 20). */
  perGroupPerMinute?: number;
  /**
   * Which methods count. Default: every method that puts or changes a message in a chat —
   * sendMessage, sendDocument, sendPhoto, editMessageText, editMessageCaption, editMessageReplyMarkup.
   * Not counted: deleteMessage, answerCallbackQuery, sendChatAction, get*, set*.
   */
  methods?: readonly string[];
}

export interface FaultRule {
  /** Method name(s) to match (case-insensitive); omitted: every method, getUpdates included. */
  method?: string | readonly string[];
  /** Matches requests whose chat_id equals this. */
  chatId?: number | string;
  /** Matches one bot only. */
  token?: string;
  /** Answer with this error status. */
  status?: 429 | 500 | 502 | 403 | 400 | number;
  /** For 429: the retry_after to announce (seconds, default 1). */
  retryAfter?: number;
  /** Overrides the default description of the status. */
  description?: string;
  /** Answer like the nginx in front of the real API does on outages: an HTML page, not JSON. */
  html?: boolean;
  /** Destroy the socket without answering; nothing is delivered. */
  drop?: boolean;
  /** Deliver normally, then destroy the socket instead of answering: the bot never learns it succeeded. */
  dropAfterDelivery?: boolean;
  /** Wait this long before handling the request (applied with or without another effect). */
  delayMs?: number;
  /** Apply at most this many times, then the rule disappears. */
  times?: number;
  /** Apply to each matching request with this probability (0..1). */
  probability?: number;
  /** Seed for this rule's own PRNG (else the server's seeded PRNG is used). */
  seed?: number;
}

export interface FakeBotApiOptions {
  platform: Platform;
  bots: readonly BotSpec[];
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** First update_id. Default: 0 on Bale, 100000000 + a seeded random number on Telegram. */
  firstUpdateId?: number;
  /** Seed for every generated random value (ids, fault probabilities). */
  seed?: number;
  rateLimit?: RateLimitOptions;
  /** Methods answering 404 as if they did not exist. Default on Bale: setMyCommands, sendChatAction. */
  missingMethods?: readonly string[];
  /** Bale: commands typed by users arrive without a bot_command entity unless this is true. */
  baleCommandEntities?: boolean;
  /** Bale: answer 400 to any request carrying parse_mode (it is always recorded either way). */
  baleStrictParseMode?: boolean;
  /**
   * Telegram's server throttles pollers that repeat an offset: within 3 s a timeout below 3 becomes 3,
   * within 0.5 s the limit becomes 1 (telegram-bot-api's Client::process_get_updates_query).
   * Default false: it changes only timing, and would make every grammY bot.stop() soon after a poll take 3 s.
   */
  pollThrottle?: boolean;
  /** Request log: false disables it (benchmarks); a number caps it (default 10,000 entries). */
  requestLog?: boolean | number;
  /** A callback query can be answered for this long (default 15 s). */
  callbackQueryTtlMs?: number;
  /** First webhook retry delay; doubles per failure up to webhookRetryMaxMs. Default 100 ms / 5 s. */
  webhookRetryMs?: number;
  webhookRetryMaxMs?: number;
  /** How long a webhook POST may take before it counts as failed (default 10 s). */
  webhookTimeoutMs?: number;
  /** Largest upload accepted (default 50 MB, Telegram's limit); larger answers 413. */
  maxUploadBytes?: number;
  /** Largest file getFile serves (default 20 MB, Telegram's limit); larger answers "file is too big". */
  maxDownloadBytes?: number;
  /** Uploaded bytes kept in memory per file (default 10 MB); past that downloads return filler bytes. */
  keepFileContentBytes?: number;
  /** Clock in milliseconds (message dates, rate limits). Default Date.now. */
  now?: () => number;
}

/** One bot message as delivered to a chat, with its later life (edits, deletion). */
export interface SentMessage {
  token: string;
  chatId: number;
  messageId: number;
  method: string;
  /** Current version, edits applied; exactly what the API returned for it (or for the last edit). */
  message: Message;
  /** Previous versions, oldest first. */
  history: Message[];
  /** The text or caption as it reads now. */
  readonly text: string | undefined;
  /** reply_markup as the bot sent it (reply keyboards too, which Telegram does not echo in Message). */
  replyMarkup: unknown;
  /** parse_mode of the send and of each edit, as the bot sent them (undefined when absent). */
  parseModes: (string | undefined)[];
  /** Parameters of the send request. */
  params: Record<string, unknown>;
  deleted: boolean;
  sentAt: number;
  /** Position in the chat's change sequence of the delivery and of the last change. */
  seq: number;
  changedSeq: number;
}

export interface RequestLogEntry {
  time: number;
  token: string;
  method: string;
  params: Record<string, unknown>;
  status: number;
  /** "dropped" when the socket was destroyed by a fault. */
  outcome: "answered" | "dropped";
  description?: string;
  durationMs: number;
}

export interface FakeBotApiStats {
  /** Successful calls per method. */
  accepted: Record<string, number>;
  /** Messages that reached a chat (sends; edits not counted). */
  delivered: number;
  edits: number;
  /** 429s given by the rate limiter. */
  rateLimited: number;
  /** Requests a fault rule acted on. */
  faults: number;
  /** 403s because the user blocked the bot. */
  blocked: number;
  /** Other error answers (4xx/5xx not counted above). */
  errors: number;
  /** Sends whose text (or caption) repeats one the bot already sent to the same chat. */
  duplicates: number;
  /** Updates created, and those dropped because allowed_updates excluded them. */
  updates: number;
  updatesFiltered: number;
  webhookPosts: number;
  webhookFailures: number;
}

/** A request that carried parse_mode. */
export interface ParseModeUse {
  token: string;
  method: string;
  chatId: string | undefined;
  parseMode: string;
}

export interface CallbackAnswer {
  text?: string;
  show_alert?: boolean;
  url?: string;
  cache_time?: number;
}

export interface PendingCallbackQuery {
  token: string;
  id: string;
  chatId: number;
  messageId: number;
  data: string;
  createdAt: number;
  expired: boolean;
}

export interface FakeBotApiEvents {
  request: [entry: RequestLogEntry];
  delivered: [sent: SentMessage];
  edited: [sent: SentMessage];
  deleted: [sent: SentMessage];
  update: [token: string, update: Update];
  callbackAnswered: [query: PendingCallbackQuery, answer: CallbackAnswer];
  webhookError: [token: string, error: string];
}

export type { InlineKeyboardMarkup, Message, Update };
