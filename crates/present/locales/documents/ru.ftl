### tandoo — русский каталог, часть «documents». ОЖИДАЕТ ПРОВЕРКИ НОСИТЕЛЕМ ЯЗЫКА (awaiting review by a native speaker).

## На каждой странице

doc-head-label = Отражённая запись реестра
doc-digest-label = SHA-256 документа
doc-reference-label = Ссылка
doc-page-label = Страница
doc-check-hint = Сверьте эту страницу с реестром: tandoo check-document или страница участка на портале итогов.
doc-as-of = По состоянию реестра на { $date }

## Подписи

doc-signatures-heading = Члены комиссии
doc-signature = (подпись)
doc-name-initials = (фамилия, инициалы)
doc-seal = М. П.
doc-signed-at = Подписан (время, дата):
doc-position-chair = Председатель
doc-position-deputy-chair = Заместитель председателя
doc-position-secretary = Секретарь
doc-position-member = Член комиссии
doc-position-members = Член комиссии

## Протокол участковой комиссии

doc-precinct-commission = Участковая избирательная комиссия избирательного участка № { $station }
doc-voting-day = День голосования: { $date }
doc-constituency = Избирательный округ № { $number } «{ $name }»
doc-station = Избирательный участок № { $number }, { $name }; избирателей в списке: { $voters }
doc-blank-title = бланк
doc-blank-hint = Заполняется участковой комиссией от руки: каждое число цифрами и прописью, без исправлений.
doc-no-protocol = Протокол этого участка не принят.
doc-annulled-by = Итоги голосования на участке признаны недействительными: { $resolution }.
doc-correction-in-progress = Вводится исправление протокола: { $reason }
doc-entries-agreed = совпавших вводов: { $entries }
doc-entries-settled = решено { $by } из вводов: { $entries }
doc-col-line = Строка
doc-col-meaning = Содержание
doc-col-digits = Цифрами
doc-col-words = Прописью
doc-col-preliminary = КЭСИ
doc-preliminary-hint = Данные КЭСИ (автоматического ящика) предварительные и не заменяют ручной подсчёт.
doc-votes-heading = Голоса избирателей
doc-versions-heading = Версии протокола
doc-col-version = Версия
doc-col-date = Дата
doc-col-entries = Вводы
doc-col-correction = Исправление

## Сводный протокол

doc-district-commission = Окружная избирательная комиссия избирательного округа № { $number }
doc-summary-title = Сводный протокол об итогах выборов по избирательному округу
doc-status-heading = Состояние
doc-stations-heading = Данные протоколов участковых комиссий
doc-votes-by-station-heading = Голоса по избирательным участкам
doc-col-station = Участок
doc-col-status = Состояние
doc-total = Итого
doc-excluded-hint = Затенённые участки не входят в итог: их итоги признаны недействительными или протокол не принят.
doc-columns-legend = Столбцы:
doc-candidates-heading = Кандидаты
doc-col-place = №
doc-col-candidate = Кандидат
doc-col-gender = Пол
doc-col-votes = Голоса
doc-col-share = Доля
doc-col-seat = Мандат
doc-col-notes = Отметки
doc-count-heading = Распределение мандатов
doc-seats-heading = Мандаты
doc-note-registration-annulled = регистрация отменена: { $resolution }
doc-note-votes-annulled = голоса аннулированы: { $resolution }
doc-note-barred = не допускается к повторным выборам: { $resolution }
doc-note-fee-refunded = залог возвращён: { $resolution }

## Постановление

doc-resolution-title = ПОСТАНОВЛЕНИЕ
doc-number = № { $number }/{ $year }
doc-considered-heading = Рассмотрев
doc-complaint = { $id } от { $date }, заявители: { $filed_by }: { $subject }
doc-request = Запрос в { $to }: { $text }
doc-answer = Ответ от { $from }: { $text }
doc-speakers-heading = Заслушав
doc-resolves-heading = Комиссия постановляет:
doc-no-effect-not-adopted = Проект не принят и не имеет силы.
doc-no-effects = Постановление не влияет на итоги.
doc-vote-heading = Голосование
doc-adopted = Принято: за { $for }, против { $against }, воздержались { $abstain }.
doc-not-adopted = Не принято: за { $for }, против { $against }, воздержались { $abstain }.
doc-required = Членов комиссии: { $members }, присутствуют: { $present }; кворум { $quorum }, большинство { $majority }.
doc-col-member = Член комиссии
doc-col-position = Должность
doc-col-vote = Голос
doc-vote-for = за
doc-vote-against = против
doc-vote-abstain = воздержался
doc-rescinded-heading = Отменено
doc-rescinded-by = Отменено: { $resolution }
doc-constituency-short = избирательный округ № { $number }
doc-station-short = избирательный участок № { $number }

## Удостоверение об избрании

doc-certificate-title = УДОСТОВЕРЕНИЕ ОБ ИЗБРАНИИ
doc-certificate-number = №
doc-certificate-statement = { $name } избран(а) депутатом на выборах «{ $election }» (день голосования { $date }) по округу: { $constituency }, и зарегистрирован(а) как избранный(ая): { $resolution }.
doc-certificate-votes = Получено голосов: { $votes }.

## Список возврата залогов

doc-refunds-title = Список возвращаемых избирательных залогов
doc-refunds-by = по { $resolution }
doc-refunds-intro = Внесённый избирательный залог возвращается каждому кандидату ниже.
doc-refunds-not-in-force = Это постановление больше не действует, как и возврат, который оно предписало.
doc-col-candidacy = Кандидатура
doc-col-constituency = Округ
doc-col-election = Выборы
doc-col-fee = Залог

## Почему документ не может быть составлен

doc-error-DOC_UNKNOWN_KIND = документа вида «{ $detail }» нет; виды: protocol, blank-protocol, summary, resolution, certificate, refunds
doc-error-DOC_BAD_SUBJECT = { $detail }
doc-error-DOC_NO_ELECTION = в реестре нет выборов, по которым можно составить этот документ
doc-error-DOC_NO_SUCH_CONSTITUENCY = в реестре нет округа { $detail }
doc-error-DOC_NO_SUCH_STATION = в реестре нет такого участка в этом округе: { $detail }
doc-error-DOC_NO_SUCH_RESOLUTION = в реестре нет постановления { $detail }
doc-error-DOC_NO_SUCH_CANDIDATE = в реестре нет кандидата { $detail }
doc-error-DOC_NOT_ELECTED = { $detail } не признан(а) избранным(ой), удостоверения об избрании нет
doc-error-DOC_NO_REFUNDS = постановление { $detail } не возвращает ни одного залога
doc-error-DOC_BAD_REFERENCE = это не ссылка на документ: { $detail }
doc-error-DOC_ENGINE_NOT_BUILT = эта сборка tandoo не создаёт PDF (собрана без возможности pdf)
doc-error-DOC_ENGINE_FAILED = документ не удалось сверстать: { $detail }

## Командная строка

cli-PRINT_IO = документ не удаётся записать: { $detail }

## The server

api-DOCUMENTS_BUSY = сервер сейчас верстает другие документы; попробуйте через несколько секунд
api-DOCUMENTS_AS_OF = здесь документы составляются по реестру в его текущем состоянии; документ на прошлую дату печатается командой tandoo print --as-of
