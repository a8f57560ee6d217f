## The secretariat's /meeting flow: minutes to published resolutions.

meeting-not-allowed = ثبت جلسه و مصوبات ویژه دبیرخانه کارگروه است و شما دسترسی آن را ندارید. چیزی تغییر نکرد.
meeting-choose-committee = برای کدام کارگروه جلسه ثبت می‌کنید؟ یکی را انتخاب کنید.
meeting-untitled = بدون عنوان
meeting-resume = پیش‌نویس جلسه «{ $title }» ({ $count } مصوبه) هنوز منتشر نشده است. ادامه می‌دهید یا کنار می‌گذارید و جلسه تازه‌ای ثبت می‌کنید؟ یکی از دو دکمه زیر را بزنید.
meeting-button-resume = ▶️ ادامه پیش‌نویس
meeting-button-new = 🗑 کنار گذاشتن و جلسه تازه
meeting-paused = پیش‌نویس جلسه «{ $title }» ذخیره شد و منتظر می‌ماند؛ هر وقت خواستید با /meeting ادامه دهید.
meeting-use-buttons = در این مرحله لطفاً یکی از دکمه‌های پیام زیر را بزنید.
meeting-text-expected = لطفاً پاسخ را به صورت متن بفرستید.
meeting-button-stale = این دکمه مربوط به مرحله دیگری از پیش‌نویس است و دیگر کار نمی‌کند. لطفاً از آخرین پیام استفاده کنید یا /meeting را بفرستید.
meeting-button-discard = 🗑 کنار گذاشتن پیش‌نویس
meeting-discarded = پیش‌نویس جلسه کنار گذاشته شد؛ چیزی منتشر نشد.
meeting-ask-title = ثبت جلسه تازه در «{ $committee }». عنوان جلسه را بنویسید (مثلاً «جلسه کارگروه اشتغال و سرمایه‌گذاری»).
meeting-ask-date = تاریخ برگزاری جلسه «{ $title }» را بنویسید؛ مثلاً ۱۴۰۵/۹/۱، ۱ آذر، امروز یا دیروز.
meeting-confirm-date = تاریخ جلسه: { $date }. درست است؟ «درست است» یا «تاریخ دیگر» را بزنید.
meeting-button-date-ok = ✅ درست است
meeting-button-date-retry = ✏️ تاریخ دیگر
meeting-ask-minutes = متن صورت‌جلسه را بفرستید: همه را در یک پیام، یا در چند پیام پشت سر هم، یا فایل ‎.txt. پس از آخرین بخش، «پایان متن صورت‌جلسه» را بزنید.
meeting-attendees = حاضران جلسه بر پایه دعوت‌نامه «{ $title }» ({ $count } دستگاه): { $names }
meeting-attendees-none = در پاسخ‌های دعوت‌نامه «{ $title }» حضور هیچ دستگاهی ثبت نشده است.
meeting-attendees-saved = حاضران ثبت‌شده برای این جلسه ({ $count } دستگاه): { $names }
meeting-attendees-hint = این حضور و غیاب با انتشار روی جلسه ثبت می‌شود؛ برای اصلاح، «اصلاح حضور و غیاب» را بزنید.
meeting-button-attendance = ✏️ اصلاح حضور و غیاب
meeting-minutes-so-far = تا اینجا { $chars } نویسه دریافت شده است.
meeting-minutes-received = متن دریافت شد (روی هم { $chars } نویسه). اگر بخش دیگری مانده بفرستید؛ وگرنه «پایان متن صورت‌جلسه» را بزنید.
meeting-button-minutes-done = ✅ پایان متن صورت‌جلسه
meeting-button-minutes-clear = پاک کردن متن و ارسال دوباره
meeting-file-unsupported = فقط فایل متنی ‎.txt یا سند ورد ‎.docx خوانده می‌شود؛ لطفاً متن را در پیام بفرستید یا یکی از این دو را.
meeting-file-too-large = این فایل برای صورت‌جلسه بیش از حد بزرگ است؛ لطفاً متن را در پیام بفرستید.
meeting-file-unreadable = این فایل خوانده نشد؛ لطفاً دوباره بفرستید یا متن را در پیام بفرستید.
meeting-list-header = { $count } مصوبه در متن پیدا شد:
meeting-list-hint = برای ادغام، تقسیم، ویرایش یا حذف، شماره مصوبه را بزنید. اگر فهرست درست است «تأیید فهرست» را بزنید.
meeting-button-item = { $n }
meeting-button-list-ok = ✅ تأیید فهرست و تعیین دستگاه‌ها
meeting-item-header = مصوبه { $n }:
meeting-button-merge = ادغام با مصوبه بعدی
meeting-button-split = تقسیم به چند مصوبه
meeting-button-edit = ویرایش متن
meeting-button-delete = حذف این مصوبه
meeting-button-back = ‹ بازگشت به فهرست
meeting-ask-edit =
    متن تازه مصوبه { $n } را بفرستید. متن فعلی:
    { $text }
meeting-ask-split =
    متن مصوبه { $n } را دوباره بفرستید و هر بخش را در یک سطر جدا بنویسید (دست‌کم دو سطر). متن فعلی:
    { $text }
