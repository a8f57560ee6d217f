# ───── Roles
role-secretariat = Secretariat
role-governorate = Governorate
role-head = Agency head
role-liaison = Liaison

# ───── Status words: one term per status, used by every message that names a status.
-status-assigned = assigned
-status-acknowledged = acknowledged
-status-in-progress = in progress
-status-reported-done = reported done
-status-done = done
-status-blocked = blocked
-status-cancelled = cancelled

# ───── Commands
command-tasks = My agency's open items
command-report = Send the weekly report
command-help = Help
command-cancel = Cancel what I am doing
command-meeting = Record a meeting and publish its resolutions
command-verify = Verify reported completions
command-items = Resolutions and their items
command-notice = Call a meeting
command-notices = Answers to meeting notices
command-export = The working group's Excel workbook
command-digest = The weekly digest in this chat

# ───── Joining
# How a greeting names a person: formal address only where the gender is known.
formal-name-male = Mr { $name }
formal-name-female = Ms { $name }
formal-name-titled = { $name }, { $title }
start-unknown =
    Hello! This is Peygir, the follow-up bot of the governorate's working groups.
    You are not registered yet. Ask the working group's secretariat for your invite link or code, then open the link or send the ten-character code here.
start-welcome-back = Welcome back, { $name }.
start-bound =
    Welcome, { $name }. You are now registered in these roles:
    { $roles }
welcome-agency = The resolutions assigned to your agency and their reminders will arrive here. /tasks lists your open items; /report sends the weekly report.
welcome-secretariat = Agencies' done claims, blockers and extension requests will arrive here. /meeting records a meeting and its resolutions, /items lists the items, /status shows the realization rate, /notice invites to a meeting, /dashboard opens the web dashboard.
welcome-governorate = Follow-ups escalated to the governorate and the periodic digests will arrive here. /items lists the items (and sends an instruction), /status shows the realization rate, /dashboard opens the web dashboard.
start-already-bound =
    { $name }, you are already registered in these roles:
    { $roles }
role-in-scope = • { $role } — { $scope }
start-invite-unknown = This invite code was not recognised. Please check it or ask the secretariat for a new one.
start-invite-used = This invite code has already been used. Each code works once; please ask the secretariat for a new one.
start-invite-expired = This invite code has expired. Please ask the secretariat for a new one.
start-invite-bound-to-other = This messenger account is registered to someone else. If that is a mistake, please contact the secretariat.

# ───── Help
help-short = Send /help to see what you can do.
help-header = { $name }, your roles:
help-agency =
    As an executive agency:
    • Each resolution assigned to your agency arrives with Acknowledge, Report progress, Done and Blocked buttons.
    • Reply to a resolution's message with text or a file to record progress on it.
    • /tasks lists your agency's open items, most urgent first.
    • /report sends the weekly report.
help-secretariat =
    As the secretariat:
    • Agencies' done claims and blockers, with their notes and evidence, reach you here at once for review and follow-up.
    • /meeting records a meeting from its minutes, its resolutions' agencies and deadlines, and publishes them (the draft is kept; continue it later).
    • /verify lists the items reported done, to approve or send back with a comment.
    • /items lists items (open, overdue, reported done, per agency); each item's card extends, cancels, reassigns, adds an agency, shows its history, or sends an instruction.
    • /history shows an item's history (reply to a message about it). Agencies' extension requests reach you here with approve / refuse buttons.
help-governorate =
    As the governorate:
    • Follow-ups referred to the governorate reach you here.
    • /items lists items; each item's card shows its history and sends a governorate instruction to the agency's head and liaisons.
    • /history shows an item's history (reply to a message about it).
help-footer = Send /cancel at any time to leave what you are doing.

# ───── Fallbacks and errors
fallback-known = I did not understand. Send /help to see what you can do.
callback-expired = This button is no longer valid. Send /tasks to see the current list.
error-internal = Sorry, something went wrong and nothing was saved. Please try again in a moment.

command-status = Where the resolutions stand
command-dashboard = Sign in to the web dashboard
dashboard-link =
    Your dashboard sign-in link (one use, valid for 10 minutes; do not forward it):
    { $link }
dashboard-not-allowed = The dashboard is for the secretariat, the governorate and the committee's agencies; you have no role in any committee.
