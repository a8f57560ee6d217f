/**
 * The web app's own files: the Vazirmatn font from its npm package (no CDN: the machines that run
 * Peygir may not reach the internet), the stylesheet and the sandbox chat's script.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Hono } from "hono";
import { CHAT_SCRIPT } from "./chat-script.js";
import { STYLESHEET } from "./styles.js";

const fontPath = path.join(
  path.dirname(createRequire(import.meta.url).resolve("vazirmatn/package.json")),
  "fonts",
  "webfonts",
  "Vazirmatn[wght].woff2",
);

export function mountAssets(web: Hono): void {
  const font = readFileSync(fontPath);
  const cache = { "cache-control": "public, max-age=86400" };
  web.get("/assets/vazirmatn.woff2", (c) => c.body(new Uint8Array(font), 200, { ...cache, "content-type": "font/woff2" }));
  web.get("/assets/app.css", (c) => c.body(STYLESHEET, 200, { ...cache, "content-type": "text/css; charset=utf-8" }));
  web.get("/assets/chat.js", (c) => c.body(CHAT_SCRIPT, 200, { ...cache, "content-type": "text/javascript; charset=utf-8" }));
}
