## The agency side: assignment messages, /tasks, progress, done, blocked, weekly reports.

# Which digits this locale writes (read by src/services/render/format.ts).
format-digits = latin
# Between names in a list (the Persian names contain commas themselves).
name-list-separator = {"; "}

## ───── The assignment message

assignment-title = 📌 Resolution { $resolution } of meeting { $meeting } ({ $meetingDate })
assignment-short-title = resolution { $resolution } of meeting { $meeting }
assignment-agency = Agency: { $agency } — { $committee }
assignment-role-lead = Your agency's role: lead
assignment-role-co = Your agency's role: co-operating
assignment-role-all = This resolution is assigned to every agency of the working group; each is responsible for its own part.
assignment-partners-lead = Lead: { $names }
assignment-partners-co = Co-operating: { $names }
assignment-partners-other-co = Also co-operating: { $names }
assignment-deadline-standing = Deadline: standing (it has no end; report progress regularly)
assignment-deadline-left = Deadline: { $date } ({ $days } working days left)
assignment-deadline-today = Deadline: { $date } (today is the last day)
assignment-deadline-overdue =
    { $days ->
        [0] Deadline: { $date } (overdue)
        [one] Deadline: { $date } (overdue by { $days } working day)
       *[other] Deadline: { $date } (overdue by { $days } working days)
    }
deadline-day-off = ⚠️ The deadline falls on a day off ({ $reason }); the next working day is { $next }.
deadline-off-friday = Friday
deadline-off-thursday = Thursday, the committee's day off
assignment-report-to = Report to: { $to }
assignment-report-to-secretariat = the working group's secretariat (right here)
assignment-status = Status: { $status }
assignment-status-with-percent = { $status } ({ $percent }%)
assignment-status-with-reason = { $status }: { $reason }
assignment-hint = To report, press a button below or reply to this message.

