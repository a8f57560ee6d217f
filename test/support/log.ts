/** A pino destination that keeps what the app logged, to read it in a test. */
import { Writable } from "node:stream";

export interface CapturedLog {
  stream: Writable;
  /** Everything written so far. */
  text(): string;
  /** The JSON lines written so far. */
  lines(): Record<string, unknown>[];
}

export function captureLog(): CapturedLog {
  let out = "";
  const stream = new Writable({ write: (chunk, _enc, done) => ((out += chunk.toString()), done()) });
  return {
    stream,
    text: () => out,
    lines: () =>
      out
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
