# ───── Reminders and escalations (the scheduler)
reminder-header = ⏰ Follow-up reminder
reminder-header-many = ⏰ Follow-up reminder: { $count } items
reminder-unacknowledged = This item has not been acknowledged yet ({ $days } working days since it was assigned). Please press "Seen" or send a progress report.
reminder-answered = { $answered } of { $total } agencies have answered.
reminder-liaison-reminded = The liaison ({ $names }) was reminded on { $date } and has not answered yet.
reminder-to-head = You receive this as the agency's head.
# ───── Governorate digest
digest-header = 📋 Follow-up digest of { $committee } — { $date }
digest-count = Silent agencies and overdue items: { $count } (worst first)
digest-part = (part { $part } of { $parts })
digest-item = { $n }) { $agency }
digest-item-overdue = { $title } — { $days } working days late
digest-item-overdue-today = { $title } — past its deadline
digest-item-silent = { $title } — not acknowledged ({ $days } working days since assigned)
digest-item-report-missing = weekly report { $period } not sent
digest-level-governor = 🔴 Referred to the governor
digest-instruction-button = ✍️ Instruction { $n }
# ───── Unreachable contacts
unreachable-agency = ⚠️ Nobody at { $agency } can be reached: { $cause }. Follow-up messages do not reach this agency; please have its liaison register or update their contact.
unreachable-cause-no-contact = no member of the agency has joined the bot yet
unreachable-cause-failed = messages to the agency's members failed (the bot was blocked or the account is unreachable)
# ───── Weekly report cycle
weekly-reminder-day-before = ⏰ Reminder: the weekly report { $period } of "{ $committee }" for { $agency } is due tomorrow, { $due }, and has not arrived. Press the button below or send /report.
weekly-reminder-due-morning = ⏰ Reminder: today is the last day for the weekly report { $period } of "{ $committee }" for { $agency } (until { $due }), and it has not arrived. Press the button below or send /report.
weekly-missing-head = ⚠️ The weekly report { $period } of "{ $committee }" from { $agency } did not arrive by its due time ({ $due }). You receive this as the agency's head; please follow it up.
weekly-report-button = 📝 Send the weekly report
compliance-header = 📊 Weekly reports { $period } — { $committee }
compliance-totals = On time: { $onTime } · late: { $late } · missing: { $missing } (of { $total } agencies)
compliance-on-time = ✅ On time: { $names }
compliance-late = 🕓 Late: { $names }
compliance-missing = ❌ Missing: { $names }
compliance-indicators = Totals of the indicators:
compliance-indicator = • { $label }: { $value } { $unit }
