## The agency side: assignment messages, /tasks, progress, done, blocked, weekly reports.
## Numbers given as numbers get Persian digits from Fluent; dates come formatted (Jalali, Persian digits).

# Which digits this locale writes (read by src/services/render/format.ts).
format-digits = persian
# Between names in a list: agency names contain «،» themselves, so «؛» separates them.
name-list-separator = {"؛ "}

## ───── The assignment message

assignment-title = 📌 مصوبه { $resolution } جلسه { $meeting } ({ $meetingDate })
assignment-short-title = مصوبه { $resolution } جلسه { $meeting }
assignment-agency = دستگاه: { $agency } — { $committee }
assignment-role-lead = نقش دستگاه شما: مسئول اجرا
assignment-role-co = نقش دستگاه شما: همکار
assignment-role-all = این مصوبه به همه دستگاه‌های عضو کارگروه ابلاغ شده و هر دستگاه مسئول اجرای سهم خود است.
assignment-partners-lead = مسئول اجرا: { $names }
assignment-partners-co = دستگاه‌های همکار: { $names }
assignment-partners-other-co = دیگر دستگاه‌های همکار: { $names }
assignment-deadline-standing = مهلت: مستمر (این مصوبه پایان ندارد؛ پیشرفت آن را مرتب گزارش دهید)
assignment-deadline-left = مهلت: { $date } ({ $days } روز کاری مانده)
assignment-deadline-today = مهلت: { $date } (امروز آخرین روز مهلت است)
assignment-deadline-overdue =
    { $days ->
        [0] مهلت: { $date } (مهلت گذشته است)
       *[other] مهلت: { $date } ({ $days } روز کاری از مهلت گذشته است)
    }
deadline-day-off = ⚠️ روز مهلت تعطیل است ({ $reason })؛ نخستین روز کاری پس از آن { $next } است.
deadline-off-friday = جمعه
deadline-off-thursday = پنجشنبه، روز تعطیل کارگروه
assignment-report-to = گزارش به: { $to }
assignment-report-to-secretariat = دبیرخانه کارگروه (از همین‌جا)
assignment-status = وضعیت: { $status }
assignment-status-with-percent = { $status } ({ $percent }٪)
assignment-status-with-reason = { $status }: { $reason }
assignment-hint = برای گزارش، یکی از دکمه‌های زیر را بزنید، یا روی همین پیام «پاسخ» بزنید و گزارش را بنویسید.

assignment-status-assigned = { -status-assigned }
assignment-status-acknowledged = { -status-acknowledged }
assignment-status-in-progress = { -status-in-progress }
assignment-status-reported-done = { -status-reported-done } (در انتظار تأیید دبیرخانه)
assignment-status-done = { -status-done }
assignment-status-blocked = { -status-blocked }
assignment-status-cancelled = { -status-cancelled }

assignment-button-ack = ✅ رویت شد
assignment-button-progress = 📝 گزارش پیشرفت
assignment-button-done = 🏁 انجام شد
assignment-button-blocked = ⛔ مانع دارد

## ───── Answers to the buttons

ack-saved = ثبت شد: این مصوبه را رویت کردید.
ack-already = رویت این مصوبه پیش‌تر ثبت شده است.
agency-refused-unknown = این دکمه به کارهای دستگاه شما مربوط نیست یا دیگر معتبر نیست. برای دیدن فهرست به‌روز /tasks را بفرستید.
agency-refused-final = این مورد بسته شده است ({ -status-done } یا { -status-cancelled }) و دیگر اقدامی لازم ندارد.
agency-refused-awaiting-verification = انجام این مورد اعلام شده و در انتظار تأیید دبیرخانه است.
agency-refused-standing = این مصوبه مستمر است و «انجام شد» ندارد؛ لطفاً پیشرفت آن را با «گزارش پیشرفت» بفرستید.

## ───── /tasks

tasks-header = کارهای باز دستگاه شما: { $total } مورد (صفحه { $page } از { $pages })، فوری‌ترها اول.
tasks-agency-heading = 🏢 { $agency }
tasks-item-title = { $title } — { $role }
tasks-role-lead = مسئول اجرا
tasks-role-co = همکار
tasks-overdue-mark = ⚠️
tasks-button = { $action } — مصوبه { $resolution }: { $subject }
tasks-previous = ‹ صفحه قبل
tasks-next = صفحه بعد ›
tasks-empty = دستگاه شما در حال حاضر کاری در دست اقدام ندارد. 👏
tasks-not-agency = فهرست کارها برای رئیس یا کارشناس رابط دستگاه‌های اجرایی است و شما در هیچ دستگاهی ثبت نشده‌اید.

## ───── Dialogs (shared)

