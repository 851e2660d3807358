### tandoo — кыргызча каталог, «opendata» бөлүгү. ЭНЕ ТИЛИНДЕ СҮЙЛӨГӨН АДАМДЫН ТЕКШЕРҮҮСҮН КҮТҮҮДӨ (awaiting review by a native speaker).

cli-EXPORT_AS_OF = --as-of жыйынтыктарга (--format nist же csv) тиешелүү, жазууга эмес
cli-EXPORT_CLOCK = системалык саат 1970-жылга чейинки убакытты көрсөтүүдө, ошондуктан отчетко дата коюуга болбойт

## The record's download at /data/record.jsonl.
api-EXPORTS_BUSY = жазууну азыр башкалар жүктөп жатышат; бир мүнөттөн кийин кайра аракет кылыңыз
