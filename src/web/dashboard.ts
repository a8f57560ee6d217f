/**
 * The dashboard, read-only, for a committee's secretariat and governorate (the whole committee)
 * and for an agency's head or liaison (their own agency only). Sign-in by a one-time link from
 * chat (`/dashboard`); the link's page asks for a press before the code is spent, so a link
 * preview cannot use it up. The session cookie is HttpOnly, SameSite=Strict, Secure behind https.
 * Every page asks the dashboard service, which checks the reader's roles on every request.
 */
import type { Context, Hono } from "hono";
import { compress } from "hono/compress";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { html } from "hono/html";
import { renderChartPng } from "../exports/chart.js";
import type { AgencyFigures, CommitteeFigures, Figures } from "../domain/reports/index.js";
import type { Translate } from "../i18n/index.js";
import { formatsFor } from "../services/render/format.js";
import { periodLabel } from "../services/render/period.js";
import type { Services } from "../services/index.js";
import { SESSION_TTL_MS } from "../services/web-login.js";
import { page, type Html } from "./html.js";

const COOKIE = "peygir_session";

interface DashboardDeps {
  services: Services;
  t: Translate;
}

const statusKey = (status: string): string => `assignment-status-${status.replace(/_/g, "-")}`;
/**
 * The page with the templates' indentation between tags collapsed to one line break (browsers
 * collapse it anyway): a third of the overview of 500 agencies was indentation.
 */
const compact = async (markup: Html): Promise<string> => String(await markup).replace(/>[ \t]*\n\s*</g, ">\n<");
const isHttps = (c: Context): boolean => new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";

