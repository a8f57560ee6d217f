# ───── Group chats (a committee's group, bound by its secretariat)
group-write-privately = Please write to the bot in a private chat for this; only the working group's general reports are posted in groups.
group-bind-in-group = Send /bindgroup in the group you want to connect to the working group.
group-bound = This group is now connected to “{ $committee }”. The working group's general reports, such as the weekly report, will be posted here.
group-already-bound = This group is already connected to “{ $committee }”.
group-unbound = This group is no longer connected to “{ $committee }”; no more reports will be posted here.
group-not-bound = This group is not connected to “{ $committee }”.
group-bind-not-secretariat = Only members of the working group's secretariat can connect a group or disconnect it. If you are one, first join the bot in a private chat.
group-bind-choose =
    You are in the secretariat of several working groups. Please write the working group's code after the command, e.g. { $command } CODE. Codes:
    { $codes }
group-bind-unknown-committee =
    That code is not one of the working groups whose secretariat you are in. Please write one of these codes after { $command }:
    { $codes }
help-secretariat-groups = • To have the working group's general reports posted in its group, add the bot to the group and send /bindgroup there (/unbindgroup to disconnect).
