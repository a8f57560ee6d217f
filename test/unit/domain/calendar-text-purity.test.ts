import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const domain = fileURLToPath(new URL("../../../src/domain/", import.meta.url));
const files = [
  ...["calendar", "text", "minutes"].flatMap((dir) => readdirSync(join(domain, dir)).map((f) => join(domain, dir, f))),
  join(domain, "result.ts"),
].filter((f) => f.endsWith(".ts"));

it.each(files)("%s reads no clock and does no I/O", (file) => {
  const code = readFileSync(file, "utf8");
  expect(code).not.toMatch(/Date\.now\s*\(/);
  expect(code).not.toMatch(/new Date\(\s*\)/);
  expect(code).not.toMatch(/\bprocess\.|from 'node:|from 'fs'|require\(/);
});
