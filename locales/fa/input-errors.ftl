## Errors for what people type (src/domain/text/input-errors.ts).
## Message id = inputErrorKey(code): "date.invalid_day" → input-error-date-invalid-day.
## Each message says what was expected and gives an example with Persian digits.

## Dates

input-error-date-empty = تاریخ را بنویسید؛ مثلاً ۱۴۰۵/۰۹/۰۱ یا ۱ آذر ۱۴۰۵ یا «فردا».
input-error-date-invalid-format = این تاریخ را متوجه نشدم. تاریخ شمسی را به شکل سال/ماه/روز بنویسید (مثلاً ۱۴۰۵/۰۹/۰۱)، یا روز و نام ماه (۱ آذر ۱۴۰۵)، یا یکی از این‌ها: امروز، فردا، پس‌فردا، هفته بعد، آخر ماه، ۳ روز کاری دیگر.
input-error-date-incomplete = تاریخ کامل نیست؛ سال و ماه و روز را بنویسید، مثلاً ۱۴۰۵/۰۹/۰۱ یا ۱ آذر ۱۴۰۵.
input-error-date-two-digit-year = سال را چهاررقمی بنویسید تا با تاریخ دیگری اشتباه نشود؛ مثلاً ۱۴۰۵/۰۹/۰۱ به‌جای ۰۵/۰۹/۰۱.
input-error-date-year-first = اول سال، بعد ماه و بعد روز را بنویسید؛ مثلاً ۱۴۰۵/۰۹/۰۱.
input-error-date-gregorian = این تاریخ میلادی به نظر می‌رسد؛ تاریخ شمسی بنویسید، مثلاً ۱۴۰۵/۰۹/۰۴.
input-error-date-year-out-of-range = سال باید بین { NUMBER($min, useGrouping: 0) } و { NUMBER($max, useGrouping: 0) } باشد؛ مثلاً ۱۴۰۵/۰۹/۰۱.
input-error-date-invalid-month = ماه { NUMBER($month, useGrouping: 0) } وجود ندارد؛ ماه عددی از ۱ تا ۱۲ است، مثلاً ۱۴۰۵/۰۹/۰۱.
input-error-date-invalid-day =
    روز { NUMBER($day, useGrouping: 0) } در { $month ->
        [1] فروردین
        [2] اردیبهشت
        [3] خرداد
        [4] تیر
        [5] مرداد
        [6] شهریور
        [7] مهر
        [8] آبان
        [9] آذر
        [10] دی
        [11] بهمن
       *[12] اسفند
    } سال { NUMBER($year, useGrouping: 0) } نیست؛ این ماه { NUMBER($max, useGrouping: 0) } روز دارد. روزی از ۱ تا { NUMBER($max, useGrouping: 0) } بنویسید، مثلاً ۱۴۰۵/۰۹/۰۱.
input-error-date-unknown-month = ماه «{ $name }» را نشناختم؛ نام یکی از ماه‌های شمسی را بنویسید، مثلاً ۱ آذر ۱۴۰۵.
input-error-date-weekday-mismatch = روز هفته با این تاریخ جور نیست؛ تاریخ را بدون روز هفته بنویسید، مثلاً ۴ آذر ۱۴۰۵.
input-error-date-invalid-count = تعداد روزها باید از { NUMBER($min) } تا { NUMBER($max) } باشد؛ مثلاً ۳ روز کاری دیگر.
input-error-date-needs-calendar = اینجا نمی‌توانم روز کاری بشمارم؛ خود تاریخ را بنویسید، مثلاً ۱۴۰۵/۰۹/۰۱.

## Mobile numbers

input-error-time-empty = ساعت را بنویسید؛ مثلاً ۱۰ یا ۱۰:۳۰.
input-error-time-invalid-format = این ساعت را متوجه نشدم. ساعت را به شکل ساعت:دقیقه بنویسید (مثلاً ۱۰:۳۰ یا ۹ صبح یا ۲ بعدازظهر).
input-error-time-out-of-range = ساعت باید بین ۰۰:۰۰ و ۲۳:۵۹ باشد.
input-error-phone-empty = شماره تلفن همراه را بنویسید؛ مثلاً ۰۹۱۲۳۴۵۶۷۸۹.
input-error-phone-invalid = این شماره همراه درست نیست؛ شماره همراه یازده رقم است و با ۰۹ شروع می‌شود، مثلاً ۰۹۱۲۳۴۵۶۷۸۹.
input-error-phone-not-mobile = این شماره تلفن ثابت است؛ شماره همراهی بنویسید که با ۰۹ شروع شود، مثلاً ۰۹۱۲۳۴۵۶۷۸۹.

## Percentages

input-error-percent-empty = درصد را بنویسید؛ عددی از ۰ تا ۱۰۰، مثلاً ۵۰ یا ۵۰٪.
input-error-percent-invalid-format = این درصد را متوجه نشدم؛ یک عدد از ۰ تا ۱۰۰ بنویسید، مثلاً ۵۰ یا ۵۰٪ یا ۵۰ درصد.
input-error-percent-not-integer = درصد را بدون اعشار بنویسید؛ مثلاً ۵۰٪.
input-error-percent-out-of-range = درصد باید از { NUMBER($min) } تا { NUMBER($max) } باشد؛ مثلاً ۷۵٪.

## Numbers

input-error-number-empty = عدد را بنویسید؛ مثلاً ۱۲٬۵۰۰.
input-error-number-invalid-format = این عدد را متوجه نشدم؛ فقط رقم بنویسید، با جداکننده هزارگان یا بی آن، مثلاً ۱۲۵۰۰ یا ۱۲٬۵۰۰.
input-error-number-negative = عدد منفی پذیرفته نیست؛ عددی از صفر به بالا بنویسید، مثلاً ۱۲٬۵۰۰.
input-error-number-not-integer = عدد را بدون اعشار بنویسید؛ مثلاً ۱۲٬۵۰۰.
input-error-number-below-min = عدد باید دست‌کم { NUMBER($min) } باشد؛ مثلاً { NUMBER($min) }.
input-error-number-above-max = عدد باید حداکثر { NUMBER($max) } باشد؛ مثلاً { NUMBER($max) }.
input-error-number-too-large = این عدد بیش از اندازه بزرگ است؛ عددی با حداکثر پانزده رقم بنویسید، مثلاً ۱۲٬۵۰۰.
input-error-number-unit-mismatch = واحد این پرسش «{ $expected }» است، نه «{ $unit }»؛ عدد را به { $expected } بنویسید، مثلاً ۱۲.
input-error-number-in-words = عدد را با رقم بنویسید، مثلاً ۱۲؛ عددی که با حروف نوشته شود (مانند «دوازده») خوانده نمی‌شود.
