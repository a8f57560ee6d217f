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

const CLI_VARIABLES = ["DATABASE_URL", "BALE_BOT_TOKEN", "TELEGRAM_BOT_TOKEN"] as const;

/**
 * Points the CLI at a test database with no bot token set (messages wait in the outbox), and
 * gives back a function that restores the environment as it was.
 */
export function cliEnvironment(databaseUrl: string): () => void {
  const saved = new Map(CLI_VARIABLES.map((name) => [name, process.env[name]]));
  process.env.DATABASE_URL = databaseUrl;
  delete process.env.BALE_BOT_TOKEN;
  delete process.env.TELEGRAM_BOT_TOKEN;
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
