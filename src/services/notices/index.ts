/** Meeting notices: compose and send, RSVP, tracking, changes, reminders (a scheduler source), attendance. */
export { attendanceOnDay, NoticeAttendanceService, type AttendanceSheet, type DayAttendance } from "./attendance.js";
export { NoticeChangeService, type MoveResult } from "./changes.js";
export { NoticeError, secretariatCommittees, type NoticeActor } from "./common.js";
export { audienceFacts, NoticeComposeService, type DraftResult, type NoticeDraftInput, type SendResult } from "./compose.js";
export { NoticeReminderService, type ReminderPass } from "./reminders.js";
export { NoticeRsvpService, type RsvpResult } from "./rsvp.js";
export { NoticeTrackingService } from "./tracking.js";
