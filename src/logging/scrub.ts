/**
 * The one scrubber of secrets. Every error text passes through it before it is logged or stored
 * (the logger's hooks, the outbox's `lastError`, an identity's `unreachableReason`, audit rows):
 * grammY puts the bot token in every API URL, and network errors quote that URL.
 *
 * Two nets: the secrets this process was configured with (tokens, the webhook secret, the
 * database password), replaced wherever they occur whatever their length; and shapes that are
 * secret whoever configured them — anything shaped like a bot token as the config accepts one
 * (digits, a colon, 10+ token characters), the token part of a `/bot<token>/` path, and the
 * password of a `scheme://user:password@host` URL.
 */
import type { Config } from "../config/index.js";

export const REDACTED = "<redacted>";

/** As loose as the config's token check (`^\d+:[A-Za-z0-9_-]{10,}$`), so no accepted token slips through. */
const TOKEN_SHAPE = /(bot)?\d+:[A-Za-z0-9_-]{10,}/g;
/** `/bot<anything>/method`: whatever sits between "bot" and the method is a token. */
const TOKEN_IN_PATH = /\/bot[^/\s"'?#]+\//g;
const URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^:/@\s"']*:)[^@\s"']+@/gi;

const configured = new Set<string>();

/** The secrets a configuration holds: bot tokens, the webhook secret, the database password. */
export function secretsOf(config: Pick<Config, "platforms" | "webhook" | "databaseUrl">): string[] {
  const secrets = config.platforms.map((p) => p.token);
  if (config.webhook) secrets.push(config.webhook.secret);
  const password = databasePassword(config.databaseUrl);
  if (password) secrets.push(password);
  return secrets;
}

function databasePassword(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.password ? decodeURIComponent(parsed.password) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Adds secrets to scrub from now on, in every text of this process. Called once the
 * configuration is read (startApp, the CLI); an empty string is ignored.
 */
export function registerSecrets(secrets: readonly string[]): void {
  for (const secret of secrets) {
    if (secret === "") continue;
    configured.add(secret);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) configured.add(encoded);
  }
}

/** The text with every secret replaced by `<redacted>`. */
export function scrubSecrets(text: string): string {
  let out = text;
  // Longest first, so a secret that contains another is replaced whole.
  for (const secret of [...configured].sort((a, b) => b.length - a.length)) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out
    .replace(TOKEN_SHAPE, (_m, bot: string | undefined) => `${bot ?? ""}${REDACTED}`)
    .replace(TOKEN_IN_PATH, (m) => (m === `/bot${REDACTED}/` ? m : `/bot${REDACTED}/`))
    .replace(URL_PASSWORD, `$1${REDACTED}@`);
}

/** An error (or anything thrown) as one scrubbed line of text, fit to store. */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : JSON.stringify(error);
  return scrubSecrets(String(message ?? error));
}

/** Longest error text a log line or a stored row carries: errors about a value may quote all of it. */
const BRIEF_MAX = 300;

/** An error as a short scrubbed line: its class, code and the start of its message. */
export function briefError(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  const name = error instanceof Error ? error.name : "";
  const text = errorText(error).replace(/\s+/g, " ").trim();
  const head = [name, typeof code === "string" || typeof code === "number" ? String(code) : ""].filter(Boolean).join(" ");
  const line = head ? `${head}: ${text}` : text;
  return line.length > BRIEF_MAX ? `${line.slice(0, BRIEF_MAX)}…` : line;
}
