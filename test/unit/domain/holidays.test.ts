import { describe, expect, it } from "vitest";
import {
  LUNAR_HOLIDAYS,
  LUNAR_HOLIDAY_DATES,
  createHolidayTable,
  diffJalaliDays,
  estimateLunarHolidays,
  holidaysForYear,
  isLeapJalaliYear,
  jalaliDayNumber,
  jalaliWeekday,
  nationalHolidayTable,
  parseJalaliStrict,
} from "../../../src/domain/calendar/index.js";

const date = (s: string) => {
  const r = parseJalaliStrict(s);
  if (!r.ok) throw new Error(s);
  return r.value;
};
const namesOn = (s: string) => nationalHolidayTable.holidaysOn(date(s)).map((h) => h.name);
const lunarOf = (jy: number) =>
  holidaysForYear(jy)
    .filter((h) => h.kind === "lunar")
    .map((h) => [h.id, h.key] as const);

describe("official lunar holidays of 1404 (each on its official date)", () => {
  it.each([
    ["imam-ali-martyrdom", "1404/01/02", "شهادت حضرت علی (ع)"],
    ["eid-fitr", "1404/01/11", "عید سعید فطر"],
    ["eid-fitr-holiday", "1404/01/12", "تعطیل به مناسبت عید سعید فطر"],
    ["imam-sadegh-martyrdom", "1404/02/04", "شهادت امام جعفر صادق (ع)"],
    ["eid-qurban", "1404/03/16", "عید سعید قربان"],
    ["eid-ghadir", "1404/03/24", "عید سعید غدیر خم"],
    ["tasua", "1404/04/14", "تاسوعای حسینی"],
    ["ashura", "1404/04/15", "عاشورای حسینی"],
    ["arbaeen", "1404/05/23", "اربعین حسینی"],
    ["prophet-demise", "1404/05/31", "رحلت حضرت رسول اکرم (ص) و شهادت امام حسن مجتبی (ع)"],
    ["imam-reza-martyrdom", "1404/06/02", "شهادت امام رضا (ع)"],
    ["imam-askari-martyrdom", "1404/06/10", "شهادت امام حسن عسکری (ع)"],
    ["prophet-birth", "1404/06/19", "میلاد حضرت رسول اکرم (ص) و امام جعفر صادق (ع)"],
    ["fatima-martyrdom", "1404/09/03", "شهادت حضرت فاطمه زهرا (س)"],
    ["imam-ali-birth", "1404/10/13", "ولادت امام علی (ع) و روز پدر"],
    ["mabath", "1404/10/27", "مبعث حضرت رسول اکرم (ص)"],
    ["mahdi-birth", "1404/11/15", "ولادت حضرت قائم (عج) و جشن نیمه شعبان"],
    ["imam-ali-martyrdom", "1404/12/20", "شهادت حضرت علی (ع)"],
  ])("%s on %s", (id, key, name) => {
    const found = nationalHolidayTable.holidaysOn(date(key)).filter((h) => h.id === id);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ name, kind: "lunar", estimated: false });
  });

  it("the lunar list of 1404 is exactly that (18 entries)", () => {
    expect(lunarOf(1404)).toHaveLength(18);
  });
});

describe("official lunar holidays of 1405 (each on its official date)", () => {
  it.each([
    ["eid-fitr", "1405/01/01"],
    ["eid-fitr-holiday", "1405/01/02"],
    ["imam-sadegh-martyrdom", "1405/01/25"],
    ["eid-qurban", "1405/03/06"],
    ["eid-ghadir", "1405/03/14"],
    ["tasua", "1405/04/03"],
    ["ashura", "1405/04/04"],
    ["arbaeen", "1405/05/13"],
    ["prophet-demise", "1405/05/21"],
    ["imam-reza-martyrdom", "1405/05/22"],
    ["imam-askari-martyrdom", "1405/05/30"],
    ["prophet-birth", "1405/06/08"],
    ["fatima-martyrdom", "1405/08/22"],
    ["imam-ali-birth", "1405/10/02"],
    ["mabath", "1405/10/16"],
    ["mahdi-birth", "1405/11/04"],
    ["imam-ali-martyrdom", "1405/12/09"],
    ["eid-fitr", "1405/12/19"],
    ["eid-fitr-holiday", "1405/12/20"],
  ])("%s on %s", (id, key) => {
    const found = nationalHolidayTable.holidaysOn(date(key)).filter((h) => h.id === id);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: "lunar", estimated: false });
  });

  it("the lunar list of 1405 is exactly that (19 entries; Eid al-Fitr falls twice)", () => {
    expect(lunarOf(1405)).toHaveLength(19);
  });
});

