/**
 * Records the bot's own sends (interactive replies) in the platform's rate limiter, so the
 * outbox dispatcher leaves a chat its per-chat gap after a reply as well as after a notification.
 * A reply that follows another to the same chat within that gap (a person tapping fast: /start,
 * then the contact at once) waits out the gap first, up to one gap and a little: the platform
 * counts replies against the per-chat limit too, and a 429 would cost more. Longer holds (a 429
 * on that chat) are not waited for here; the auto-retry plugin handles those.
 */
import type { Transformer } from "grammy";
import type { RateLimiter } from "../outbox/rate-limiter.js";
import type { SharedPace } from "../outbox/shared-pace.js";

const SEND_METHODS = new Set([
  "sendMessage",
  "sendDocument",
  "sendPhoto",
  "editMessageText",
  "editMessageReplyMarkup",
  "editMessageCaption",
]);

/** `pace`: on PostgreSQL, each reply takes an instant of the global rate the instances share. */
export function recordSends(limiter: RateLimiter, maxWaitMs: number, pace?: SharedPace): Transformer {
  return async (prev, method, payload, signal) => {
    const chatId = (payload as { chat_id?: number | string }).chat_id;
    if (SEND_METHODS.has(method) && chatId !== undefined) {
      const wait = limiter.chatWait(String(chatId), performance.now());
      if (wait > 0 && wait <= maxWaitMs) await new Promise((resolve) => setTimeout(resolve, wait));
      if (pace) await pace.next([]);
      limiter.record(String(chatId), performance.now());
      try {
        return await prev(method, payload, signal);
      } finally {
        // As after a notification: however late the reply travelled (a loaded machine), the
        // chat's next notification leaves a gap after its answer, so the platform sees them apart.
        limiter.answered(String(chatId), performance.now());
      }
    }
    return prev(method, payload, signal);
  };
}
