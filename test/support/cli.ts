/** Running `peygir …` in this process (the real command line program), for CLI tests. */
import { vi } from "vitest";
import { buildProgram } from "../../src/cli/index.js";

/** Runs `peygir …args` and returns what it printed. */
export async function peygir(...args: string[]): Promise<string> {
  let output = "";
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    output += String(chunk);
    return true;
  });
  try {
    await buildProgram().parseAsync(["node", "peygir", ...args]);
    return output;
  } finally {
    write.mockRestore();
  }
}

/** Sets environment variables (undefined deletes one) and returns a function that puts them back. */
export function withEnv(vars: Record<string, string | undefined>): () => void {
  const saved = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  apply(vars);
  return () => apply(saved);
}

/**
 * Points the CLI at a test database with no bot token set (messages wait in the outbox), and
 * gives back a function that restores the environment as it was.
 */
export function cliEnvironment(databaseUrl: string): () => void {
  return withEnv({ DATABASE_URL: databaseUrl, BALE_BOT_TOKEN: undefined, TELEGRAM_BOT_TOKEN: undefined });
}
