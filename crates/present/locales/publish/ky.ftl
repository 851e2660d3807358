### tandoo — кыргызча каталог, «publish» бөлүгү. ЭНЕ ТИЛИНДЕ СҮЙЛӨГӨН АДАМДЫН ТЕКШЕРҮҮСҮН КҮТҮҮДӨ (awaiting review by a native speaker).

## tandoo publish: the portal as static files.
cli-PUBLISH_IO = порталдын файлдарын жазуу мүмкүн эмес: { $detail }
cli-RECORD_DOES_NOT_REPLAY = жазуунун актылары шайлоонун абалын түзбөйт: { $detail }; анын журналын гана --log-only менен жарыялаңыз
