/** Every feature of the bot, in the order they get a chance at an update. */
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { fallback } from "./fallback.js";
import { help } from "./help.js";
import { onboarding } from "./onboarding.js";

export function features(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use(onboarding());
  composer.use(help());
  // Feature composers are added here, before the fallback.
  composer.use(fallback());
  return composer;
}
