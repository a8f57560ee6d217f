/**
 * The use cases, built once per process and shared by both bots, the CLI and the scheduler.
 * Services own their transactions; handlers call them and render what they return.
 */
import type { I18n } from "@grammyjs/i18n";
import type { Logger } from "pino";
import type { Platform } from "../config/index.js";
import type { Db } from "../db/client.js";
import type { Clock } from "../shared/clock.js";
import { AssignmentService } from "./assignments.js";
import { BotPlatformService } from "./bot-platforms.js";
import { IdentityService } from "./identity.js";
import { ImportService } from "./importer.js";
import { InviteService } from "./invites.js";
import { Notifier } from "./notifications.js";
import { PublishingService } from "./publishing.js";
import { WeeklyReportService } from "./weekly-reports.js";

export interface ServiceSettings {
  inviteTtlDays: number;
  maxAttachmentBytes: number;
}

export interface ServiceDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  i18n: I18n<never>;
  settings: ServiceSettings;
  /** Called when a message was queued for a platform, to wake its dispatcher. */
  onQueued?: (platform: Platform) => void;
}

export interface Services {
  identity: IdentityService;
  invites: InviteService;
  importer: ImportService;
  notifier: Notifier;
  publishing: PublishingService;
  assignments: AssignmentService;
  weeklyReports: WeeklyReportService;
  botPlatforms: BotPlatformService;
}

export function createServices(deps: ServiceDeps): Services {
  const notifier = new Notifier(deps.i18n, deps.onQueued);
  return {
    identity: new IdentityService(deps.db, deps.clock),
    invites: new InviteService(deps.db, deps.clock, deps.settings.inviteTtlDays),
    importer: new ImportService(deps.db, deps.clock, notifier),
    notifier,
    publishing: new PublishingService(deps.db, deps.clock, notifier, deps.logger),
    assignments: new AssignmentService(deps.db, deps.clock, notifier, deps.logger, deps.settings.maxAttachmentBytes),
    weeklyReports: new WeeklyReportService(deps.db, deps.clock, notifier, deps.settings.maxAttachmentBytes),
    botPlatforms: new BotPlatformService(deps.db),
  };
}
