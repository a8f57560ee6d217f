/**
 * The agency side of assignments: the actions (agency-actions.ts), what is shown about an item
 * (views.ts), and who belongs where (directory.ts).
 */
export * from "./agency-actions.js";
export * from "./directory.js";
export * from "./views.js";