describe("fixed solar holidays", () => {
  it.each([1404, 1405, 1406, 1410])("%i has Nowruz 1–4, 12, 13 Farvardin, 14–15 Khordad, 22 Bahman, 29 Esfand", (jy) => {
    const solar = holidaysForYear(jy).filter((h) => h.kind === "solar");
    expect(solar.map((h) => h.key)).toEqual(
      ["01/01", "01/02", "01/03", "01/04", "01/12", "01/13", "03/14", "03/15", "11/22", "12/29"].map((md) => `${jy}/${md}`),
    );
    expect(solar.every((h) => !h.estimated)).toBe(true);
  });

  it("Nowruz and the others carry their Persian names", () => {
    expect(namesOn("1405/01/01")).toEqual(["آغاز نوروز", "عید سعید فطر"]);
    expect(namesOn("1404/01/02")).toEqual(["عید نوروز", "شهادت حضرت علی (ع)"]);
    expect(namesOn("1404/01/13")).toEqual(["روز طبیعت (سیزده‌به‌در)"]);
    expect(namesOn("1405/03/14")).toEqual(["رحلت حضرت امام خمینی (ره)", "عید سعید غدیر خم"]);
    expect(namesOn("1404/11/22")).toEqual(["پیروزی انقلاب اسلامی ایران"]);
    expect(namesOn("1404/12/29")).toEqual(["روز ملی شدن صنعت نفت ایران"]);
    expect(namesOn("1405/09/04")).toEqual([]);
  });
});

describe("the table as a whole", () => {
  it("1404 and 1405 each have 26 holiday days, as the official calendars count them", () => {
    for (const jy of [1404, 1405]) expect(new Set(holidaysForYear(jy).map((h) => h.key)).size).toBe(26);
  });

  it("names every source and keeps every date inside its year", () => {
    for (const [jy, data] of Object.entries(LUNAR_HOLIDAY_DATES)) {
      expect(data.source.length).toBeGreaterThan(10);
      for (const [, key] of data.lunar) expect(key.startsWith(`${jy}/`)).toBe(true);
    }
    expect(LUNAR_HOLIDAY_DATES[1404]?.source).toContain("مؤسسه ژئوفیزیک دانشگاه تهران");
    expect(LUNAR_HOLIDAY_DATES[1405]?.source).toContain("مؤسسه ژئوفیزیک دانشگاه تهران");
  });

  it("is in date order", () => {
    for (const jy of [1404, 1405, 1406]) {
      const keys = holidaysForYear(jy).map((h) => h.key);
      expect([...keys].sort()).toEqual(keys);
    }
  });

  it("official lunar dates follow real lunar months (month starts 29 or 30 days apart, holidays of a month agree)", () => {
    // Each holiday on day hd of its Hijri month implies that month's first day; collect them all.
    const starts = new Set<number>();
    for (const jy of [1404, 1405]) {
      for (const h of holidaysForYear(jy).filter((x) => x.kind === "lunar")) {
        const spec = LUNAR_HOLIDAYS.find((l) => l.id === h.id);
        if (spec && spec.hd !== "last") starts.add(jalaliDayNumber(h.date) - (spec.hd - 1));
      }
    }
    const sorted = [...starts].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) {
      const gap = (sorted[i] ?? 0) - (sorted[i - 1] ?? 0);
      const months = Math.round(gap / 29.53);
      expect(months).toBeGreaterThan(0);
      expect(gap).toBeGreaterThanOrEqual(29 * months);
      expect(gap).toBeLessThanOrEqual(30 * months);
    }
  });

  it("1405 is not leap, so 25 Shawwal 1447 (19 Esfand 1405 + 24 days) is 14 Farvardin 1406", () => {
    expect(isLeapJalaliYear(1405)).toBe(false);
    expect(diffJalaliDays(date("1405/12/19"), date("1406/01/14"))).toBe(24);
  });
});

