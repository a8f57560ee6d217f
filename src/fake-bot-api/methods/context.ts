// What every method handler gets, and how it answers.
import type { UploadedFile } from "../body.js";
import type { Params } from "../params.js";
import type { BotState, World } from "../state.js";

export interface MethodContext {
  world: World;
  bot: BotState;
  /** The method's canonical name (requests may spell it in any case). */
  method: string;
  params: Params;
  files: Map<string, UploadedFile>;
  /** Aborted when the client goes away or the server closes. */
  signal: AbortSignal;
}

/** A result with the optional `description` some methods add (setWebhook: "Webhook was set"). */
export class Answer {
  constructor(
    readonly result: unknown,
    readonly description?: string,
  ) {}
}

export type MethodHandler = (ctx: MethodContext) => unknown;
