/**
 * The composition root of one bot (one platform). Both bots share the services; everything
 * that differs between Bale and Telegram comes from the platform profile.
 */
import { Bot } from "grammy";
import { autoRetry } from "@grammyjs/auto-retry";
import { conversations } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import type { I18n } from "@grammyjs/i18n";
import type { Logger } from "pino";
import type { Config, PlatformConfig } from "../config/index.js";
import type { Db } from "../db/client.js";
import type { RateLimiter } from "../outbox/rate-limiter.js";
import type { SharedPace } from "../outbox/shared-pace.js";
import { platformTransformer } from "../platforms/api-transformer.js";
import { recordSends } from "../platforms/send-recorder.js";
import { PROFILES } from "../platforms/profile.js";
import type { Services } from "../services/index.js";
import type { Clock } from "../shared/clock.js";
import type { BotContext } from "./context.js";
import { conversationStorage } from "./conversations/storage.js";
import { features } from "./features/index.js";
import { addMissingCommandEntities } from "./middlewares/command-entities.js";
import { answerEveryCallback } from "./middlewares/answer-callbacks.js";
import { errorBoundary } from "./middlewares/error-boundary.js";
import { identifyCaller } from "./middlewares/identify-caller.js";
import { refuseImpossibleInput } from "./middlewares/refuse-impossible.js";
import { updateLogger } from "./middlewares/update-logger.js";
import { mayHaveSiblings } from "../shared/stale-claims.js";

export interface BotDeps {
  platform: PlatformConfig;
  config: Config;
  db: Db;
  services: Services;
  i18n: I18n<BotContext>;
  clock: Clock;
  logger: Logger;
  /** The platform's send pacing, shared with the outbox dispatcher. */
  limiter: RateLimiter;
  /** The global rate shared with other instances (PostgreSQL), which replies count against too. */
  pace?: SharedPace | undefined;
}

/** Updates of one chat are handled one at a time, in order; different chats run in parallel. */
function chatKey(ctx: BotContext): string | undefined {
  return ctx.chat?.id.toString() ?? ctx.from?.id.toString();
}

export function createBot(deps: BotDeps): Bot<BotContext> {
  const profile = PROFILES[deps.platform.platform];
  const bot = new Bot<BotContext>(deps.platform.token, {
    client: { apiRoot: deps.platform.apiRoot, timeoutSeconds: 30 },
  });
  // Replies wait out at most one per-chat gap (with a margin): see send-recorder.ts.
  bot.api.config.use(recordSends(deps.limiter, (1000 / deps.platform.ratePerChatPerSecond) * 1.05, deps.pace));
  // Interactive replies obey 429s too (notifications go through the outbox and its limiter).
  // Network errors are rethrown: auto-retry would otherwise retry them silently and without limit,
  // leaving a handler (and its chat's queue, and a shutdown) waiting for as long as the API is away.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowHttpErrors: true }));
  // Installed last, so it runs first: each part of a text it splits is paced and retried on its own.
  bot.api.config.use(platformTransformer(profile));

  bot.use((ctx, next) => {
    ctx.profile = profile;
    ctx.services = deps.services;
    ctx.config = deps.config;
    ctx.clock = deps.clock;
    return next();
  });
  bot.use(updateLogger(deps.logger));
  bot.use(sequentialize(chatKey));
  bot.use(errorBoundary());
  bot.use(answerEveryCallback());
  bot.use(addMissingCommandEntities());
  bot.use(identifyCaller());
  bot.use(deps.i18n);
  bot.use(refuseImpossibleInput());
  // Only a named instance on PostgreSQL (INSTANCE_ID) may have siblings handling this bot's updates,
  // as its intake assumes too (app.ts): any other process serves them alone and may remember states.
  const soleHandler = !mayHaveSiblings(deps.config.staleClaims);
  bot.use(conversations<BotContext, BotContext>({ storage: conversationStorage(deps.db, soleHandler) }));
  bot.use(features());
  return bot;
}
