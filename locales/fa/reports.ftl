## Where things stand: /status, the chart, the export and the weekly digest to the working group.

report-period-month = { $month } { $year }
report-period-season = { $season } { $year }
report-period-year = سال { $year }
report-period-all = از ابتدا
report-period-range = از { $from } تا { $to }
report-season-1 = بهار
report-season-2 = تابستان
report-season-3 = پاییز
report-season-4 = زمستان

## ───── The chart

chart-percent = { $value }٪
chart-subtitle = میزان تحقق مصوبات هر دستگاه — { $period } — تا { $date }
chart-no-items = بدون مصوبه
chart-overdue = { $count } معوق
chart-more-agencies = و { $count } دستگاه دیگر (همه در فایل اکسل)
chart-average = میانگین کارگروه
chart-quotas = سهمیه‌ها
chart-quota-line = { $label } — سال { $year }: { $achieved } از { $target } { $unit }
chart-quota-expected = انتظار تا امروز: { $expected }
chart-quota-reached = سهمیه محقق شده است
chart-quota-missed = سال به پایان رسیده و سهمیه محقق نشده است
chart-quota-pace = برای رسیدن: هفته‌ای { $pace } { $unit } در { $weeks } هفته مانده

report-status-assigned = { -status-assigned }
report-status-acknowledged = { -status-acknowledged }
report-status-in-progress = { -status-in-progress }
report-status-reported-done = { -status-reported-done }
report-status-done = { -status-done }
report-status-blocked = { -status-blocked }
report-status-cancelled = { -status-cancelled }

## ───── The Excel workbook (sheet names: at most 31 characters)

xlsx-sheet-agencies = تحقق دستگاه‌ها
xlsx-sheet-assignments = مصوبات و تکالیف
xlsx-sheet-history = سابقه تکالیف
xlsx-sheet-reports = گزارش‌های هفتگی
xlsx-sheet-notices = اطلاعیه‌ها
xlsx-sheet-quotas = شاخص‌ها و سهمیه‌ها
xlsx-whole-committee = کل کارگروه
xlsx-agency = دستگاه
xlsx-realization = میزان تحقق
xlsx-average-progress = میانگین پیشرفت
xlsx-total = همه تکالیف
xlsx-countable = قابل سنجش
xlsx-standing = مستمر
xlsx-overdue = معوق
xlsx-worst-lateness = بیشترین تأخیر (روز کاری)
xlsx-on-time-share = انجام در مهلت
xlsx-extended = تمدیدشده
xlsx-reports-4-on-time = گزارش ۴ هفته: به‌موقع
xlsx-reports-4-late = گزارش ۴ هفته: با تأخیر
xlsx-reports-4-missing = گزارش ۴ هفته: ارسال‌نشده
xlsx-reports-12-on-time = گزارش ۱۲ هفته: به‌موقع
xlsx-reports-12-late = گزارش ۱۲ هفته: با تأخیر
xlsx-reports-12-missing = گزارش ۱۲ هفته: ارسال‌نشده
xlsx-meeting = جلسه
xlsx-meeting-date = تاریخ جلسه
xlsx-resolution = شماره مصوبه
xlsx-resolution-text = متن مصوبه
xlsx-kind = نوع
xlsx-kind-one-off = یک‌باره
xlsx-kind-recurring = دوره‌ای
xlsx-kind-standing = مستمر
xlsx-role = نقش
xlsx-role-lead = مسئول اجرا
xlsx-role-co = همکار
xlsx-status = وضعیت
xlsx-percent = درصد پیشرفت
xlsx-deadline = مهلت
xlsx-deadline-standing = مستمر
xlsx-extensions = دفعات تمدید
xlsx-published-at = ابلاغ
xlsx-acknowledged-at = رویت
xlsx-reported-done-at = اعلام انجام
xlsx-done-at = خاتمه
xlsx-cancelled-at = منتفی‌شدن
xlsx-blocked-reason = مانع
xlsx-at = زمان
xlsx-event = رویداد
xlsx-by = توسط
xlsx-text = شرح
xlsx-history-status = تغییر وضعیت: { $from } ← { $to }
xlsx-history-deadline = تغییر مهلت: { $previous } ← { $next }
xlsx-history-escalation = یادآوری و پیگیری: { $step }
xlsx-update-ack = رویت
xlsx-update-progress = گزارش پیشرفت
xlsx-update-done-claim = اعلام انجام
xlsx-update-blocked = اعلام مانع
xlsx-update-verified = تأیید دبیرخانه
xlsx-update-instruction = دستور فرمانداری
xlsx-update-reply = پاسخ
xlsx-week = هفته
xlsx-due-at = مهلت ارسال
xlsx-report-state = وضعیت گزارش
xlsx-report-on-time = به‌موقع
xlsx-report-late = با تأخیر
xlsx-report-missing = ارسال‌نشده
xlsx-submitted-at = زمان ارسال
xlsx-edited = ویرایش‌شده
xlsx-yes = بله
xlsx-free-form = گزارش متنی
xlsx-notice = اطلاعیه
xlsx-notice-sent-at = زمان ارسال
xlsx-meeting-at = زمان جلسه
xlsx-location = محل
xlsx-recipient = گیرنده
xlsx-delivery = تحویل
xlsx-delivery-delivered = رسیده
xlsx-delivery-pending = در صف
xlsx-delivery-blocked = مسدود
xlsx-delivery-failed = ناموفق
xlsx-delivery-unreachable = در دسترس نیست
xlsx-rsvp = پاسخ
xlsx-rsvp-attending = حضور می‌یابد
xlsx-rsvp-delegate = نماینده می‌فرستد
xlsx-rsvp-absent = حضور نمی‌یابد
xlsx-rsvp-none = بی‌پاسخ
xlsx-delegate = نماینده
xlsx-rsvp-at = زمان پاسخ
xlsx-indicator = شاخص
xlsx-year = سال
xlsx-quota = سهمیه
xlsx-achieved = محقق‌شده
xlsx-share = درصد تحقق
xlsx-expected-by-now = انتظار تا امروز
xlsx-remaining = باقی‌مانده
xlsx-weeks-left = هفته‌های مانده
xlsx-pace = لازم در هر هفته

