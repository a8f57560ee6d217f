/** Runs the real command line program in this process and returns what it printed. */
import { vi } from "vitest";
import { buildProgram } from "../../src/cli/index.js";

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
