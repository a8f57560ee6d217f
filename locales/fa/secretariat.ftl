## The secretariat console: items, verification, extensions, cancellation, reassignment, instructions, history.

staff-item-title = مصوبه { $resolution } جلسه { $meeting } — { $agency }
staff-item-role-lead = نقش: مسئول اجرا
staff-item-role-co = نقش: همکار
staff-button-extend = ⏳ تمدید مهلت
staff-button-cancel = ✖️ منتفی کردن
staff-button-reassign = 🔁 واگذاری به دستگاه دیگر
staff-button-add-agency = ➕ افزودن دستگاه
staff-button-history = 📜 تاریخچه
staff-button-instruction = 📣 دستور فرمانداری
staff-button-label = { $label }
staff-button-scope-agency = فقط همین دستگاه
staff-button-scope-all = همه دستگاه‌های این مصوبه
assignment-button-extension = ⏳ درخواست تمدید مهلت

staff-topic-send-back = بازگرداندن { $title }
staff-topic-extend = تمدید مهلت { $title }
staff-topic-cancel = منتفی کردن { $title }
staff-topic-reassign = واگذاری { $title }
staff-topic-add-agency = افزودن دستگاه به { $title }
staff-topic-instruction = دستور درباره { $title }
staff-topic-extension-request = درخواست تمدید { $title }

staff-ask-new-deadline = مهلت تازه { $title } را بنویسید: تاریخ (مثلاً ۱۴۰۵/۱۰/۱۵) یا مدت از امروز (مثلاً «۲ هفته» یا «۱۰ روز کاری»).
staff-ask-scope = این تمدید فقط برای همین دستگاه باشد یا برای همه دستگاه‌های این مصوبه؟ یکی از دو دکمه زیر را بزنید.
staff-ask-reason = دلیل را بنویسید (لازم است و در تاریخچه می‌ماند).
staff-ask-cancel-reason = چرا { $title } منتفی می‌شود؟ دلیل را بنویسید (لازم است).
staff-ask-reassign-to = { $title } به کدام دستگاه واگذار شود؟ دستگاه را با دکمه‌های زیر انتخاب کنید.
staff-ask-add-agency = کدام دستگاه به عنوان همکار به { $title } افزوده شود؟ دستگاه را با دکمه‌های زیر انتخاب کنید.
staff-ask-instruction = متن دستور فرمانداری درباره { $title } را بنویسید؛ برای رئیس و کارشناسان رابط دستگاه فرستاده می‌شود.
staff-date-expected = لطفاً تاریخ تازه را بنویسید (مثلاً ۱۴۰۵/۱۰/۱۵ یا «۲ هفته»).
staff-reason-expected = نوشتن دلیل لازم است؛ لطفاً آن را به صورت متن بنویسید.
staff-comment-expected = نوشتن توضیح برای دستگاه لازم است؛ لطفاً آن را به صورت متن بنویسید.
staff-instruction-expected = لطفاً متن دستور را بنویسید.
staff-choice-expected = لطفاً یکی از دکمه‌های پیام بالا را بزنید.
staff-agency-expected = لطفاً دستگاه را با یکی از دکمه‌های پیام بالا انتخاب کنید.
staff-extend-not-later = مهلت تازه باید پس از مهلت فعلی باشد؛ لطفاً تاریخ دیرتری بنویسید.
staff-no-other-agency = دستگاه دیگری در این کارگروه نیست که بتوان آن را افزود.
staff-extend-summary =
    تمدید مهلت { $title } تا { $date }
    دلیل: { $reason }

    { dialog-confirm-question }
staff-cancel-summary =
    منتفی کردن { $title }
    دلیل: { $reason }

    { dialog-confirm-question }
staff-reassign-summary =
    واگذاری { $title } به { $agency }
    دلیل: { $reason }

    { dialog-confirm-question }
staff-instruction-summary =
    دستور فرمانداری درباره { $title }:
    { $text }

    اگر درست است «ثبت» را بزنید تا برای دستگاه فرستاده شود؛ برای کنار گذاشتن، «انصراف».
