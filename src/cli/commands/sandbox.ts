/** `peygir sandbox [--port 3000]`: the product against its built-in Bale-compatible Bot API, with a web chat. */
import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import { createLogger } from "../../logging/logger.js";
import { startSandbox } from "../../sandbox/index.js";

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError("expected a port number 0-65535");
  return port;
}

export function sandboxCommand(program: Command): void {
  program
    .command("sandbox")
    .description("try Peygir with no token: a built-in fake Bale, the pardis committee loaded, and a web chat to play everyone")
    .option("--port <port>", "the web app's port (0 picks a free one)", parsePort, 3000)
    .action(async (opts: { port: number }) => {
      const logger = createLogger(process.env.LOG_LEVEL ?? "warn");
      process.stdout.write("starting the sandbox (fake Bale, fresh database, pardis committee)…\n");
      const sandbox = await startSandbox({ port: opts.port, logger });
      process.stdout.write(`Peygir sandbox: ${sandbox.url}  (dashboard: send /dashboard in a chat; Ctrl+C stops it)\n`);
      const stop = () => void sandbox.stop().finally(() => process.exit(0));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}
