/**
 * The notice reminders as a due-work source of the scheduler (services/due-work.ts). Each pass
 * runs the reminder steps due at `pass.now`; the claim is a conditional update of the notice's
 * own due time (`nextReminderAt`/`nextReminderStep`), with the step's messages in the same
 * transaction and a dedupe key each (see ./reminders.ts): two instances, or a pass after a crash,
 * send nothing twice. A dry run only says what is due.
 */
import type { DueWorkSource, PassContext, SourcePassResult, UpcomingEntry } from "../due-work.js";
import type { NoticeReminderService } from "./reminders.js";

export class NoticeReminderSource implements DueWorkSource {
  readonly name = "notice-reminders";

  constructor(private readonly reminders: NoticeReminderService) {}

  async runPass(pass: PassContext): Promise<SourcePassResult> {
    if (pass.dryRun) {
      const due = await this.reminders.upcoming(new Date(0), pass.now);
      return {
        claimed: due.length,
        acted: 0,
        queued: due.flatMap((d) => d.recipients.map((recipient) => ({ recipient, kind: "notice_reminder", summary: d.what, messages: 0 }))),
      };
    }
    const result = await this.reminders.runDue(pass.now);
    return { claimed: result.notices, acted: result.notices, queued: result.queued };
  }

  upcoming(from: Date, until: Date, committeeCode?: string): Promise<UpcomingEntry[]> {
    return this.reminders.upcoming(from, until, committeeCode);
  }
}
