/** Meeting notices: audience, RSVP rules, delivery, tally, reminder times and date checks. Pure. */
export * from "./attendance.js";
export * from "./audience.js";
export * from "./delivery.js";
export * from "./meeting-time.js";
export * from "./rsvp.js";
export * from "./schedule.js";
export * from "./tally.js";
