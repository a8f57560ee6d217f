// Defaults of the fake's options, in one place.
import type { PlatformProfile } from "./platform.js";
import { randomSeed } from "./random.js";
import type { FakeBotApiOptions } from "./types.js";

export type ResolvedOptions = Required<Omit<FakeBotApiOptions, "firstUpdateId" | "rateLimit" | "seed" | "requestLog">> &
  Pick<FakeBotApiOptions, "firstUpdateId" | "rateLimit"> & { seed: number; requestLog: number };

/** Options with every default filled in; an option given as undefined keeps its default. */
export function resolveOptions(options: FakeBotApiOptions, profile: PlatformProfile): ResolvedOptions {
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const log = options.requestLog ?? true;
  return {
    host: "127.0.0.1",
    port: 0,
    missingMethods: profile.defaultMissingMethods,
    baleCommandEntities: false,
    baleStrictParseMode: false,
    pollThrottle: false,
    callbackQueryTtlMs: 15_000,
    webhookRetryMs: 100,
    webhookRetryMaxMs: 5_000,
    webhookTimeoutMs: 10_000,
    maxUploadBytes: 50 * 1024 * 1024,
    maxDownloadBytes: 20 * 1024 * 1024,
    keepFileContentBytes: 10 * 1024 * 1024,
    now: Date.now,
    ...(given as FakeBotApiOptions),
    requestLog: log === true ? 10_000 : log === false ? 0 : log,
    seed: options.seed ?? randomSeed(),
  };
}
