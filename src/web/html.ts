/**
 * The page shell every web page shares: Persian, right to left, the bundled Vazirmatn font and the
 * one stylesheet (no inline styles or scripts: the CSP allows only this origin's files).
 * Pages are built with hono/html, which escapes every interpolated value.
 */
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export function page(o: { title: string; body: Html; scripts?: string[]; bodyClass?: string }): Html {
  return html`<!doctype html>
    <html lang="fa" dir="rtl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>${o.title}</title>
        <link rel="preload" href="/assets/vazirmatn.woff2" as="font" type="font/woff2" crossorigin />
        <link rel="stylesheet" href="/assets/app.css" />
        ${(o.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`)}
      </head>
      <body class="${o.bodyClass ?? ""}">
        ${o.body}
      </body>
    </html>`;
}
