/** The answers the agency side gives after a service call, shared by buttons, replies and dialogs. */
import type { AgencyActionResult, AgencyRefusal } from "../../services/assignments/index.js";
import { statusText, type AssignmentSummary } from "../../services/render/assignment.js";
import { formatsFor } from "../../services/render/format.js";
import type { BotContext } from "../context.js";

const REFUSAL_KEYS: Record<AgencyRefusal, string> = {
  unknown: "agency-refused-unknown",
  final: "agency-refused-final",
  awaiting_verification: "agency-refused-awaiting-verification",
  standing_never_done: "agency-refused-standing",
  not_applicable: "agency-refused-unknown",
};

export function refusalText(t: BotContext["t"], refusal: AgencyRefusal): string {
  return t(REFUSAL_KEYS[refusal]);
}

/** "resolution 1 of meeting 1405-08": how dialogs and answers name an item. */
export function shortTitle(t: BotContext["t"], view: Pick<AssignmentSummary, "resolution" | "meeting">): string {
  return t("assignment-short-title", { resolution: view.resolution.number, meeting: formatsFor(t).digits(view.meeting.number) });
}

/** What a finished action says: done with the new status, or why not. */
export function outcomeText(t: BotContext["t"], result: AgencyActionResult, successKey: string): string {
  if (!result.ok) return refusalText(t, result.refusal);
  return t(successKey, { title: shortTitle(t, result.view), status: statusText(result.view, t) });
}
