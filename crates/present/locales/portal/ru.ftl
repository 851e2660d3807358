### tandoo — русский каталог, часть «portal». ОЖИДАЕТ ПРОВЕРКИ НОСИТЕЛЕМ ЯЗЫКА (awaiting review by a native speaker).

## What the portal answers when it cannot give a page or a file (codes of its own, and the
## portal's wording of two the API shares).
portal-error-NOT_FOUND = по адресу { $path } ничего не опубликовано
portal-error-BAD_DATE = «{ $date }» — не дата: напишите её в виде ГГГГ-ММ-ДД, например 2026-01-01
api-PAST_BUSY = сейчас слишком много читателей запрашивают прошлые даты; попробуйте через минуту
api-PAST_LATE = итоги на { $date } ещё готовятся; попробуйте через минуту
api-STOPPING = сервер останавливается; попробуйте через минуту
api-TOO_MANY_STREAMS = сейчас за итогами следит слишком много страниц; обновите страницу, чтобы увидеть последние цифры
