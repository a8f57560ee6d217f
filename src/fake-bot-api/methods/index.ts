// The method table. Lookup is case-insensitive, as in telegram-bot-api (which lowercases method names).
import { commandMethods } from "./commands.js";
import type { MethodHandler } from "./context.js";
import { fileMethods } from "./files.js";
import { messageMethods } from "./messages.js";
import { updateMethods } from "./updates.js";

export interface MethodEntry {
  name: string;
  handler: MethodHandler;
}

const table = new Map<string, MethodEntry>();
for (const group of [updateMethods, messageMethods, fileMethods, commandMethods]) {
  for (const [name, handler] of Object.entries(group)) table.set(name.toLowerCase(), { name, handler });
}

export function findMethod(name: string): MethodEntry | undefined {
  return table.get(name.toLowerCase());
}

export const METHOD_NAMES: readonly string[] = [...table.values()].map((entry) => entry.name);

export { Answer, type MethodContext, type MethodHandler } from "./context.js";
