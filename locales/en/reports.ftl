## Where things stand: /status, the chart, the export and the weekly digest to the working group.

report-period-month = { $month } { $year }
report-period-season = { $season } { $year }
report-period-year = year { $year }
report-period-all = since the start
report-period-range = from { $from } to { $to }
report-season-1 = spring
report-season-2 = summer
report-season-3 = autumn
report-season-4 = winter

## ───── The chart

chart-percent = { $value }%
chart-subtitle = Realization of resolutions per agency — { $period } — as of { $date }
chart-no-items = no items
chart-overdue = { $count } overdue
chart-more-agencies = and { $count } more agencies (all in the Excel file)
chart-average = committee average
chart-quotas = Quotas
chart-quota-line = { $label } — year { $year }: { $achieved } of { $target } { $unit }
chart-quota-expected = expected by today: { $expected }
chart-quota-reached = the quota is reached
chart-quota-missed = the year is over and the quota was not reached
chart-quota-pace = to reach it: { $pace } { $unit } a week for { $weeks } weeks left

report-status-assigned = { -status-assigned }
report-status-acknowledged = { -status-acknowledged }
report-status-in-progress = { -status-in-progress }
report-status-reported-done = { -status-reported-done }
report-status-done = { -status-done }
report-status-blocked = { -status-blocked }
report-status-cancelled = { -status-cancelled }

## ───── The Excel workbook (sheet names: at most 31 characters)

xlsx-sheet-agencies = Agencies' realization
xlsx-sheet-assignments = Resolutions and assignments
xlsx-sheet-history = Assignment history
xlsx-sheet-reports = Weekly reports
xlsx-sheet-notices = Notices
xlsx-sheet-quotas = Indicators and quotas
xlsx-whole-committee = Whole committee
xlsx-agency = Agency
xlsx-realization = Realization
xlsx-average-progress = Average progress
xlsx-total = All assignments
xlsx-countable = Countable
xlsx-standing = Standing
xlsx-overdue = Overdue
xlsx-worst-lateness = Worst lateness (working days)
xlsx-on-time-share = Done on time
xlsx-extended = Extended
xlsx-reports-4-on-time = Reports, 4 weeks: on time
xlsx-reports-4-late = Reports, 4 weeks: late
xlsx-reports-4-missing = Reports, 4 weeks: missing
xlsx-reports-12-on-time = Reports, 12 weeks: on time
xlsx-reports-12-late = Reports, 12 weeks: late
xlsx-reports-12-missing = Reports, 12 weeks: missing
xlsx-meeting = Meeting
xlsx-meeting-date = Meeting date
xlsx-resolution = Resolution
xlsx-resolution-text = Resolution text
xlsx-kind = Kind
xlsx-kind-one-off = one-off
xlsx-kind-recurring = recurring
xlsx-kind-standing = standing
xlsx-role = Role
xlsx-role-lead = lead
xlsx-role-co = co-operating
xlsx-status = Status
xlsx-percent = Progress
xlsx-deadline = Deadline
xlsx-deadline-standing = standing
xlsx-extensions = Extensions
xlsx-published-at = Published
xlsx-acknowledged-at = Acknowledged
xlsx-reported-done-at = Reported done
xlsx-done-at = Done
xlsx-cancelled-at = Cancelled
xlsx-blocked-reason = Blocker
xlsx-at = When
xlsx-event = Event
xlsx-by = By
xlsx-text = Text
xlsx-history-status = status: { $from } → { $to }
xlsx-history-deadline = deadline: { $previous } → { $next }
xlsx-history-escalation = reminder or escalation: { $step }
xlsx-update-ack = acknowledged
xlsx-update-progress = progress report
xlsx-update-done-claim = reported done
xlsx-update-blocked = reported a blocker
xlsx-update-verified = verified by the secretariat
xlsx-update-instruction = governorate instruction
xlsx-update-reply = reply
xlsx-week = Week
xlsx-due-at = Due
xlsx-report-state = Report
xlsx-report-on-time = on time
xlsx-report-late = late
xlsx-report-missing = missing
xlsx-submitted-at = Sent
xlsx-edited = Edited
xlsx-yes = yes
xlsx-free-form = Report as text
xlsx-notice = Notice
xlsx-notice-sent-at = Sent
xlsx-meeting-at = Meeting time
xlsx-location = Place
xlsx-recipient = Recipient
xlsx-delivery = Delivery
xlsx-delivery-delivered = delivered
xlsx-delivery-pending = queued
xlsx-delivery-blocked = blocked
xlsx-delivery-failed = failed
xlsx-delivery-unreachable = unreachable
xlsx-rsvp = Answer
xlsx-rsvp-attending = attending
xlsx-rsvp-delegate = sending a delegate
xlsx-rsvp-absent = cannot attend
xlsx-rsvp-none = no answer
xlsx-delegate = Delegate
xlsx-rsvp-at = Answered
xlsx-indicator = Indicator
xlsx-year = Year
xlsx-quota = Quota
xlsx-achieved = Achieved
xlsx-share = Share
xlsx-expected-by-now = Expected by now
xlsx-remaining = Remaining
xlsx-weeks-left = Weeks left
xlsx-pace = Needed a week

