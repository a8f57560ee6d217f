## The secretariat's /meeting flow: minutes to published resolutions.

meeting-not-allowed = Recording meetings is for the working group's secretariat, and you do not have that access. Nothing changed.
meeting-choose-committee = Which working group is this meeting for? Choose one.
meeting-untitled = untitled
meeting-resume = The draft of meeting "{ $title }" ({ $count } resolutions) is not published yet. Continue it, or discard it and record a new meeting? Press one of the two buttons below.
meeting-button-resume = ▶️ Continue the draft
meeting-button-new = 🗑 Discard and start anew
meeting-paused = The draft of meeting "{ $title }" is saved and waits; send /meeting to continue whenever you like.
meeting-use-buttons = At this step, please press one of the buttons of the message below.
meeting-text-expected = Please send the answer as text.
meeting-button-stale = This button belongs to another step of the draft and no longer works. Please use the latest message or send /meeting.
meeting-button-discard = 🗑 Discard the draft
meeting-discarded = The meeting draft was discarded; nothing was published.
meeting-ask-title = Recording a new meeting of "{ $committee }". Write the meeting's title (e.g. "Employment working group meeting").
meeting-ask-date = Write the day meeting "{ $title }" was held, e.g. 1405/9/1, 1 Azar, today or yesterday.
meeting-confirm-date = Meeting day: { $date }. Is that right? Press one of the two buttons below.
meeting-button-date-ok = ✅ Right
meeting-button-date-retry = ✏️ Another day
meeting-ask-minutes = Send the minutes: all in one message, in several messages one after another, or as a .txt file. After the last part, press "End of minutes".
meeting-attendees = Present, from the answers to the notice “{ $title }” ({ $count } agencies): { $names }
meeting-attendees-none = No agency's presence is recorded in the answers to the notice “{ $title }”.
meeting-attendees-saved = Present, as recorded for this meeting ({ $count } agencies): { $names }
meeting-attendees-hint = This attendance is stored on the meeting when it is published; to correct it, press “Correct attendance”.
meeting-button-attendance = ✏️ Correct attendance
meeting-minutes-so-far = { $chars } characters received so far.
meeting-minutes-received = Text received ({ $chars } characters in all). Send any remaining part, or press "End of minutes".
meeting-button-minutes-done = ✅ End of minutes
meeting-button-minutes-clear = Clear the text and send again
meeting-file-unsupported = Only .txt text files and .docx Word documents are read; please send the text in a message, or one of those.
meeting-file-too-large = This file is too large for minutes; please send the text in a message.
meeting-file-unreadable = This file could not be read; please send it again, or send the text in a message.
meeting-list-header = { $count } resolutions were found in the text:
meeting-list-hint = Press a resolution's number to merge, split, edit or delete it. If the list is right, press "Confirm the list".
meeting-button-item = { $n }
meeting-button-list-ok = ✅ Confirm the list and choose agencies
meeting-item-header = Resolution { $n }:
meeting-button-merge = Merge with the next
meeting-button-split = Split into several
meeting-button-edit = Edit the text
meeting-button-delete = Delete this resolution
meeting-button-back = ‹ Back to the list
meeting-ask-edit =
    Send the new text of resolution { $n }. Current text:
    { $text }
meeting-ask-split =
    Send resolution { $n } again with each part on its own line (at least two lines). Current text:
    { $text }
meeting-parties-header = Agencies of resolution { $n } of { $total }:
meeting-parties-chosen = Chosen: { $parties }
meeting-parties-proposed = (This choice is the bot's proposal from the text; check and confirm it.)
meeting-parties-search = Search "{ $query }": { $count } agencies.
meeting-parties-hint = Press an agency's name to choose or drop it; the first (⭐) leads, the others co-operate. Write part of a name to search. Then press "Confirm agencies".
meeting-parties-all = every agency of the working group
meeting-parties-none = no agency yet
meeting-parties-lead = Lead: { $lead }
meeting-parties-lead-co = Lead: { $lead } — co-operating: { $co }
meeting-button-all = All agencies
meeting-button-parties-ok = ✅ Confirm agencies
meeting-agency-not-found = No agency named "{ $query }" in this working group; write another part of the name or choose from the buttons.
meeting-ask-deadline =
    Write the deadline of resolution { $n }: a date (e.g. 1405/10/15), a span from today (e.g. "2 weeks" written as «۲ هفته» or «۱۰ روز کاری»), or «مستمر» (standing).
    { $text }
meeting-button-proposed-deadline = As the text says: { $deadline }
meeting-button-standing = Standing
meeting-deadline-unset = not set
meeting-deadline-standing = standing
meeting-ask-report = Whom does resolution { $n } report to? Write the name or press a button.
meeting-button-report-secretariat = The working group's secretariat
meeting-review-header = Review before publishing: "{ $title }" — { $date }
meeting-review-deadline = Deadline: { $deadline }
meeting-review-report = Report to: { $to }
meeting-review-hint = If all is right, press "Publish" to deliver the resolutions to the agencies; press a number to change that resolution.
meeting-button-publish = 📤 Publish
meeting-button-assign = Change { $n }
meeting-button-back-list = ‹ Edit the list
meeting-published = ✅ Meeting { $meeting } is published: { $resolutions } resolutions, { $assignments } assignments to { $agencies } agencies. Messages are sent from { $from }.
meeting-published-already = This meeting is already published.
meeting-refused-forbidden = This draft is not yours or no longer exists. Nothing changed.
meeting-refused-several-committees = You are the secretary of several working groups; please choose one.
meeting-refused-title-required = The meeting needs a title of fewer than { $max } characters; please write it again.
meeting-refused-date-future = A meeting day cannot be after today; please write the day it was held.
meeting-refused-minutes-empty = The minutes are empty; please send the text.
meeting-refused-minutes-no-resolutions = No resolution was found in this text. Number them (1- … 2- …) or write them after «مقرر شد», and send again; clear the earlier text with "Clear the text".
meeting-refused-no-such-resolution = That cannot be done to this resolution (e.g. merging the last one, or splitting into fewer than two parts). Nothing changed.
meeting-refused-unknown-agency = That agency is not a member of this working group. Nothing changed.
meeting-refused-no-agency = Choose at least one agency (or "All agencies").
meeting-refused-incomplete = The agencies or the deadline of resolution { $n } are not set; please complete it.
meeting-refused-already-published = This draft is already published; it was not published again.

input-error-deadline-past = That day has passed; a deadline must be today or later.
input-error-deadline-day-off = That day is a day off; the nearest working day after it is { $next }. Please write that or another working day.
input-error-deadline-span-too-long = That deadline is more than { $max } days away; please write a nearer date.
