/**
 * Iran's official public holidays (تعطیلات رسمی), as data.
 *
 * Source: the official calendar of the Islamic Republic of Iran (تقویم رسمی کشور), prepared by the
 * Calendar Center of the Institute of Geophysics, University of Tehran (مرکز تقویم مؤسسه ژئوفیزیک
 * دانشگاه تهران, https://calendar.ut.ac.ir) and approved by the Public Culture Council (شورای فرهنگ عمومی).
 * Solar holidays are fixed by law. Lunar holidays follow the Hijri calendar as the official calendar
 * publishes it for each Jalali year; they may still move by a day when the crescent is sighted late
 * (committees then remove/add the date in their own calendar configuration).
 *
 * Do not fill lunar dates from generic holiday packages: most use Umm al-Qura and put 1404's lunar
 * holidays a day early. Years not listed here get solar holidays plus lunar ones estimated at run time
 * (see hijri.ts), all marked estimated.
 */

/** Holidays on fixed Jalali dates, every year. */
export const SOLAR_HOLIDAYS = [
  { id: "nowruz-start", jm: 1, jd: 1, name: "آغاز نوروز" },
  { id: "nowruz", jm: 1, jd: 2, name: "عید نوروز" },
  { id: "nowruz", jm: 1, jd: 3, name: "عید نوروز" },
  { id: "nowruz", jm: 1, jd: 4, name: "عید نوروز" },
  { id: "islamic-republic-day", jm: 1, jd: 12, name: "روز جمهوری اسلامی ایران" },
  { id: "nature-day", jm: 1, jd: 13, name: "روز طبیعت (سیزده‌به‌در)" },
  { id: "khomeini-demise", jm: 3, jd: 14, name: "رحلت حضرت امام خمینی (ره)" },
  { id: "khordad-15-uprising", jm: 3, jd: 15, name: "قیام ۱۵ خرداد" },
  { id: "revolution-victory", jm: 11, jd: 22, name: "پیروزی انقلاب اسلامی ایران" },
  { id: "oil-nationalisation", jm: 12, jd: 29, name: "روز ملی شدن صنعت نفت ایران" },
] as const;

/**
 * Holidays on Hijri dates. `hd: 'last'` is the last day of the month (Imam Reza's martyrdom is kept
 * on the last day of Safar, the 29th or the 30th).
 */
export const LUNAR_HOLIDAYS = [
  { id: "tasua", hm: 1, hd: 9, name: "تاسوعای حسینی" },
  { id: "ashura", hm: 1, hd: 10, name: "عاشورای حسینی" },
  { id: "arbaeen", hm: 2, hd: 20, name: "اربعین حسینی" },
  { id: "prophet-demise", hm: 2, hd: 28, name: "رحلت حضرت رسول اکرم (ص) و شهادت امام حسن مجتبی (ع)" },
  { id: "imam-reza-martyrdom", hm: 2, hd: "last", name: "شهادت امام رضا (ع)" },
  { id: "imam-askari-martyrdom", hm: 3, hd: 8, name: "شهادت امام حسن عسکری (ع)" },
  { id: "prophet-birth", hm: 3, hd: 17, name: "میلاد حضرت رسول اکرم (ص) و امام جعفر صادق (ع)" },
  { id: "fatima-martyrdom", hm: 6, hd: 3, name: "شهادت حضرت فاطمه زهرا (س)" },
  { id: "imam-ali-birth", hm: 7, hd: 13, name: "ولادت امام علی (ع) و روز پدر" },
  { id: "mabath", hm: 7, hd: 27, name: "مبعث حضرت رسول اکرم (ص)" },
  { id: "mahdi-birth", hm: 8, hd: 15, name: "ولادت حضرت قائم (عج) و جشن نیمه شعبان" },
  { id: "imam-ali-martyrdom", hm: 9, hd: 21, name: "شهادت حضرت علی (ع)" },
  { id: "eid-fitr", hm: 10, hd: 1, name: "عید سعید فطر" },
  { id: "eid-fitr-holiday", hm: 10, hd: 2, name: "تعطیل به مناسبت عید سعید فطر" },
  { id: "imam-sadegh-martyrdom", hm: 10, hd: 25, name: "شهادت امام جعفر صادق (ع)" },
  { id: "eid-qurban", hm: 12, hd: 10, name: "عید سعید قربان" },
  { id: "eid-ghadir", hm: 12, hd: 18, name: "عید سعید غدیر خم" },
] as const;

export type LunarHolidayId = (typeof LUNAR_HOLIDAYS)[number]["id"];

