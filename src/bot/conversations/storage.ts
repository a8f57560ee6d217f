/**
 * Conversation state lives in the database (ConversationState), so a conversation survives a
 * restart and any instance can continue it. The key is per chat.
 */
import { PrismaAdapter } from "@grammyjs/storage-prisma";
import type { ConversationStorage, ConversationData } from "@grammyjs/conversations";
import type { Db } from "../../db/client.js";
import type { BotContext } from "../context.js";

export function conversationStorage(db: Db): ConversationStorage<BotContext, ConversationData> {
  return {
    type: "key",
    // Keyed by platform too: Bale and Telegram chat ids may collide.
    getStorageKey: (ctx) => (ctx.chat ? `conv:${ctx.profile.platform}:${ctx.chat.id}` : undefined),
    adapter: new PrismaAdapter(db.conversationState),
  } as ConversationStorage<BotContext, ConversationData>;
}
