/**
 * Hostile and broken input end to end, on Bale and Telegram, on each database: text the
 * databases refuse (a lone UTF-16 surrogate; NUL, which PostgreSQL's jsonb rejects) never stalls
 * intake.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Platform } from "../../src/config/index.js";
import type { FakeUser } from "../fake-bot-api/user.js";
import { PEOPLE, startPardis, type Pardis } from "../support/agency.js";
import { testDatabases } from "../support/databases.js";

const PLATFORMS: Platform[] = ["bale", "telegram"];

describe.each(testDatabases())("hostile input on $name", (target) => {
  describe.each(PLATFORMS)("on %s", (platform) => {
    let pardis: Pardis;
    let liaison: FakeUser;
    const db = () => pardis.e2e.app.database.prisma;

    beforeAll(async () => {
      pardis = await startPardis(target, { platforms: [platform] });
      liaison = await pardis.e2e.bindUser(platform, PEOPLE.tavonLiaison);
    });
    afterAll(async () => {
      await pardis?.stop();
    });

    it("keeps taking updates after a text with a lone surrogate and one with a NUL", async () => {
      liaison.send("گزارش \uD83D نیمه‌تمام");
      liaison.send("با\u0000صفر");
      liaison.command("/help");
      await liaison.waitFor(/نقش‌های شما/, { timeoutMs: 10_000 });
      await expect.poll(() => db().inboundUpdate.count({ where: { processedAt: null } })).toBe(0);
      expect(await db().auditLog.count({ where: { action: "update.set_aside" } })).toBe(0);
    });
  });
});
