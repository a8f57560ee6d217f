# ───── Reminders and escalations (the scheduler)
reminder-header = ⏰ یادآوری پیگیری
reminder-header-many = ⏰ یادآوری پیگیری: { $count } مورد
reminder-unacknowledged = این مصوبه هنوز رویت نشده است ({ $days } روز کاری از ابلاغ گذشته). لطفاً «رویت شد» را بزنید یا گزارش پیشرفت بفرستید.
reminder-answered = { $answered } از { $total } دستگاه پاسخ داده‌اند.
reminder-liaison-reminded = به کارشناس رابط ({ $names }) در { $date } یادآوری شد و هنوز پاسخی نرسیده است.
reminder-to-head = این پیام به عنوان رئیس دستگاه برای شما ارسال شده است.
# ───── Governorate digest
digest-header = 📋 گزارش پیگیری مصوبات { $committee } — { $date }
digest-count = دستگاه‌های بی‌پاسخ و مصوبات معوق: { $count } مورد (به ترتیب شدت تأخیر)
digest-part = (بخش { $part } از { $parts })
digest-item = { $n }) { $agency }
digest-item-overdue = { $title } — { $days } روز کاری تأخیر
digest-item-overdue-today = { $title } — مهلت گذشته
digest-item-silent = { $title } — رویت نشده ({ $days } روز کاری از ابلاغ)
digest-item-report-missing = گزارش هفتگی { $period } ارسال نشده است
digest-level-governor = 🔴 ارجاع به فرماندار
digest-instruction-button = ✍️ دستور { $n }
# ───── Unreachable contacts
unreachable-agency = ⚠️ هیچ‌کس در دستگاه { $agency } در دسترس نیست: { $cause }. پیام‌های پیگیری به این دستگاه نمی‌رسد؛ لطفاً برای ثبت‌نام یا به‌روزرسانی رابط دستگاه اقدام کنید.
unreachable-cause-no-contact = هیچ عضوی از این دستگاه هنوز در ربات ثبت‌نام نکرده است
unreachable-cause-failed = پیام‌ها به حساب اعضای این دستگاه نرسید (ربات مسدود شده یا حساب در دسترس نیست)
# ───── Weekly report cycle
weekly-reminder-day-before = ⏰ یادآوری: مهلت گزارش هفتگی { $period } کارگروه «{ $committee }» برای { $agency } فردا { $due } به پایان می‌رسد و گزارش هنوز نرسیده است. برای ارسال، دکمه زیر را بزنید یا /report را بفرستید.
weekly-reminder-due-morning = ⏰ یادآوری: امروز آخرین مهلت گزارش هفتگی { $period } کارگروه «{ $committee }» برای { $agency } است (تا { $due }) و گزارش هنوز نرسیده است. برای ارسال، دکمه زیر را بزنید یا /report را بفرستید.
weekly-missing-head = ⚠️ گزارش هفتگی { $period } کارگروه «{ $committee }» از { $agency } تا مهلت ({ $due }) نرسیده است. این پیام به عنوان رئیس دستگاه برای شما ارسال شده است؛ لطفاً پیگیری کنید.
weekly-report-button = 📝 ارسال گزارش هفتگی
compliance-header = 📊 وضعیت گزارش‌های هفتگی { $period } — { $committee }
compliance-totals = به‌موقع: { $onTime } · با تأخیر: { $late } · ارسال‌نشده: { $missing } (از { $total } دستگاه)
compliance-on-time = ✅ به‌موقع: { $names }
compliance-late = 🕓 با تأخیر: { $names }
compliance-missing = ❌ ارسال‌نشده: { $names }
compliance-indicators = جمع شاخص‌ها:
compliance-indicator = • { $label }: { $value } { $unit }
