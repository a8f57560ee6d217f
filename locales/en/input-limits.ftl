# Bad input: too long, or impossible (forged or broken). The dialog stays where it was.
input-too-long = Your text is { $length } characters long; this field takes at most { $max }. Please shorten it and send it again.
input-impossible-text = This message cannot be read and was not saved. Please write the text again.
input-impossible-attachment = This attachment's details are wrong (its size or id is not valid) and it was not saved. Please send the file again.
input-impossible-button = This button is not valid.
