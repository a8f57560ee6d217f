/** Jalali calendar, Tehran time and working time: pure functions, time always passed in. */
export {
  type ClockTime,
  type JalaliDate,
  DAY_MS,
  FRIDAY,
  HOUR_MS,
  MINUTE_MS,
  SATURDAY,
  TEHRAN_OFFSET_MINUTES,
  THURSDAY,
  addJalaliDays,
  compareJalali,
  diffJalaliDays,
  fromJalaliDayNumber,
  instantAt,
  isLeapJalaliYear,
  isValidJalali,
  jalaliDayNumber,
  jalaliKey,
  jalaliMonthLength,
  jalaliToInstant,
  jalaliWeekKey,
  jalaliWeekday,
  parseJalaliWeekKey,
  sameJalali,
  startOfJalaliWeek,
  tehranClock,
  tehranDayAndTime,
  toJalali,
} from "./jalali.js";
export {
  JALALI_MONTH_NAMES,
  JALALI_WEEKDAY_NAMES,
  formatJalaliDateTime,
  formatJalaliLong,
  formatJalaliNumeric,
  formatTime,
  jalaliMonthName,
  jalaliWeekdayName,
} from "./format.js";
export { INPUT_YEAR_MAX, INPUT_YEAR_MIN, parseJalaliStrict, validateJalaliParts } from "./parse.js";
export { deadlineInstant } from "./deadline.js";
export {
  type Holiday,
  type HolidayTable,
  createHolidayTable,
  estimateLunarHolidays,
  holidaysForYear,
  nationalHolidayTable,
} from "./holidays.js";
export { type LunarHolidayId, type LunarYearData, LUNAR_HOLIDAYS, LUNAR_HOLIDAY_DATES, SOLAR_HOLIDAYS } from "./holidays-ir.data.js";
export { type HijriDate, IRAN_LAG_BEHIND_UMM_AL_QURA_DAYS, estimatedIranianHijriDate, umAlQuraDate } from "./hijri.js";
export {
  type CalendarConfig,
  type DayInfo,
  type DayOffReason,
  type ThursdayMode,
  type WorkCalendar,
  CalendarConfigError,
  DEFAULT_CALENDAR_CONFIG,
  DEFAULT_CLOSURE_NAME,
  createWorkCalendar,
} from "./work-calendar.js";
