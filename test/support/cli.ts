/** Running the real `peygir` program in this process (fast), with an environment set for the test. */
import { vi } from "vitest";
import { buildProgram } from "../../src/cli/index.js";

/** Runs `peygir …args` and returns what it printed on stdout. */
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
