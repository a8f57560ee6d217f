// Webhook delivery: POSTs pending updates to the bot one at a time, in order. An update leaves the queue
// only when the bot answers 2xx; otherwise it is retried after a doubling delay (Telegram's WebhookActor
// also honours Retry-After). Telegram runs a method the bot puts in its 2xx answer ("webhook reply").
import type { Update } from "grammy/types";
import { isRecord, type Params } from "./params.js";
import type { BotState, World } from "./state.js";

export type WebhookReplyRunner = (token: string, params: Params) => Promise<void>;

const SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

/** Methods telegram-bot-api refuses to run from a webhook answer. */
function runnableFromReply(method: string): boolean {
  const m = method.toLowerCase();
  return m !== "deletewebhook" && m !== "setwebhook" && m !== "close" && m !== "logout" && !m.startsWith("get");
}

function describeFailure(error: unknown): string {
  const code = (error as { cause?: { code?: string } }).cause?.code;
  if (code === "ECONNREFUSED") return "Connection refused";
  if ((error as Error).name === "TimeoutError") return "Read timeout expired";
  return "Webhook connection closed";
}

export class WebhookDelivery {
  private running = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private inFlight: AbortController | undefined;
  private failures = 0;
  private closed = false;

  constructor(
    private readonly world: World,
    private readonly bot: BotState,
    private readonly runReply: WebhookReplyRunner,
  ) {
    bot.updates.onPush = () => this.kick();
  }

  kick(): void {
    if (!this.running && !this.retryTimer && !this.closed && this.bot.webhook) void this.loop();
  }

  /** Webhook removed: abandon the in-flight POST (its update stays queued for getUpdates). */
  stop(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.inFlight?.abort();
    this.failures = 0;
  }

  close(): void {
    this.closed = true;
    this.stop();
  }

  private async loop(): Promise<void> {
    this.running = true;
    try {
      for (;;) {
        const webhook = this.bot.webhook;
        const update = this.bot.updates.first();
        if (!webhook || !update || this.closed) return;
        const failure = await this.post(webhook.url, webhook.secretToken, update);
        if (this.bot.webhook !== webhook) continue; // changed meanwhile: start over with the new one
        if (failure === undefined) {
          this.bot.updates.remove(update);
          this.failures = 0;
          continue;
        }
        this.failures++;
        this.world.stats.webhookFailures++;
        webhook.lastErrorDate = this.world.unixNow();
        webhook.lastErrorMessage = failure.message;
        this.world.events.emit("webhookError", this.bot.token, failure.message);
        this.scheduleRetry(failure.retryAfterMs);
        return;
      }
    } finally {
      this.running = false;
    }
  }

  private scheduleRetry(retryAfterMs: number | undefined): void {
    const { webhookRetryMs, webhookRetryMaxMs } = this.world.options;
    const backoff = Math.min(webhookRetryMaxMs, webhookRetryMs * 2 ** (this.failures - 1));
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.kick();
    }, retryAfterMs ?? backoff);
  }

  /** One POST; undefined on success, else why it failed. */
  private async post(
    url: string,
    secret: string | undefined,
    update: Update,
  ): Promise<{ message: string; retryAfterMs?: number } | undefined> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (secret && this.world.profile.webhookSecret) headers[SECRET_HEADER] = secret;
    const controller = new AbortController();
    this.inFlight = controller;
    this.world.stats.webhookPosts++;
    try {
      const response = await fetch(url, {
        method: "POST",
        headers,
        body: JSON.stringify(update),
        signal: AbortSignal.any([controller.signal, AbortSignal.timeout(this.world.options.webhookTimeoutMs)]),
      });
      const body = await response.text();
      if (response.status < 200 || response.status > 299) {
        const retryAfter = Number(response.headers.get("retry-after"));
        return {
          message: `Wrong response from the webhook: ${response.status} ${response.statusText}`,
          ...(retryAfter > 0 ? { retryAfterMs: Math.min(retryAfter, 3600) * 1000 } : {}),
        };
      }
      await this.runWebhookReply(body);
      return undefined;
    } catch (error) {
      return { message: describeFailure(error) };
    } finally {
      this.inFlight = undefined;
    }
  }

  private async runWebhookReply(body: string): Promise<void> {
    if (!this.world.profile.webhookReply || !body.startsWith("{")) return;
    let params: unknown;
    try {
      params = JSON.parse(body);
    } catch {
      return;
    }
    if (isRecord(params) && typeof params.method === "string" && runnableFromReply(params.method)) {
      await this.runReply(this.bot.token, params);
    }
  }
}
