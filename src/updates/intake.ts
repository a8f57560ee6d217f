/**
 * One platform's update intake as a component: `start` waits for the Bot API (getMe, retried
 * with a logged cause), records the bot, recovers updates stored but not handled before a crash,
 * publishes the command menu, and then takes updates by long polling or through its webhook;
 * `stop` stops taking updates and waits for those under way.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { Bot } from "grammy";
import type { RunnerHandle } from "@grammyjs/runner";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import { publishCommands } from "../bot/command-menu.js";
import type { BotContext } from "../bot/context.js";
import type { Config, Platform, PlatformConfig } from "../config/index.js";
import type { Db } from "../db/client.js";
import type { I18n } from "@grammyjs/i18n";
import { PROFILES } from "../platforms/profile.js";
import { webhookPath, type WebhookTarget } from "../server/http.js";
import type { Services } from "../services/index.js";
import type { Clock } from "../shared/clock.js";
import type { Component } from "../shared/component.js";
import { networkCause } from "../shared/network-cause.js";
import { UpdateInbox } from "./inbox.js";
import { startPolling } from "./polling.js";
import { UpdateProcessor } from "./processor.js";

export interface IntakeOptions {
  platform: PlatformConfig;
  bot: Bot<BotContext>;
  config: Pick<Config, "botMode" | "webhook">;
  db: Db;
  services: Services;
  i18n: I18n<BotContext>;
  clock: Clock;
  logger: Logger;
  /**
   * Set for a named instance on PostgreSQL (INSTANCE_ID), where siblings may share the work: how
   * long an unfinished update is left to the instance that stored it before this one takes it
   * over (see UpdateInbox). Unset, every unfinished update is redone at start.
   */
  inboxLeaseMs?: number;
  /**
   * Written on each update this process stores or takes over; with `inboxLeaseMs`, the updates
   * carrying it that a crash left unfinished are redone at start without waiting the lease.
   */
  instanceId: string;
  /** Aborts the wait for the Bot API (a stop asked for while starting). */
  signal?: AbortSignal;
}

export class PlatformIntake implements Component {
  readonly name: string;
  readonly #o: IntakeOptions;
  #processor?: UpdateProcessor;
  #inbox?: UpdateInbox;
  #runner?: RunnerHandle;
  #takeOver?: NodeJS.Timeout;
  #takingOver?: Promise<unknown>;

  constructor(options: IntakeOptions) {
    this.#o = options;
    this.name = `${options.platform.platform} intake`;
  }

  get platform(): Platform {
    return this.#o.platform.platform;
  }

  get bot(): Bot<BotContext> {
    return this.#o.bot;
  }

  /** Set once started. */
  get processor(): UpdateProcessor {
    if (!this.#processor) throw new Error(`${this.name} has not started`);
    return this.#processor;
  }

  get inbox(): UpdateInbox {
    if (!this.#inbox) throw new Error(`${this.name} has not started`);
    return this.#inbox;
  }

  get runner(): RunnerHandle | undefined {
    return this.#runner;
  }

  /** Where the HTTP server hands this platform's webhook calls (webhook mode only). */
  get webhook(): WebhookTarget | undefined {
    if (this.#o.config.botMode !== "webhook" || !this.#o.config.webhook) return undefined;
    return {
      platform: this.platform,
      secretInHeader: PROFILES[this.platform].webhookSecretInHeader,
      receive: (update: Update) => this.#receive(update),
    };
  }

  async start(): Promise<void> {
    const { bot, services, clock, logger: log, config } = this.#o;
    const profile = PROFILES[this.platform];
    await this.#init();
    await services.botPlatforms.recordStarted(this.platform, String(bot.botInfo.id), bot.botInfo.username, clock.now());
    const inbox = (this.#inbox = new UpdateInbox(
      this.#o.db,
      this.platform,
      String(bot.botInfo.id),
      clock,
      log.child({ component: "inbox" }),
      this.#o.instanceId,
    ));
    const processor = (this.#processor = new UpdateProcessor(bot as unknown as Bot<never>, inbox, log));
    void publishCommands(bot.api, this.#o.i18n, log, () => services.people.staffChats(this.platform));
    const leaseMs = this.#o.inboxLeaseMs;
    await processor.recover(leaseMs === undefined ? undefined : { ms: leaseMs, own: true });
    if (leaseMs !== undefined) {
      // Another instance may die while handling updates: what it left is taken over within about
      // a lease and a quarter of one.
      this.#takeOver = setInterval(
        () => {
          this.#takingOver ??= processor
            .recover({ ms: leaseMs, own: false })
            .catch((err: unknown) => log.warn({ err }, "could not look for updates another instance left"))
            .finally(() => (this.#takingOver = undefined));
        },
        Math.max(250, leaseMs / 4),
      );
    }
    if (config.botMode === "webhook" && config.webhook) {
      const url = config.webhook.baseUrl + webhookPath(this.platform, config.webhook.secret);
      await bot.api.setWebhook(url, {
        allowed_updates: [...profile.allowedUpdates],
        ...(profile.webhookSecretInHeader ? { secret_token: config.webhook.secret } : {}),
      });
    } else {
      await bot.api.deleteWebhook().catch((err: unknown) => log.warn({ err }, "deleteWebhook failed; polling anyway"));
      this.#runner = await startPolling({ bot: bot as unknown as Bot<never>, profile, inbox, processor, logger: log });
    }
    log.info({ username: bot.botInfo.username, mode: config.botMode }, "bot started");
  }

  async stop(): Promise<void> {
    clearInterval(this.#takeOver);
    await this.#takingOver;
    await this.#runner?.stop();
    await this.#processor?.idle();
  }

  async #receive(update: Update): Promise<void> {
    for (const fresh of await this.inbox.accept([update])) await this.processor.process(fresh);
  }

  /**
   * getMe until it works: a daemon started before the network is up should wait, not die, and say
   * so — in one line per attempt with the API root and the cause, never the token or a stack.
   * (grammY's own bot.init() retries network errors silently and without end, so we call getMe.)
   */
  async #init(): Promise<void> {
    const { bot, platform, logger, signal } = this.#o;
    for (let attempt = 1; ; attempt++) {
      signal?.throwIfAborted();
      try {
        bot.botInfo = await bot.api.getMe();
        return;
      } catch (err) {
        if ((err as { error_code?: number }).error_code === 401)
          throw new Error(`the ${platform.platform} bot token was rejected (401 Unauthorized) by ${platform.apiRoot}: check the token`);
        const wait = Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5));
        const cause = networkCause(err);
        logger.warn(
          { apiRoot: platform.apiRoot, cause, attempt, retryInMs: wait },
          `cannot reach the Bot API yet at ${platform.apiRoot} (${cause}); retrying in ${Math.round(wait / 1000)} s`,
        );
        await sleep(wait, undefined, { signal });
      }
    }
  }
}
