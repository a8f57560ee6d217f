/** The secretariat console (issue 11): /meeting, /verify, /items, /history, extensions, instructions. */
import { Composer } from "grammy";
import type { BotContext } from "../../context.js";
import { meeting } from "./meeting.js";

export function secretariat(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use(meeting());
  return composer;
}