dialog-button-cancel = انصراف
dialog-button-confirm = ✅ ثبت
dialog-button-skip = بعدی
dialog-button-no-files = فایلی ندارم
dialog-button-files-done = پایان ارسال فایل‌ها
dialog-cancelled = انصراف داده شد؛ چیزی ثبت نشد.
dialog-confirm-question = اگر درست است «ثبت» را بزنید؛ برای کنار گذاشتن، «انصراف».
dialog-confirm-expected = لطفاً یکی از دکمه‌های «ثبت» یا «انصراف» را در پیام بالا بزنید.
dialog-file-expected = لطفاً فایل (سند یا عکس) بفرستید؛ اگر فایل دیگری ندارید، «فایلی ندارم» یا «پایان ارسال فایل‌ها» را بزنید.
dialog-file-received = فایل { $count } دریافت شد. اگر فایل دیگری دارید بفرستید؛ وگرنه «پایان ارسال فایل‌ها» را بزنید.
dialog-file-too-large = این فایل { $size } مگابایت است و از سقف مجاز ({ $max } مگابایت) بزرگ‌تر است؛ ثبت نشد. لطفاً فایل کوچک‌تری بفرستید.
dialog-unsupported-message = این نوع پیام را نمی‌توانم ثبت کنم؛ لطفاً متن، سند یا عکس بفرستید.
dialog-button-stale = این دکمه مربوط به مرحله یا گفت‌وگوی دیگری است و دیگر کار نمی‌کند. لطفاً به پیام آخر ربات پاسخ دهید.
dialog-left = «{ $topic }» نیمه‌کاره بسته شد و چیزی از آن ثبت نشد.
dialog-expired = «{ $topic }» پس از { $minutes } دقیقه بی‌پاسخی بسته شد و چیزی از آن ثبت نشد.
dialog-actor-refused = این گفت‌وگو برای نقش کنونی شما نیست.
dialog-actor-lost = نقش شما در این میان تغییر کرد؛ «{ $topic }» بسته شد و چیزی از آن ثبت نشد.
dialog-topic-progress = گزارش پیشرفت { $title }
dialog-topic-done = اعلام انجام { $title }
dialog-topic-blocked = اعلام مانع { $title }
dialog-topic-note = ثبت پیام شما برای یکی از کارها
dialog-topic-report = ارسال گزارش هفتگی
summary-text = توضیح: { $text }
summary-percent = درصد پیشرفت: { $percent }٪
summary-percent-unchanged = درصد پیشرفت: بدون تغییر
summary-files = پیوست: { $count } فایل
cancel-done = انصراف داده شد؛ چیزی از این گفت‌وگو ثبت نشد.
cancel-nothing = کاری در جریان نیست که بخواهید از آن انصراف دهید.

## ───── Progress

progress-ask-text = گزارش پیشرفت { $title }: در چند جمله بنویسید چه کاری انجام شده است.
progress-text-expected = لطفاً ابتدا شرح پیشرفت را به صورت متن بنویسید؛ در مرحله بعد می‌توانید فایل هم بفرستید.
progress-ask-percent = چند درصد کار انجام شده است؟ عددی از ۰ تا ۱۰۰ بنویسید (مثلاً ۵۰ یا ۵۰٪)، یا «بعدی» را بزنید.
progress-percent-expected = لطفاً درصد را به صورت عدد بنویسید (مثلاً ۵۰٪) یا «بعدی» را بزنید.
progress-ask-files = اگر سند یا عکسی (مثلاً صورت‌جلسه یا نامه) دارید، همین حالا بفرستید؛ وگرنه «فایلی ندارم» را بزنید.
progress-summary = خلاصه گزارش پیشرفت { $title }:
progress-saved = ✅ گزارش پیشرفت { $title } ثبت شد. وضعیت: { $status }

## ───── Done

done-ask-evidence = اعلام انجام { $title }: اگر توضیح یا مستندی (نامه، صورت‌جلسه، عکس) دارید بفرستید؛ وگرنه «بدون مستند» را بزنید.
done-button-no-evidence = بدون مستند
done-ask-files = توضیح دریافت شد. اگر مستندی (نامه، صورت‌جلسه، عکس) هم دارید، همین حالا بفرستید؛ وگرنه «فایلی ندارم» را بزنید.
done-evidence-expected = لطفاً توضیح یا فایل مستند را بفرستید، یا «بدون مستند» را بزنید.
done-summary = اعلام انجام { $title }:
done-summary-no-evidence = بدون توضیح و مستند
done-already-claimed-by = انجام این مورد را { $name } در { $when } اعلام کرده است و در انتظار تأیید دبیرخانه است؛ اعلام دوباره لازم نیست.
done-already-claimed = انجام این مورد در { $when } اعلام شده است و در انتظار تأیید دبیرخانه است؛ اعلام دوباره لازم نیست.
done-saved = ✅ انجام { $title } اعلام شد و برای تأیید به دبیرخانه رفت. وضعیت: { $status }

## ───── Blocked

blocked-ask-reason = مانع اجرای { $title } چیست؟ لطفاً کوتاه و روشن بنویسید تا دبیرخانه بتواند پیگیری کند.
blocked-reason-expected = نوشتن علت مانع لازم است؛ لطفاً آن را به صورت متن بنویسید.
blocked-summary = اعلام مانع برای { $title }:
blocked-summary-reason = علت: { $reason }
blocked-saved = ✅ مانع { $title } ثبت شد و همین حالا به دبیرخانه اطلاع داده شد. وضعیت: { $status }

