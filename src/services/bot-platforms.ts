/**
 * Which platforms a bot serves with this database. The running bot records itself at start; the
 * CLI — which may run with no token at all — reads it back to tell the operator which platforms
 * the messages it queued wait for, and which have no bot to send them.
 */
import { PLATFORMS, type Platform } from "../config/index.js";
import type { Db } from "../db/client.js";

export interface KnownBot {
  platform: Platform;
  username: string;
  startedAt: Date;
}

/** One platform's share of the undelivered outbox, and the bot (if any) that will send it. */
export interface WaitingDelivery {
  platform: Platform;
  pending: number;
  /** The bot that last started on this platform; undefined when none ever ran with this database. */
  bot?: KnownBot;
}

export class BotPlatformService {
  constructor(private readonly db: Db) {}

  /** Called by a bot once its token is accepted (getMe). */
  async recordStarted(platform: Platform, botId: string, username: string, at: Date): Promise<void> {
    await this.db.botPlatform.upsert({
      where: { platform },
      create: { platform, botId, username, startedAt: at },
      update: { botId, username, startedAt: at },
    });
  }

  async known(): Promise<KnownBot[]> {
    const rows = await this.db.botPlatform.findMany({ orderBy: { platform: "asc" } });
    return rows.map((r) => ({ platform: r.platform as Platform, username: r.username, startedAt: r.startedAt }));
  }

  /** Every platform with messages still to send, with the bot that serves it. */
  async waitingDeliveries(): Promise<WaitingDelivery[]> {
    const [groups, bots] = await Promise.all([
      this.db.outboxMessage.groupBy({ by: ["platform"], where: { status: { in: ["pending", "sending"] } }, _count: { _all: true } }),
      this.known(),
    ]);
    return PLATFORMS.flatMap((platform) => {
      const pending = groups.find((g) => g.platform === platform)?._count._all ?? 0;
      if (pending === 0) return [];
      const bot = bots.find((b) => b.platform === platform);
      return [{ platform, pending, ...(bot ? { bot } : {}) }];
    });
  }
}