staff-extended = ✅ مهلت { $title } تا { $date } تمدید شد و به دستگاه‌ها اطلاع داده شد.
staff-cancelled = ✅ { $title } منتفی شد و به دستگاه اطلاع داده شد.
staff-reassigned = ✅ { $title } به { $agency } واگذار شد.
staff-agency-added = ✅ { $agency } به عنوان همکار به { $title } افزوده شد و مصوبه برایش فرستاده شد.
staff-instruction-sent = ✅ دستور درباره { $title } برای دستگاه فرستاده و در تاریخچه ثبت شد.

staff-refused = این کار انجام نشد.
staff-refused-forbidden = این کار ویژه دبیرخانه کارگروه (و برای خواندن و دستور، فرمانداری) است، یا این مورد در دسترس شما نیست. چیزی تغییر نکرد.
staff-refused-reason-required = نوشتن دلیل لازم است. چیزی تغییر نکرد.
staff-refused-comment-required = نوشتن توضیح برای دستگاه لازم است. چیزی تغییر نکرد.
staff-refused-text-required = متن دستور خالی است. چیزی تغییر نکرد.
staff-refused-final = این مورد بسته شده است ({ -status-done } یا { -status-cancelled }). چیزی تغییر نکرد.
staff-refused-standing = این مصوبه مستمر است و مهلتی ندارد که تمدید شود.
staff-refused-not-later = مهلت تازه باید پس از مهلت فعلی باشد. چیزی تغییر نکرد.
staff-refused-past = این تاریخ گذشته است. چیزی تغییر نکرد.
staff-refused-too-far = این تاریخ بیش از حد دور است. چیزی تغییر نکرد.
staff-refused-pending-exists = برای این مورد یک درخواست تمدید در انتظار تصمیم دبیرخانه هست.
staff-refused-decided = درباره این درخواست پیش‌تر تصمیم گرفته شده است. چیزی تغییر نکرد.
staff-refused-unknown-agency = این دستگاه عضو این کارگروه نیست. چیزی تغییر نکرد.
staff-refused-already-on = این دستگاه پیش‌تر در این مصوبه هست. چیزی تغییر نکرد.
staff-refused-not-claimed = انجام این مورد اعلام نشده یا پیش‌تر درباره آن تصمیم گرفته شده است. چیزی تغییر نکرد.

## /items
items-header = موارد ({ $filter }): { $count } مورد، فوری‌ترها اول.
items-header-paged = موارد ({ $filter })، صفحه { $page } از { $pages } — { $count } مورد، فوری‌ترها اول.
items-filter-open = همه موارد باز
items-filter-overdue = دارای تأخیر
items-filter-reported-done = { -status-reported-done }
items-filter-claimed = { -status-reported-done }
items-button-open = { $n }
items-previous = قبلی
items-next = بعدی
items-none = موردی با این شرط نیست.

## /verify
verify-empty = موردی در انتظار تأیید نیست. 👏
verify-header = { $count } مورد اعلام انجام در انتظار تأیید است (قدیمی‌ترها اول):
verify-entry-header = مورد { $n } از { $total }:
verify-entry-claimed = اعلام انجام: { $by }، { $at }
verify-entry-note = توضیح دستگاه: { $note }
verify-entry-no-note = دستگاه توضیحی ننوشته است.
verify-entry-files = مستندات: { $count } فایل ({ $names }) — فایل‌ها هنگام اعلام انجام برایتان فرستاده شده‌اند.
verify-button-approve = ✅ تأیید انجام
verify-button-send-back = ↩️ بازگرداندن به دستگاه
verify-ask-comment = چرا { $title } بازگردانده می‌شود؟ توضیح را برای دستگاه بنویسید (لازم است).
verify-approved = ✅ انجام { $title } تأیید شد. وضعیت: { -status-done }
verify-sent-back = ↩️ { $title } با توضیح شما به دستگاه بازگردانده شد. وضعیت: { -status-in-progress }
verify-told-approved = ✅ دبیرخانه انجام { $title } را تأیید کرد. وضعیت: { -status-done }
verify-told-sent-back =
    ↩️ دبیرخانه اعلام انجام { $title } را بازگرداند. وضعیت: { -status-in-progress }
    توضیح دبیرخانه: { $comment }
    برای پاسخ، روی همین پیام «پاسخ» بزنید و بنویسید.

