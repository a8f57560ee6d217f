#!/usr/bin/env node
import "dotenv/config";
import { runCli } from "./cli/index.js";

// `peygir invite … | head` closes our stdout early: that is the reader's choice, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

await runCli(process.argv);
