## The secretariat console: items, verification, extensions, cancellation, reassignment, instructions, history.

staff-item-title = Resolution { $resolution } of meeting { $meeting } — { $agency }
staff-item-role-lead = Role: lead
staff-item-role-co = Role: co-operating
staff-button-extend = ⏳ Extend
staff-button-cancel = ✖️ Cancel
staff-button-reassign = 🔁 Reassign
staff-button-add-agency = ➕ Add an agency
staff-button-history = 📜 History
staff-button-instruction = 📣 Governorate instruction
staff-button-label = { $label }
staff-button-scope-agency = This agency only
staff-button-scope-all = Every agency of this resolution
assignment-button-extension = ⏳ Ask for more time

staff-topic-send-back = sending back { $title }
staff-topic-extend = extending { $title }
staff-topic-cancel = cancelling { $title }
staff-topic-reassign = reassigning { $title }
staff-topic-add-agency = adding an agency to { $title }
staff-topic-instruction = an instruction on { $title }
staff-topic-extension-request = asking for more time on { $title }

staff-ask-new-deadline = Write the new deadline of { $title }: a date (e.g. 1405/10/15) or a span from today (e.g. «۲ هفته», «۱۰ روز کاری»).
staff-ask-scope = Extend for this agency only, or for every agency of this resolution? Press one of the two buttons below.
staff-ask-reason = Write the reason (required; it stays in the history).
staff-ask-cancel-reason = Why is { $title } cancelled? Write the reason (required).
staff-ask-reassign-to = Which agency takes over { $title }? Choose it with the buttons below.
staff-ask-add-agency = Which agency joins { $title } as co-operating? Choose it with the buttons below.
staff-ask-instruction = Write the governorate's instruction on { $title }; it goes to the agency's head and liaisons.
staff-date-expected = Please write the new date (e.g. 1405/10/15 or «۲ هفته»).
staff-reason-expected = A reason is required; please write it as text.
staff-comment-expected = A comment for the agency is required; please write it as text.
staff-instruction-expected = Please write the instruction.
staff-choice-expected = Please press one of the buttons of the message above.
staff-agency-expected = Please choose the agency with a button of the message above.
staff-extend-not-later = The new deadline must be after the current one; please write a later date.
staff-no-other-agency = There is no other agency in this working group to add.
staff-extend-summary =
    Extend { $title } to { $date }
    Reason: { $reason }

    { dialog-confirm-question }
staff-cancel-summary =
    Cancel { $title }
    Reason: { $reason }

    { dialog-confirm-question }
staff-reassign-summary =
    Reassign { $title } to { $agency }
    Reason: { $reason }

    { dialog-confirm-question }
staff-instruction-summary =
    Governorate instruction on { $title }:
    { $text }

    If this is right press "Save" to send it to the agency; to drop it, "Cancel".
staff-extended = ✅ { $title } is extended to { $date }; the agencies are told.
staff-cancelled = ✅ { $title } is cancelled; the agency is told.
staff-reassigned = ✅ { $title } is reassigned to { $agency }.
staff-agency-added = ✅ { $agency } joins { $title } as co-operating and has been sent the resolution.
staff-instruction-sent = ✅ The instruction on { $title } was sent to the agency and logged.

staff-refused = This was not done.
staff-refused-forbidden = This is for the working group's secretariat (and, to read and instruct, the governorate), or this item is not yours to see. Nothing changed.
staff-refused-reason-required = A reason is required. Nothing changed.
staff-refused-comment-required = A comment for the agency is required. Nothing changed.
staff-refused-text-required = The instruction is empty. Nothing changed.
staff-refused-final = This item is closed ({ -status-done } or { -status-cancelled }). Nothing changed.
staff-refused-standing = This resolution is standing and has no deadline to extend.
staff-refused-not-later = The new deadline must be after the current one. Nothing changed.
staff-refused-past = That day has passed. Nothing changed.
staff-refused-too-far = That day is too far away. Nothing changed.
staff-refused-pending-exists = An extension request for this item is already waiting for the secretariat.
staff-refused-decided = This request was already decided. Nothing changed.
staff-refused-unknown-agency = That agency is not a member of this working group. Nothing changed.
staff-refused-already-on = That agency is already on this resolution. Nothing changed.
staff-refused-not-claimed = This item was not reported done, or it was already decided. Nothing changed.

