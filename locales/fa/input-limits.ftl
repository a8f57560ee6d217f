# Bad input: too long, or impossible (forged or broken). The dialog stays where it was.
input-too-long = متن شما { $length } نویسه است؛ این بخش حداکثر { $max } نویسه می‌پذیرد. لطفاً کوتاه‌تر بنویسید و دوباره بفرستید.
input-impossible-text = این پیام خوانا نیست و ثبت نشد. لطفاً متن را دوباره بنویسید.
input-impossible-attachment = مشخصات این پیوست نادرست است (اندازه یا شناسه آن معتبر نیست) و ثبت نشد. لطفاً فایل را دوباره بفرستید.
input-impossible-button = این دکمه معتبر نیست.
