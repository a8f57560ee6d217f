/** Meeting minutes to resolutions: splitting, the agencies named, deadlines and other hints. Pure. */
export { type MinutesErrorCode, type MinutesResult, splitMinutes } from "./split.js";
export { type KnownAgency, type ProposedParties, proposeParties } from "./agencies.js";
export { type ProposedKind, type ResolutionHints, hintsOf } from "./hints.js";
export {
  type DeadlineErrorCode,
  type DeadlineResult,
  type DeadlineSpan,
  type DeadlineSpec,
  MAX_SPAN_DAYS,
  endOfSpan,
  parseDeadlineInput,
  resolveDeadline,
  workingDayFrom,
} from "./deadline.js";
