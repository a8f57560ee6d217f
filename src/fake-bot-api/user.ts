// The other side of the chat: fake users (and groups) that talk to a bot. Every action creates the update
// the real platform would create — right shape, right ids — and queues it for getUpdates or the webhook.
import type { Chat, Message, MessageEntity, Update, User } from "grammy/types";
import { toDocument, toPhotoSizes } from "./files.js";
import { callbackDataOf } from "./markup.js";
import { asReplyTarget, ChatState, type BotState, type CallbackQueryState, type SentRecord, type World } from "./state.js";
import type { CallbackAnswer } from "./types.js";

export interface UserOptions {
  id?: number;
  firstName?: string;
  lastName?: string;
  username?: string;
  phone?: string;
  languageCode?: string;
  /** The bot this user talks to (its token); default the first bot. */
  bot?: string;
  /**
   * Whether the user has started the bot (default true). A user who has not gets
   * 403 "bot can't initiate conversation with a user" until they send something.
   */
  started?: boolean;
}

export interface GroupOptions {
  id?: number;
  title?: string;
  type?: "group" | "supergroup";
  bot?: string;
}

export interface FileToSend {
  fileName: string;
  mimeType?: string;
  /** Claimed size; may be huge (nothing is allocated). Defaults to the content's length. */
  size?: number;
  content?: string | Buffer;
  caption?: string;
}

export interface PhotoToSend {
  size?: number;
  width?: number;
  height?: number;
  content?: Buffer;
  caption?: string;
}

export type MessageMatch = RegExp | string | ((message: Message) => boolean);

export interface WaitOptions {
  timeoutMs?: number;
  /** Also consider messages from before this client's last action (default: only after it). */
  fromStart?: boolean;
}

const DEFAULT_WAIT_MS = 5_000;

function messageText(message: Message): string {
  return message.text ?? message.caption ?? (message.document ? `[document ${message.document.file_name ?? ""}]` : "[media]");
}

function toPredicate(match: MessageMatch): (message: Message) => boolean {
  if (typeof match === "function") return match;
  if (typeof match === "string") return (message) => (message.text ?? message.caption ?? "").includes(match);
  return (message) => match.test(message.text ?? message.caption ?? "");
}

/** A chat seen from the client side: what the bot sent there, and waiting for more. */
abstract class ChatView {
  /** Position in the chat's change sequence at this client's last action. */
  protected cursor = 0;

  constructor(
    protected readonly world: World,
    protected readonly chat: ChatState,
  ) {}

  get chatId(): number {
    return this.chat.id;
  }

  get token(): string {
    return this.chat.bot.token;
  }

  protected get bot(): BotState {
    return this.chat.bot;
  }

  /** The bot's messages still in the chat, edits applied, oldest first. */
  messages(): Message[] {
    return this.chat.sent.filter((r) => !r.deleted).map((r) => r.message);
  }

  lastMessage(): Message | undefined {
    const sent = this.chat.sent;
    for (let i = sent.length - 1; i >= 0; i--) if (!sent[i]!.deleted) return sent[i]!.message;
    return undefined;
  }

  /**
   * The whole conversation as a chat client shows it: the user's and the bot's live messages in
   * order, current versions, with the keyboard the bot attached (reply keyboards too) and whether
   * it was edited. `version` changes whenever anything in the chat does.
   */
  transcript(): { version: number; lines: { message: Message; fromBot: boolean; replyMarkup: unknown; edited: boolean }[] } {
    const lines = [...this.chat.messages.values()]
      .sort((a, b) => a.message_id - b.message_id)
      .map((message) => {
        const record = this.chat.sentById.get(message.message_id);
        return { message, fromBot: record !== undefined, replyMarkup: record?.replyMarkup, edited: (record?.history.length ?? 0) > 0 };
      });
    return { version: this.chat.seq * 100_000 + this.chat.messages.size, lines };
  }

