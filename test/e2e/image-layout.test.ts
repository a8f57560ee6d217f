/**
 * The Docker image's layout runs every management command: the files the Dockerfile's runtime
 * stage copies (read from the Dockerfile itself), with dist/ compiled by tsc as its build stage
 * does and no src/, run through the same `peygir` entry point. (No Docker engine is needed: this
 * is the part of the image that can break when code moves.)
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_FIXTURE } from "../../src/sandbox/index.js";
import { scratchDir } from "../support/databases.js";
import { FIXTURE_PATH } from "../support/e2e.js";

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The paths the runtime stage copies from the build stage (`COPY --from=build … /app/X ./X`). */
function runtimeFiles(): string[] {
  const dockerfile = readFileSync(path.join(ROOT, "Dockerfile"), "utf8");
  const runtime = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
  return [...runtime.matchAll(/^COPY --from=build[^\n]*?((?: \/app\/\S+)+) \.\/\S*$/gm)].flatMap((m) =>
    m[1]!
      .trim()
      .split(/\s+/)
      .map((p) => p.replace(/^\/app\//, "")),
  );
}

describe("the Docker image's layout", () => {
  let image: string;
  const peygir = (...args: string[]) =>
    run(process.execPath, [path.join(image, "bin", "peygir.js"), ...args], {
      cwd: image,
      env: { PATH: process.env.PATH ?? "", HOME: image, DATABASE_URL: `file:${path.join(image, "data", "peygir.db")}` },
    });

  beforeAll(async () => {
    image = mkdtempSync(path.join(scratchDir(), "image-"));
    // The build stage's `npm run build` (tsc -p tsconfig.build.json), into the image folder.
    await run(
      process.execPath,
      [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json", "--outDir", path.join(image, "dist")],
      {
        cwd: ROOT,
      },
    ).catch((error: { stdout?: string }) => {
      // Type errors still emit JavaScript; what matters here is that dist/ is there.
      if (!existsSync(path.join(image, "dist", "src", "main.js"))) throw error;
    });
    for (const file of runtimeFiles()) {
      if (file === "dist") continue;
      if (file === "node_modules") symlinkSync(path.join(ROOT, "node_modules"), path.join(image, "node_modules"));
      else cpSync(path.join(ROOT, file), path.join(image, file), { recursive: true });
    }
  }, 300_000);

  it("copies what the commands need, and no TypeScript sources", () => {
    expect(runtimeFiles()).toEqual(expect.arrayContaining(["package.json", "node_modules", "prisma", "dist", "locales", "bin"]));
    expect(existsSync(path.join(image, "src"))).toBe(false);
    // `peygir sandbox` imports its committee file from the image, not from test/ (which it lacks).
    expect(existsSync(path.join(image, path.relative(ROOT, SANDBOX_FIXTURE)))).toBe(true);
    expect(existsSync(path.join(image, "test"))).toBe(false);
  });

  it("runs --version, import, publish and invite from dist/", async () => {
    expect((await peygir("--version")).stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).version);
    const imported = (await peygir("import", FIXTURE_PATH)).stdout;
    expect(imported).toContain("imported");
    expect(imported).toContain("1405-08 (یکشنبه ۱ آذر ۱۴۰۵): 6 resolution(s), not published yet: peygir publish --meeting 1405-08");
    expect((await peygir("publish", "--meeting", "۱۴۰۵-۰۸")).stdout).toContain("24 assignment(s) created");
    expect((await peygir("invite", "--agency", "tavon")).stdout).toMatch(/code: [A-Z0-9]{10}/);
    expect((await peygir("migrate")).stdout).toBe("database is up to date\n");
  }, 300_000);
});