## Extensions and changes, as the agencies hear them
extend-told-own =
    ⏳ مهلت { $title } تمدید شد: از { $previous } به { $date }.
    دلیل: { $reason }
extend-told-partner = ⏳ مهلت { $agency } در { $title } تا { $date } تمدید شد.
cancel-told =
    ✖️ { $title } منتفی شد و دیگر پیگیری نمی‌شود.
    دلیل: { $reason }
reassign-told-old =
    🔁 { $title } به { $agency } واگذار شد و دیگر از دستگاه شما پیگیری نمی‌شود.
    دلیل: { $reason }
instruction-told =
    📣 دستور فرمانداری درباره { $title }:
    { $text }
    — { $by }
    برای پاسخ یا گزارش اقدام، روی همین پیام «پاسخ» بزنید و بنویسید.

## Extension requests
ext-request-ask-date = مهلت تازه‌ای که برای { $title } می‌خواهید را بنویسید: تاریخ (مثلاً ۱۴۰۵/۱۰/۱۵) یا مدت از امروز (مثلاً «۲ هفته»).
ext-request-ask-reason = دلیل درخواست تمدید را بنویسید (لازم است).
ext-request-summary =
    درخواست تمدید مهلت { $title } تا { $date }
    دلیل: { $reason }

    اگر درست است «ثبت» را بزنید تا برای دبیرخانه فرستاده شود؛ برای کنار گذاشتن، «انصراف».
ext-request-sent = ✅ درخواست تمدید { $title } تا { $date } برای دبیرخانه فرستاده شد؛ پاسخ را همین‌جا می‌گیرید.
ext-request-notice =
    ⏳ درخواست تمدید مهلت: { $agency } ({ $by }) برای { $title }
    مهلت فعلی: { $current }
    مهلت درخواستی: { $requested }
    دلیل: { $reason }
ext-request-button-approve = ✅ موافقت
ext-request-button-refuse = ✖️ مخالفت
ext-request-approved = ✅ با درخواست تمدید موافقت شد و به دستگاه‌ها اطلاع داده شد.
ext-request-refused = ✖️ درخواست تمدید رد شد و به دستگاه اطلاع داده شد.
ext-request-told-approved =
    ✅ دبیرخانه با درخواست تمدید شما برای { $title } موافقت کرد: مهلت تازه { $date } (پیش‌تر { $previous }).
ext-request-told-refused = ✖️ دبیرخانه با درخواست تمدید { $title } تا { $requested } موافقت نکرد؛ مهلت همان { $date } است.

## /history
history-how = برای دیدن تاریخچه یک مورد، روی پیامی درباره آن «پاسخ» بزنید و /history بفرستید، یا در /items دکمه «تاریخچه» آن را بزنید.
history-header = 📜 تاریخچه { $title }:
history-empty = هنوز رویدادی ثبت نشده است.
history-system = سامانه
history-percent = { $percent }٪
history-next-deadline = مهلت تازه { $date }
history-skipped = (انجام نشد)
history-escalation = یادآوری/پیگیری ({ $step })
history-assignment-created = ابلاغ
history-assignment-ack = رویت
history-assignment-progress = گزارش پیشرفت
history-assignment-claim-done = اعلام انجام
history-assignment-block = اعلام مانع
history-assignment-verified = تأیید انجام
history-assignment-sent-back = بازگرداندن به دستگاه
history-assignment-extended = تمدید مهلت
history-assignment-cancelled = منتفی شدن
history-assignment-reassigned = واگذاری به دستگاه دیگر
history-assignment-instruction = دستور فرمانداری
history-extension-requested = درخواست تمدید
history-extension-approved = موافقت با درخواست تمدید
history-extension-refused = مخالفت با درخواست تمدید
