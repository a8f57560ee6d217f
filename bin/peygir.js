#!/usr/bin/env node
// The `peygir` command. From a clone it runs the TypeScript sources through tsx (no build step);
// in the Docker image, which holds only the compiled dist/, it runs those.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const source = fileURLToPath(new URL("../src/main.ts", import.meta.url));
if (existsSync(source)) {
  const { register } = await import("tsx/esm/api");
  register();
  await import(source);
} else {
  await import("../dist/src/main.js");
}
