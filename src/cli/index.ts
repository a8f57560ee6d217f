/** The `peygir` command line. Operators read English; errors say what to fix. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Command, CommanderError } from "commander";
import { PACKAGE_ROOT } from "../shared/paths.js";
import { ConfigError } from "../config/index.js";
import { errorText } from "../logging/scrub.js";
import { importCommand } from "./commands/import.js";
import { cycleCommand } from "./commands/cycle.js";
import { exportCommand } from "./commands/export.js";
import { inviteCommand } from "./commands/invite.js";
import { migrateCommand } from "./commands/migrate.js";
import { peopleCommands } from "./commands/people.js";
import { publishCommand } from "./commands/publish.js";
import { reportCommand } from "./commands/report.js";
import { sandboxCommand } from "./commands/sandbox.js";
import { schedulerCommands } from "./commands/scheduler.js";
import { startCommand } from "./commands/start.js";

export function buildProgram(): Command {
  const program = new Command("peygir")
    .description("Peygir (پیگیر): follow-up of working-group resolutions on Bale and Telegram")
    .version(packageVersion(), "-V, --version", "print the version")
    .showHelpAfterError()
    .exitOverride();
  startCommand(program);
  migrateCommand(program);
  inviteCommand(program);
  publishCommand(program);
  cycleCommand(program);
  importCommand(program);
  reportCommand(program);
  exportCommand(program);
  peopleCommands(program);
  schedulerCommands(program);
  sandboxCommand(program);
  return program;
}

/** The version in package.json (the one file both the clone and the image have). */
function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    const program = buildProgram();
    // A bare `peygir` shows what it can do; the bot starts only when asked (`peygir start`).
    if (argv.length <= 2) {
      program.outputHelp();
      return;
    }
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode);
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n\nSee README.md, "Configuration", for every variable.\n`);
      process.exit(2);
    }
    process.stderr.write(`error: ${errorText(error)}\n`);
    process.exit(1);
  }
}