export function mountDashboard(web: Hono, deps: DashboardDeps): void {
  const { services, t } = deps;
  const f = formatsFor(t);
  const percent = (share: number | null): string => (share === null ? t("web-no-value") : `${f.number(Math.round(share * 100))}٪`);
  // The chart of figures the report service kept (the committee unchanged) is drawn once, not on every page view.
  const charts = new WeakMap<CommitteeFigures, Promise<Buffer>>();
  const chartOf = (report: { committee: { name: string }; figures: CommitteeFigures }): Promise<Buffer> => {
    let png = charts.get(report.figures);
    if (!png) {
      png = renderChartPng({
        committeeName: report.committee.name,
        figures: report.figures,
        t,
        periodLabel: periodLabel(report.figures.period, t),
      });
      charts.set(report.figures, png);
    }
    return png;
  };
  // The pages compressed on the wire (a phone on a slow line); only HTML, never the PNG or the workbook.
  web.use("/dashboard/*", compress({ contentTypeFilter: /^text\/html/ }));
  const shell = async (c: Context, body: Html, status: 200 | 401 | 403 | 404 = 200, signedIn = true) =>
    c.html(
      await compact(
        page({
          title: t("web-title"),
          body: html`<header class="topbar">
              <h1><a href="/dashboard">${t("web-title")}</a></h1>
              <span class="spacer"></span>
              ${
                signedIn
                  ? html`<form method="post" action="/dashboard/logout">
                      <button class="btn light" type="submit">${t("web-logout")}</button>
                    </form>`
                  : ""
              }
            </header>
            <main class="dash">${body}</main>`,
        }),
      ),
      status,
    );
  const message = (c: Context, text: string, status: 200 | 401 | 403 | 404) =>
    shell(c, html`<div class="card center"><p>${text}</p></div>`, status, status !== 401);

  /** The signed-in person, from the session cookie, checked against the database on every request. */
  const reader = async (c: Context) => {
    const token = getCookie(c, COOKIE);
    return token ? services.webLogin.personOf(token) : undefined;
  };

  web.get("/dashboard/login/:code", (c) =>
    shell(
      c,
      html`<div class="card center">
        <h2>${t("web-login-title")}</h2>
        <p>${t("web-login-confirm")}</p>
        <form method="post" action="/dashboard/login">
          <input type="hidden" name="code" value="${c.req.param("code")}" />
          <button class="btn" type="submit">${t("web-login-button")}</button>
        </form>
      </div>`,
      200,
      false,
    ),
  );

  web.post("/dashboard/login", async (c) => {
    const form = await c.req.parseBody();
    const code = typeof form.code === "string" ? form.code : "";
    const result = await services.webLogin.redeem(code);
    if (!result.ok) return message(c, t(`web-login-refused-${result.reason}`), 403);
    setCookie(c, COOKIE, result.sessionToken, {
      httpOnly: true,
      sameSite: "Strict",
      secure: isHttps(c),
      path: "/",
      maxAge: Math.floor(SESSION_TTL_MS / 1000),
    });
    return c.redirect("/dashboard", 303);
  });

  web.post("/dashboard/logout", async (c) => {
    const token = getCookie(c, COOKIE);
    if (token) await services.webLogin.endSession(token);
    deleteCookie(c, COOKIE, { path: "/" });
    return message(c, t("web-logged-out"), 200);
  });

  web.get("/dashboard", async (c) => {
    const who = await reader(c);
    if (!who) return message(c, t("web-login-needed"), 401);
    const committees = await services.dashboard.committeesOf(who.personId);
    if (committees.length === 1) return c.redirect(`/dashboard/c/${committees[0]!.committee.id}`, 303);
    if (committees.length === 0) return message(c, t("web-forbidden"), 403);
    return shell(
      c,
      html`<div class="card">
        <h2>${t("web-committees")}</h2>
        <ul>
          ${committees.map((e) => html`<li><a href="/dashboard/c/${e.committee.id}">${e.committee.name}</a></li>`)}
        </ul>
      </div>`,
    );
  });

  web.get("/dashboard/c/:committee", async (c) => {
    const who = await reader(c);
    if (!who) return message(c, t("web-login-needed"), 401);
    const committeeId = Number(c.req.param("committee"));
    const access = await services.dashboard.accessTo(who.personId, committeeId);
    if (!access) return message(c, t("web-forbidden"), 403);
    if (access.agencyIds !== "all") return c.redirect(`/dashboard/c/${committeeId}/agency/${access.agencyIds[0]}`, 303);
    const [report, notices, canExport] = await Promise.all([
      services.dashboard.overview(access),
      services.dashboard.notices(access),
      services.reports.isSecretariat(who.personId, committeeId),
    ]);
    if (!report) return message(c, t("web-forbidden"), 403);
    return shell(c, overviewPage(committeeId, report.committee.name, report.figures, notices ?? [], canExport));
  });

  web.get("/dashboard/c/:committee/chart.png", async (c) => {
    const who = await reader(c);
    if (!who) return message(c, t("web-login-needed"), 401);
    const report = await services.dashboard.overview(await services.dashboard.accessTo(who.personId, Number(c.req.param("committee"))));
    if (!report) return message(c, t("web-forbidden"), 403);
    const png = await chartOf(report);
    return c.body(new Uint8Array(png), 200, { "content-type": "image/png", "cache-control": "private, no-store" });
  });

  web.get("/dashboard/c/:committee/export.xlsx", async (c) => {
    const who = await reader(c);
    if (!who) return message(c, t("web-login-needed"), 401);
    const workbook = await services.exports.workbookFor(who.personId, Number(c.req.param("committee")));
    if (!workbook) return message(c, t("web-forbidden"), 403);
    return c.body(new Uint8Array(workbook.bytes), 200, {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${workbook.fileName}"`,
      "cache-control": "private, no-store",
    });
  });

  web.get("/dashboard/c/:committee/agency/:agency", async (c) => {
    const who = await reader(c);
    if (!who) return message(c, t("web-login-needed"), 401);
    const committeeId = Number(c.req.param("committee"));
    const access = await services.dashboard.accessTo(who.personId, committeeId);
    const data = await services.dashboard.agencyPage(access, Number(c.req.param("agency")));
    if (!data) return message(c, t("web-forbidden"), 403);
    return shell(
      c,
      html`${access?.agencyIds === "all" ? html`<nav class="sub"><a href="/dashboard/c/${committeeId}">${t("web-back")}</a></nav>` : ""}
        <h2>${data.agency.agency.name}</h2>
        <p class="muted">${data.committee.name} — ${t("web-committee-realization", { value: percent(data.committeeRealization) })}</p>
        ${kpis(data.agency)}
        <section class="card">
          <h2>${t("web-agency-items")}</h2>
          ${
            data.items.length === 0
              ? html`<p class="muted">${t("web-none")}</p>`
              : data.items.map(
                  (item) =>
                    html`<details>
                      <summary>
                        <strong>${f.digits(item.meetingNumber)} / ${f.number(item.resolutionNumber)}</strong> — ${item.text}
                        <span class="tag">${t(statusKey(item.status))}${item.percent > 0 ? ` ${f.number(item.percent)}٪` : ""}</span>
                        ${item.deadline ? html`<span class="muted">${t("web-deadline")}: ${f.date(item.deadline)}</span>` : ""}
                      </summary>
                      <ul class="history">
                        ${item.history.map(
                          (h) =>
                            html`<li>
                              ${f.dateTime(h.at)} — ${h.who ?? "پیگیر"}:
                              ${h.action}${h.percent !== undefined ? ` (${f.number(h.percent)}٪)` : ""}${h.text ? ` — ${h.text}` : ""}
                            </li>`,
                        )}
                      </ul>
                    </details>`,
                )
          }
        </section>`,
    );
  });

  function kpis(x: Figures): Html {
    return html`<div class="kpis">
      <div class="kpi">
        <div class="value" data-figure="realization">${percent(x.realization)}</div>
        <div class="label">${t("web-realization")}</div>
      </div>
      <div class="kpi">
        <div class="value" data-figure="average">
          ${x.averageProgress === null ? t("web-no-value") : `${f.number(Math.round(x.averageProgress))}٪`}
        </div>
        <div class="label">${t("web-average-progress")}</div>
      </div>
      <div class="kpi">
        <div class="value" data-figure="countable">${f.number(x.countable)}</div>
        <div class="label">${t("web-items")}</div>
      </div>
      <div class="kpi">
        <div class="value" data-figure="done">${f.number(x.done)}</div>
        <div class="label">${t("web-done")}</div>
      </div>
      <div class="kpi">
        <div class="value" data-figure="overdue">${f.number(x.overdue)}</div>
        <div class="label">${t("web-overdue")}</div>
      </div>
    </div>`;
  }

  function bar(share: number | null): Html {
    const value = share ?? 0;
    const cls = value < 0.34 ? "low" : value < 0.67 ? "mid" : "high";
    return html`<div class="bar"><span class="${cls} w${Math.min(100, Math.round(value * 20) * 5)}"></span></div>`;
  }

  function overviewPage(
    committeeId: number,
    name: string,
    figures: CommitteeFigures,
    notices: Awaited<ReturnType<Services["dashboard"]["notices"]>> & object,
    canExport: boolean,
  ): Html {
    const agencies: readonly AgencyFigures[] = figures.agencies;
    return html`<h2>${name}</h2>
      <p class="muted">${t("web-as-of", { date: f.dateTime(figures.now) })} — ${periodLabel(figures.period, t)}</p>
      ${kpis(figures.committee)}
      <nav class="sub">
        <a href="#agencies">${t("web-agencies")}</a> · <a href="#overdue">${t("web-overdue-list")}</a> ·
        <a href="#compliance">${t("web-compliance")}</a> · <a href="#indicators">${t("web-indicators")}</a> ·
        <a href="#notices">${t("web-notices")}</a>
        ${canExport ? html` · <a class="btn" href="/dashboard/c/${committeeId}/export.xlsx">${t("web-export")}</a>` : ""}
      </nav>
      <section class="card" id="agencies">
        <h2>${t("web-agencies")}</h2>
        <img class="chart" src="/dashboard/c/${committeeId}/chart.png" alt="${t("web-chart-alt")}" loading="lazy" />
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>${t("web-agency")}</th>
                <th>${t("web-realization")}</th>
                <th class="hide-phone"></th>
                <th>${t("web-done")}</th>
                <th>${t("web-overdue")}</th>
              </tr>
            </thead>
            <tbody>
              ${agencies.map(
                (a) =>
                  html`<tr data-agency="${a.agency.code}">
                    <td><a href="/dashboard/c/${committeeId}/agency/${a.agency.id}">${a.agency.name}</a></td>
                    <td class="num" data-figure="realization">${percent(a.realization)}</td>
                    <td class="hide-phone">${bar(a.realization)}</td>
                    <td class="num">${f.number(a.done)} / ${f.number(a.countable)}</td>
                    <td class="num ${a.overdue > 0 ? "late" : ""}">${f.number(a.overdue)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </section>
      <section class="card" id="overdue">
        <h2>${t("web-overdue-list")}</h2>
        ${
          figures.overdue.length === 0
            ? html`<p class="muted">${t("web-none")}</p>`
            : html`<div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th>${t("web-resolution")}</th>
                      <th>${t("web-agency")}</th>
                      <th>${t("web-deadline")}</th>
                      <th>${t("web-overdue")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${figures.overdue.slice(0, 200).map(
                      (o) =>
                        html`<tr>
                          <td>${f.number(o.resolutionNumber)}. ${o.resolutionText}</td>
                          <td>${o.agency.name}</td>
                          <td class="num">${f.date(o.deadline)}</td>
                          <td class="num late">${t("web-days-late", { days: o.workingDaysLate })}</td>
                        </tr>`,
                    )}
                  </tbody>
                </table>
              </div>`
        }
      </section>
      <section class="card" id="compliance">
        <h2>${t("web-compliance")}</h2>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>${t("web-agency")}</th>
                <th>${t("web-on-time")}</th>
                <th>${t("web-late")}</th>
                <th>${t("web-missing")}</th>
              </tr>
            </thead>
            <tbody>
              ${agencies.map(
                (a) =>
                  html`<tr>
                    <td>${a.agency.name}</td>
                    <td class="num">${f.number(a.compliance4.onTime)}</td>
                    <td class="num">${f.number(a.compliance4.late)}</td>
                    <td class="num ${a.compliance4.missing > 0 ? "late" : ""}">${f.number(a.compliance4.missing)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </section>
      <section class="card" id="indicators">
        <h2>${t("web-indicators")}</h2>
        ${
          figures.committee.quotas.length === 0
            ? html`<p class="muted">${t("web-none")}</p>`
            : html`<div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th>${t("web-indicator")}</th>
                      <th>${t("web-achieved")}</th>
                      <th>${t("web-expected")}</th>
                      <th></th>
                    </tr>
                  </thead>
                  <tbody>
                    ${figures.committee.quotas.map(
                      (q) =>
                        html`<tr>
                          <td>${q.label}<br /><span class="muted">${t("web-target", { year: q.year })}: ${f.number(q.target)}</span></td>
                          <td class="num">${f.number(q.achieved)} (${percent(q.share)})</td>
                          <td class="num">${f.number(Math.round(q.expectedByNow))}</td>
                          <td>${bar(Math.min(1, q.share))}</td>
                        </tr>`,
                    )}
                  </tbody>
                </table>
              </div>`
        }
      </section>
      <section class="card" id="notices">
        <h2>${t("web-notices")}</h2>
        ${
          notices.length === 0
            ? html`<p class="muted">${t("web-none")}</p>`
            : html`<ul>
                ${notices.map(
                  (n) =>
                    html`<li>
                      <strong>${n.title}</strong
                      >${n.meetingAt ? html` — ${f.dateTime(n.meetingAt)}` : ""}${n.location ? ` — ${n.location}` : ""}<br />
                      <span class="muted">${t("web-notice-answers", { ...n.tally.totals })}</span>
                    </li>`,
                )}
              </ul>`
        }
      </section>`;
  }
}
