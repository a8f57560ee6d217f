/** The secretariat console (issue 11): /meeting, /verify, /items, /history, extensions, instructions. */
import type { Composer } from "grammy";
import { BotComposer } from "../../composer.js";
import type { BotContext } from "../../context.js";
import { items } from "./items.js";
import { meeting } from "./meeting.js";
import { verify } from "./verify.js";

export function secretariat(): Composer<BotContext> {
  const composer = new BotComposer<BotContext>();
  composer.use(meeting());
  composer.use(verify());
  composer.use(items());
  return composer;
}
