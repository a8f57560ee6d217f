/** What the secretariat hears when an agency claims an item done or reports a blocker. */
import type { Translate } from "../../i18n/index.js";
import type { OutgoingMessage } from "../../outbox/outbox.js";
import type { AssignmentView } from "./assignment.js";
import { formatsFor } from "./format.js";

export interface AgencyReportNotice {
  kind: "done_claim" | "blocked";
  view: AssignmentView;
  /** Who reported it. */
  by: string;
  text: string | undefined;
  files: number;
}

export function renderAgencyReportNotice(notice: AgencyReportNotice, t: Translate): OutgoingMessage {
  const { view } = notice;
  const vars = { ...itemVars(view, t), by: notice.by };
  const lines = [t(notice.kind === "done_claim" ? "notice-done-claim" : "notice-blocked", vars), "", view.resolution.text];
  if (notice.text)
    lines.push("", t(notice.kind === "done_claim" ? "notice-done-evidence" : "notice-blocked-reason", { text: notice.text }));
  if (notice.files > 0) lines.push(t("notice-files", { count: notice.files }));
  return { text: lines.join("\n") };
}

/** The caption of an evidence file forwarded after a done claim: which item it backs. */
export function renderEvidenceCaption(notice: AgencyReportNotice, t: Translate): string {
  return t("notice-evidence-caption", itemVars(notice.view, t));
}

/** Which agency and item a notice is about, as the texts name them. */
function itemVars(view: AssignmentView, t: Translate) {
  return { agency: view.agency.name, resolution: view.resolution.number, meeting: formatsFor(t).digits(view.meeting.number) };
}