meeting-parties-header = دستگاه‌های مصوبه { $n } از { $total }:
meeting-parties-chosen = انتخاب‌شده: { $parties }
meeting-parties-proposed = (این انتخاب پیشنهاد ربات از روی متن است؛ آن را بررسی و تأیید کنید.)
meeting-parties-search = نتیجه جست‌وجوی «{ $query }»: { $count } دستگاه.
meeting-parties-hint = با زدن نام هر دستگاه آن را انتخاب یا حذف کنید؛ نخستین دستگاه (⭐) مسئول اجرا و بقیه همکارند. برای جست‌وجو بخشی از نام را بنویسید. سپس «تأیید دستگاه‌ها» را بزنید.
meeting-parties-all = همه دستگاه‌های کارگروه
meeting-parties-none = هنوز هیچ دستگاهی
meeting-parties-lead = مسئول اجرا: { $lead }
meeting-parties-lead-co = مسئول اجرا: { $lead } — همکار: { $co }
meeting-button-all = همه دستگاه‌ها
meeting-button-parties-ok = ✅ تأیید دستگاه‌ها
meeting-agency-not-found = دستگاهی با نام «{ $query }» در این کارگروه پیدا نشد؛ بخش دیگری از نام را بنویسید یا از دکمه‌ها انتخاب کنید.
meeting-ask-deadline =
    مهلت مصوبه { $n } را بنویسید: تاریخ (مثلاً ۱۴۰۵/۱۰/۱۵)، مدت از امروز (مثلاً «۲ هفته» یا «۱۰ روز کاری») یا «مستمر».
    { $text }
meeting-button-proposed-deadline = طبق متن: { $deadline }
meeting-button-standing = مستمر
meeting-deadline-unset = تعیین نشده
meeting-deadline-standing = مستمر
meeting-ask-report = گزارش مصوبه { $n } به چه کسی داده شود؟ نام را بنویسید یا یکی از دکمه‌ها را بزنید.
meeting-button-report-secretariat = دبیرخانه کارگروه
meeting-review-header = بازبینی پیش از انتشار: «{ $title }» — { $date }
meeting-review-deadline = مهلت: { $deadline }
meeting-review-report = گزارش به: { $to }
meeting-review-hint = اگر همه درست است «انتشار» را بزنید تا مصوبات به دستگاه‌ها ابلاغ شود؛ برای تغییر هر مصوبه شماره آن را بزنید.
meeting-button-publish = 📤 انتشار و ابلاغ
meeting-button-assign = تغییر { $n }
meeting-button-back-list = ‹ اصلاح فهرست
meeting-published = ✅ جلسه { $meeting } منتشر شد: { $resolutions } مصوبه، { $assignments } ابلاغ به { $agencies } دستگاه. پیام‌ها از { $from } فرستاده می‌شوند.
meeting-published-already = این جلسه پیش‌تر منتشر شده است.
meeting-refused-forbidden = این پیش‌نویس در دسترس شما نیست یا دیگر وجود ندارد. چیزی تغییر نکرد.
meeting-refused-several-committees = شما دبیر چند کارگروه هستید؛ لطفاً کارگروه را انتخاب کنید.
meeting-refused-title-required = عنوان جلسه لازم است و باید کمتر از { $max } نویسه باشد؛ لطفاً دوباره بنویسید.
meeting-refused-date-future = تاریخ جلسه نمی‌تواند پس از امروز باشد؛ لطفاً تاریخ برگزاری را بنویسید.
meeting-refused-minutes-empty = متن صورت‌جلسه خالی است؛ لطفاً متن را بفرستید.
meeting-refused-minutes-no-resolutions = در این متن مصوبه‌ای پیدا نشد. مصوبات را شماره‌گذاری کنید (۱- … ۲- …) یا پس از «مقرر شد» بنویسید و دوباره بفرستید؛ متن قبلی را با «پاک کردن متن» کنار بگذارید.
meeting-refused-no-such-resolution = این کار روی این مصوبه شدنی نیست (مثلاً ادغام آخرین مصوبه یا تقسیم به کمتر از دو بخش). چیزی تغییر نکرد.
meeting-refused-unknown-agency = این دستگاه عضو این کارگروه نیست. چیزی تغییر نکرد.
meeting-refused-no-agency = دست‌کم یک دستگاه (یا «همه دستگاه‌ها») را انتخاب کنید.
meeting-refused-incomplete = دستگاه‌ها یا مهلت مصوبه { $n } تعیین نشده است؛ لطفاً آن را کامل کنید.
meeting-refused-already-published = این پیش‌نویس پیش‌تر منتشر شده است؛ انتشار دوباره انجام نشد.

input-error-deadline-past = این تاریخ گذشته است؛ مهلت باید امروز یا پس از آن باشد.
input-error-deadline-day-off = آن روز تعطیل است؛ نزدیک‌ترین روز کاری پس از آن { $next } است. لطفاً همان یا روز کاری دیگری را بنویسید.
input-error-deadline-span-too-long = مهلت بیش از { $max } روز دیگر است؛ لطفاً تاریخ نزدیک‌تری بنویسید.
