/**
 * The web app: the dashboard for real deployments (and, in the sandbox, the web chat mounted by
 * it), served by the app's one HTTP server beside /health and the webhooks. Security headers on
 * every response, CSRF protection on every state-changing request, assets served from here.
 */
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Logger } from "pino";
import { createI18n, translatorFor, type Translate } from "../i18n/index.js";
import type { Services } from "../services/index.js";
import { mountAssets } from "./assets.js";
import { mountDashboard } from "./dashboard.js";
import { csrfProtection, securityHeaders } from "./security.js";

export interface WebDeps {
  services: Services;
  logger: Logger;
}

/** The Persian translator the web pages use (the dashboard's readers are Persian-speaking officials). */
export function webTranslator(): Translate {
  return translatorFor(createI18n<never>(() => "fa") as never, "fa");
}

export function createWebApp(deps: WebDeps): Hono {
  const web = new Hono();
  web.use("*", securityHeaders());
  web.use("*", csrfProtection());
  web.onError((err, c) => {
    // The CSRF check and other refusals: their own status (403), not an error.
    if (err instanceof HTTPException) return err.getResponse();
    deps.logger.error({ err, path: c.req.path }, "web request failed");
    return c.text("Internal error", 500);
  });
  mountAssets(web);
  mountDashboard(web, { services: deps.services, t: webTranslator() });
  return web;
}
