/**
 * Security for every web response: strict headers (a CSP that allows only this origin's files and
 * forbids framing, no MIME sniffing, no referrer), and CSRF protection on every state-changing
 * request (hono/csrf: a form or file POST is accepted only from this origin, by its Origin or
 * Sec-Fetch-Site header; JSON and other non-form bodies cannot be sent cross-site without CORS,
 * which this app never grants).
 */
import type { MiddlewareHandler } from "hono";
import { csrf } from "hono/csrf";
import { secureHeaders } from "hono/secure-headers";

export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
    xFrameOptions: "DENY",
    xContentTypeOptions: "nosniff",
    referrerPolicy: "no-referrer",
    crossOriginResourcePolicy: "same-origin",
  });
}

export function csrfProtection(): MiddlewareHandler {
  return csrf();
}
