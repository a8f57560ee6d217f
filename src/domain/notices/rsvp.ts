/**
 * RSVP to a meeting notice: the answers, who may still answer, and the limits on what they type.
 * Pure: the notice's state and `now` are passed in.
 */
import { fail, ok, type Result } from "../result.js";

export const RSVP_ANSWERS = ["attending", "delegate", "absent"] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];

export const isRsvpAnswer = (s: unknown): s is RsvpAnswer => typeof s === "string" && (RSVP_ANSWERS as readonly string[]).includes(s);

export const NOTICE_STATUSES = ["draft", "sent", "cancelled"] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** One answer as given: a delegate's name and post, or a reason for not attending. */
export interface RsvpInput {
  answer: RsvpAnswer;
  delegateName?: string;
  delegatePost?: string;
  reason?: string;
}

/** Why an RSVP is not taken: the notice was cancelled, the meeting has started, or it is not a notice this person got. */
export type RsvpRefusal = "cancelled" | "closed" | "unknown";

export const DELEGATE_NAME_MAX = 100;
export const DELEGATE_POST_MAX = 100;
export const REASON_MAX = 500;

/** An answer can be given and changed while the notice stands and until the meeting starts. */
export function rsvpOpen(notice: { status: string; meetingAt: Date | null }, now: Date): Result<true, { code: RsvpRefusal }> {
  if (notice.status === "cancelled") return fail("cancelled");
  if (notice.status !== "sent") return fail("unknown");
  if (notice.meetingAt && now.getTime() >= notice.meetingAt.getTime()) return fail("closed");
  return ok(true);
}

export type RsvpInputError =
  "delegate_name_missing" | "delegate_name_too_long" | "delegate_post_missing" | "delegate_post_too_long" | "reason_too_long";

/** Checks and trims what the person typed; a delegate needs a name and a post, a reason is optional. */
export function validateRsvp(input: RsvpInput): Result<RsvpInput, { code: RsvpInputError }> {
  const trim = (s: string | undefined) => (s ?? "").trim();
  if (input.answer === "delegate") {
    const delegateName = trim(input.delegateName);
    const delegatePost = trim(input.delegatePost);
    if (!delegateName) return fail("delegate_name_missing");
    if (delegateName.length > DELEGATE_NAME_MAX) return fail("delegate_name_too_long");
    if (!delegatePost) return fail("delegate_post_missing");
    if (delegatePost.length > DELEGATE_POST_MAX) return fail("delegate_post_too_long");
    return ok({ answer: "delegate", delegateName, delegatePost });
  }
  if (input.answer === "absent") {
    const reason = trim(input.reason);
    if (reason.length > REASON_MAX) return fail("reason_too_long");
    return ok(reason ? { answer: "absent", reason } : { answer: "absent" });
  }
  return ok({ answer: "attending" });
}
