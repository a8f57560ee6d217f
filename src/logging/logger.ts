/**
 * pino JSON logs. Secrets must never reach a log line: grammY puts the token in every API URL,
 * so besides redacting well-known fields every string that is logged goes through the one
 * scrubber (./scrub.ts), which knows the configured secrets and the shapes of tokens.
 */
import pino, { type Logger } from "pino";
import { scrubSecrets } from "./scrub.js";

export type { Logger };
export { scrubSecrets };

function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubSecrets(value);
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) {
    return { type: value.name, message: scrubSecrets(value.message), stack: value.stack ? scrubSecrets(value.stack) : undefined };
  }
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubDeep(v, depth + 1);
  return out;
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: "peygir" },
      redact: {
        paths: ["token", "*.token", "config.platforms[*].token", "webhook.secret", "*.secret", "headers.authorization"],
        censor: "<redacted>",
      },
      serializers: { err: (e: unknown) => scrubDeep(e) },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => scrubDeep(a)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
