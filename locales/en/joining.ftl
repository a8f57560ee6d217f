# ───── Joining: the contact check, the secretariat's decision, wrong codes
join-ask-contact =
    { $name }, your invite code is valid.
    To finish joining, please send this account's phone number with the “Send my phone number” button at the bottom of the screen, so it can be compared with the number the secretariat registered.
    If you prefer not to send it, press “I won't send my number” and your request goes to the working group's secretariat.
join-ask-contact-again = To finish joining, please press one of the two buttons at the bottom of the screen: “Send my phone number” or “I won't send my number”.
join-button-share = Send my phone number
join-button-decline = I won't send my number
join-sent-to-secretariat = Your request to join was sent to the working group's secretariat. You will be told the outcome here; there is nothing else to do.
join-throttled = Too many wrong codes were sent from this account. Please try again in { $minutes } minutes, or ask the working group's secretariat for your invite link again.
join-approved = { $name }, the working group's secretariat approved your membership.
join-refused = The working group's secretariat did not accept this account's request to join. If you think this is a mistake, please contact the secretariat.
start-invite-revoked = This invite code was replaced by a newer one and no longer works. Please use the latest link or code the working group's secretariat sent you.
start-invite-other-account = You already joined with another account on this messenger, and each person has one account per messenger. Please use that account; if you changed accounts, ask the working group's secretariat to remove the old one and send you a new code.
start-open-items = { $count } open items of your agency are being sent to you here.
joined-open-items = Your agency's open items ({ $count }):

# The secretariat's side
join-ask-secretariat =
    A request to join, for review:
    Invited person: { $name } ({ $phone })
    Requesting account on { $platform }: { $account } (id { $userId })
    Why it needs review: { $reason }
    Number sent: { $shared }
    Press “Approve” if this account belongs to this person, otherwise “Refuse”.
join-reason-phone-mismatch = the number sent is not the person's registered number.
join-reason-not-own-contact = the number sent is not this account's own.
join-reason-declined = the requester did not send their phone number.
join-button-approve = ✅ Approve
join-button-refuse = ❌ Refuse
join-approved-by-you = { $name } is now a member.
join-refused-by-you = The request to join as { $name } was refused.
join-decided-by = This request was already reviewed ({ $status }, by { $by }).
join-decided = This request is no longer waiting for review ({ $status }).
join-not-yours = This request does not concern your working group.
join-status-approved = approved
join-status-refused = refused
join-status-withdrawn = no longer valid
join-status-bound = joined
join-status-awaiting-contact = waiting for the phone number
invite-guessing-alert =
    Security alert: an account on { $platform } ({ $who }, id { $userId }) sent { $count } wrong invite codes in the last { $minutes } minutes. Someone may be guessing invite codes.
    The bot ignores this account's codes for up to { $minutes } minutes. If the account belongs to a member, send them a new code.
platform-bale = Bale
platform-telegram = Telegram
help-secretariat-joining = • When someone joins with an invite code but their phone number does not match the registered one, or they do not send it, their request reaches you here with “Approve” and “Refuse” buttons.
