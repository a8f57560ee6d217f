/** The `peygir` command line. Operators read English; errors say what to fix. */
import { Command, CommanderError } from "commander";
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
import { startCommand } from "./commands/start.js";

export function buildProgram(): Command {
  const program = new Command("peygir")
    .description("Peygir (پیگیر): follow-up of working-group resolutions on Bale and Telegram")
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
  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
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
