### tandoo — русский каталог, часть «portal». ОЖИДАЕТ ПРОВЕРКИ НОСИТЕЛЕМ ЯЗЫКА (awaiting review by a native speaker).

## Публичные страницы итогов

portal-site-name = Итоги выборов
portal-skip-to-content = Перейти к итогам
portal-nav-label = Итоги
portal-nav-results = Итоги по стране
portal-not-found-title = Здесь ничего нет
portal-not-found-text = По этому адресу ничего не опубликовано. Возможно, страница перенесена или адрес набран с ошибкой.
portal-nav-decisions = Решения комиссий
portal-languages-label = Язык
portal-language-ky = Кыргызча
portal-language-ru = Русский
portal-language-en = English
portal-as-of-label = Итоги на дату
portal-as-of-now = сегодня (по записи как она есть)
portal-as-of-show = Показать
portal-past-banner = Вы смотрите итоги в том виде, в каком они были { $date }.
portal-past-banner-now = Посмотреть итоги на сегодня
portal-head-label = Вершина записи
portal-head-seq = (акт № { $seq })
portal-published-label = Опубликовано
portal-published-at = { $date }, { $time } UTC
portal-live-updated = Цифры обновлены: запись на { $time } UTC
portal-commission-key-label = Открытый ключ комиссии
portal-data-heading = Открытые данные
portal-data-results-json = Итоги по стране (JSON)
portal-data-constituency-json = Итоги этого округа (JSON)
portal-data-stations-csv = Данные протоколов всех участков (CSV)
portal-data-candidates-csv = Голоса за каждого кандидата (CSV)
portal-data-nist = Итоги в формате NIST SP 1500-100 (JSON)
portal-data-record = Вся запись актов (строки JSON)
portal-verify-hint = Каждая цифра на этих страницах вычислена из записи. Скачайте запись, проверьте цепочку хешей до показанной выше вершины и пересчитайте итоги сами.

portal-preliminary = Предварительно: итоги определены ещё не везде.
portal-determined = Итоги определены во всех округах.
portal-figures-heading = Цифры
portal-seats-label = Мандаты
portal-women-men-label = Женщины и мужчины
portal-women-men = женщин: { $women }, мужчин: { $men }
portal-turnout-label = Явка
portal-turnout = { $voted } из { $voters } избирателей ({ $percent })
portal-stations-label = Участков с протоколами
portal-stations-reported = { $reported } из { $stations }
portal-gender-check-label = Гендерный баланс
portal-chart-heading = Мандаты в парламенте
portal-chart-title = Диаграмма мандатов: один знак на мандат
portal-chart-summary = Мандатов: { $seats }. У женщин: { $women } (круги), у мужчин: { $men } (квадраты), ни за кем: { $vacant } (пустые кольца).
portal-chart-women = женщина (круг)
portal-chart-men = мужчина (квадрат)
portal-chart-vacant = мандат ни за кем (пустое кольцо)
portal-constituencies-heading = Избирательные округа
portal-constituencies-caption = Мандаты по округам и полу
portal-col-constituency = Округ
portal-col-status = Состояние
portal-col-seats = Мандатов
portal-col-women = Женщин
portal-col-men = Мужчин
portal-col-holders = Получают или лидируют
portal-col-stations = Участки
portal-col-turnout = Явка
portal-nobody = никто

portal-constituency-title = № { $number }: { $name }
portal-status-heading = Состояние
portal-count-differs = Подсчёт теперь расходится с признанным результатом: признаны { $recognised }; подсчёт даёт { $counted }.
portal-voters-label = Избирателей в списках
portal-invalid-label = Недействительных бюллетеней
portal-against-all-label = Против всех
portal-candidates-heading = Кандидаты
portal-candidates-caption = Кандидаты по числу голосов
portal-col-rank = №
portal-col-candidate = Кандидат
portal-col-gender = Пол
portal-col-votes = Голоса
portal-col-share = Доля
portal-col-seat = Мандат
portal-col-notes = Примечания
portal-share-hint = Доли — от числа бюллетеней, обнаруженных в ящиках.
portal-note-registration-annulled = регистрация отменена:
portal-note-votes-annulled = голоса аннулированы:
portal-note-barred = не допущен к повторным выборам:
portal-note-fee-refunded = залог возвращён:
portal-count-heading = Кто избран и почему
portal-gender-rule-applied = Применено гендерное правило: не более { $max } из { $seats } мандатов могут получить кандидаты одного пола.
portal-nothing-counted = Ни один протокол ещё не учтён: избрать никого нельзя.
portal-resolutions-heading = Постановления
portal-no-resolutions = Постановлений не принято.
portal-votes = за — { $for }, против — { $against }, воздержались — { $abstain }
portal-not-adopted = не принято
portal-rescinded-by = отменено:
portal-in-force = действует
portal-not-in-force = не действует
portal-elections-heading = Выборы в этом округе
portal-stations-heading = Избирательные участки
portal-stations-caption = Протокол каждого участка в принятом виде (коды строк поясняются на странице участка)
portal-col-station = Участок
portal-col-version = Версия

