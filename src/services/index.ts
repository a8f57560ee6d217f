/**
 * The use cases, built once per process and shared by both bots, the CLI and the scheduler.
 * Services own their transactions; handlers call them and render what they return.
 */
import type { I18n } from "@grammyjs/i18n";
import type { Logger } from "pino";
import type { Platform } from "../config/index.js";
import type { Db } from "../db/client.js";
import type { Clock } from "../shared/clock.js";
import { AssignmentService } from "./assignments/index.js";
import { BotPlatformService } from "./bot-platforms.js";
import { CommitteeGroupService } from "./committee-groups.js";
import type { DueWorkSource } from "./due-work.js";
import { AssignmentLadderSource } from "./escalation/assignment-ladder.js";
import { WeeklyCycleSource } from "./escalation/weekly-cycle-source.js";
import { IdentityService } from "./identity.js";
import { ImportService } from "./importer/index.js";
import { InviteService } from "./invites.js";
import { JoiningService } from "./joining.js";
import { PeopleService } from "./people.js";
import { Notifier } from "./notifications.js";
import {
  NoticeAttendanceService,
  NoticeChangeService,
  NoticeComposeService,
  NoticeReminderService,
  NoticeRsvpService,
  NoticeTrackingService,
} from "./notices/index.js";
import { NoticeReminderSource } from "./notices/reminder-source.js";
import { PublishingService } from "./publishing.js";
import { ExportService } from "./reports/export.js";
import { ReportService } from "./reports/figures.js";
import { WeeklyDigestSource } from "./reports/weekly-digest.js";
import { DeadlineChangeService } from "./secretariat/deadline-changes.js";
import { ExtensionRequestService } from "./secretariat/extension-requests.js";
import { InstructionService } from "./secretariat/instructions.js";
import { ItemChangeService } from "./secretariat/item-changes.js";
import { ItemHistoryService } from "./secretariat/item-history.js";
import { ItemQueryService } from "./secretariat/items.js";
import { MeetingDraftService } from "./secretariat/meeting-drafts.js";
import { VerificationService } from "./secretariat/verification.js";
import { WeeklyReportService } from "./weekly-reports.js";
import { DashboardService } from "./dashboard.js";
import { WebLoginService } from "./web-login.js";

export interface ServiceSettings {
  /**
   * Platforms this process runs a bot for (the scheduler's "reachable" counts only these). Not
   * where messages are queued: the outbox queues for every platform a recipient has bound.
   */
  platforms: readonly Platform[];
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
  notices: {
    compose: NoticeComposeService;
    rsvp: NoticeRsvpService;
    tracking: NoticeTrackingService;
    changes: NoticeChangeService;
    reminders: NoticeReminderService;
    attendance: NoticeAttendanceService;
  };
  reports: ReportService;
  exports: ExportService;
  /** The secretariat console (issue 11): one service per use case. */
  meetingDrafts: MeetingDraftService;
  verification: VerificationService;
  deadlineChanges: DeadlineChangeService;
  itemChanges: ItemChangeService;
  extensionRequests: ExtensionRequestService;
  instructions: InstructionService;
  itemHistory: ItemHistoryService;
  items: ItemQueryService;
  botPlatforms: BotPlatformService;
  /** Committees' group chats (/bindgroup); `groupsOf` lists where group-wide posts go. */
  groups: CommitteeGroupService;
  /** /start CODE → contact check → bound (or the secretariat decides); wrong codes throttled. */
  joining: JoiningService;
  /** `peygir people` and `peygir unbind`. */
  people: PeopleService;
  /** The web dashboard: one-time login codes and sessions, and its pages' data (rights checked per call). */
  webLogin: WebLoginService;
  dashboard: DashboardService;
}

export function createServices(deps: ServiceDeps): Services {
  const notifier = new Notifier(deps.i18n, deps.onQueued, deps.logger);
  const publishing = new PublishingService(deps.db, deps.clock, notifier, deps.logger);
  const reports = new ReportService(deps.db, deps.clock);
  return {
    identity: new IdentityService(deps.db, deps.clock),
    invites: new InviteService(deps.db, deps.clock, deps.settings.inviteTtlDays),
    importer: new ImportService(deps.db, deps.clock, notifier),
    notifier,
    publishing,
    assignments: new AssignmentService(deps.db, deps.clock, notifier, deps.logger, deps.settings.maxAttachmentBytes),
    weeklyReports: new WeeklyReportService(deps.db, deps.clock, notifier, deps.settings.maxAttachmentBytes),
    notices: {
      compose: new NoticeComposeService(deps.db, deps.clock, notifier),
      rsvp: new NoticeRsvpService(deps.db, deps.clock, notifier),
      tracking: new NoticeTrackingService(deps.db, deps.clock, notifier),
      changes: new NoticeChangeService(deps.db, deps.clock, notifier),
      reminders: new NoticeReminderService(deps.db, deps.clock, notifier),
      attendance: new NoticeAttendanceService(deps.db, deps.clock),
    },
    botPlatforms: new BotPlatformService(deps.db),
    reports,
    exports: new ExportService(deps.db, deps.clock, deps.i18n),
    meetingDrafts: new MeetingDraftService(deps.db, deps.clock, publishing),
    verification: new VerificationService(deps.db, deps.clock, notifier),
    deadlineChanges: new DeadlineChangeService(deps.db, deps.clock, notifier),
    itemChanges: new ItemChangeService(deps.db, deps.clock, notifier),
    extensionRequests: new ExtensionRequestService(deps.db, deps.clock, notifier),
    instructions: new InstructionService(deps.db, deps.clock, notifier),
    itemHistory: new ItemHistoryService(deps.db),
    items: new ItemQueryService(deps.db, deps.clock),
    groups: new CommitteeGroupService(deps.db, deps.clock),
    joining: new JoiningService(deps.db, deps.clock, notifier),
    people: new PeopleService(deps.db, deps.clock),
    webLogin: new WebLoginService(deps.db, deps.clock),
    dashboard: new DashboardService(deps.db, reports),
  };
}

/**
 * The due-work sources of the services, for the scheduler (composed in app.ts). Another feature's
 * source (notice reminders, group digests) is added to the list there.
 */
export function escalationSources(deps: ServiceDeps, services: Services): DueWorkSource[] {
  return [
    new AssignmentLadderSource(deps.db, services.notifier, deps.settings.platforms),
    new WeeklyCycleSource(deps.db, services.notifier, deps.settings.platforms),
    new NoticeReminderSource(services.notices.reminders),
    new WeeklyDigestSource(deps.db, services.notifier, services.reports, services.groups, deps.i18n),
  ];
}
