/**
 * A load balancer in front of several bot instances' webhooks, as a reverse proxy would be: each
 * POST goes to the next instance in turn, and one that cannot be reached is answered 502, so the
 * platform retries the update (it then goes to the next instance).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RoundRobin {
  url: string;
  /** POSTs forwarded to each target, by index. */
  forwarded: number[];
  close(): Promise<void>;
}

export async function startRoundRobin(targets: string[]): Promise<RoundRobin> {
  let next = 0;
  const forwarded = targets.map(() => 0);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const index = next++ % targets.length;
      forwarded[index]!++;
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string" && k !== "host" && k !== "content-length") headers[k] = v;
      fetch(targets[index]! + (req.url ?? "/"), { method: req.method ?? "POST", headers, body: Buffer.concat(chunks) })
        .then(async (answer) => {
          const body = Buffer.from(await answer.arrayBuffer());
          res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "text/plain" });
          res.end(body);
        })
        .catch(() => {
          res.writeHead(502);
          res.end("bad gateway");
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    forwarded,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A port free now on 127.0.0.1 (for a child process told which port to listen on). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