## ───── /status

status-title = 📊 وضعیت مصوبات { $committee }
status-period = { $period } — تا { $date }
status-none = —
status-realization = میزان تحقق: { $share } ({ $done } { -status-done } از { $countable } تکلیف قابل سنجش)
status-progress = میانگین پیشرفت: { $share }
status-overdue = معوق: { $count } تکلیف (بیشترین تأخیر: { $days } روز کاری)
status-overdue-none = هیچ تکلیفی از مهلت نگذشته است.
status-on-time = انجام در مهلت: { $share } از تکالیف { -status-done }
status-compliance = { $onTime } به‌موقع، { $late } با تأخیر، { $missing } ارسال‌نشده
status-compliance-none = گزارشی سررسید نشده است
status-compliance-4 = گزارش هفتگی، ۴ هفته اخیر: { $text }
status-compliance-12 = گزارش هفتگی، ۱۲ هفته اخیر: { $text }
status-excluded = در میزان تحقق شمرده نمی‌شوند: { $standing } تکلیف مستمر، { $cancelled } تکلیف { -status-cancelled }
status-agencies-worst-first = دستگاه‌ها (از کمترین میزان تحقق):
status-agency-line = { $rank }. { $name }: { $share }
status-agency-line-overdue = { $rank }. { $name }: { $share } — { $overdue } معوق
status-more = … و { $count } مورد دیگر
status-agency-heading = دستگاه: { $agency }
status-committee-realization = میزان تحقق کل کارگروه: { $share }
status-choose-agency = دستگاه را انتخاب کنید (صفحه { $page } از { $pages }):
status-by-status = { -status-assigned } { $assigned }، { -status-acknowledged } { $acknowledged }، { -status-in-progress } { $inProgress }، { -status-reported-done } { $reportedDone }، { -status-done } { $done }، { -status-blocked } { $blocked }، { -status-cancelled } { $cancelled }
status-overdue-heading = تکالیف معوق ({ $count }):
status-overdue-item = • مصوبه { $resolution } جلسه { $meeting }: { $days } روز کاری تأخیر (مهلت { $deadline })
status-overdue-item-agency = • { $agency } — مصوبه { $resolution } جلسه { $meeting }: { $days } روز کاری تأخیر (مهلت { $deadline })
status-compliance-heading = گزارش هفتگی هر دستگاه (از بیشترین گزارش ارسال‌نشده):
status-compliance-agency = • { $agency }: ۴ هفته: { $last4} — ۱۲ هفته: { $last12 }
status-indicators-heading = شاخص‌ها:
status-indicator = • { $label }: { $total } { $unit }
status-indicators-none = گزارش هفتگی این کارگروه شاخص عددی ندارد.
status-quota = • سهمیه { $label } سال { $year }: { $achieved } از { $target } { $unit } ({ $share }) — { $pace }
status-indicators-by-agency = { $label } به تفکیک دستگاه:
status-indicator-agency = • { $agency }: { $total } { $unit }
status-button-agencies = جزئیات دستگاه‌ها
status-button-overdue = فهرست معوق‌ها
status-button-compliance = گزارش‌های هفتگی
status-button-indicators = شاخص‌ها و سهمیه‌ها
status-button-back = بازگشت به خلاصه
status-button-previous = ◀ قبلی
status-button-next = بعدی ▶
status-button-period-month = این ماه
status-button-period-season = این فصل
status-button-period-year = امسال
status-button-period-all = از ابتدا
status-not-allowed = وضعیت مصوبات را دبیرخانه، فرمانداری و دستگاه‌های عضو کارگروه می‌بینند؛ شما در هیچ کارگروهی نقشی ندارید.
status-chart-caption = میزان تحقق مصوبات — { $committee }

