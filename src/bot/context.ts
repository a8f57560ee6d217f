/**
 * The context every handler sees: grammY's, plus i18n, conversations and what Peygir adds per
 * update (platform, the caller's identity, a child logger, the services).
 */
import type { Context } from "grammy";
import type { ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Logger } from "pino";
import type { Config } from "../config/index.js";
import type { PlatformProfile } from "../platforms/profile.js";
import type { Services } from "../services/index.js";
import type { Caller } from "../services/identity.js";
import type { Clock } from "../shared/clock.js";

export interface PeygirFlavor {
  profile: PlatformProfile;
  services: Services;
  config: Config;
  clock: Clock;
  logger: Logger;
  /** Who is writing, as the database knows them; undefined for someone not yet invited. */
  caller?: Caller;
}

/** The context inside conversations (no conversation controls there). */
export type BaseContext = Context & I18nFlavor & PeygirFlavor;
export type BotContext = ConversationFlavor<BaseContext>;
