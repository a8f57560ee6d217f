/**
 * Conversation state lives in the database (ConversationState), so a conversation survives a
 * restart and any instance can continue it. The key is per chat.
 */
import { PrismaAdapter } from "@grammyjs/storage-prisma";
import type { ConversationStorage, ConversationData, VersionedState } from "@grammyjs/conversations";
import type { Db } from "../../db/client.js";
import { conversationStateValue } from "../../db/sql/conversation-state-value.js";
import type { BotContext } from "../context.js";

type State = VersionedState<ConversationData>;

/** Chats whose state a single process keeps in memory at most (the least recently used go first). */
const REMEMBERED_CHATS = 10_000;

/**
 * storage-prisma's adapter, made cheap to read: the conversations plugin reads the state of the
 * chat for every update (and it is empty for almost every chat), and Prisma's own cost per query
 * is what limits the bot under load (see bench/inbound.ts). So the read is one plain SQL query,
 * and, when this process is the only one serving the bot (`remember`: SQLite, or PostgreSQL
 * without INSTANCE_ID), what it read or wrote is remembered, write-through: the database stays
 * the copy that survives a restart. With several instances (named, on PostgreSQL) every read
 * goes to the database, as another instance may have written meanwhile.
 */
class ConversationStateAdapter extends PrismaAdapter<State> {
  readonly #remembered = new Map<string, State | null>();

  constructor(
    private readonly db: Db,
    private readonly remember: boolean,
  ) {
    super(db.conversationState);
  }

  override async read(key: string): Promise<State | undefined> {
    const known = this.#remembered.get(key);
    if (known !== undefined) {
      this.#note(key, known);
      return known ?? undefined;
    }
    const value = await conversationStateValue(this.db, key);
    const state = value ? (JSON.parse(value) as State) : null;
    this.#note(key, state);
    return state ?? undefined;
  }

  override async write(key: string, state: State): Promise<void> {
    this.#remembered.delete(key);
    await super.write(key, state);
    this.#note(key, state);
  }

  override async delete(key: string): Promise<void> {
    this.#remembered.delete(key);
    await super.delete(key);
    this.#note(key, null);
  }

  #note(key: string, state: State | null): void {
    if (!this.remember) return;
    // Re-inserting moves the key to the end: the Map's first key is the least recently used.
    this.#remembered.delete(key);
    this.#remembered.set(key, state);
    if (this.#remembered.size > REMEMBERED_CHATS) this.#remembered.delete(this.#remembered.keys().next().value!);
  }
}

/** `singleProcess`: this process alone serves the bot from this database, so reads may be remembered. */
export function conversationStorage(db: Db, singleProcess = false): ConversationStorage<BotContext, ConversationData> {
  return {
    type: "key",
    // Keyed by platform too: Bale and Telegram chat ids may collide.
    getStorageKey: (ctx) => (ctx.chat ? `conv:${ctx.profile.platform}:${ctx.chat.id}` : undefined),
    adapter: new ConversationStateAdapter(db, singleProcess),
  };
}
