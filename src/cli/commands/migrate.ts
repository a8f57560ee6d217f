/** `peygir migrate`: applies the committed migrations (start does this too). */
import type { Command } from "commander";
import { loadDatabaseUrl } from "../../config/index.js";
import { migrateDatabase } from "../../db/migrate.js";

export function migrateCommand(program: Command): void {
  program
    .command("migrate")
    .description("apply database migrations (SQLite or PostgreSQL, from DATABASE_URL)")
    .action(async () => {
      const output = await migrateDatabase(loadDatabaseUrl());
      process.stdout.write(/No pending migrations/.test(output) ? "database is up to date\n" : "migrations applied\n");
    });
}
