import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, scrubSecrets } from "../../src/logging/logger.js";

const TOKEN = "123456789:AAbbCCddEEffGGhhIIjjKKllMM";

describe("logger", () => {
  it("scrubs bot tokens from text and API URLs", () => {
    expect(scrubSecrets(`https://tapi.bale.ai/bot${TOKEN}/sendMessage`)).toBe("https://tapi.bale.ai/bot<redacted>/sendMessage");
    expect(scrubSecrets(`token ${TOKEN} here`)).toBe("token <redacted> here");
  });

  it("never writes a token, whether in a message, a field or an error", () => {
    let out = "";
    const sink = new Writable({ write: (chunk, _enc, done) => ((out += chunk.toString()), done()) });
    const logger = createLogger("info", sink);
    logger.info({ url: `https://api.telegram.org/bot${TOKEN}/getMe`, token: TOKEN }, `calling bot${TOKEN}`);
    logger.error({ err: new Error(`request to https://api.telegram.org/bot${TOKEN}/getUpdates failed`) }, "failed");
    logger.child({ platform: "bale" }).warn({ nested: { deeper: { t: TOKEN } } }, "nested");
    expect(out).not.toContain("AAbbCCddEEffGGhhIIjjKKllMM");
    expect(out.split("\n").filter(Boolean)).toHaveLength(3);
    expect(out).toContain("<redacted>");
  });
});
