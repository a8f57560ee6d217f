/** Every feature of the bot, in the order they get a chance at an update. */
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { dialogs } from "../conversations/index.js";
import { agency } from "./agency.js";
import { cancel } from "./cancel.js";
import { fallback } from "./fallback.js";
import { help } from "./help.js";
import { onboarding } from "./onboarding.js";
import { secretariat } from "./secretariat/index.js";
import { meetingInterruptions } from "./secretariat/meeting.js";
import { weeklyReport } from "./weekly-report.js";

export function features(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  // /cancel first, then any dialog under way: a chat in the middle of a dialog talks to it.
  composer.use(cancel());
  composer.use(dialogs());
  composer.use(meetingInterruptions());
  composer.use(onboarding());
  composer.use(help());
  // Feature composers are added here, before the fallback.
  // The secretariat console before the agency side: a secretary's draft takes her messages first.
  composer.use(secretariat());
  composer.use(agency());
  composer.use(weeklyReport());
  composer.use(fallback());
  return composer;
}
