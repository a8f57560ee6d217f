/**
 * The secretariat and the governorate are welcomed with what reaches them and what they can do,
 * not like an agency; a person with several kinds of role hears each once.
 */
import { describe, expect, it } from "vitest";
import { createI18n, translatorFor } from "../../../src/i18n/index.js";
import { formalName, welcomeText } from "../../../src/services/render/welcome.js";

const i18n = createI18n(() => undefined) as never;
const fa = translatorFor(i18n, "fa");

describe("the welcome on joining", () => {
  it("tells the secretariat about claims and its commands, not about tasks", () => {
    const text = welcomeText([{ role: "secretariat" }], fa);
    for (const command of ["/meeting", "/items", "/status", "/notice", "/dashboard"]) expect(text).toContain(command);
    expect(text).toContain("اعلام انجام");
    expect(text).not.toContain("/tasks");
    expect(text).not.toContain("ابلاغ می‌شود");
  });

  it("tells the governorate about escalations, /items, /status and /dashboard", () => {
    const text = welcomeText([{ role: "governorate" }], fa);
    expect(text).toContain("ارجاع");
    for (const command of ["/items", "/status", "/dashboard"]) expect(text).toContain(command);
    expect(text).not.toContain("/meeting");
    expect(text).not.toContain("/tasks");
  });

  it("tells an agency about its items, once for head and liaison together", () => {
    const text = welcomeText([{ role: "head" }, { role: "liaison" }], fa);
    expect(text).toContain("/tasks");
    expect(text.split("/tasks")).toHaveLength(2);
    expect(welcomeText([{ role: "secretariat" }, { role: "liaison" }], fa).split("\n")).toHaveLength(2);
  });
});

describe("how a greeting names a person", () => {
  it("uses «جناب آقای / سرکار خانم» only where the gender is known, else the name and title", () => {
    expect(formalName({ name: "رضا کریمی", gender: "male" }, fa)).toBe("جناب آقای رضا کریمی");
    expect(formalName({ name: "مریم احمدی", gender: "female", title: "دبیر کارگروه" }, fa)).toBe("سرکار خانم مریم احمدی");
    expect(formalName({ name: "مریم احمدی", gender: null, title: "دبیر کارگروه" }, fa)).toBe("مریم احمدی، دبیر کارگروه");
    expect(formalName({ name: "زهرا موسوی", gender: null }, fa)).toBe("زهرا موسوی");
  });
});
