// Getting updates: getMe, long polling, and the webhook settings (telegram-bot-api semantics).
import { ApiError, badRequest, conflict, TEXT } from "../errors.js";
import { bool, clampedInt, int, str, stringList } from "../params.js";
import type { BotState, World } from "../state.js";
import { Answer, type MethodHandler } from "./context.js";

/** Telegram's longest long poll (LONG_POLL_MAX_TIMEOUT). */
const MAX_POLL_SECONDS = 50;

const getMe: MethodHandler = (ctx) => ctx.bot.me;

/**
 * Telegram throttles a poller that repeats its offset: within 3 s a timeout under 3 becomes 3, and
 * within 0.5 s only one update is returned (Client::process_get_updates_query).
 */
function throttle(world: World, bot: BotState, offset: number, poll: { limit: number; timeout: number }): void {
  const now = world.now();
  const last = bot.lastPoll;
  if (world.options.pollThrottle && last && last.offset === offset) {
    if (poll.timeout < 3 && now < last.at + 3000) poll.timeout = 3;
    if (now < last.at + 500) poll.limit = 1;
  }
  bot.lastPoll = { offset, at: now };
}

const getUpdates: MethodHandler = async (ctx) => {
  const { bot, world, params } = ctx;
  if (bot.webhook) throw conflict(TEXT.webhookActive);
  const offset = int(params, "offset", 0) ?? 0;
  const poll = {
    limit: clampedInt(params, "limit", 100, 1, 100),
    timeout: clampedInt(params, "timeout", 0, 0, MAX_POLL_SECONDS),
  };
  const allowed = stringList(params, "allowed_updates");
  if (allowed) bot.allowedUpdates = allowed;
  throttle(world, bot, offset, poll);

  bot.updates.confirm(offset);
  const ready = bot.updates.peek(poll.limit);
  if (ready.length > 0 || poll.timeout === 0) return ready;
  // A newer poller ends this one's predecessor with 409, as on Telegram.
  const outcome = await bot.updates.wait(poll.timeout * 1000, conflict(TEXT.getUpdatesConflict), ctx.signal);
  if (outcome instanceof ApiError) throw outcome;
  if (outcome === "closed") return [];
  // Like Telegram, the woken poll reads from its offset again: an update below it is never returned.
  bot.updates.confirm(offset);
  return bot.updates.peek(poll.limit);
};

function validateSecret(secret: string): void {
  if (secret.length > 256) throw badRequest("secret token is too long");
  if (!/^[A-Za-z0-9_-]*$/.test(secret)) throw badRequest("secret token contains unallowed characters");
}

function dropWebhook(bot: BotState, dropPending: boolean): Answer {
  if (dropPending) bot.updates.clear();
  const had = bot.webhook !== undefined;
  bot.webhook = undefined;
  bot.delivery?.stop();
  return new Answer(true, had ? "Webhook was deleted" : "Webhook is already deleted");
}

/**
 * Telegram: url, secret_token, allowed_updates, drop_pending_updates, max_connections.
 * Bale: only url — the other parameters are ignored and no secret header is ever sent.
 */
const setWebhook: MethodHandler = (ctx) => {
  const { bot, world, params } = ctx;
  const telegram = world.profile.webhookSecret;
  const url = str(params, "url") ?? "";
  const dropPending = telegram && bool(params, "drop_pending_updates");
  if (url === "") return dropWebhook(bot, dropPending);
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw badRequest("invalid webhook URL specified");
  }
  const secretToken = telegram ? (str(params, "secret_token") ?? "") : "";
  validateSecret(secretToken);
  const allowed = telegram ? stringList(params, "allowed_updates") : undefined;
  const maxConnections = telegram ? clampedInt(params, "max_connections", 40, 1, 100) : 40;

  const current = bot.webhook;
  const unchanged = current?.url === url && (current.secretToken ?? "") === secretToken && current.maxConnections === maxConnections;
  if (allowed) bot.allowedUpdates = allowed;
  if (unchanged && !dropPending) return new Answer(true, "Webhook is already set");

  bot.updates.finishWaiter(conflict(TEXT.terminatedBySetWebhook));
  if (dropPending) bot.updates.clear();
  bot.webhook = { url, maxConnections, ...(secretToken ? { secretToken } : {}) };
  bot.delivery?.kick();
  return new Answer(true, "Webhook was set");
};

const deleteWebhook: MethodHandler = (ctx) => dropWebhook(ctx.bot, bool(ctx.params, "drop_pending_updates"));

const getWebhookInfo: MethodHandler = (ctx) => {
  const { bot } = ctx;
  const info: Record<string, unknown> = {
    url: bot.webhook?.url ?? "",
    has_custom_certificate: false,
    pending_update_count: bot.updates.size,
  };
  if (bot.webhook) {
    info.max_connections = bot.webhook.maxConnections;
    info.ip_address = "127.0.0.1";
    if (bot.webhook.lastErrorDate !== undefined) {
      info.last_error_date = bot.webhook.lastErrorDate;
      info.last_error_message = bot.webhook.lastErrorMessage;
    }
    if (bot.allowedUpdates?.length) info.allowed_updates = bot.allowedUpdates;
  }
  return info;
};

export const updateMethods: Record<string, MethodHandler> = {
  getMe,
  getUpdates,
  setWebhook,
  deleteWebhook,
  getWebhookInfo,
};
