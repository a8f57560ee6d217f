/** Small helpers shared by the benchmarks: arguments, memory sampling, printing, fresh databases. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

export function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Samples RSS and heap every 50 ms and keeps the peaks, overall and of each phase marked. */
export class MemorySampler {
  peakRssMb = 0;
  peakHeapMb = 0;
  /** The RSS when sampling began: what the process held before (a seeding's, which V8 keeps). */
  readonly startRssMb: number;
  /** The peak RSS of each phase, in the order marked. */
  readonly phases: { name: string; peakRssMb: number }[] = [];
  #phasePeakRssMb = 0;
  readonly #timer: NodeJS.Timeout;

  constructor(intervalMs = 50) {
    this.startRssMb = process.memoryUsage().rss / 1_048_576;
    this.#sample();
    this.#timer = setInterval(() => this.#sample(), intervalMs);
  }

  #sample(): void {
    const m = process.memoryUsage();
    this.peakRssMb = Math.max(this.peakRssMb, m.rss / 1_048_576);
    this.peakHeapMb = Math.max(this.peakHeapMb, m.heapUsed / 1_048_576);
    this.#phasePeakRssMb = Math.max(this.#phasePeakRssMb, m.rss / 1_048_576);
  }

  /** Ends a phase: its peak is kept under `name`, and the next phase's starts from now. */
  mark(name: string): void {
    this.#sample();
    this.phases.push({ name, peakRssMb: this.#phasePeakRssMb });
    this.#phasePeakRssMb = process.memoryUsage().rss / 1_048_576;
  }

  stop(): void {
    this.#sample();
    clearInterval(this.#timer);
  }
}

export function printTable(title: string, rows: [string, string | number][]): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n${title}`);
  console.log("─".repeat(title.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** A fresh, empty database for a benchmark and how to drop it. */
export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database: a SQLite file in a temporary folder, or on PostgreSQL a database created next
 * to PEYGIR_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test) and dropped after.
 * `label` names it (letters, digits and _), so two benchmarks never share one.
 */
export async function benchDatabase(kind: string, label: string): Promise<BenchDatabase> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), `peygir-bench-${label}-`));
    return { url: `file:${path.join(dir, "bench.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  if (kind !== "postgres") throw new Error(`unknown database "${kind}" (expected sqlite or postgres)`);
  const base = process.env.PEYGIR_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const name = `peygir_bench_${label}_${process.pid}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name}`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
