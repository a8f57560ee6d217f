## Errors for what people type (src/domain/text/input-errors.ts).
## Message id = inputErrorKey(code): "date.invalid_day" → input-error-date-invalid-day.
## Each message says what was expected and gives an example. Dates are Jalali (Solar Hijri).

## Dates

input-error-date-empty = Please enter a date, for example 1405/09/01, 1 Azar 1405 or “tomorrow” (فردا).
input-error-date-invalid-format = I could not read that date. Write a Jalali date as year/month/day (1405/09/01), as day and month name (1 Azar 1405, ۱ آذر ۱۴۰۵), or one of: امروز (today), فردا (tomorrow), پس‌فردا, هفته بعد (in a week), آخر ماه (end of month), ۳ روز کاری دیگر (in 3 working days).
input-error-date-incomplete = The date is incomplete: give year, month and day, for example 1405/09/01 or 1 Azar 1405.
input-error-date-two-digit-year = Write the year with four digits so it cannot be misread: 1405/09/01, not 05/09/01.
input-error-date-year-first = Write the year first, then month, then day: 1405/09/01.
input-error-date-gregorian = That looks like a Gregorian date; please write the Jalali date, for example 1405/09/04.
input-error-date-year-out-of-range = The year must be between { NUMBER($min, useGrouping: 0) } and { NUMBER($max, useGrouping: 0) }, for example 1405/09/01.
input-error-date-invalid-month = There is no month { NUMBER($month, useGrouping: 0) }: months go from 1 to 12, for example 1405/09/01.
input-error-date-invalid-day =
    { $month ->
        [1] Farvardin
        [2] Ordibehesht
        [3] Khordad
        [4] Tir
        [5] Mordad
        [6] Shahrivar
        [7] Mehr
        [8] Aban
        [9] Azar
        [10] Dey
        [11] Bahman
       *[12] Esfand
    } { NUMBER($year, useGrouping: 0) } has { NUMBER($max, useGrouping: 0) } days, so there is no day { NUMBER($day, useGrouping: 0) }; enter a day from 1 to { NUMBER($max, useGrouping: 0) }, for example 1405/09/01.
input-error-date-unknown-month = I don't know the month “{ $name }”; use a Jalali month name, for example 1 Azar 1405 (۱ آذر ۱۴۰۵).
input-error-date-weekday-mismatch = The weekday does not match that date; write the date without the weekday, for example 4 Azar 1405.
input-error-date-invalid-count = The number of days must be from { NUMBER($min) } to { NUMBER($max) }, for example ۳ روز کاری دیگر (in 3 working days).
input-error-date-needs-calendar = Working days cannot be counted here; please enter the date itself, for example 1405/09/01.

## Mobile numbers

input-error-time-empty = Please enter a time, for example 10 or 10:30.
input-error-time-invalid-format = I could not read that time. Write it as hours:minutes (10:30), or like ۹ صبح (9 am) or ۲ بعدازظهر (2 pm).
input-error-time-out-of-range = The time must be between 00:00 and 23:59.
input-error-phone-empty = Please enter a mobile number, for example 09123456789.
input-error-phone-invalid = That is not a valid mobile number: an Iranian mobile number has 11 digits and starts with 09, for example 09123456789 or +989123456789.
input-error-phone-not-mobile = That is a landline number; please enter a mobile number starting with 09, for example 09123456789.

## Percentages

input-error-percent-empty = Please enter a percentage from 0 to 100, for example 50 or 50%.
input-error-percent-invalid-format = I could not read that percentage; enter a number from 0 to 100, for example 50, 50% or ۵۰٪.
input-error-percent-not-integer = Please enter a whole percentage without decimals, for example 50%.
input-error-percent-out-of-range = The percentage must be from { NUMBER($min) } to { NUMBER($max) }, for example 75%.

## Numbers

input-error-number-empty = Please enter a number, for example 12,500.
input-error-number-invalid-format = I could not read that number; use digits only, with or without thousands separators, for example 12500 or 12,500.
input-error-number-negative = Negative numbers are not accepted; enter zero or more, for example 12,500.
input-error-number-not-integer = Please enter a whole number without decimals, for example 12,500.
input-error-number-below-min = The number must be at least { NUMBER($min) }, for example { NUMBER($min) }.
input-error-number-above-max = The number must be at most { NUMBER($max) }, for example { NUMBER($max) }.
input-error-number-too-large = That number is too large; use at most 15 digits, for example 12,500.
input-error-number-unit-mismatch = This question is in “{ $expected }”, not “{ $unit }”: please give the number in { $expected }, for example 12.
input-error-number-in-words = Please write the number in digits, e.g. 12: a number in words (such as “twelve”) cannot be read.