## ───── /export

export-not-allowed = فایل اکسل کارگروه را فقط دبیرخانه کارگروه دریافت می‌کند.
export-caption = فایل اکسل { $committee }: مصوبات و سابقه { $assignments } تکلیف، تحقق دستگاه‌ها، گزارش‌های هفتگی، اطلاعیه‌ها و سهمیه‌ها

## ───── /help lines

help-status-agency = • /status میزان تحقق مصوبات دستگاه شما، تکالیف معوق و گزارش‌های هفتگی آن، همراه با نمودار.
help-status-committee = • /status وضعیت مصوبات کارگروه با نمودار: میزان تحقق هر دستگاه، معوق‌ها، گزارش‌های هفتگی، شاخص‌ها و سهمیه‌ها.
help-export = • /export فایل اکسل کارگروه: مصوبات با سابقه کامل هر تکلیف، تحقق دستگاه‌ها، گزارش‌های هفتگی، اطلاعیه‌ها و سهمیه‌ها.

## The weekly digest to the working group (its group chats, and governorate members who ask for it)
weekly-digest-title = 📊 وضعیت هفتگی مصوبات { $committee }
weekly-digest-week-indicators = شاخص‌های هفته { $week }:
weekly-digest-chart-caption = میزان تحقق مصوبات هر دستگاه — { $committee }
weekly-digest-on = وضعیت هفتگی مصوبات از این پس هر هفته در همین گفت‌وگو برای شما فرستاده می‌شود. برای لغو، /digest off را بفرستید.
weekly-digest-off = وضعیت هفتگی مصوبات دیگر برای شما فرستاده نمی‌شود. برای دریافت دوباره، /digest on را بفرستید.
weekly-digest-state-on = اکنون وضعیت هفتگی مصوبات برای شما فرستاده می‌شود. برای لغو، /digest off را بفرستید.
weekly-digest-state-off = اکنون وضعیت هفتگی مصوبات برای شما فرستاده نمی‌شود. برای دریافت، /digest on را بفرستید.
weekly-digest-not-allowed = این گزینه ویژه اعضای فرمانداری در کارگروه است.
help-weekly-digest = • /digest on وضعیت هفتگی مصوبات (همان که در گروه کارگروه فرستاده می‌شود) هر هفته در گفت‌وگوی خصوصی؛ /digest off برای لغو.
