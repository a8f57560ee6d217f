/**
 * Committee files: the YAML a secretariat writes to load a working group with its agencies,
 * people, meetings and resolutions (`peygir import`). Pure: text in, document or errors out.
 */
export { type CommitteeFileResult, fileSizeProblem, formatCommitteeFileError, parseCommitteeFile } from "./parse.js";
export { COMMITTEE_FILE_LIMITS } from "./limits.js";
export {
  type AgencyEntry,
  type AgencyKind,
  type AgencyRole,
  type CommitteeCalendar,
  type CommitteeEntry,
  type CommitteeFile,
  type CommitteeFileError,
  type CommitteeRole,
  type Lead,
  type MeetingEntry,
  type PersonEntry,
  type QuestionType,
  type QuotaEntry,
  type ResolutionEntry,
  type ResolutionKind,
  type RoleEntry,
  type WeeklyReportQuestion,
  type WeeklyReportTemplate,
  AGENCY_KINDS,
  AGENCY_ROLES,
  COMMITTEE_ROLES,
  QUESTION_TYPES,
  RESOLUTION_KINDS,
} from "./types.js";