  /** The first bot message (new or edited since this client's last action) that matches. */
  waitFor(match: MessageMatch, options: WaitOptions = {}): Promise<Message> {
    const test = toPredicate(match);
    const since = options.fromStart ? 0 : this.cursor;
    const accepts = (r: SentRecord) => !r.deleted && r.changedSeq > since && test(r.message);
    const found = this.chat.sent.find(accepts);
    if (found) return Promise.resolve(found.message);
    return this.waitUntil(accepts, (r) => r.message, `a bot message matching ${String(match)}`, options.timeoutMs);
  }

  /** Resolves once the chat holds at least n bot messages. */
  waitForCount(n: number, options: { timeoutMs?: number } = {}): Promise<Message[]> {
    const enough = () => this.messages().length >= n;
    if (enough()) return Promise.resolve(this.messages());
    return this.waitUntil(enough, () => this.messages(), `${n} bot messages`, options.timeoutMs);
  }

  private waitUntil<T>(
    accepts: (record: SentRecord) => boolean,
    result: (record: SentRecord) => T,
    what: string,
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const unsubscribe = this.chat.subscribe((record) => {
        if (!accepts(record)) return;
        unsubscribe();
        clearTimeout(timer);
        resolve(result(record));
      });
      const timer = setTimeout(() => {
        unsubscribe();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what} in ${this.describe()}.\n${this.recent()}`));
      }, timeoutMs);
    });
  }

  protected abstract describe(): string;

  /** The chat's last messages, for error messages. */
  protected recent(count = 8): string {
    const lines = [...this.chat.messages.values()].slice(-count).map((m) => {
      const who = m.from?.is_bot ? "bot" : (m.from?.first_name ?? "?");
      return `  #${m.message_id} ${who}${m.edit_date ? " (edited)" : ""}: ${JSON.stringify(messageText(m).slice(0, 200))}`;
    });
    return lines.length > 0 ? `Recent messages:\n${lines.join("\n")}` : "The chat is empty.";
  }

  /** A message from `from` in this chat, queued as an update. */
  protected post(from: User, fields: Partial<Message>): Message {
    const message = this.chat.newMessage(from, this.world.unixNow(), fields);
    this.chat.messages.set(message.message_id, message);
    this.cursor = this.chat.seq;
    this.world.pushUpdate(this.bot, { message } as Omit<Update, "update_id">);
    return message;
  }

  /** Commands get bot_command entities on Telegram; Bale sends bare text unless configured otherwise. */
  protected textFields(text: string): Partial<Message> {
    const { profile, options } = this.world;
    const withEntities = profile.name === "telegram" || options.baleCommandEntities;
    const entities: MessageEntity[] = [];
    if (withEntities) {
      for (const m of text.matchAll(/(?<![\w/])\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?/g)) {
        entities.push({ type: "bot_command", offset: m.index, length: m[0].length });
      }
    }
    return entities.length > 0 ? { text, entities } : { text };
  }

  protected replyField(toMessageId: number | undefined): Partial<Message> {
    if (toMessageId === undefined) return {};
    const target = this.chat.messages.get(toMessageId);
    if (!target) throw new Error(`fake user: message #${toMessageId} is not in ${this.describe()}`);
    return { reply_to_message: asReplyTarget(target) };
  }
}

export class FakeUser extends ChatView {
  constructor(
    world: World,
    chat: ChatState,
    readonly info: User,
    readonly phone: string | undefined,
  ) {
    super(world, chat);
  }

  get id(): number {
    return this.info.id;
  }

  get blocked(): boolean {
    return this.chat.blocked;
  }

  send(text: string, options: { replyTo?: number } = {}): Message {
    return this.say({ ...this.textFields(text), ...this.replyField(options.replyTo) });
  }

