/**
 * The agency side of assignments: the actions (agency-actions.ts), what is shown about an item
 * (views.ts), who belongs where (directory.ts), and the cards that follow each change (cards.ts).
 */
export * from "./agency-actions.js";
export * from "./directory.js";
export * from "./views.js";
export * from "./cards.js";
