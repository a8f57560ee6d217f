## A published item changed (re-imported committee file, or the secretariat's change).

change-header = ✏️ Change to { $title }:
change-deadline = • Deadline: from { $from } to { $to }
change-deadline-none = none
change-text = • The resolution's text was corrected (the new text follows).
change-role-lead = • Your agency's role: lead
change-role-co = • Your agency's role: co-operating
change-cancelled = { $title } is no longer assigned to your agency and was taken off your list ({ -status-cancelled }).
