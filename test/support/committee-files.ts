/**
 * Committee files for import tests: the Pardis fixture, variants of it, and a scratch folder to
 * write them to (call `scratchFiles()` at the top of a test file: it registers its own clean-up).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";

export const FIXTURE = readFileSync(new URL("../../fixtures/pardis.yaml", import.meta.url), "utf8");

/** The fixture with each `from` replaced by its `to` (each must occur). */
export function variant(...replacements: [from: string, to: string][]): string {
  return replacements.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`the fixture has no ${JSON.stringify(from)}`);
    return text.replace(from, to);
  }, FIXTURE);
}

export interface ScratchFiles {
  /** The folder (valid inside tests). */
  readonly dir: string;
  /** Writes `text` to a new .yaml file there; returns its path. */
  writeYaml(text: string): string;
}

export function scratchFiles(prefix = "peygir-import-"): ScratchFiles {
  let dir = "";
  let count = 0;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), prefix));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    get dir() {
      return dir;
    },
    writeYaml(text) {
      const file = path.join(dir, `committee-${++count}.yaml`);
      writeFileSync(file, text);
      return file;
    },
  };
}
