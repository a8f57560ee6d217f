// The bot's command menu, per scope and language (Bale may lack setMyCommands: see missingMethods).
import type { BotCommand } from "grammy/types";
import { badRequest } from "../errors.js";
import { stableStringify } from "../markup.js";
import { isRecord, jsonParam, str } from "../params.js";
import type { MethodContext, MethodHandler } from "./context.js";

function scopeKey(ctx: MethodContext): string {
  const scope = jsonParam(ctx.params, "scope", "can't parse BotCommandScope JSON object") ?? { type: "default" };
  if (!isRecord(scope)) throw badRequest("BotCommandScope must be an Object");
  return `${stableStringify(scope)}|${str(ctx.params, "language_code") ?? ""}`;
}

function readCommands(ctx: MethodContext): BotCommand[] {
  const value = jsonParam(ctx.params, "commands", "can't parse commands JSON object") ?? [];
  if (!Array.isArray(value)) throw badRequest("expected an Array of BotCommand");
  if (value.length > 100) throw badRequest("too many commands specified");
  return value.map((item: unknown) => {
    if (!isRecord(item) || typeof item.command !== "string" || typeof item.description !== "string") {
      throw badRequest(`can't parse BotCommand: Field "command" must be of type String`);
    }
    const command = item.command.replace(/^\//, "");
    if (!/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest("BOT_COMMAND_INVALID");
    if (item.description.length < 1 || item.description.length > 256) {
      throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
    }
    return { command, description: item.description };
  });
}

const setMyCommands: MethodHandler = (ctx) => {
  const commands = readCommands(ctx);
  const key = scopeKey(ctx);
  if (commands.length === 0) ctx.bot.commands.delete(key);
  else ctx.bot.commands.set(key, commands);
  return true;
};

const getMyCommands: MethodHandler = (ctx) => ctx.bot.commands.get(scopeKey(ctx)) ?? [];

const deleteMyCommands: MethodHandler = (ctx) => {
  ctx.bot.commands.delete(scopeKey(ctx));
  return true;
};

export const commandMethods: Record<string, MethodHandler> = { setMyCommands, getMyCommands, deleteMyCommands };
