// The request log as a ring buffer: constant memory and O(1) appends even in long benchmarks.
import type { RequestLogEntry } from "./types.js";

export class RequestLog {
  private readonly ring: (RequestLogEntry | undefined)[];
  private next = 0;
  private count = 0;

  constructor(private readonly capacity: number) {
    this.ring = new Array<RequestLogEntry | undefined>(capacity);
  }

  get enabled(): boolean {
    return this.capacity > 0;
  }

  add(entry: RequestLogEntry): void {
    if (this.capacity === 0) return;
    this.ring[this.next] = entry;
    this.next = (this.next + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
  }

  /** Entries oldest first. */
  entries(): RequestLogEntry[] {
    const start = (this.next - this.count + this.capacity) % this.capacity;
    const out: RequestLogEntry[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.ring[(start + i) % this.capacity]!);
    return out;
  }

  clear(): void {
    this.ring.fill(undefined);
    this.next = 0;
    this.count = 0;
  }
}
