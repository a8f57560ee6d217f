/**
 * Records the bot's own sends (interactive replies) in the platform's rate limiter, so the
 * outbox dispatcher leaves a chat its per-chat gap after a reply as well as after a notification.
 */
import type { Transformer } from "grammy";
import type { RateLimiter } from "../outbox/rate-limiter.js";

const SEND_METHODS = new Set([
  "sendMessage",
  "sendDocument",
  "sendPhoto",
  "editMessageText",
  "editMessageReplyMarkup",
  "editMessageCaption",
]);

export function recordSends(limiter: RateLimiter): Transformer {
  return (prev, method, payload, signal) => {
    const chatId = (payload as { chat_id?: number | string }).chat_id;
    if (SEND_METHODS.has(method) && chatId !== undefined) limiter.record(String(chatId), performance.now());
    return prev(method, payload, signal);
  };
}