describe("estimated years", () => {
  it("1406: lunar holidays are marked estimated and equal the estimator output frozen in the data file", () => {
    const lunar = holidaysForYear(1406).filter((h) => h.kind === "lunar");
    expect(lunar.length).toBeGreaterThanOrEqual(17);
    expect(lunar.every((h) => h.estimated)).toBe(true);
    expect(lunar.map((h) => [h.id, h.key])).toEqual(estimateLunarHolidays(1406).map((h) => [h.id, h.key]));
    expect(
      holidaysForYear(1406)
        .filter((h) => h.kind === "solar")
        .every((h) => !h.estimated),
    ).toBe(true);
  });

  it("the estimator is never early and at most one day late against the official 1404 and 1405", () => {
    let sameDay = 0;
    let oneDayLate = 0;
    for (const jy of [1404, 1405]) {
      const official = holidaysForYear(jy).filter((h) => h.kind === "lunar");
      const estimated = estimateLunarHolidays(jy);
      expect(estimated.map((h) => h.id)).toEqual(official.map((h) => h.id));
      official.forEach((h, i) => {
        const e = estimated[i];
        if (!e) throw new Error("missing estimate");
        const lag = diffJalaliDays(h.date, e.date);
        expect(lag === 0 || lag === 1, `${h.id} ${h.key} estimated ${e.key}`).toBe(true);
        if (lag === 0) sameDay++;
        else oneDayLate++;
      });
    }
    expect({ sameDay, oneDayLate }).toEqual({ sameDay: 23, oneDayLate: 14 });
  });

  it("years without data get solar holidays and every lunar holiday, estimated", () => {
    const y1410 = holidaysForYear(1410);
    const ids = new Set(y1410.filter((h) => h.kind === "lunar").map((h) => h.id));
    for (const l of LUNAR_HOLIDAYS) expect(ids.has(l.id)).toBe(true);
    expect(y1410.filter((h) => h.kind === "lunar").every((h) => h.estimated)).toBe(true);
  });

  it("Imam Reza is on the last day of Safar: the day after is 1 Rabi al-Awwal (8 days before Askari)", () => {
    for (const jy of [1404, 1405, 1406, 1407]) {
      const byId = new Map(holidaysForYear(jy).map((h) => [h.id, h.date]));
      const reza = byId.get("imam-reza-martyrdom");
      const askari = byId.get("imam-askari-martyrdom");
      if (reza && askari) expect(diffJalaliDays(reza, askari)).toBe(8);
    }
  });
});

describe("a holiday table over custom data", () => {
  it("looks holidays up by day", () => {
    const t = createHolidayTable((jy) =>
      jy === 1405 ? [{ id: "x", date: { jy, jm: 2, jd: 2 }, key: "1405/02/02", name: "آزمون", kind: "solar", estimated: false }] : [],
    );
    expect(t.holidaysOn(date("1405/02/02")).map((h) => h.name)).toEqual(["آزمون"]);
    expect(t.holidaysOn(date("1405/02/03"))).toEqual([]);
    expect(t.holidaysOfYear(1406)).toEqual([]);
  });
});

it("a holiday on a Friday is still listed (1404/05/31 is a Friday)", () => {
  expect(jalaliWeekday(date("1404/05/31"))).toBe(6);
  expect(namesOn("1404/05/31")).toEqual(["رحلت حضرت رسول اکرم (ص) و شهادت امام حسن مجتبی (ع)"]);
});
