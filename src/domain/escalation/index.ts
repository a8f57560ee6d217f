/** Escalation: the policy per committee, the ladder of an assignment, the schedule of a weekly cycle — pure. */
export * from "./policy.js";
export * from "./ladder.js";
export * from "./weekly-cycle.js";
export { addWorkingHours, addWorkingOffset } from "./working-time.js";
