/**
 * A long-running part of the application (the database, a platform's intake, a dispatcher, the
 * HTTP server, the scheduler). src/app.ts starts them in order and stops them in reverse.
 */
export interface Component {
  /** For logs: which component failed to start or stop. */
  readonly name: string;
  start(): Promise<void>;
  /** Ends what is under way and lets go of what `start` took; safe to call once after `start`. */
  stop(): Promise<void>;
}
