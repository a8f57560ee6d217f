/**
 * The one HTTP server: a health check always, in webhook mode one endpoint per platform, and
 * every other path to the web app (the dashboard; in the sandbox also the web chat).
 *
 * Webhooks are authenticated by a secret in the path on both platforms (Bale's setWebhook
 * takes only a URL and sends no secret header) and, on Telegram, also by the
 * X-Telegram-Bot-Api-Secret-Token header. Comparisons are constant-time.
 */
import type { Component } from "../shared/component.js";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import { getRequestListener } from "@hono/node-server";
import type { Platform } from "../config/index.js";

export interface WebhookTarget {
  platform: Platform;
  secretInHeader: boolean;
  /** Stores and handles one update; resolves when it is safe to answer 200. */
  receive(update: Update): Promise<void>;
}

export interface HttpServerOptions {
  host: string;
  port: number;
  logger: Logger;
  webhookSecret?: string;
  webhooks: WebhookTarget[];
  health(): Promise<Record<string, unknown>>;
  /** The web app (a fetch handler, e.g. a Hono app) for every path that is not /health or a webhook. */
  web?: { fetch(request: Request): Response | Promise<Response> };
}

const MAX_BODY_BYTES = 1024 * 1024;

export function webhookPath(platform: Platform, secret: string): string {
  return `/webhook/${platform}/${secret}`;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw Object.assign(new Error("body too large"), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw Object.assign(new Error("invalid JSON"), { status: 400 });
  }
}

/** How long a stop lets requests under way finish before it closes their connections. */
const CLOSE_GRACE_MS = 3_000;

export async function startHttpServer(o: HttpServerOptions): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const web = o.web ? getRequestListener((request) => o.web!.fetch(request)) : undefined;
  let closing = false;
  const server = createServer(async (req, res) => {
    // A keep-alive client that asks again at once (the web chat polls every second) would keep its
    // socket, and so a stop, open forever: once closing, every answer closes its connection.
    if (closing) res.setHeader("Connection", "close");
    // …and one answered after the stop began is not left to idle out its keep-alive.
    res.once("finish", () => closing && setImmediate(() => server.closeIdleConnections()));
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (req.method === "GET" && (url.pathname === "/health" || url.pathname === "/healthz")) {
        const health = await o.health();
        return send(res, health.ok ? 200 : 503, health);
      }
      const match = /^\/webhook\/(bale|telegram)\/([^/]+)$/.exec(url.pathname);
      if (req.method === "POST" && match && o.webhookSecret) {
        const target = o.webhooks.find((w) => w.platform === match[1]);
        const headerSecret = req.headers["x-telegram-bot-api-secret-token"];
        const authentic =
          target &&
          sameSecret(match[2] ?? "", o.webhookSecret) &&
          (!target.secretInHeader || (typeof headerSecret === "string" && sameSecret(headerSecret, o.webhookSecret)));
        if (!target || !authentic) {
          o.logger.warn({ platform: match[1], remote: req.socket.remoteAddress }, "rejected a webhook call with a wrong secret");
          return send(res, 401, { ok: false });
        }
        const update = (await readJson(req)) as Update;
        if (typeof update?.update_id !== "number") return send(res, 400, { ok: false, error: "not an update" });
        await target.receive(update);
        return send(res, 200, { ok: true });
      }
      if (web && !url.pathname.startsWith("/webhook/")) return await web(req, res);
      return send(res, 404, { ok: false });
    } catch (err) {
      const status = (err as { status?: number }).status ?? 500;
      if (status === 500) o.logger.error({ err }, "HTTP request failed");
      if (!res.headersSent) send(res, status, { ok: false });
    }
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : o.port;
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        // A request under way when the stop came is answered; anything left after the grace is cut.
        const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

/** The HTTP server (health, webhooks, the web app) as a component; `port` is known once started. */
export class HttpServer implements Component {
  readonly name = "HTTP server";
  readonly #o: HttpServerOptions;
  #running?: Awaited<ReturnType<typeof startHttpServer>>;

  constructor(options: HttpServerOptions) {
    this.#o = options;
  }

  get port(): number {
    if (!this.#running) throw new Error("the HTTP server has not started");
    return this.#running.port;
  }

  async start(): Promise<void> {
    this.#running ??= await startHttpServer(this.#o);
  }

  async stop(): Promise<void> {
    await this.#running?.close();
  }
}
