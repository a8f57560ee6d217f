#!/usr/bin/env node
import "dotenv/config";
import { runCli } from "./cli/index.js";

await runCli(process.argv);