portal-station-title = Избирательный участок № { $number }: { $name }
portal-back-to-constituency = Назад: { $name }
portal-annulled-by = Итоги голосования на участке признаны недействительными:
portal-correction-in-progress = Вводится исправление этого протокола
portal-no-protocol = Протокол этого участка ещё не принят.
portal-protocol-caption = Строки протокола в принятом виде и рядом предварительные данные автоматически считывающего ящика
portal-col-line = Строка
portal-col-meaning = Значение
portal-col-figure = Число
portal-col-preliminary = Предварительно (ящик)
portal-votes-for-candidate = голоса за кандидата
portal-no-preliminary = Предварительных данных автоматически считывающего ящика для этого участка нет.
portal-preliminary-hint = Данные автоматически считывающего ящика предварительные; итог — ручной подсчёт комиссии.
portal-versions-heading = Версии и исправления
portal-versions-caption = Каждая принятая версия протокола, начиная с первой
portal-col-date = Дата
portal-col-entries = Вводы
portal-col-correction = Исправление
portal-entries-agreed = { $entries ->
    [one] { $entries } совпавший ввод
    [few] { $entries } совпавших ввода
   *[other] { $entries } совпавших вводов
}
portal-entries-settled = { $entries ->
    [one] { $entries } ввод
    [few] { $entries } ввода
   *[other] { $entries } вводов
}, решение принял { $by }
portal-incidents-heading = Происшествия на участке
portal-no-incidents = Происшествий на этом участке не записано.
portal-incident-source = источник:

portal-decisions-title = Решения комиссий
portal-back-to-decisions = Все решения
portal-constituency-short = округ
portal-station-short = участок
portal-commission-label = Комиссия
portal-date-label = Дата
portal-vote-label = Голосование
portal-required-label = Требования
portal-required = присутствовали { $present } из { $members } членов; кворум — { $quorum }, для принятия нужно { $majority } голосов «за»
portal-standing-label = Сила
portal-effects-heading = Что оно делает
portal-no-effect-not-adopted = Не принято: последствий не имеет и остаётся в записи вместе с голосованием.
portal-no-effects = В итогах ничего не меняет.
portal-effects-rescinded = Оно отменено: эти последствия больше не действуют.
portal-members-heading = Как голосовали члены комиссии
portal-members-caption = Голос каждого члена
portal-col-member = Член комиссии
portal-col-vote = Голос
portal-vote-for = за
portal-vote-against = против
portal-vote-abstain = воздержался

## What the portal answers when it cannot give a page or a file (codes of its own, and the
## portal's wording of two the API shares).
portal-error-NOT_FOUND = по адресу { $path } ничего не опубликовано
portal-error-BAD_DATE = «{ $date }» — не дата: напишите её в виде ГГГГ-ММ-ДД, например 2026-01-01
api-PAST_BUSY = сейчас слишком много читателей запрашивают прошлые даты; попробуйте через минуту
api-PAST_LATE = итоги на { $date } ещё готовятся; попробуйте через минуту
api-STOPPING = сервер останавливается; попробуйте через минуту
api-TOO_MANY_STREAMS = сейчас за итогами следит слишком много страниц; обновите страницу, чтобы увидеть последние цифры

## Обращения по опубликованному протоколу
portal-report-heading = Сообщить о проблеме с этим протоколом
portal-report-intro = Если вы считаете, что этот протокол неверен, вы можете направить комиссии мотивированное обращение. Сотрудники комиссии читают каждое обращение и либо регистрируют его как жалобу, либо объясняют, почему нет.
portal-report-link = Написать обращение по этому протоколу
portal-report-form-title = Сообщить о проблеме с протоколом
portal-report-form-intro = Укажите, что не так в опубликованном протоколе и почему вы так считаете. Ваши контактные данные видят только сотрудники комиссии; они никогда не публикуются.
portal-report-text-label = Что не так в протоколе
portal-report-text-hint = От { $min } до { $max } знаков.
portal-report-contact-label = Ваш адрес электронной почты или номер телефона
portal-report-contact-hint = Чтобы сотрудники комиссии могли с вами связаться; не более 200 знаков.
portal-report-send = Отправить обращение
portal-report-received-title = Обращение № { $number } получено
portal-report-received-text = Обращение сохранено для сотрудников комиссии: они зарегистрируют его как жалобу или объяснят, почему нет. Сохраните его номер.
portal-report-back-to-station = Вернуться к протоколу участка
portal-report-refused-title = Обращение не принято
portal-report-try-again = Открыть форму снова

## Официальные документы (PDF, составляет работающий сервер)

portal-documents-heading = Документы
portal-document-protocol = Протокол участковой комиссии (PDF)
portal-document-blank-protocol = Бланк протокола (PDF)
portal-document-summary = Сводный протокол по округу (PDF)
portal-document-certificate = Удостоверение об избрании (PDF)
portal-document-resolution = Постановление (PDF)
portal-document-refunds = Список возврата залогов (PDF)