export interface LunarYearData {
  /** official: copied from the official calendar; estimated: computed (hijri.ts) and checked in a test. */
  readonly status: "official" | "estimated";
  readonly source: string;
  /** Independent publications each date was cross-checked against. */
  readonly crossChecked: readonly string[];
  /** [holiday, Jalali date "yyyy/mm/dd"]; a holiday may occur twice in one Jalali year. */
  readonly lunar: ReadonlyArray<readonly [LunarHolidayId, string]>;
}

const OFFICIAL_SOURCE = "تقویم رسمی کشور، مرکز تقویم مؤسسه ژئوفیزیک دانشگاه تهران (calendar.ut.ac.ir)";

export const LUNAR_HOLIDAY_DATES: Readonly<Record<number, LunarYearData>> = {
  1404: {
    status: "official",
    source: `${OFFICIAL_SOURCE}، سال ۱۴۰۴`,
    crossChecked: [
      "https://gardshgar.com/holiday-1404 (full list, 26 days)",
      "https://esfahanemrooz.ir (تقویم شهریور ۱۴۰۴: شهادت امام رضا ۲ شهریور)",
      "https://www.eghtesadonline.com/fa/news/2108080 (تقویم دی ۱۴۰۴: ۱۳ و ۲۷ دی)",
      "https://asrshanbe.ir (تقویم بهمن ۱۴۰۴: ۱۵ بهمن)",
      "https://www.ilna.ir/… 1707051 (۲۹ اسفند ۱۴۰۴ = ۳۰ رمضان ۱۴۴۷، so 21 Ramadan = 20 Esfand)",
    ],
    lunar: [
      ["imam-ali-martyrdom", "1404/01/02"],
      ["eid-fitr", "1404/01/11"],
      ["eid-fitr-holiday", "1404/01/12"],
      ["imam-sadegh-martyrdom", "1404/02/04"],
      ["eid-qurban", "1404/03/16"],
      ["eid-ghadir", "1404/03/24"],
      ["tasua", "1404/04/14"],
      ["ashura", "1404/04/15"],
      ["arbaeen", "1404/05/23"],
      ["prophet-demise", "1404/05/31"],
      ["imam-reza-martyrdom", "1404/06/02"],
      ["imam-askari-martyrdom", "1404/06/10"],
      ["prophet-birth", "1404/06/19"],
      ["fatima-martyrdom", "1404/09/03"],
      ["imam-ali-birth", "1404/10/13"],
      ["mabath", "1404/10/27"],
      ["mahdi-birth", "1404/11/15"],
      ["imam-ali-martyrdom", "1404/12/20"],
    ],
  },
  1405: {
    status: "official",
    source: `${OFFICIAL_SOURCE}، سال ۱۴۰۵`,
    crossChecked: [
      "https://www.ilna.ir/… 1707051 «سال ۱۴۰۵ چند روز تعطیل رسمی دارد؟» (2025-10-30; lists Farvardin–Tir; omits 25 Farvardin)",
      "lunar-month arithmetic: 1 Shawwal 1447 = 1 Farvardin 1405, so 25 Shawwal = 25 Farvardin",
    ],
    lunar: [
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
    ],
  },
  1406: {
    status: "estimated",
    source: "برآورد: تقویم ام‌القری (ICU) با یک روز تأخیر؛ تقویم رسمی ۱۴۰۶ هنوز در این جدول نیامده است",
    crossChecked: [],
    // Output of estimateLunarHolidays(1406), frozen here so it can be reviewed; a test keeps the two equal.
    lunar: [
      ["imam-sadegh-martyrdom", "1406/01/14"],
      ["eid-qurban", "1406/02/27"],
      ["eid-ghadir", "1406/03/04"],
      ["tasua", "1406/03/25"],
      ["ashura", "1406/03/26"],
      ["arbaeen", "1406/05/03"],
      ["prophet-demise", "1406/05/11"],
      ["imam-reza-martyrdom", "1406/05/12"],
      ["imam-askari-martyrdom", "1406/05/20"],
      ["prophet-birth", "1406/05/29"],
      ["fatima-martyrdom", "1406/08/12"],
      ["imam-ali-birth", "1406/09/21"],
      ["mabath", "1406/10/05"],
      ["mahdi-birth", "1406/10/23"],
      ["imam-ali-martyrdom", "1406/11/29"],
      ["eid-fitr", "1406/12/08"],
      ["eid-fitr-holiday", "1406/12/09"],
    ],
  },
};
