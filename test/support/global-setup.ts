/**
 * Once per `npm test`: gives the run an id (its databases and folder carry it), says which
 * databases the suite runs on — plainly when the PostgreSQL half does not run — and at the end
 * drops every database and removes every file the run made.
 */
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";

export default async function setup(): Promise<() => Promise<void>> {
  const run = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  process.env.PEYGIR_TEST_RUN = run;
  process.env.PEYGIR_TEST_SCRATCH = path.join(tmpdir(), `peygir-tests-${run}`);
  // Imported once the run's id is set: the module names its databases from it.
  const { cleanUpRun, testDatabases } = await import("./databases.js");
  const names = testDatabases().map((t) => t.name);
  // The workers use the same choice instead of probing again.
  process.env.PEYGIR_TEST_DATABASES = names.join(",");
  const postgres = names.includes("postgres")
    ? "PostgreSQL half: runs"
    : "PostgreSQL half: NOT RUN (no server answers; set PEYGIR_TEST_DATABASES=sqlite,postgres to require it)";
  process.stdout.write(`\ndatabase tests on: ${names.join(" and ")}. ${postgres}\n`);
  return async () => {
    const { dropped } = await cleanUpRun();
    process.stdout.write(
      `database tests ran on: ${names.join(" and ")}. ${names.includes("postgres") ? "PostgreSQL half: ran" : "PostgreSQL half: did NOT run"}; ` +
        `cleaned up ${dropped} PostgreSQL database(s) and the run's temporary folder\n`,
    );
  };
}
