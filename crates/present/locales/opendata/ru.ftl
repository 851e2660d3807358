### tandoo — русский каталог, часть «opendata». ОЖИДАЕТ ПРОВЕРКИ НОСИТЕЛЕМ ЯЗЫКА (awaiting review by a native speaker).

cli-EXPORT_AS_OF = --as-of относится к итогам (--format nist или csv), а не к записи
cli-EXPORT_CLOCK = системные часы показывают время до 1970 года, поэтому отчёт нельзя датировать

## The record's download at /data/record.jsonl.
api-EXPORTS_BUSY = запись сейчас скачивают другие; попробуйте через минуту