  /** command("/start", "INVITE") sends "/start INVITE" (a deep link's payload arrives like this). */
  command(command: string, arg?: string): Message {
    const name = command.startsWith("/") ? command : `/${command}`;
    return this.send(arg ? `${name} ${arg}` : name);
  }

  sendDocument(file: FileToSend, options: { replyTo?: number } = {}): Message {
    const content = typeof file.content === "string" ? Buffer.from(file.content) : file.content;
    const stored = this.world.files.add({
      token: this.token,
      kind: "document",
      size: file.size ?? content?.length ?? 0,
      fileName: file.fileName,
      mimeType: file.mimeType ?? "application/octet-stream",
      ...(content ? { content } : {}),
    });
    return this.say({ document: toDocument(stored), ...this.caption(file.caption), ...this.replyField(options.replyTo) });
  }

  sendPhoto(photo: PhotoToSend = {}, options: { replyTo?: number } = {}): Message {
    const stored = this.world.files.addPhoto({
      token: this.token,
      size: photo.size ?? photo.content?.length ?? 150_000,
      ...(photo.width ? { width: photo.width } : {}),
      ...(photo.height ? { height: photo.height } : {}),
      ...(photo.content ? { content: photo.content } : {}),
    });
    return this.say({ photo: toPhotoSizes(stored), ...this.caption(photo.caption), ...this.replyField(options.replyTo) });
  }

  /** Shares the user's phone (the answer to a request_contact keyboard button). */
  shareContact(phone = this.phone ?? "+989120000000"): Message {
    const contact = { phone_number: phone, first_name: this.info.first_name, user_id: this.id };
    return this.say({ contact: this.info.last_name ? { ...contact, last_name: this.info.last_name } : contact });
  }

  reply(toMessageId: number, content: string | FileToSend): Message {
    return typeof content === "string"
      ? this.send(content, { replyTo: toMessageId })
      : this.sendDocument(content, { replyTo: toMessageId });
  }

  /** Edits one of the user's own messages: the bot gets an edited_message update. */
  edit(messageId: number, newText: string): Message {
    const old = this.chat.messages.get(messageId);
    if (!old || old.from?.id !== this.id) throw new Error(`fake user: #${messageId} is not a message of user ${this.id}`);
    const edited: Message = { ...old, edit_date: this.world.unixNow() };
    delete edited.entities;
    Object.assign(edited, this.textFields(newText));
    this.chat.messages.set(messageId, edited);
    this.cursor = this.chat.seq;
    this.world.pushUpdate(this.bot, { edited_message: edited } as Omit<Update, "update_id">);
    return edited;
  }

  /**
   * Presses an inline button. Resolves with the bot's answerCallbackQuery, rejects if none comes in time.
   * The button must exist on the message as it is now, unless `force` (a stale client) is set.
   */
  async press(messageOrId: Message | number, data: string, options: { timeoutMs?: number; force?: boolean } = {}): Promise<CallbackAnswer> {
    const id = typeof messageOrId === "number" ? messageOrId : messageOrId.message_id;
    const message = this.chat.messages.get(id);
    if (!message) throw new Error(`fake user: message #${id} is not in ${this.describe()}`);
    const buttons = callbackDataOf(message.reply_markup);
    if (!options.force && !buttons.includes(data)) {
      throw new Error(
        `fake user: message #${id} has no button with callback_data ${JSON.stringify(data)} (has ${JSON.stringify(buttons)})`,
      );
    }
    const queryId = this.world.newCallbackQueryId();
    const now = this.world.now();
    const query: CallbackQueryState = {
      info: { token: this.token, id: queryId, chatId: this.chatId, messageId: id, data, createdAt: now, expired: false },
      expiresAt: now + this.world.options.callbackQueryTtlMs,
    };
    this.bot.callbackQueries.set(queryId, query);
    this.cursor = this.chat.seq;
    this.world.pushUpdate(this.bot, {
      callback_query: { id: queryId, from: this.info, message, chat_instance: String(this.chatId * 7 + this.bot.me.id), data },
    });
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
    return new Promise<CallbackAnswer>((resolve, reject) => {
      const timer = setTimeout(() => {
        query.settle = undefined;
        reject(
          new Error(
            `Callback query ${JSON.stringify(data)} on message #${id} was not answered within ${timeoutMs} ms in ${this.describe()}.\n${this.recent()}`,
          ),
        );
      }, timeoutMs);
      query.settle = (answer) => {
        clearTimeout(timer);
        resolve(answer);
      };
    });
  }

