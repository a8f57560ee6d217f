/**
 * The minutes parser on real-shaped minutes: the three shared fixtures and the project's own
 * (test/fixtures/minutes/), each with the exact resolutions a secretary expects, and the agencies,
 * deadlines and report-to it proposes for them.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createWorkCalendar, instantAt, HOUR_MS } from "../../../src/domain/calendar/index.js";
import { hintsOf, parseDeadlineInput, proposeParties, resolveDeadline, splitMinutes } from "../../../src/domain/minutes/index.js";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/minutes/${name}.txt`, import.meta.url), "utf8");

const EXPECTED: Record<string, string[]> = {
  "pardis-report": [
    "اداره تعاون، کار و رفاه اجتماعی و اداره صنعت، معدن و تجارت جلسه‌ای برای بررسی مشکلات سامانه رصد در شهرستان برگزار کنند و نتیجه را به اداره کل استان گزارش دهند.",
    "تشکیل جلسه شرکت تعاونی توسعه و عمران شهرستان",
    "ارسال گزارش هفتگی موضوعات اشتغال به فرمانداری",
    "ثبت به‌موقع اطلاعات در سامانه‌های ملی",
    "معرفی کامل طرح‌های اشتغال و کارآفرینی به واحدهای صنفی و صنعتی و اتحادیه‌ها",
    "پیشنهاد راه‌های ساده‌تر کردن پرداخت تسهیلات بانکی در نشستی با حضور روسای بانک‌ها",
  ],
  numbered: [
    "بانک ملی، بانک کشاورزی و بانک رفاه فهرست طرح‌های معرفی‌شده‌ای را که بیش از ۶۰ روز در انتظار پرداخت مانده‌اند همراه با علت تأخیر تا ۱۴۰۵/۱۰/۱۵ به دبیرخانه ارسال کنند.",
    "مدیریت جهاد کشاورزی با همکاری اداره تعاون برای ۵۰ طرح مشاغل خانگی روستایی پرونده تشکیل دهد.",
    "شرکت تعاونی توسعه و عمران گزارش پیشرفت شهرک صنعتی را در جلسه بعد ارائه کند.",
    "اداره صنعت، معدن و تجارت آمار واحدهای صنفی جدید را ماهانه در سامانه رصد ثبت کند (مستمر).",
    "همه دستگاه‌ها گزارش هفتگی اشتغال را تا ساعت ۱۴ روز سه‌شنبه هر هفته ارسال کنند.",
  ],
  mixed: [
    "اداره تعاون، کار و رفاه اجتماعی ظرف دو هفته نشستی با روسای بانک‌های عامل برگزار کند.",
    "بانک‌های عامل علت عدم پرداخت تسهیلات ۱۲ طرح تأییدشده را کتباً اعلام کنند",
    "معاونت فرماندار پیگیری مصوبه الف را بر عهده دارد.",
    "شرکت تعاونی توسعه و عمران برنامه زمان‌بندی جلسات خود را ارائه دهد.",
    "اداره صمت فهرست اتحادیه‌های فعال را به دبیرخانه بدهد.",
  ],
  "latin-dots": [
    "اداره تعاون، کار و رفاه اجتماعی فهرست متقاضیان تسهیلات مشاغل خانگی را تا پایان آبان‌ماه تکمیل کند.",
    "بانک ملی گزارش پرداخت تسهیلات اشتغال فراگیر را ارائه دهد.",
    "مدیریت جهاد کشاورزی ظرف ۱۰ روز کاری طرح‌های گلخانه‌ای را به بانک کشاورزی معرفی کند.",
  ],
  "persian-dots": [
    "اداره صنعت، معدن و تجارت آمار واحدهای تولیدی راکد را به دبیرخانه ارسال کند.",
    "بانک رفاه کارگران ظرف یک ماه پرونده‌های معوق را بررسی کند.",
    "شرکت تعاونی توسعه و عمران زمین مورد نیاز شهرک را تأمین کند.",
    "همه دستگاه‌ها نماینده تام‌الاختیار خود را معرفی کنند.",
  ],
  "parens-latin": [
    "بانک کشاورزی علت تأخیر در پرداخت تسهیلات ۸ طرح را تا ۱۴۰۵/۰۹/۲۵ اعلام کند.",
    "اداره تعاون با همکاری اداره صنعت، معدن و تجارت نمایشگاه مشاغل خانگی برگزار کند.",
    "گزارش پیشرفت مصوبات هر ماه در جلسه کارگروه ارائه شود.",
  ],
  "letters-dash": [
    "مدیریت جهاد کشاورزی طرح‌های اشتغال روستایی را اولویت‌بندی کند.",
    "بانک ملی ایران سقف تسهیلات قرض‌الحسنه را اعلام کند.",
    "اداره تعاون، کار و رفاه اجتماعی به صورت مستمر آمار اشتغال را در سامانه رصد ثبت کند.",
    "دبیرخانه صورتجلسه را به همه اعضا ابلاغ کند.",
  ],
  bullets: [
    "شرکت تعاونی توسعه و عمران برآورد هزینه زیرساخت شهرک را ارائه کند",
    "بانک‌های عامل گزارش هفتگی پرداخت تسهیلات را به فرمانداری ارسال کنند",
    "اداره صمت با اتحادیه‌ها جلسه توجیهی برگزار کند",
  ],
  "resolved-semicolons": [
    "اداره تعاون، کار و رفاه اجتماعی فهرست طرح‌های معطل را تهیه کند",
    "بانک ملی ظرف دو هفته این طرح‌ها را بررسی کند",
    "مدیریت جهاد کشاورزی نتیجه را به فرمانداری گزارش دهد.",
  ],
  "resolved-lines": [
    "اداره تعاون فراخوان ثبت‌نام متقاضیان را منتشر کند",
    "بانک رفاه کارگران شعبه‌ای را برای پذیرش پرونده‌ها اختصاص دهد",
    "اداره صنعت، معدن و تجارت مجوزهای لازم را تسریع کند",
  ],
  "two-resolved": [
    "بانک کشاورزی تا پایان آذر تسهیلات طرح‌های دامپروری را پرداخت کند.",
    "اداره تعاون، کار و رفاه اجتماعی دوره آموزشی کارآفرینی برگزار کند.",
  ],
  "news-other": [
    "مدیریت جهاد کشاورزی طرح‌های نیمه‌تمام را شناسایی کند.",
    "بررسی مشکلات واحدهای صنعتی شهرک",
    "ارسال فهرست طرح‌ها به اداره تعاون، کار و رفاه اجتماعی",
    "پیگیری تسهیلات بانک ملی",
    "برگزاری جلسه با اتحادیه‌های صنفی",
  ],
  "inline-numbered": [
    "بانک رفاه کارگران گزارش تسهیلات پرداخت‌شده را ارائه دهد",
    "اداره صنعت، معدن و تجارت فهرست واحدهای راکد را تهیه کند",
    "شرکت تعاونی توسعه و عمران در جلسه بعد گزارش دهد.",
  ],
  "arabic-keyboard": [
    "اداره تعاون، کار و رفاه اجتماعی آمار اشتغال ایجادشده را ماهانه اعلام کند.",
    "بانک ملی تسهیلات ۲۰ طرح معرفی‌شده را تا ۱۴۰۵/۱۰/۳۰ پرداخت کند.",
  ],
  labelled: [
    "مدیریت جهاد کشاورزی و بانک کشاورزی برای طرح‌های پرورش ماهی جلسه مشترک برگزار کنند.",
    "اداره تعاون گزارش اجرای مصوبه ۱ را ظرف ۱۵ روز ارائه کند.",
    "بانک‌ها گزارش هفتگی تسهیلات را به دبیرخانه ارسال کنند.",
  ],
  parenthesised: [
    "شرکت تعاونی توسعه و عمران نقشه تفکیکی شهرک را نهایی کند.",
    "اداره صنعت، معدن و تجارت پروانه‌های بهره‌برداری را بررسی کند. (این بند با موافقت همه اعضا تصویب شد)",
    "بانک ملی و بانک رفاه کارگران نماینده خود را معرفی کنند.",
  ],
};

describe("splitMinutes", () => {
  it.each(Object.entries(EXPECTED))("finds the resolutions of %s", (name, expected) => {
    expect(splitMinutes(fixture(name))).toEqual({ ok: true, value: expected });
  });

  it("says so when minutes name no resolution, or are empty", () => {
    expect(splitMinutes(fixture("narrative-only"))).toEqual({ ok: false, error: { code: "minutes.no_resolutions" } });
    expect(splitMinutes(" \n\u200F ")).toEqual({ ok: false, error: { code: "minutes.empty" } });
  });

  it("reads minutes pasted in several messages, joined by line breaks, as one text", () => {
    const [first, second] = [fixture("numbered").split("4)")[0]!, `4)${fixture("numbered").split("4)")[1]!}`];
    expect(splitMinutes(`${first}\n${second}`)).toEqual({ ok: true, value: EXPECTED.numbered });
  });

  it("does not take a date or a time at the start of a line for a number", () => {
    expect(splitMinutes("مصوبات:\n1405/09/01 جلسه\n10:30 شروع\n1- بانک ملی گزارش دهد.")).toEqual({
      ok: true,
      value: ["بانک ملی گزارش دهد."],
    });
  });
});

const AGENCIES = [
  { id: 1, code: "tavon", name: "اداره تعاون، کار و رفاه اجتماعی شهرستان پردیس", kind: "office" },
  { id: 2, code: "smt", name: "اداره صنعت، معدن و تجارت شهرستان پردیس", kind: "office" },
  { id: 3, code: "jahad", name: "مدیریت جهاد کشاورزی شهرستان پردیس", kind: "office" },
  { id: 4, code: "omran", name: "شرکت تعاونی توسعه و عمران شهرستان پردیس", kind: "company" },
  { id: 5, code: "bank-melli", name: "بانک ملی ایران، شعبه مرکزی پردیس", kind: "bank" },
  { id: 6, code: "bank-keshavarzi", name: "بانک کشاورزی، شعبه پردیس", kind: "bank" },
  { id: 7, code: "bank-refah", name: "بانک رفاه کارگران، شعبه پردیس", kind: "bank" },
];
const codesOf = (text: string) => {
  const proposed = proposeParties(text, AGENCIES);
  return proposed.all ? "all" : proposed.agencyIds.map((id) => AGENCIES.find((a) => a.id === id)!.code);
};

describe("proposeParties", () => {
  it("names the agencies of numbered.txt, lead first", () => {
    expect(EXPECTED.numbered!.map(codesOf)).toEqual([
      ["bank-melli", "bank-keshavarzi", "bank-refah"],
      ["jahad", "tavon"],
      ["omran"],
      ["smt"],
      "all",
    ]);
  });

  it("takes «بانک‌های عامل» and «روسای بانک‌ها» for the committee's banks, «اداره صمت» for smt, and names none it does not know", () => {
    expect(EXPECTED.mixed!.map(codesOf)).toEqual([
      ["tavon", "bank-melli", "bank-keshavarzi", "bank-refah"],
      ["bank-melli", "bank-keshavarzi", "bank-refah"],
      [],
      ["omran"],
      ["smt"],
    ]);
    expect(codesOf(EXPECTED["pardis-report"]![5]!)).toEqual(["bank-melli", "bank-keshavarzi", "bank-refah"]);
  });

  it("tells «جهاد کشاورزی» from «بانک کشاورزی» and «اداره تعاون» from «شرکت تعاونی»", () => {
    expect(codesOf(EXPECTED.labelled![0]!)).toEqual(["jahad", "bank-keshavarzi"]);
    expect(codesOf(EXPECTED["pardis-report"]![0]!)).toEqual(["tavon", "smt"]);
    expect(codesOf(EXPECTED["pardis-report"]![1]!)).toEqual(["omran"]);
  });
});

describe("hintsOf", () => {
  it("reads a date, standing and recurring wording, and the report-to of numbered.txt", () => {
    expect(EXPECTED.numbered!.map(hintsOf)).toEqual([
      { kind: "one_off", deadline: { kind: "date", date: { jy: 1405, jm: 10, jd: 15 } }, reportTo: "دبیرخانه" },
      { kind: "one_off" },
      { kind: "one_off" },
      { kind: "standing", deadline: { kind: "standing" } },
      { kind: "recurring" },
    ]);
  });

  it("reads spans in words and digits, working days included", () => {
    expect(hintsOf(EXPECTED.mixed![0]!).deadline).toEqual({ kind: "span", span: { count: 2, unit: "week" } });
    expect(hintsOf(EXPECTED["latin-dots"]![2]!).deadline).toEqual({ kind: "span", span: { count: 10, unit: "working_day" } });
    expect(hintsOf(EXPECTED["pardis-report"]![0]!).reportTo).toBe("اداره کل استان");
  });
});

describe("deadlines typed by the secretary", () => {
  const calendar = createWorkCalendar({ thursday: "off", extraHolidays: ["1405/09/24"] });
  // Wednesday 4 Azar 1405, 10:00.
  const now = instantAt({ jy: 1405, jm: 9, jd: 4 }, 10 * HOUR_MS);
  const today = { jy: 1405, jm: 9, jd: 4 };
  const resolve = (input: string) => {
    const spec = parseDeadlineInput(input, now, calendar);
    return spec.ok ? resolveDeadline(spec.value, today, now, calendar) : spec;
  };

  it("reads dates, spans and standing", () => {
    expect(resolve("۱۴۰۵/۰۹/۲۲")).toEqual({ ok: true, value: { jy: 1405, jm: 9, jd: 22 } });
    expect(resolve("۲ هفته")).toEqual({ ok: true, value: { jy: 1405, jm: 9, jd: 18 } });
    // Working days skip Thursday 5, Friday 6 and Thursday 12, Friday 13.
    expect(resolve("۱۰ روز کاری")).toEqual({ ok: true, value: { jy: 1405, jm: 9, jd: 18 } });
    // A month from Wednesday 4 Azar is Friday 4 Dey: refused, with Saturday 5 Dey offered.
    expect(resolve("یک ماه")).toEqual({ ok: false, error: { code: "deadline.day_off", params: { jy: 1405, jm: 10, jd: 5 } } });
    expect(resolve("مستمر")).toEqual({ ok: true, value: null });
  });

  it("refuses a past day, a day off (offering the next working day), and nonsense", () => {
    expect(resolve("۱۴۰۵/۰۹/۰۱")).toEqual({ ok: false, error: { code: "deadline.past" } });
    // 1405/09/24 is the committee's own closure (a Tuesday): the next working day is Wednesday 25.
    expect(resolve("۱۴۰۵/۰۹/۲۴")).toEqual({ ok: false, error: { code: "deadline.day_off", params: { jy: 1405, jm: 9, jd: 25 } } });
    expect(resolve("۱۴۰۵/۰۹/۰۶")).toEqual({ ok: false, error: { code: "deadline.day_off", params: { jy: 1405, jm: 9, jd: 7 } } });
    expect(resolve("بعداً")).toMatchObject({ ok: false, error: { code: "date.invalid_format" } });
    expect(resolve("۴۰۰ روز")).toEqual({ ok: false, error: { code: "deadline.span_too_long", params: { max: 366 } } });
  });
});
