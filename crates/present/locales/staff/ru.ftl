### tandoo — Russian catalog, staff application part. Every key here must be in ky.ftl and en.ftl of this part too.

staff-app-name = tandoo: рабочее место комиссии
staff-skip-to-content = Перейти к содержанию
staff-logout = Выйти
staff-menu-label = Разделы
staff-languages-label = Язык этой страницы
staff-language-ky = Кыргызча
staff-language-ru = Русский
staff-language-en = English
staff-menu-home = Моя учётная запись
staff-menu-constituencies = Округа
staff-menu-entry = Ввод протоколов
staff-problem-heading = Есть ошибка
staff-foreign-form = Форма отправлена со страницы другого сайта. Откройте эту страницу снова и отправьте форму с неё.
staff-not-found = Такого раздела нет.
staff-not-found-title = Не найдено
staff-forbidden-title = Нет доступа
staff-forbidden = Ваша роль или комиссия не может открыть этот раздел или выполнить это действие.
staff-unavailable-title = Недоступно
staff-unavailable = Реестр сейчас недоступен. Ничего не записано; повторите через минуту.

staff-login-title = Вход
staff-login-user = Имя пользователя
staff-login-password = Пароль
staff-login-submit = Войти
staff-login-bad-credentials = Неверное имя пользователя или пароль.
staff-login-throttled = Слишком много неудачных попыток входа. Повторите через { $minutes ->
    [one] { $minutes } минуту
    [few] { $minutes } минуты
   *[other] { $minutes } минут
}.
staff-login-session-ended = Ваш сеанс завершён. Войдите снова.

staff-home-title = Моя учётная запись
staff-home-user = Пользователь
staff-home-role = Роль
staff-home-commission = Комиссия
staff-home-may = Что может ваша роль
staff-home-may-nothing = Ваша роль читает реестр и ничего не меняет.
staff-language-heading = Язык
staff-language-legend = Язык ваших экранов
staff-language-save = Сохранить язык
staff-language-saved = Язык сохранён.

staff-constituencies-title = Округа
staff-constituencies-caption = Ввод протоколов по округам выборов
staff-constituency = Округ
staff-stations = Участки
staff-contest-status = Состояние итогов
staff-stations-caption = Избирательные участки округа и их протоколы
staff-station = Участок
staff-station-name = Место
staff-voters-on-list = Избирателей в списке
staff-protocol-status = Протокол
staff-constituency-name = № { $number }: { $name }
staff-constituency-progress = Учитываются { $counted } из { $stations } протоколов.

staff-entry-title = Ввод протоколов
staff-station-number = Номер участка
staff-entry-open = Открыть протокол
staff-entry-waiting-operator = Протоколы, ожидающие ввода
staff-entry-waiting-supervisor = Протоколы с расхождениями
staff-entry-nothing-waiting = Ничего не ожидает.
staff-entry-waiting-caption = Ожидающие протоколы
staff-entry-more-waiting = и ещё { $count }.
staff-entry-no-station = В этом округе нет участка с таким номером.
staff-protocol-title = Протокол участка { $station }
staff-protocol-nothing-to-settle = Здесь нечего решать: старший оператор решает, когда два ввода протокола расходятся.
staff-protocol-awaits-supervisor = Вводы этого протокола расходятся. Старший оператор оставляет один из них или назначает новый ввод.
staff-protocol-annulled = Этот протокол отменён действующим постановлением; он не вводится.
staff-protocol-awaits-second = Вы ввели этот протокол. Он ожидает ввода другим оператором.
staff-protocol-recorded = Ваш ввод записан.
staff-protocol-settled = Решение записано.
staff-correction-reason = Причина исправления принятого протокола
staff-correction-hint = Протокол принят. Исправление вводится дважды, как и протокол, и причина сохраняется вместе с ним.
staff-protocol-line = Строка
staff-protocol-figure = Число
staff-candidates-total-unknown = (сумма при вводе)
staff-warnings-legend = Предупреждения: отметьте каждое, сверив с бумажным протоколом
staff-entry-submit = Записать ввод
staff-entry-submit-correction = Записать исправление
staff-not-a-figure = { $field }: введите целое число, только цифры.
staff-compare-intro = Два ввода расходятся в отмеченных строках. Сверьте их с бумажным протоколом и оставьте совпадающий ввод или назначьте новый ввод.
staff-compare-caption = Вводы рядом
staff-compare-differs = Расхождение
staff-compare-differs-yes = расходится
staff-compare-entry = Ввод { $entry } ({ $operator })
staff-settle-keep = Оставить ввод { $entry } ({ $operator })
staff-settle-new-entry = Назначить новый ввод
staff-back-home = Вернуться к учётной записи
staff-language-unknown = Выберите кыргызский, русский или английский.
staff-settle-unknown = Оставьте один из вводов или назначьте новый ввод.
staff-accepted-heading = Принятый протокол
staff-accepted-caption = Версия { $version } протокола и рядом данные автоматически считывающего ящика, где он их передал
staff-box-figure = Автоматически считывающий ящик
staff-versions-heading = Версии
staff-version-line = Версия { $version }, принята { $date } (акт { $seq }).
staff-version-settled = Решение принял { $supervisor }.
staff-version-reason = Исправлена, потому что:
