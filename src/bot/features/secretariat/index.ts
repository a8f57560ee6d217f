/** The secretariat console (issue 11): /meeting, /verify, /items, /history, extensions, instructions. */
import { Composer } from "grammy";
import type { BotContext } from "../../context.js";
import { items } from "./items.js";
import { meeting } from "./meeting.js";
import { verify } from "./verify.js";

export function secretariat(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use(meeting());
  composer.use(verify());
  composer.use(items());
  return composer;
}
