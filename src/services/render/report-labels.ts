/** Short labels the reports use for statuses (one term per status, without the explanations an assignment card adds). */
import type { AssignmentStatus } from "../../domain/assignments/status.js";
import type { Translate } from "../../i18n/index.js";

export const statusLabel = (t: Translate, status: AssignmentStatus | string): string => t(`report-status-${status.replace(/_/g, "-")}`);
