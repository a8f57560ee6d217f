/** Every feature of the bot, in the order they get a chance at an update. */
import type { Composer } from "grammy";
import { BotComposer } from "../composer.js";
import type { BotContext } from "../context.js";
import { privateChatOnly } from "../filters/private-chat-only.js";
import { dialogs } from "../conversations/index.js";
import { agency } from "./agency.js";
import { cancel } from "./cancel.js";
import { dashboard } from "./dashboard.js";
import { fallback } from "./fallback.js";
import { groups } from "./groups.js";
import { help } from "./help.js";
import { digestInstruction } from "./instruction-button.js";
import { notices } from "./notices.js";
import { onboarding } from "./onboarding.js";
import { status } from "./status.js";
import { secretariat } from "./secretariat/index.js";
import { meetingInterruptions } from "./secretariat/meeting.js";
import { weeklyReport } from "./weekly-report.js";

export function features(): Composer<BotContext> {
  const composer = new BotComposer<BotContext>();
  // Groups and channels first: what they may do ends there (features/groups.ts).
  composer.use(groups());
  const personal = composer.filter(privateChatOnly);
  // /cancel first, then any dialog under way: a chat in the middle of a dialog talks to it.
  personal.use(cancel());
  personal.use(dialogs());
  personal.use(meetingInterruptions());
  personal.use(onboarding());
  personal.use(help());
  // Feature composers are added here, before the fallback.
  // The secretariat console before the agency side: a secretary's draft takes her messages first.
  personal.use(secretariat());
  personal.use(agency());
  personal.use(weeklyReport());
  personal.use(digestInstruction());
  personal.use(notices());
  personal.use(status());
  personal.use(dashboard());
  personal.use(fallback());
  return composer;
}
