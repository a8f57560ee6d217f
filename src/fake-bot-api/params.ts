// Reading request parameters the way the Bot API does: the same argument may arrive typed (JSON body)
// or as a string (query string, urlencoded, multipart), and objects may arrive as JSON text.
import { badRequest } from "./errors.js";

export type Params = Record<string, unknown>;

export function str(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** Integer argument; like telegram-bot-api, a missing or malformed value yields the default. */
export function int(params: Params, name: string, fallback?: number): number | undefined {
  const raw = str(params, name);
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  return Number.isInteger(value) ? value : fallback;
}

export function clampedInt(params: Params, name: string, fallback: number, min: number, max: number): number {
  const value = int(params, name, fallback) ?? fallback;
  return Math.min(max, Math.max(min, value));
}

export function bool(params: Params, name: string): boolean {
  const value = params[name];
  return value === true || value === "true" || value === "1" || value === 1;
}

/** An object argument that may be JSON text; undefined when absent or empty. */
export function jsonParam(params: Params, name: string, parseError: string): unknown {
  const value = params[name];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw badRequest(parseError);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A list of strings given as an array or JSON text (allowed_updates). */
export function stringList(params: Params, name: string): string[] | undefined {
  const value = jsonParam(params, name, `can't parse ${name} JSON array`);
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return undefined;
  return value.filter((v): v is string => typeof v === "string");
}
