/** What the secretariat-side handlers share: who acts, and how a refusal is said. */
import { formatJalaliLong } from "../../domain/calendar/index.js";
import { inputErrorKey } from "../../domain/text/index.js";
import type { StaffActor } from "../../services/secretariat/access.js";
import type { BotContext } from "../context.js";
import { chatActorOf } from "./actors.js";

/** The caller as a secretariat-side actor; the services decide what that person may do. */
export function staffActorOf(ctx: BotContext): StaffActor | undefined {
  return chatActorOf(ctx);
}

/** True when the caller holds a committee role at all: only then are drafts and staff screens looked up. */
export function looksLikeStaff(ctx: BotContext): boolean {
  return !!ctx.caller?.memberships.some((m) => m.role === "secretariat" || m.role === "governorate");
}

/**
 * A refusal or input error as a sentence: codes with a dot («date.invalid_format», «deadline.past»)
 * are input errors; the others are `<prefix>-<refusal>` keys of the feature.
 */
export function refusalMessage(t: BotContext["t"], prefix: string, refusal: string, params: Record<string, string | number> = {}): string {
  if (refusal.includes(".")) {
    if (refusal === "deadline.day_off") {
      return t(inputErrorKey(refusal), { next: formatJalaliLong({ jy: Number(params.jy), jm: Number(params.jm), jd: Number(params.jd) }) });
    }
    return t(inputErrorKey(refusal), params);
  }
  return t(`${prefix}-${refusal.replace(/_/g, "-")}`, params);
}
