/// <reference lib="dom" />
/**
 * The sandbox and the dashboard in a real headless browser (playwright-core driving Debian's
 * chromium): the sandbox starts with one call; a liaison's tab shows the published item with its
 * buttons, and a button press works; "+1 working day" makes the reminder appear; the secretary's
 * /dashboard link signs in once and the overview shows the report service's figures; a reused link
 * and an agency member's look at another agency are refused. Screenshots of the chat and the
 * dashboard at phone (390 px) and desktop widths go to test/browser/screenshots/ (look at them).
 *
 * Skipped, with a message, only where /usr/bin/chromium is missing; .ci/run installs it.
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logging/logger.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { assignResolution, next, pressOn, startMeeting, toFa } from "../support/secretariat.js";

const CHROMIUM = "/usr/bin/chromium";
const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), "screenshots");
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 860 };
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium; .ci/run installs it)`);

// Generous timeouts: in CI this file runs beside the whole suite on two cores.
describe.skipIf(!hasChromium)("the sandbox in a browser", { timeout: 90_000 }, () => {
  let sandbox: Sandbox;
  let browser: Browser;
  // The sandbox's warnings, kept to explain a failure (a reset that could not build again says why here).
  const warnings: string[] = [];
  const personOf = async (phone: string) => (await sandbox.app.database.prisma.person.findUniqueOrThrow({ where: { phone } })).id;
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    sandbox = await startSandbox({ port: 0, logger: createLogger("warn", { write: (line: string) => void warnings.push(line) }), env: {} });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
  });

  it("refuses to start with a real token in the environment", async () => {
    await expect(startSandbox({ port: 0, logger: createLogger("silent"), env: { BALE_BOT_TOKEN: "123:real" } })).rejects.toThrow(
      /BALE_BOT_TOKEN/,
    );
  });

  it("shows the liaison the published item with its buttons; a press works; +1 working day brings the reminder", async () => {
    const tavon = await personOf("+989121000004");
    const omran = await personOf("+989121000007");
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${sandbox.url}/?tabs=${tavon},${omran}&active=${tavon}`);
    const item = page.locator(".msg.bot", { has: page.locator("button", { hasText: "رویت شد" }) }).first();
    await item.waitFor({ timeout: 15_000 });
    expect(await item.locator(".keyboard button").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("رویت شد")]));
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain("Vazirmatn");
    await shot(page, "chat-phone");

    // Omran's tab: pressing «رویت شد» is answered and the item's message changes.
    await page.locator(`[data-tab="${omran}"]`).click();
    const omranItem = page.locator(".msg.bot", { has: page.locator("button", { hasText: "رویت شد" }) }).first();
    await omranItem.waitFor({ timeout: 15_000 });
    const before = await page.locator(".msg").count();
    await omranItem.locator("button", { hasText: "رویت شد" }).click();
    await page.waitForFunction((n) => document.querySelectorAll(".msg").length > n || !!document.querySelector(".edited"), before, {
      timeout: 15_000,
    });

    // Back to tavon, who never acknowledged: a working day later the reminder arrives.
    await page.locator(`[data-tab="${tavon}"]`).click();
    await page.locator(".msg.bot").first().waitFor();
    await page.locator("button", { hasText: "+۱ روز کاری" }).click();
    await page.locator(".msg.bot", { hasText: "یادآوری پیگیری" }).first().waitFor({ timeout: 20_000 });
    await page.setViewportSize(DESKTOP);
    // In one step in the page: the chat's poll may redraw the messages between a lookup and a scroll.
    await page.evaluate((text) => {
      Array.from(document.querySelectorAll(".msg.bot"))
        .find((m) => m.textContent?.includes(text))
        ?.scrollIntoView({ block: "center" });
    }, "یادآوری پیگیری");
    await shot(page, "chat-desktop");
    await page.close();
  });

  it("signs the secretary in by the /dashboard link once, with the report service's figures; refuses the link again and other agencies", async () => {
    const secretary = await personOf("+989121000002");
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(`${sandbox.url}/?active=${secretary}`);
    await page.locator(".msg").first().waitFor({ timeout: 15_000 });
    await page.locator("[data-text]").fill("/dashboard");
    await page.locator("[data-send] button.send").click();
    const linkBubble = page.locator(".msg.bot", { hasText: "/dashboard/login/" }).last();
    await linkBubble.waitFor({ timeout: 15_000 });
    const link = /(http:\/\/\S+\/dashboard\/login\/[0-9a-f]+)/.exec((await linkBubble.textContent()) ?? "")![1]!;

    await page.goto(link);
    await page.locator("button", { hasText: "ورود" }).click();
    await page.waitForURL(/\/dashboard\/c\/\d+$/);
    const { figures } = await sandbox.app.services.reports.committeeReport("pardis-employment");
    const realization = figures.committee.realization === null ? "—" : `${toFa(Math.round(figures.committee.realization * 100))}٪`;
    expect(await page.locator('.kpis [data-figure="realization"]').textContent()).toBe(realization);
    expect(await page.locator('.kpis [data-figure="countable"]').textContent()).toBe(toFa(figures.committee.countable));
    expect(await page.locator("tr[data-agency]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-agency")))).toEqual(
      figures.agencies.map((a) => a.agency.code),
    );
    await page.locator("img.chart").evaluate((img: HTMLImageElement) => img.decode());
    await shot(page, "dashboard-desktop");
    await page.setViewportSize(PHONE);
    await shot(page, "dashboard-phone");

    // The same link again, from another browser: refused.
    const other = await browser.newContext({ viewport: PHONE });
    const again = await other.newPage();
    await again.goto(link);
    await again.locator("button", { hasText: "ورود" }).click();
    await again.locator("text=قبلاً به کار رفته است").waitFor();
    await other.close();
    await context.close();
  });

  it("shows an agency member their own agency and refuses another's", async () => {
    const tavonLiaison = await personOf("+989121000004");
    const user = sandbox.userOf(tavonLiaison)!;
    user.command("/dashboard");
    const answer = await user.waitFor(/dashboard\/login\//, { timeoutMs: 15_000 });
    const link = /(http:\/\/\S+\/dashboard\/login\/[0-9a-f]+)/.exec(answer.text ?? "")![1]!;
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(link);
    await page.locator("button", { hasText: "ورود" }).click();
    await page.waitForURL(/\/agency\/\d+$/);
    await expect(page.locator("h2").first().textContent()).resolves.toContain("تعاون");
    await shot(page, "dashboard-agency-phone");
    const melli = await sandbox.app.database.prisma.agency.findUniqueOrThrow({ where: { code: "bank-melli" } });
    const refused = await page.goto(page.url().replace(/\/agency\/\d+$/, `/agency/${melli.id}`));
    expect(refused?.status()).toBe(403);
    await context.close();
  });

  it("lets the secretary publish a resolution that the liaison's tab then shows with its buttons", async () => {
    const secretary = await personOf("+989121000002");
    const tavon = await personOf("+989121000004");
    // The dialog up to its review through the secretary's chat (the steps the console's e2e tests check)…
    const chat = sandbox.userOf(secretary)!;
    await startMeeting(chat, "جلسه آزمایشی مرورگر", "امروز");
    chat.send("۱- اداره تعاون گزارش تسهیلات اشتغال روستایی را برای جلسه بعد آماده کند.");
    await pressOn(chat, "متن دریافت شد", "پایان متن صورت‌جلسه");
    await pressOn(chat, "۱ مصوبه در متن پیدا شد", "تأیید فهرست");
    await assignResolution(chat, 1, { agencies: true, deadline: "۲ هفته" });
    await next(chat, "بازبینی پیش از انتشار");

    // …and «انتشار» pressed in the browser, in her tab.
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${sandbox.url}/?tabs=${secretary},${tavon}&active=${secretary}`);
    const review = page.locator(".msg.bot", { hasText: "بازبینی پیش از انتشار" }).last();
    await review.waitFor({ timeout: 15_000 });
    await review.locator("button", { hasText: "انتشار" }).first().click();
    await page.locator(".msg.bot", { hasText: "منتشر شد" }).last().waitFor({ timeout: 20_000 });

    await page.locator(`[data-tab="${tavon}"]`).click();
    const item = page.locator(".msg.bot", { hasText: "تسهیلات اشتغال روستایی" }).last();
    await item.waitFor({ timeout: 20_000 });
    expect(await item.locator(".keyboard button").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("رویت شد")]));
    await shot(page, "chat-published-phone");
    await page.close();
  });

  it("starts again from the fixture when «شروع دوباره» is pressed", async () => {
    const tavon = await personOf("+989121000004");
    const before = sandbox.userOf(tavon)!.transcript().lines.length;
    const page = await browser.newPage({ viewport: DESKTOP });
    page.on("dialog", (dialog) => void dialog.accept());
    await page.goto(`${sandbox.url}/?active=${tavon}`);
    await page.locator(".msg").first().waitFor({ timeout: 15_000 });
    await page.locator("[data-reset] button").click();
    // The page goes to the start page by itself once the new sandbox answers (it was on ?active=…).
    await page
      .waitForURL((url) => url.search === "", { timeout: 100_000 })
      .catch((err: unknown) => {
        throw new Error(`the page did not go back to the start page; the sandbox logged:\n${warnings.join("")}`, { cause: err });
      });
    await page.locator("[data-person]").first().waitFor({ timeout: 15_000 });
    expect(sandbox.people.length).toBeGreaterThan(0);
    const fresh = sandbox.userOf(await personOf("+989121000004"))!;
    await fresh.waitFor(/رویت شد|مصوبه/, { fromStart: true, timeoutMs: 15_000 });
    expect(fresh.transcript().lines.length).toBeLessThan(before);
    await page.close();
  }, 150_000);
});
