## A published item changed (re-imported committee file, or the secretariat's change).

change-header = ✏️ تغییر در { $title }:
change-deadline = • مهلت: از { $from } به { $to }
change-deadline-none = بدون مهلت
change-text = • متن مصوبه اصلاح شد (متن تازه در ادامه آمده است).
change-role-lead = • نقش دستگاه شما: مسئول اجرا
change-role-co = • نقش دستگاه شما: همکار
change-cancelled = { $title } دیگر به دستگاه شما ابلاغ نیست و از فهرست کارهای شما برداشته شد ({ -status-cancelled }).
