/**
 * The bot as operators run it: `node bin/peygir.js start` in a child process, so tests can
 * send it signals (SIGTERM for an orderly stop, SIGKILL for a crash) and read its JSON logs.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface BotProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the first log line matching, or rejects after timeoutMs. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnBot(env: Record<string, string>, args: string[] = ["start"]): BotProcess {
  // Only what the bot needs: no tokens or URLs leak in from the developer's environment.
  const base = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", NODE_ENV: "test" };
  const child = spawn(process.execPath, [path.join(ROOT, "bin", "peygir.js"), ...args], {
    cwd: ROOT,
    env: { ...base, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => output,
    exited,
    waitForLog(pattern, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = output.split("\n").find((l) => pattern.test(l));
          if (line === undefined) return;
          cleanup();
          resolve(line);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no log line matching ${pattern} within ${timeoutMs} ms; output:\n${output.slice(-3000)}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        void exited.then(() =>
          setTimeout(() => {
            if (listeners.has(check)) {
              cleanup();
              reject(new Error(`the bot exited before logging ${pattern}; output:\n${output.slice(-3000)}`));
            }
          }, 50),
        );
        check();
      });
    },
  };
}
