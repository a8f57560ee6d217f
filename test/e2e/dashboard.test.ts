/**
 * The web dashboard over real HTTP on each database, on the report scenario: `/dashboard` in chat
 * sends a one-time link; the link signs in once (a reused or expired one is refused, a cross-site
 * POST is refused); the overview's figures are the report service's; an agency member sees their
 * own agency only; logout ends the session; codes and tokens are stored only as hashes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Pardis, PEOPLE, pressLabelled, startPardis } from "../support/agency.js";
import { testDatabases } from "../support/databases.js";
import { buildReportScenario } from "../support/report-scenario.js";
import { next, toFa } from "../support/secretariat.js";
import type { FakeUser } from "../fake-bot-api/user.js";

const percentFa = (share: number | null): string => (share === null ? "—" : `${toFa(Math.round(share * 100))}٪`);

describe.each(testDatabases())("the dashboard on $name", (target) => {
  let pardis: Pardis;
  let base: string;
  let secretary: FakeUser;
  let liaison: FakeUser;
  let committeeId: number;

  /** Sends /dashboard and returns the code of the link the bot answers with. */
  async function loginCode(user: FakeUser): Promise<string> {
    user.command("/dashboard");
    const answer = await user.waitFor(/dashboard\/login\//, { timeoutMs: 10_000 });
    const link = /(http:\/\/\S+\/dashboard\/login\/([A-Za-z0-9_-]+))/.exec(answer.text ?? "");
    expect(link?.[1]).toContain(`${base}/dashboard/login/`);
    return link![2]!;
  }
  const redeem = (code: string, headers: Record<string, string> = { origin: base }) =>
    fetch(`${base}/dashboard/login`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams({ code }),
      redirect: "manual",
    });
  async function signIn(user: FakeUser): Promise<string> {
    const res = await redeem(await loginCode(user));
    expect(res.status, res.status === 303 ? "" : await res.text()).toBe(303);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    return cookie.split(";")[0]!;
  }
  const get = (path: string, cookie?: string) => fetch(`${base}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });

  beforeAll(async () => {
    pardis = await startPardis(target, { platforms: ["bale"] });
    await buildReportScenario(pardis);
    base = `http://localhost:${pardis.e2e.app.httpPort}`;
    secretary = await pardis.e2e.bindUser("bale", PEOPLE.secretariat);
    liaison = await pardis.e2e.bindUser("bale", PEOPLE.tavonLiaison);
    committeeId = (await pardis.e2e.app.database.prisma.committee.findFirstOrThrow({ where: { code: "pardis-employment" } })).id;
  }, 90_000);
  afterAll(async () => {
    await pardis?.stop();
  });

  it("signs the secretary in by a one-time link and shows the report service's figures, worst agency first", async () => {
    const cookie = await signIn(secretary);
    const res = await get(`/dashboard/c/${committeeId}`, cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const page = await res.text();
    const { figures } = await pardis.e2e.app.services.reports.committeeReport("pardis-employment");
    expect(page).toContain(`data-figure="realization">${percentFa(figures.committee.realization)}<`);
    expect(page).toContain(`data-figure="overdue">${toFa(figures.committee.overdue)}<`);
    expect(page).toContain(`data-figure="done">${toFa(figures.committee.done)}<`);
    const rows = [...page.matchAll(/<tr data-agency="([^"]+)">[\s\S]*?data-figure="realization">([^<]+)</g)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(figures.agencies.map((a) => [a.agency.code, percentFa(a.realization)]));
    expect(figures.committee.overdue).toBeGreaterThan(0);
    for (const o of figures.overdue) expect(page).toContain(o.agency.name);
    const chart = await get(`/dashboard/c/${committeeId}/chart.png`, cookie);
    expect(chart.headers.get("content-type")).toBe("image/png");
    const workbook = await get(`/dashboard/c/${committeeId}/export.xlsx`, cookie);
    expect(workbook.status).toBe(200);
    expect(
      Buffer.from(await workbook.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
  });

  it("refuses a reused link, an expired one and a cross-site sign-in", async () => {
    const code = await loginCode(secretary);
    expect((await redeem(code)).status).toBe(303);
    const reused = await redeem(code);
    expect(reused.status).toBe(403);
    expect(await reused.text()).toContain("قبلاً به کار رفته است");

    const late = await loginCode(secretary);
    pardis.clock.advance(10 * 60_000 + 1000);
    const expired = await redeem(late);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain("مهلت ۱۰ دقیقه‌ای");

    const forged = await redeem(await loginCode(secretary), { origin: "https://evil.example" });
    expect(forged.status).toBe(403);
    expect(forged.headers.get("set-cookie")).toBeNull();
    expect((await redeem("not-a-code")).status).toBe(403);
  });

  it("shows an agency member their own agency only", async () => {
    const cookie = await signIn(liaison);
    const db = pardis.e2e.app.database.prisma;
    const tavon = await db.agency.findUniqueOrThrow({ where: { code: "tavon" } });
    const other = await db.agency.findUniqueOrThrow({ where: { code: "bank-melli" } });
    const overview = await get(`/dashboard/c/${committeeId}`, cookie);
    expect(overview.status).toBe(303);
    expect(overview.headers.get("location")).toBe(`/dashboard/c/${committeeId}/agency/${tavon.id}`);
    const own = await get(`/dashboard/c/${committeeId}/agency/${tavon.id}`, cookie);
    expect(own.status).toBe(200);
    const page = await own.text();
    expect(page).toContain(tavon.name);
    expect(page).toContain("جلسه برگزار شد");
    for (const path of [`/agency/${other.id}`, "/chart.png", "/export.xlsx"]) {
      const refused = await get(`/dashboard/c/${committeeId}${path}`, cookie);
      expect(refused.status, path).toBe(403);
    }
  });

  it("shows a change at once: the overview after the secretary approves a done claim in chat, within the same minute", async () => {
    const cookie = await signIn(secretary);
    // At the start of a minute of the clock: the figures computed now may be served again for the
    // rest of it unless something changed, so the approval below must show within this minute.
    const minute = Math.floor(pardis.clock.now().getTime() / 60_000) + 1;
    pardis.clock.set(new Date(minute * 60_000 + 100));
    const doneOn = async () => {
      const page = await (await get(`/dashboard/c/${committeeId}`, cookie)).text();
      return /<div class="value" data-figure="done">([^<]+)</.exec(page)?.[1];
    };
    const before = (await pardis.e2e.app.services.reports.committeeReport("pardis-employment")).figures.committee;
    // Asked twice, so that the second answer is the one kept from the first.
    expect(await doneOn()).toBe(toFa(before.done));
    expect(await doneOn()).toBe(toFa(before.done));

    secretary.command("/verify");
    const claim = await next(secretary, "مورد ۱ از ۱");
    await pressLabelled(secretary, claim, "تأیید انجام");
    await next(secretary, /انجام مصوبه ۱ جلسه .* تأیید شد|انجام مصوبه ۱ جلسه/);

    expect(Math.floor(pardis.clock.now().getTime() / 60_000)).toBe(minute);
    const after = (await pardis.e2e.app.services.reports.committeeReport("pardis-employment")).figures.committee;
    expect(after.done).toBe(before.done + 1);
    expect(await doneOn()).toBe(toFa(after.done));
    const page = await (await get(`/dashboard/c/${committeeId}`, cookie)).text();
    expect(page).toContain(`data-figure="realization">${percentFa(after.realization)}<`);
  });

  it("ends the session at logout, and stores codes and tokens only as hashes", async () => {
    const cookie = await signIn(secretary);
    expect((await get(`/dashboard/c/${committeeId}`, cookie)).status).toBe(200);
    const out = await fetch(`${base}/dashboard/logout`, {
      method: "POST",
      headers: { cookie, origin: base, "content-type": "application/x-www-form-urlencoded" },
      body: "",
    });
    expect(out.status).toBe(200);
    expect((await get(`/dashboard/c/${committeeId}`, cookie)).status).toBe(401);
    expect((await get(`/dashboard/c/${committeeId}`)).status).toBe(401);

    const code = await loginCode(secretary);
    const db = pardis.e2e.app.database.prisma;
    const codes = await db.webLoginCode.findMany();
    const sessions = await db.webSession.findMany();
    const token = cookie.split("=")[1]!;
    expect(JSON.stringify(codes)).not.toContain(code);
    expect(JSON.stringify(sessions)).not.toContain(token);
    expect(codes.every((c) => /^[0-9a-f]{64}$/.test(c.codeHash))).toBe(true);
  });
});