## ───── Replies and loose messages

reply-unsupported = فقط متن، سند یا عکس به عنوان گزارش ثبت می‌شود.
note-ask-item = این پیام درباره کدام کار است؟ روی آن بزنید تا به عنوان گزارش پیشرفتش ثبت شود.
note-button-item = { $label }
note-item-label = مصوبه { $resolution } جلسه { $meeting }: { $subject }
note-item-label-agency = مصوبه { $resolution } جلسه { $meeting } ({ $agency }): { $subject }
note-item-expected = لطفاً یکی از کارهای فهرست‌شده در پیام بالا را انتخاب کنید، یا «انصراف» را بزنید.
note-no-items = دستگاه شما کاری در دست اقدام ندارد که این پیام به آن مربوط باشد؛ پیام ثبت نشد. اگر پرسشی دارید با دبیرخانه کارگروه تماس بگیرید.

## ───── What the secretariat hears

notice-done-claim = 🏁 اعلام انجام: «{ $agency }» مصوبه { $resolution } جلسه { $meeting } را انجام‌شده اعلام کرد (توسط { $by }). لطفاً بررسی و تأیید کنید.
notice-blocked = ⛔ اعلام مانع: «{ $agency }» در اجرای مصوبه { $resolution } جلسه { $meeting } با مانع روبه‌رو است (توسط { $by }).
notice-done-evidence = توضیح: { $text }
notice-blocked-reason = علت مانع: { $text }
notice-files = پیوست: { $count } فایل
notice-evidence-caption = مستند اعلام انجام «{ $agency }» — مصوبه { $resolution } جلسه { $meeting }

## ───── Weekly report

report-week = هفته { $from } تا { $to }
report-prompt =
    📊 گزارش هفتگی { $committee }
    دستگاه: { $agency }
    { $week }
    مهلت ارسال: { $due }
    برای ارسال، دکمه زیر را بزنید یا /report را بفرستید.
report-prompt-button = ارسال گزارش هفتگی
report-choose = گزارش هفتگی کدام دستگاه را می‌فرستید؟ دکمه آن را در زیر بزنید.
report-choose-button = { $agency } — { $week }
report-none-open = اکنون دوره گزارش هفتگی برای دستگاه شما باز نیست. هر هفته که دوره گزارش باز شود، پیام آن را دریافت می‌کنید.
report-intro = 📊 گزارش هفتگی «{ $agency }» برای { $committee }، { $week }. مهلت ارسال: { $due }. این گزارش { $count } پرسش دارد.
report-intro-resubmit = گزارش این هفته را پیش‌تر فرستاده‌اید؛ پاسخ‌های تازه جای آن را می‌گیرد (نسخه قبلی نگه داشته می‌شود).
report-intro-late = مهلت ارسال گذشته است؛ گزارش شما پذیرفته می‌شود ولی «با تأخیر» ثبت می‌شود.
report-ask-mode = چطور می‌فرستید؟ یکی از دو دکمه زیر را بزنید.
report-button-questions = پاسخ به پرسش‌ها، یکی‌یکی
report-button-free-form = ارسال کل گزارش در یک پیام یا یک فایل
report-mode-expected = لطفاً یکی از دکمه‌های پیام بالا را بزنید.
report-ask-text = پرسش { $n } از { $total }: { $label }
report-ask-number =
    پرسش { $n } از { $total }: { $label }{ $unit }
    عدد را با رقم بنویسید، مثلاً ۱۲ یا ۱۲٬۵۰۰ (نوشتن واحد لازم نیست).
report-answer-expected = لطفاً پاسخ را به صورت متن بنویسید.
report-answer-empty = پاسخ خالی است؛ لطفاً پاسخ را بنویسید.
report-ask-files = اگر پیوستی (جدول، نامه، عکس) دارید همین حالا بفرستید؛ وگرنه «فایلی ندارم» را بزنید.
report-ask-free-form = کل گزارش را در یک پیام بنویسید یا یک فایل بفرستید.
report-free-form-expected = لطفاً گزارش را به صورت یک پیام متنی یا یک فایل بفرستید.
report-summary = خلاصه گزارش هفتگی «{ $agency }»، { $week }:
report-summary-line = • { $label }: { $answer }
report-summary-skipped = (بی‌پاسخ)
report-summary-free-form = گزارش در یک پیام:
report-saved = ✅ گزارش هفتگی «{ $agency }» برای { $week } ثبت شد. تا پایان مهلت می‌توانید با /report آن را ویرایش کنید.
report-saved-late = ✅ گزارش هفتگی «{ $agency }» برای { $week } ثبت شد؛ چون مهلت گذشته بود «با تأخیر» ثبت شد.
report-saved-edited = ✅ گزارش هفتگی «{ $agency }» برای { $week } ویرایش شد (نسخه قبلی نگه داشته شد).
report-closed = مهلت گزارش هفتگی «{ $agency }» برای { $week } ({ $due }) گذشته و گزارش آن پیش‌تر ثبت شده است؛ دیگر قابل ویرایش نیست.