assignment-status-assigned = { -status-assigned }
assignment-status-acknowledged = { -status-acknowledged }
assignment-status-in-progress = { -status-in-progress }
assignment-status-reported-done = { -status-reported-done } (waiting for the secretariat's verification)
assignment-status-done = { -status-done }
assignment-status-blocked = { -status-blocked }
assignment-status-cancelled = { -status-cancelled }

assignment-button-ack = ✅ Seen
assignment-button-progress = 📝 Report progress
assignment-button-done = 🏁 Done
assignment-button-blocked = ⛔ Blocked

## ───── Answers to the buttons

ack-saved = Recorded: you have seen this resolution.
ack-already = This resolution was already marked as seen.
agency-refused-unknown = This button is not about your agency's work, or it is no longer valid. Send /tasks for the current list.
agency-refused-final = This item is closed ({ -status-done } or { -status-cancelled }); nothing more is needed.
agency-refused-awaiting-verification = This item was reported done and is waiting for the secretariat's verification.
agency-refused-standing = This is a standing resolution and is never "done"; please send its progress with "Report progress".

## ───── /tasks

tasks-header = Your agency's open items: { $total } (page { $page } of { $pages }), most urgent first.
tasks-agency-heading = 🏢 { $agency }
tasks-item-title = { $title } — { $role }
tasks-role-lead = lead
tasks-role-co = co-operating
tasks-overdue-mark = ⚠️
tasks-button = { $action } — resolution { $resolution }: { $subject }
tasks-previous = ‹ Previous
tasks-next = Next ›
tasks-empty = Your agency has no open items right now. 👏
tasks-not-agency = The task list is for heads and liaisons of executive agencies, and you are not registered in any agency.

## ───── Dialogs (shared)

dialog-button-cancel = Cancel
dialog-button-confirm = ✅ Save
dialog-button-skip = Skip
dialog-button-no-files = No files
dialog-button-files-done = Done sending files
dialog-cancelled = Cancelled; nothing was saved.
dialog-confirm-question = If this is right, press "Save"; to drop it, "Cancel".
dialog-confirm-expected = Please press "Save" or "Cancel" on the message above.
dialog-file-expected = Please send a file (document or photo), or press the button under the message above if you have no more.
dialog-file-received = File { $count } received. Send another one, or press "Done sending files".
dialog-file-too-large = This file is { $size } MB, over the { $max } MB limit; it was not saved. Please send a smaller file.
dialog-unsupported-message = I cannot record this kind of message; please send text, a document or a photo.
dialog-button-stale = This button belongs to another step or conversation and no longer works. Please answer the bot's last message.
dialog-left = "{ $topic }" was closed unfinished; nothing of it was saved.
dialog-expired = "{ $topic }" was closed after { $minutes } minutes without an answer; nothing of it was saved.
dialog-actor-refused = This dialog is not for your current role.
dialog-actor-lost = Your role changed meanwhile; "{ $topic }" was closed and nothing of it was saved.
dialog-topic-progress = the progress report on { $title }
dialog-topic-done = reporting { $title } done
dialog-topic-blocked = reporting a blocker on { $title }
dialog-topic-note = filing your message under one of your items
dialog-topic-report = the weekly report
summary-text = Note: { $text }
summary-percent = Progress: { $percent }%
summary-percent-unchanged = Progress: unchanged
summary-files = Attached: { $count } file(s)
cancel-done = Cancelled; nothing from this conversation was saved.
cancel-nothing = There is nothing under way to cancel.

## ───── Progress

progress-ask-text = Progress on { $title }: describe in a few sentences what has been done.
progress-text-expected = Please write the progress as text first; you can send files in the next step.
progress-ask-percent = How much is done? Write a number from 0 to 100 (e.g. 50 or 50%), or press "Skip".
progress-percent-expected = Please write the percentage as a number (e.g. 50%) or press "Skip".
progress-ask-files = If you have documents or photos (minutes, letters), send them now; otherwise press "No files".
progress-summary = Progress report on { $title }:
progress-saved = ✅ Progress on { $title } recorded. Status: { $status }

## ───── Done

done-ask-evidence = Reporting { $title } done: send a note or evidence (letter, minutes, photo) if you have any; otherwise press "No evidence".
done-button-no-evidence = No evidence
done-ask-files = Note received. If you also have evidence (letter, minutes, photo), send it now; otherwise press "No files".
done-evidence-expected = Please send a note or an evidence file, or press "No evidence".
done-summary = Reporting { $title } done:
done-summary-no-evidence = no note or evidence
done-already-claimed-by = { $name } reported this item done on { $when }; it is waiting for the secretariat's verification, so there is no need to report it again.
done-already-claimed = This item was reported done on { $when }; it is waiting for the secretariat's verification, so there is no need to report it again.
done-saved = ✅ { $title } reported done and sent to the secretariat for verification. Status: { $status }

## ───── Blocked

blocked-ask-reason = What blocks { $title }? Please write it briefly and clearly so the secretariat can follow it up.
blocked-reason-expected = The reason is required; please write it as text.
blocked-summary = Reporting a blocker on { $title }:
blocked-summary-reason = Reason: { $reason }
blocked-saved = ✅ The blocker on { $title } is recorded and the secretariat has been told. Status: { $status }

## ───── Replies and loose messages

reply-unsupported = Only text, documents or photos are recorded as a report.
note-ask-item = Which item is this message about? Press it to record the message as its progress.
note-button-item = { $label }
note-item-label = Resolution { $resolution } of meeting { $meeting }: { $subject }
note-item-label-agency = Resolution { $resolution } of meeting { $meeting } ({ $agency }): { $subject }
note-item-expected = Please choose one of the items listed above, or press "Cancel".
note-no-items = Your agency has no open item this message could be about; it was not recorded. For questions, please contact the secretariat.

## ───── What the secretariat hears

notice-done-claim = 🏁 Done claim: "{ $agency }" reported resolution { $resolution } of meeting { $meeting } done (by { $by }). Please check and verify.
notice-blocked = ⛔ Blocker: "{ $agency }" is blocked on resolution { $resolution } of meeting { $meeting } (by { $by }).
notice-done-evidence = Note: { $text }
notice-blocked-reason = Reason: { $text }
notice-files = Attached: { $count } file(s)
notice-evidence-caption = Evidence of { $agency }'s done claim — resolution { $resolution } of meeting { $meeting }

## ───── Weekly report

report-week = week { $from } to { $to }
report-prompt =
    📊 Weekly report — { $committee }
    Agency: { $agency }
    { $week }
    Due: { $due }
    Press the button below or send /report.
report-prompt-button = Send the weekly report
report-choose = Which agency's weekly report are you sending? Press its button below.
report-choose-button = { $agency } — { $week }
report-none-open = No weekly report is open for your agency now. You will get a message when a reporting week opens.
report-intro = 📊 Weekly report of "{ $agency }" for { $committee }, { $week }. Due: { $due }. It has { $count } questions.
report-intro-resubmit = You already sent this week's report; your new answers replace it (the earlier version is kept).
report-intro-late = The due time has passed; your report is accepted but recorded as late.
report-ask-mode = How would you like to send it? Press one of the two buttons below.
report-button-questions = Answer the questions one by one
report-button-free-form = Send the whole report as one message or file
report-mode-expected = Please press one of the buttons on the message above.
report-ask-text = Question { $n } of { $total }: { $label }
report-ask-number =
    Question { $n } of { $total }: { $label }{ $unit }
    Write the number in digits, e.g. 12 or 12,500 (the unit is optional).
report-answer-expected = Please write the answer as text.
report-answer-empty = The answer is empty; please write it.
report-ask-files = If you have attachments (tables, letters, photos), send them now; otherwise press "No files".
report-ask-free-form = Write the whole report in one message or send one file.
report-free-form-expected = Please send the report as one text message or one file.
report-summary = Weekly report of "{ $agency }", { $week }:
report-summary-line = • { $label }: { $answer }
report-summary-skipped = (no answer)
report-summary-free-form = Report in one message:
report-saved = ✅ The weekly report of "{ $agency }" for { $week } is recorded. Until the due time you can edit it with /report.
report-saved-late = ✅ The weekly report of "{ $agency }" for { $week } is recorded, as late: the due time had passed.
report-saved-edited = ✅ The weekly report of "{ $agency }" for { $week } is updated (the earlier version is kept).
report-closed = The weekly report of "{ $agency }" for { $week } was due { $due } and was already sent; it can no longer be changed.
