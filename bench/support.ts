/** Small helpers shared by the benchmarks: arguments, memory sampling, printing. */

export function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Samples RSS and heap every 50 ms and keeps the peaks. */
export class MemorySampler {
  peakRssMb = 0;
  peakHeapMb = 0;
  readonly #timer: NodeJS.Timeout;

  constructor(intervalMs = 50) {
    this.#sample();
    this.#timer = setInterval(() => this.#sample(), intervalMs);
  }

  #sample(): void {
    const m = process.memoryUsage();
    this.peakRssMb = Math.max(this.peakRssMb, m.rss / 1_048_576);
    this.peakHeapMb = Math.max(this.peakHeapMb, m.heapUsed / 1_048_576);
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