## ───── /status

status-title = 📊 Where the resolutions stand: { $committee }
status-period = { $period } — as of { $date }
status-none = —
status-realization = Realization: { $share } ({ $done } done of { $countable } countable assignments)
status-progress = Average progress: { $share }
status-overdue = Overdue: { $count } assignments (worst: { $days } working days late)
status-overdue-none = Nothing is past its deadline.
status-on-time = Done on time: { $share } of the done assignments
status-compliance = { $onTime } on time, { $late } late, { $missing } missing
status-compliance-none = no report was due
status-compliance-4 = Weekly reports, last 4 weeks: { $text }
status-compliance-12 = Weekly reports, last 12 weeks: { $text }
status-excluded = Not counted in realization: { $standing } standing, { $cancelled } cancelled
status-agencies-worst-first = Agencies (lowest realization first):
status-agency-line = { $rank }. { $name }: { $share }
status-agency-line-overdue = { $rank }. { $name }: { $share } — { $overdue } overdue
status-more = … and { $count } more
status-agency-heading = Agency: { $agency }
status-committee-realization = The whole committee's realization: { $share }
status-choose-agency = Choose an agency (page { $page } of { $pages }):
status-by-status = { -status-assigned } { $assigned }, { -status-acknowledged } { $acknowledged }, { -status-in-progress } { $inProgress }, { -status-reported-done } { $reportedDone }, { -status-done } { $done }, { -status-blocked } { $blocked }, { -status-cancelled } { $cancelled }
status-overdue-heading = Overdue assignments ({ $count }):
status-overdue-item = • resolution { $resolution } of meeting { $meeting }: { $days } working days late (due { $deadline })
status-overdue-item-agency = • { $agency } — resolution { $resolution } of meeting { $meeting }: { $days } working days late (due { $deadline })
status-compliance-heading = Weekly reports per agency (most missing first):
status-compliance-agency = • { $agency }: 4 weeks: { $last4 } — 12 weeks: { $last12 }
status-indicators-heading = Indicators:
status-indicator = • { $label }: { $total } { $unit }
status-indicators-none = This committee's weekly report has no number questions.
status-quota = • quota { $label } { $year }: { $achieved } of { $target } { $unit } ({ $share }) — { $pace }
status-indicators-by-agency = { $label } per agency:
status-indicator-agency = • { $agency }: { $total } { $unit }
status-button-agencies = Agencies in detail
status-button-overdue = Overdue list
status-button-compliance = Weekly reports
status-button-indicators = Indicators and quotas
status-button-back = Back to the overview
status-button-previous = ◀ Previous
status-button-next = Next ▶
status-button-period-month = This month
status-button-period-season = This season
status-button-period-year = This year
status-button-period-all = Since the start
status-not-allowed = The secretariat, the governorate and the committee's agencies see where resolutions stand; you have no role in any committee.
status-chart-caption = Realization of resolutions — { $committee }

## ───── /export

export-not-allowed = Only the committee's secretariat receives its Excel file.
export-caption = The Excel file of { $committee }: resolutions and the history of { $assignments } assignments, agencies' realization, weekly reports, notices and quotas

## ───── /help lines

help-status-agency = • /status your agency's realization of resolutions, its overdue items and weekly reports, with a chart.
help-status-committee = • /status where the committee's resolutions stand, with a chart: each agency's realization, overdue items, weekly reports, indicators and quotas.
help-export = • /export the committee's Excel file: resolutions with each assignment's full history, agencies' realization, weekly reports, notices and quotas.

## The weekly digest to the working group (its group chats, and governorate members who ask for it)
weekly-digest-title = 📊 Weekly standing of the resolutions of { $committee }
weekly-digest-week-indicators = Indicators of the week { $week }:
weekly-digest-chart-caption = Realization of the resolutions by agency — { $committee }
weekly-digest-on = From now on you will get the weekly standing of the resolutions in this chat every week. To stop, send /digest off.
weekly-digest-off = You will no longer get the weekly standing of the resolutions. To get it again, send /digest on.
weekly-digest-state-on = You get the weekly standing of the resolutions. To stop, send /digest off.
weekly-digest-state-off = You do not get the weekly standing of the resolutions. To get it, send /digest on.
weekly-digest-not-allowed = This option is for the governorate members of a working group.
help-weekly-digest = • /digest on the weekly standing of the resolutions (as posted in the working group's chat) every week in private; /digest off to stop.
