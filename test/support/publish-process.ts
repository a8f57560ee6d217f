/**
 * A publication cut short, for test/e2e/publish-crash.test.ts: what `peygir publish --meeting
 * $MEETING` runs (withCli, the PublishingService), except that when the first chunk of assignments
 * is committed it tells its parent over IPC and goes no further, so the parent kills it there with
 * kill -9, as a crash would.
 */
import { withCli } from "../../src/cli/context.js";

await withCli(async ({ services }) => {
  await services.publishing.publish({
    meetingNumber: process.env.MEETING!,
    actor: { kind: "cli" },
    onProgress: (progress) => {
      process.send!({ kind: "chunk", ...progress });
      // Waits for the kill; the timer keeps the process alive meanwhile.
      return new Promise<void>(() => setInterval(() => undefined, 60_000));
    },
  });
});
