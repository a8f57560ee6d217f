/**
 * `npm run bench -- <name> [options]`: runs one benchmark and prints its figures.
 *   outbox   1,000 notifications through a rate-limited fake API (see bench/outbox.ts)
 *   notice   a meeting notice to 1,000 recipients through a rate-limited fake API (bench/notice.ts)
 *   inbound  200 users pressing buttons and replying, against a bare grammY bot (bench/inbound.ts)
 *   sweep    one scheduler pass over 10k, 100k and 1M open assignments with 1,000 due, SQLite and PostgreSQL (bench/sweep.ts)
 *   report   figures, chart and workbook of a committee of 500 agencies and 20,000 assignments (bench/report.ts)
 *   dashboard the overview page for 500 agencies and 20,000 assignments, p95 over 200 requests (bench/dashboard.ts)
 *   scale    the bot's RSS, publish time and delivery rate with 10,000 agencies, 40,000 people, 200,000 assignments (bench/scale.ts)
 */
const benches: Record<string, () => Promise<(args: string[]) => Promise<void>>> = {
  outbox: async () => (await import("./outbox.js")).runOutboxBench,
  notice: async () => (await import("./notice.js")).runNoticeBench,
  inbound: async () => (await import("./inbound.js")).runInboundBench,
  sweep: async () => (await import("./sweep.js")).runSweepBench,
  report: async () => (await import("./report.js")).runReportBench,
  dashboard: async () => (await import("./dashboard.js")).runDashboardBench,
  scale: async () => (await import("./scale.js")).runScaleBench,
};

const [name, ...args] = process.argv.slice(2);
const load = name ? benches[name] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join("|")}> [options]`);
  process.exit(2);
}
await (
  await load()
)(args);
process.exit(0);