  /** The user blocks the bot: sends answer 403. Telegram also tells the bot (my_chat_member). */
  block(): void {
    if (this.chat.blocked) return;
    this.chat.blocked = true;
    this.memberUpdate("member", "kicked");
  }

  unblock(): void {
    if (!this.chat.blocked) return;
    this.chat.blocked = false;
    this.memberUpdate("kicked", "member");
  }

  protected describe(): string {
    return `chat ${this.chatId} (${this.info.first_name}${this.info.username ? ` @${this.info.username}` : ""})`;
  }

  private caption(caption: string | undefined): Partial<Message> {
    return caption === undefined ? {} : { caption };
  }

  /** A user message: writing to the bot starts the chat, and (as with Telegram's Restart) unblocks it. */
  private say(fields: Partial<Message>): Message {
    this.unblock();
    this.chat.started = true;
    return this.post(this.info, fields);
  }

  private memberUpdate(from: "member" | "kicked", to: "member" | "kicked"): void {
    if (!this.world.profile.chatMemberUpdates) return;
    const member = (status: "member" | "kicked") =>
      status === "kicked" ? { status, user: this.bot.user, until_date: 0 } : { status, user: this.bot.user };
    this.world.pushUpdate(this.bot, {
      my_chat_member: {
        chat: this.chat.chat,
        from: this.info,
        date: this.world.unixNow(),
        old_chat_member: member(from),
        new_chat_member: member(to),
      },
    } as Omit<Update, "update_id">);
  }
}

export class FakeGroup extends ChatView {
  get title(): string {
    return (this.chat.chat as Chat.GroupChat).title;
  }

  /** A member writes in the group. */
  send(from: FakeUser, text: string, options: { replyTo?: number } = {}): Message {
    return this.post(from.info, { ...this.textFields(text), ...this.replyField(options.replyTo) });
  }

  protected describe(): string {
    return `group ${this.chatId} (${this.title})`;
  }
}

export function createUser(world: World, options: UserOptions = {}): FakeUser {
  const bot = world.bot(options.bot);
  const id = options.id ?? world.newUserId();
  const info: User = {
    id,
    is_bot: false,
    first_name: options.firstName ?? `User ${id}`,
    ...(options.lastName ? { last_name: options.lastName } : {}),
    ...(options.username ? { username: options.username } : {}),
    language_code: options.languageCode ?? "fa",
  };
  let chat = bot.chats.get(id);
  if (!chat) {
    const privateChat: Chat.PrivateChat = { id, type: "private", first_name: info.first_name };
    if (info.last_name) privateChat.last_name = info.last_name;
    if (info.username) privateChat.username = info.username;
    chat = new ChatState(bot, privateChat, options.started ?? true);
    bot.chats.set(id, chat);
  }
  return new FakeUser(world, chat, info, options.phone);
}

export function createGroup(world: World, options: GroupOptions = {}): FakeGroup {
  const bot = world.bot(options.bot);
  const id = options.id ?? world.newGroupId();
  let chat = bot.chats.get(id);
  if (!chat) {
    const title = options.title ?? `Group ${-id}`;
    const group: Chat = options.type === "group" ? { id, type: "group", title } : { id, type: "supergroup", title };
    chat = new ChatState(bot, group, true);
    bot.chats.set(id, chat);
  }
  return new FakeGroup(world, chat);
}
