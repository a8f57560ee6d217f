/**
 * What src/i18n/index.ts relies on inside @grammyjs/i18n that is not its public API: the Fluent
 * object's `matchBundles(locales)` method, called on each text formatted, which createI18n
 * memoizes. If a release renames it or stops calling it, the memo silently does nothing (texts
 * still come out right, slower): this test is what notices.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/i18n/index.js";

type Match = (this: unknown, locales: string[]) => Set<unknown>;

describe("the @grammyjs/i18n internals createI18n relies on", () => {
  it("formats each text through the library's matchBundles, reached once per locale", () => {
    const proto = Object.getPrototypeOf(createI18n(() => undefined).fluent) as { matchBundles?: Match };
    const library = proto.matchBundles;
    expect(typeof library).toBe("function");
    let calls = 0;
    proto.matchBundles = function (locales) {
      calls++;
      return library!.call(this, locales);
    };
    try {
      const i18n = createI18n(() => undefined);
      expect(Array.from({ length: 3 }, () => i18n.t("fa", "name-list-separator"))).toEqual(["؛ ", "؛ ", "؛ "]);
      expect(calls).toBe(1);
      i18n.t("en", "name-list-separator");
      i18n.t("en", "name-list-separator");
      expect(calls).toBe(2);
    } finally {
      proto.matchBundles = library;
    }
  });
});