## /items
items-header = Items ({ $filter }): { $count }, most urgent first.
items-header-paged = Items ({ $filter }), page { $page } of { $pages } — { $count } items, most urgent first.
items-filter-open = every open item
items-filter-overdue = overdue
items-filter-reported-done = { -status-reported-done }
items-filter-claimed = { -status-reported-done }
items-button-open = { $n }
items-previous = Previous
items-next = Next
items-none = No item matches.

## /verify
verify-empty = Nothing is waiting for verification. 👏
verify-header = { $count } items reported done wait for verification (oldest first):
verify-entry-header = Item { $n } of { $total }:
verify-entry-claimed = Reported done by { $by }, { $at }
verify-entry-note = Agency's note: { $note }
verify-entry-no-note = The agency wrote no note.
verify-entry-files = Evidence: { $count } files ({ $names }) — forwarded to you with the claim.
verify-button-approve = ✅ Approve
verify-button-send-back = ↩️ Send back
verify-ask-comment = Why is { $title } sent back? Write a comment for the agency (required).
verify-approved = ✅ { $title } is verified. Status: { -status-done }
verify-sent-back = ↩️ { $title } was sent back to the agency with your comment. Status: { -status-in-progress }
verify-told-approved = ✅ The secretariat verified { $title }. Status: { -status-done }
verify-told-sent-back =
    ↩️ The secretariat sent back the done claim of { $title }. Status: { -status-in-progress }
    Secretariat's comment: { $comment }
    To answer, reply to this message.

## Extensions and changes, as the agencies hear them
extend-told-own =
    ⏳ The deadline of { $title } is extended: from { $previous } to { $date }.
    Reason: { $reason }
extend-told-partner = ⏳ The deadline of { $agency } on { $title } is extended to { $date }.
cancel-told =
    ✖️ { $title } is cancelled and no longer followed up.
    Reason: { $reason }
reassign-told-old =
    🔁 { $title } passed to { $agency } and is no longer followed up with your agency.
    Reason: { $reason }
instruction-told =
    📣 Governorate instruction on { $title }:
    { $text }
    — { $by }
    To answer or report action, reply to this message.

## Extension requests
ext-request-ask-date = Write the new deadline you ask for { $title }: a date (e.g. 1405/10/15) or a span from today (e.g. «۲ هفته»).
ext-request-ask-reason = Write the reason for the request (required).
ext-request-summary =
    Ask to extend { $title } to { $date }
    Reason: { $reason }

    If this is right press "Save" to send it to the secretariat; to drop it, "Cancel".
ext-request-sent = ✅ Your request to extend { $title } to { $date } went to the secretariat; you will get the answer here.
ext-request-notice =
    ⏳ Extension request: { $agency } ({ $by }) for { $title }
    Current deadline: { $current }
    Asked for: { $requested }
    Reason: { $reason }
ext-request-button-approve = ✅ Approve
ext-request-button-refuse = ✖️ Refuse
ext-request-approved = ✅ The extension is approved; the agencies are told.
ext-request-refused = ✖️ The extension request is refused; the agency is told.
ext-request-told-approved =
    ✅ The secretariat approved your request for { $title }: new deadline { $date } (was { $previous }).
ext-request-told-refused = ✖️ The secretariat did not approve extending { $title } to { $requested }; the deadline stays { $date }.

## /history
history-how = To see an item's history, reply to a message about it with /history, or press its "History" button in /items.
history-header = 📜 History of { $title }:
history-empty = Nothing recorded yet.
history-system = the system
history-percent = { $percent }%
history-next-deadline = new deadline { $date }
history-skipped = (skipped)
history-escalation = reminder/escalation ({ $step })
history-assignment-created = assigned
history-assignment-ack = seen
history-assignment-progress = progress
history-assignment-claim-done = reported done
history-assignment-block = blocked
history-assignment-verified = verified
history-assignment-sent-back = sent back
history-assignment-extended = extended
history-assignment-cancelled = cancelled
history-assignment-reassigned = reassigned
history-assignment-instruction = governorate instruction
history-extension-requested = extension requested
history-extension-approved = extension approved
history-extension-refused = extension refused
