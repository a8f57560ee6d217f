// One API call from token and method to answer: authentication, method lookup, fault injection, the
// handler, and the bookkeeping (stats, request log, events). HTTP and webhook replies both come through here.
import { setTimeout as sleep } from "node:timers/promises";
import type { UploadedFile } from "./body.js";
import { ApiError, notFound, unauthorized } from "./errors.js";
import { nginxErrorPage, type FaultEffect } from "./faults.js";
import { findMethod, Answer, type MethodContext, type MethodHandler } from "./methods/index.js";
import { str, type Params } from "./params.js";
import type { World } from "./state.js";

export interface Call {
  token: string;
  method: string;
  params: Params;
  files: Map<string, UploadedFile>;
  signal: AbortSignal;
}

export type Outcome = { kind: "answer"; status: number; contentType: string; body: string; description?: string } | { kind: "drop" };

const JSON_TYPE = "application/json";

export function errorOutcome(error: ApiError, html = false): Outcome {
  if (html) {
    return {
      kind: "answer",
      status: error.status,
      contentType: "text/html",
      body: nginxErrorPage(error.status),
      description: error.description,
    };
  }
  return {
    kind: "answer",
    status: error.status,
    contentType: JSON_TYPE,
    body: JSON.stringify(error.toBody()),
    description: error.description,
  };
}

function okOutcome(result: unknown): Outcome {
  const body =
    result instanceof Answer
      ? { ok: true, result: result.result, ...(result.description ? { description: result.description } : {}) }
      : { ok: true, result };
  return { kind: "answer", status: 200, contentType: JSON_TYPE, body: JSON.stringify(body) };
}

async function runHandler(world: World, handler: MethodHandler, ctx: MethodContext, fault: FaultEffect | undefined): Promise<Outcome> {
  if (fault) {
    world.stats.faults++;
    if (fault.delayMs > 0) await sleep(fault.delayMs, undefined, { signal: ctx.signal }).catch(() => undefined);
    if (fault.drop) return { kind: "drop" };
    if (fault.error) return errorOutcome(fault.error, fault.html);
  }
  let outcome: Outcome;
  try {
    const result = await handler(ctx);
    world.stats.accepted[ctx.method] = (world.stats.accepted[ctx.method] ?? 0) + 1;
    outcome = okOutcome(result);
  } catch (error) {
    world.stats.errors++;
    if (!(error instanceof ApiError)) {
      console.error(`fake Bot API: ${ctx.method} crashed`, error);
      return errorOutcome(new ApiError(500, "Internal Server Error"));
    }
    outcome = errorOutcome(error);
  }
  return fault?.dropAfterDelivery ? { kind: "drop" } : outcome;
}

async function run(world: World, call: Call): Promise<{ outcome: Outcome; method: string }> {
  const bot = world.bots.get(call.token);
  if (!bot) return { outcome: errorOutcome(unauthorized()), method: call.method };
  const entry = findMethod(call.method);
  if (!entry || world.missingMethods.has(entry.name.toLowerCase())) {
    return { outcome: errorOutcome(notFound()), method: call.method };
  }
  const chatId = str(call.params, "chat_id");
  const parseMode = str(call.params, "parse_mode");
  if (parseMode !== undefined) world.parseModes.push({ token: call.token, method: entry.name, chatId, parseMode });

  const fault = world.faults.match({ token: call.token, method: entry.name, chatId });
  const ctx: MethodContext = { world, bot, method: entry.name, params: call.params, files: call.files, signal: call.signal };
  return { outcome: await runHandler(world, entry.handler, ctx, fault), method: entry.name };
}

export async function execute(world: World, call: Call): Promise<Outcome> {
  const started = performance.now();
  const { outcome, method } = await run(world, call);
  const entry = {
    time: world.now(),
    token: call.token,
    method,
    params: call.params,
    status: outcome.kind === "answer" ? outcome.status : 0,
    outcome: outcome.kind === "answer" ? ("answered" as const) : ("dropped" as const),
    ...(outcome.kind === "answer" && outcome.description ? { description: outcome.description } : {}),
    durationMs: performance.now() - started,
  };
  world.log.add(entry);
  if (world.events.listenerCount("request") > 0) world.events.emit("request", entry);
  return outcome;
}
