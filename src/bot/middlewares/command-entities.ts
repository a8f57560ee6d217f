/**
 * Bale may deliver a command as plain text, without the `bot_command` entity that grammY's
 * `command()` filter looks for. We add the entity where the text starts with `/command`, so
 * every command handler works the same on both platforms.
 */
import type { Middleware } from "grammy";
import type { MessageEntity } from "grammy/types";
import type { BotContext } from "../context.js";

const COMMAND_AT_START = /^\/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]+)?/;

export function addMissingCommandEntities(): Middleware<BotContext> {
  return (ctx, next) => {
    const message = ctx.message ?? ctx.editedMessage;
    const text = message?.text;
    if (message && text) {
      const match = COMMAND_AT_START.exec(text);
      const entities: MessageEntity[] = message.entities ?? [];
      if (match && !entities.some((e) => e.type === "bot_command" && e.offset === 0)) {
        message.entities = [{ type: "bot_command", offset: 0, length: match[0].length }, ...entities];
      }
    }
    return next();
  };
}
