### tandoo — русский каталог.
### ОЖИДАЕТ ПРОВЕРКИ НОСИТЕЛЕМ ЯЗЫКА (awaiting review by a native speaker): тексты написаны
### с терминологией Конституционного закона «О выборах Президента Кыргызской Республики и
### депутатов Жогорку Кенеша Кыргызской Республики», но ещё не вычитаны.
### Ключи — устойчивые коды ядра, подсчёта, записи и API; аргументы — поля того, о чём
### говорит сообщение. Каждый ключ этого файла есть в en.ftl и ky.ftl.

## Отказы в командах (Refusal::code ядра)

refusal-NOT_AUTHORISED = роль «{ $role }» не даёт права: { $action }
refusal-OUTSIDE_COMPETENCE = { $commission } не имеет полномочий: { $action }{ $concerning ->
        [commission] {" "}(избирательная комиссия { $target })
        [constituency] {" "}в избирательном округе № { $target }
        [candidate] {" "}(кандидат { $target })
        [resolution] {" "}(постановление { $target })
       *[none] {""}
    }
refusal-UNKNOWN_CANDIDATE = кандидата { $id } нет
refusal-UNKNOWN_ELECTION = выборов { $id } нет
refusal-UNKNOWN_CONSTITUENCY = избирательного округа { $id } нет
refusal-UNKNOWN_STATION = избирательного участка { $id } нет
refusal-UNKNOWN_COMMISSION = избирательной комиссии { $id } нет
refusal-UNKNOWN_MEMBER = { $within ->
        [yes] в составе избирательной комиссии { $commission } нет члена комиссии { $id }
       *[no] члена комиссии { $id } нет
    }
refusal-UNKNOWN_RESOLUTION = постановления { $id } нет
refusal-UNKNOWN_COMPLAINT = жалобы { $id } нет
refusal-UNKNOWN_REQUEST = запроса { $id } нет
refusal-UNKNOWN_MEETING = { $within ->
        [yes] у избирательной комиссии { $commission } нет заседания { $id }
       *[no] заседания { $id } нет
    }
refusal-UNKNOWN_INCIDENT = инцидента { $id } нет
refusal-UNKNOWN_RULE_SET = набора правил «{ $id }» нет
refusal-ALREADY_EXISTS = { $what } { $id } уже существует
refusal-DUPLICATE_CANDIDATE = { $name } ({ $person }) уже выдвинут(а) кандидатом на выборах { $election } как { $existing }
refusal-ALREADY_REGISTERED = кандидат { $candidate } уже зарегистрирован
refusal-WRONG_STANDING = кандидат { $candidate } в статусе «{ $standing }», поэтому не может быть { $action }
refusal-FEE_NOT_PAID = кандидат { $candidate } внёс { $paid } из избирательного залога { $fee }; для регистрации нужен весь залог
refusal-CANDIDATE_BARRED = { $name } не допускается к повторным выборам в избирательном округе № { $constituency } постановлением { $resolution }
refusal-ELECTION_CANCELLED = выборы { $election } отменены постановлением { $resolution }
refusal-CONSTITUENCY_NOT_IN_ELECTION = избирательный округ № { $constituency } не входит в выборы { $election }
refusal-PROTOCOL_REJECTED = протокол не соответствует { $count ->
        [one] { $count } контрольному соотношению
       *[other] { $count } контрольным соотношениям
    }: { $failures }
refusal-WARNINGS_NOT_ACKNOWLEDGED = в протоколе { $count ->
        [one] { $count } предупреждение, которое оператор не подтвердил
        [few] { $count } предупреждения, которые оператор не подтвердил
       *[other] { $count } предупреждений, которые оператор не подтвердил
    }: { $warnings }
refusal-PROTOCOL_ALREADY_ACCEPTED = протокол участка № { $station } по избирательному округу № { $constituency } уже принят; для исправления нужно указать причину
refusal-ENTRIES_DIFFER = вводы протокола участка № { $station } по избирательному округу № { $constituency } расходятся; супервайзер должен оставить один из них или назначить новый ввод
refusal-SAME_OPERATOR = { $operator } уже сделал(а) ввод { $entry } этого протокола; другой ввод должен сделать другой оператор
refusal-NOTHING_TO_SETTLE = у протокола участка № { $station } по избирательному округу № { $constituency } нет расходящихся вводов
refusal-DUPLICATE_VOTE = член комиссии { $member } проголосовал(а) дважды
refusal-RESOLUTION_NUMBER_TAKEN = постановление { $resolution } уже существует
refusal-NOT_IN_FORCE = постановление { $resolution } не действует ({ $why }), поэтому его нельзя отменить
refusal-ELECTED_NOT_ALLOCATED = в избирательном округе № { $constituency } по итогам подсчёта избраны { $allocated }, а не { $named }
refusal-COUNT_FAILED = подсчёт в избирательном округе № { $constituency } не позволяет никого избрать: выборы в округе признаны недействительными постановлением { $resolution }
refusal-NO_PROTOCOL = у участка № { $station } нет принятого протокола по избирательному округу № { $constituency }, который можно признать недействительным
refusal-SETTLER_MADE_ENTRY = { $settler } сделал(а) ввод { $entry } в этом цикле ввода протокола участка № { $station } по избирательному округу № { $constituency }, поэтому не может разрешать его расхождения
refusal-STATION_OUTSIDE_CONSTITUENCY = избирательный участок № { $station } относится к избирательному округу № { $home }; на выборах { $election } протокол участка не учитывается по другому избирательному округу (№ { $constituency })
refusal-NO_FREE_RESOLUTION_NUMBER = у комиссии { $commission } не осталось свободных номеров постановлений на { $year } год
refusal-RESOLUTION_NUMBER_TOO_LARGE = номер постановления { $number } больше наибольшего допустимого номера { $max }
refusal-RESOLUTION_NUMBER_ZERO = номера постановлений начинаются с 1
refusal-IDENTIFIER_TOO_LONG = в поле «{ $field }» { $length } { $length ->
        [one] символ
        [few] символа
       *[other] символов
    }; идентификатор может содержать не больше { $max } { $max ->
        [one] символа
       *[other] символов
    }
refusal-EMPTY_IDENTIFIER = поле «{ $field }» не должно быть пустым
refusal-BAD_CHARACTER = в поле «{ $field }» есть управляющий, форматирующий или пробельный символ ({ $character })
refusal-BLANK_TEXT = поле «{ $field }» не должно быть пустым или состоять из одних пробелов
refusal-TEXT_TOO_LONG = в поле «{ $field }» { $length } { $length ->
        [one] символ
        [few] символа
       *[other] символов
    }; допускается не больше { $max } { $max ->
        [one] символа
       *[other] символов
    }
refusal-COMMAND_TOO_LARGE = команда занимает { $size } { $size ->
        [one] байт
        [few] байта
       *[other] байт
    }; допускается не больше { $max } { $max ->
        [one] байта
       *[other] байт
    }
refusal-EMPTY_LIST = в поле «{ $field }» нужно указать хотя бы одно значение
refusal-REFERS_TO_LATER = этот акт от { $date } ссылается на { $what } { $id } с датой { $dated }, более поздней, чем дата акта
refusal-OPEN_COMPLAINTS = в избирательном округе № { $constituency } { $count } { $count ->
        [one] жалоба остаётся нерассмотренной
        [few] жалобы остаются нерассмотренными
       *[other] жалоб остаются нерассмотренными
    } окружной избирательной комиссией: { $complaints }
refusal-RESULT_RECOGNISED = итоги выборов по избирательному округу № { $constituency } признаны постановлением { $resolution }; протокол участка № { $station } можно исправить только после повторного подсчёта голосов, назначенного постановлением
refusal-COUNT_ELECTS_NOBODY = подсчёт голосов в избирательном округе № { $constituency } никого не избирает: { $why }
refusal-LOT_NOT_DRAWN_IN_MEETING = жребий тянет член комиссии, присутствующий на заседании, указанном в постановлении; { $named ->
        [yes] { $member } не записан(а) присутствующим на заседании { $meeting }
       *[no] { $member } не может тянуть жребий: заседание не указано
    }
refusal-BAD_LOT_SEED = начальное значение жребия должно содержать от 1 до { $max } { $max ->
        [one] символа
       *[other] символов
    }
refusal-NO_SEATS = в избирательном округе № { $constituency } должен замещаться хотя бы один мандат
refusal-FIGURE_TOO_LARGE = в поле «{ $field }» указано { $value }; ни на одном избирательном участке не бывает больше { $max }
refusal-BAD_VOTING_RULE = кворум ({ $quorum }) должен быть долей от общего числа членов комиссии не больше единицы, а большинство ({ $majority }) — долей меньше единицы
refusal-REPEAT_MISMATCH = { $kind ->
        [repeat] для повторных выборов нужно указать выборы, которые повторяются
       *[other] указать повторяемые выборы можно только для повторных выборов
    }
refusal-FORM_NOT_USABLE = форма протокола непригодна: { $why }
refusal-ZERO_PAYMENT = сумма, вносимая в избирательный залог, должна быть больше нуля
refusal-PAYMENT_TOO_LARGE = взнос { $amount } больше любого избирательного залога (допускается не больше { $max })
refusal-NOTHING_TO_CORRECT = протокол участка № { $station } по избирательному округу № { $constituency } не был принят, поэтому исправлять нечего
refusal-NO_SUCH_ENTRY = у протокола участка № { $station } по избирательному округу № { $constituency } нет ввода { $entry }, который можно оставить
refusal-LINE_NOT_ON_FORM = строки { $line } нет в форме протокола этих выборов
refusal-NOT_ON_BALLOT = кандидата { $candidate } нет в избирательном бюллетене выборов { $election } по избирательному округу № { $constituency }
refusal-NOT_IN_CONTEST = кандидат { $candidate } не баллотируется на выборах { $election } по избирательному округу № { $constituency }
refusal-HOLDS_NO_SEAT = кандидат { $candidate } не занимает депутатского мандата на выборах { $election } по избирательному округу № { $constituency }
refusal-NO_FEE_TO_REFUND = кандидат { $candidate } не вносил избирательный залог, возвращать нечего
refusal-EFFECTS_DO_NOT_APPLY = решения постановления, каждое из которых допустимо, не применяются вместе ({ $error }); это ошибка программы, а не команды

## Почему форма протокола непригодна (FormError::code ядра)

form-error-FORM_LINE_CODE = код строки «{ $line }» пуст, зарезервирован или повторяется
form-error-FORM_NO_LINES = в форме протокола должна быть хотя бы одна строка
form-error-FORM_ROLE_NOT_A_LINE = роли формы указывают на «{ $term }», но такой строки в форме нет
form-error-FORM_RELATION_CODE = код соотношения «{ $relation }» зарезервирован или повторяется
form-error-FORM_UNKNOWN_TERM = соотношение { $relation } указывает на «{ $term }», но такой строки в форме нет
form-error-FORM_EMPTY_SIDE = у соотношения { $relation } пустая часть
form-error-FORM_PERCENT_ABOVE_100 = в соотношении { $relation } процент больше 100 ({ $percent })

## Что называет отказ

entity-candidate = кандидат
entity-election = выборы
entity-constituency = избирательный округ
entity-station = избирательный участок
entity-commission = избирательная комиссия
entity-member = член комиссии
entity-resolution = постановление
entity-complaint = жалоба
entity-request = запрос
entity-meeting = заседание
entity-incident = инцидент
entity-rule_set = набор правил
why-not_adopted = оно не было принято
why-rescinded = оно уже отменено
nobody = никто

## Поля команды, как их называет ограничение (поле `field` ядра)

field-about = жалоба, по которой направлен запрос
field-acknowledged = подтверждённое предупреждение
field-actor-commission = комиссия исполнителя
field-actor-user = имя пользователя исполнителя
field-addressed_to = комиссия, в которую подана жалоба
field-agenda = вопрос повестки дня
field-area = территория комиссии
field-candidate = кандидат
field-candidates = указанный кандидат
field-commission = комиссия
field-complaint = жалоба
field-considers = рассматриваемая жалоба
field-correction_reason = причина исправления
field-description = описание
field-effects-election = выборы, назначаемые постановлением
field-effects-name = название выборов, назначаемых постановлением
field-in-ky = { $field } (на кыргызском языке)
field-in-ru = { $field } (на русском языке)
field-in-en = { $field } (на английском языке)
field-latin_name = имя латиницей
field-effects-reason = основание досрочного прекращения полномочий
field-effects-text = текст поручения
field-election = выборы
field-figures-candidates = кандидат в данных протокола
field-figures-lines = строка протокола
field-figures = данные автоматически считывающего ящика
field-constituencies = избирательный округ выборов
field-effects-candidates = кандидат, указанный в решении
field-voters = число избирателей в списке
field-filed_by = заявитель
field-form-lines-code = код строки формы протокола
field-form-lines-meaning = содержание строки формы протокола
field-form-name = название формы протокола
field-form-relations-code = код контрольного соотношения
field-form-relations-description = описание контрольного соотношения
field-from = орган, давший ответ
field-id = идентификатор
field-meeting = заседание
field-members-id = идентификатор члена комиссии
field-members-name = фамилия, имя, отчество члена комиссии
field-name = имя или наименование
field-nominated_by-party = выдвинувшая партия
field-parent = вышестоящая комиссия
field-person = идентификатор гражданина
field-present = присутствующий член комиссии
field-reason = причина
field-reference = реквизиты платежа
field-repeat_of = выборы, вместо которых проводятся повторные
field-request = запрос
field-rule_set = набор правил
field-rule_set-name = название набора правил
field-source = источник сообщения
field-speakers-name = фамилия, имя выступающего
field-speakers-position = должность выступающего
field-speakers-subject = тема выступления
field-subject = предмет жалобы
field-text = текст
field-title = название
field-to = адресат запроса
field-votes-member = проголосовавший член комиссии

## Списки записи, как их называет отказ в отборе (в родительном падеже; признак отбора — в дательном)
list-elections = выборов
list-constituencies = избирательных округов
list-stations = избирательных участков
list-commissions = избирательных комиссий
list-candidates = кандидатов
list-resolutions = постановлений
list-complaints = жалоб
filter-election = выборам
filter-constituency = избирательному округу

## На что ссылается акт, как его называет отказ по более поздней дате (в винительном падеже)

referent-constituency = избирательный округ
referent-station = избирательный участок
referent-commission = избирательную комиссию
referent-election = выборы
referent-candidate = кандидата
referent-protocol = протокол участка
referent-complaint = жалобу
referent-request = запрос
referent-meeting = заседание
referent-resolution = постановление
referent-fee_payment = избирательный залог кандидата

## Почему подсчёт никого не избирает

allocation-no_election = выборов { $election } нет
allocation-cancelled = выборы отменены
allocation-nothing_counted = не учтён ни один протокол
allocation-against_all_wins = больше всего голосов подано «против всех»
allocation-single_gender = все кандидаты одного пола
allocation-gender_cap_unfillable = гендерная квота оставляет мандаты незамещёнными
allocation-no_candidates = итоги ни одного кандидата не остаются в силе
allocation-no_majority = ни один кандидат не получил большинства голосов
allocation-run_off = нужен второй тур голосования

## Действие команды или решения постановления, как его называет отказ (тип команды, код решения)

action-define_constituency = образовывать избирательные округа
action-define_station = образовывать избирательные участки
action-form_commission = формировать избирательные комиссии
action-call_election = назначать выборы
action-nominate_candidate = выдвигать кандидатов
action-pay_fee = записывать внесение избирательных залогов
action-register_candidate = регистрировать кандидатов
action-refuse_registration = отказывать в регистрации
action-withdraw_candidate = записывать выбытие кандидатов
action-enter_protocol = вводить протоколы
action-settle_protocol = разрешать расхождения между вводами протокола
action-record_preliminary_figures = загружать предварительные данные автоматически считывающих ящиков
action-record_incident = записывать инциденты
action-file_complaint = записывать жалобы
action-send_request = направлять запросы
action-record_answer = записывать ответы
action-decide_complaint = рассматривать жалобы
action-hold_meeting = записывать заседания
action-vote_resolution = записывать постановления
action-annul_station_result = признавать итоги голосования на избирательном участке недействительными
action-annul_candidate_votes = признавать недействительными голоса, поданные за кандидатов
action-annul_registration = отменять регистрацию кандидатов
action-bar_from_repeat = не допускать кандидатов к повторным выборам
action-declare_invalid = признавать выборы в избирательном округе недействительными
action-declare_valid = признавать выборы в избирательном округе действительными
action-call_repeat_election = назначать повторные выборы
action-cancel_election = отменять выборы
action-recognise_elected = признавать депутатов избранными
action-end_mandate = досрочно прекращать полномочия депутатов
action-refund_fees = возвращать избирательные залоги
action-rescind = отменять постановления
action-order_recount = назначать повторный подсчёт голосов
action-draw_lot = записывать жеребьёвку
action-directive = давать поручения

standing-action-register_candidate = зарегистрирован
standing-action-withdraw_candidate = снят с выборов
standing-action-refuse_registration = отказано в регистрации

## Контрольные соотношения протокола

relation-E01 = полученные бюллетени выданы или погашены
relation-E02 = каждый бюллетень из ящиков признан недействительным или действительным
relation-E03 = действительные бюллетени — это голоса за кандидатов и «против всех»
relation-E04 = бюллетеней в ящиках не больше, чем выдано
relation-E05 = бюллетеней в переносных ящиках не больше, чем выдано вне помещения для голосования
relation-E06 = бюллетеней в ящиках не больше, чем идентифицировано избирателей
relation-E07 = каждое число — целое, не меньше 0, и заполнены все строки протокола
relation-W01 = выдано бюллетеней не больше, чем избирателей в списке
relation-W02 = явка от 5 % до 95 %
relation-W03 = недействительных бюллетеней не больше 5 % от бюллетеней в ящиках
relation-W04 = ни один кандидат не получил больше 80 % действительных бюллетеней
relation-W05 = данные автоматически считывающего ящика совпадают с ручным подсчётом
relation-W_REGISTER = число избирателей в списке и число принявших участие в голосовании отличаются от числа избирателей, зарегистрированных на избирательном участке, не больше допуска набора правил
control-error = ошибка { $code }: { $relation }
control-warning = предупреждение { $code }: { $relation }
control-equal = { $left } должно равняться { $right }
control-at-most = { $left } больше, чем { $right }
control-share = { $part } составляет { $percent } от { $whole }
control-candidate-share = кандидат { $candidate } получил { $votes } из { $whole } ({ $percent })
control-differs = { $line }: вручную { $manual }, ящик { $box }
control-candidates = голоса за кандидатов
control-line = строка { $line }
control-candidate-line = голоса за кандидата { $candidate }
control-against-all-line = строка «против всех» (AA)
control-negative = { $line }: { $value }; число должно быть целым, не меньше 0
control-too-large = { $line }: { $value }; ни на одном избирательном участке нет больше { $max } бюллетеней
control-line-missing = не заполнена строка { $line }
control-not-on-form = строки { $line } нет в этой форме протокола
control-not-on-ballot = кандидата { $candidate } нет в избирательном бюллетене этого округа
control-candidate-missing = не заполнена строка кандидата { $candidate }
control-against-all-missing = не заполнена строка «против всех» (AA)
control-no-against-all = в этом бюллетене нет строки «против всех» (AA)
control-preliminary = ручной подсчёт расходится с данными автоматически считывающего ящика: { $differing }
control-register = число избирателей в списке, { $line } ({ $voters }), или число принявших участие в голосовании ({ $took_part }) отличается от числа избирателей, зарегистрированных на избирательном участке ({ $registered }), больше чем на { $margin } %

## Протокол участковой избирательной комиссии (форма Кыргызской Республики)

form-kyrgyz = Протокол участковой избирательной комиссии об итогах голосования
form-kyrgyz-L1 = число избирателей, внесённых в список избирателей на момент окончания голосования
form-kyrgyz-L2 = число избирательных бюллетеней, полученных участковой избирательной комиссией
form-kyrgyz-L3 = число избирательных бюллетеней, выданных избирателям в помещении для голосования
form-kyrgyz-L4 = число избирательных бюллетеней, выданных избирателям вне помещения для голосования
form-kyrgyz-L5 = число погашенных избирательных бюллетеней
form-kyrgyz-L6 = число идентифицированных избирателей
form-kyrgyz-L7 = число избирательных бюллетеней, обнаруженных в переносных ящиках для голосования
form-kyrgyz-L8 = число избирательных бюллетеней, обнаруженных в стационарных ящиках для голосования
form-kyrgyz-L9 = число недействительных избирательных бюллетеней
form-kyrgyz-L10 = число действительных избирательных бюллетеней
form-kyrgyz-AA = число голосов «против всех»
form-kyrgyz-candidates = голоса за кандидатов

## Состояние выборов в округе

state-awaiting_protocols = ожидаются протоколы
state-counting = идёт подсчёт
state-results_being_determined = определяются итоги
state-elected = депутаты избраны
state-awaiting_lot = ожидается жеребьёвка для равного числа голосов
state-failed = выборы не состоялись
state-invalid = выборы признаны недействительными
state-cancelled = выборы отменены

## Протокол избирательного участка

station-not_entered = не введён
station-first_entry = сделан первый ввод
station-differences = вводы расходятся
station-new_entry_ordered = назначен новый ввод
station-accepted = принят
station-corrected = исправлен
station-annulled = признан недействительным

## Роли

role-administrator = администратор
role-secretary = секретарь
role-operator = оператор
role-supervisor = супервайзер
role-observer = наблюдатель

## Статус кандидата

standing-nominated = выдвинут
standing-registered = зарегистрирован
standing-refused = отказано в регистрации
standing-withdrawn = выбыл

gender-M = мужчина
gender-F = женщина

## Насколько определён мандат

seat-leading = лидирует
seat-allocated = мандат распределён по итогам подсчёта
seat-elected = избран

## Решения постановлений

effect-annul_station_result = признать недействительными итоги голосования на избирательном участке
effect-annul_candidate_votes = признать недействительными голоса, поданные за кандидатов
effect-annul_registration = отменить регистрацию кандидатов
effect-bar_from_repeat = не допустить кандидатов к повторным выборам
effect-declare_invalid = признать выборы в избирательном округе недействительными
effect-declare_valid = признать выборы в избирательном округе действительными
effect-call_repeat_election = назначить повторные выборы
effect-cancel_election = отменить выборы
effect-recognise_elected = признать кандидатов избранными депутатами
effect-end_mandate = досрочно прекратить полномочия депутата
effect-refund_fees = вернуть избирательные залоги
effect-rescind = отменить постановление
effect-order_recount = назначить повторный подсчёт голосов на избирательном участке
effect-draw_lot = зафиксировать итоги жеребьёвки при равенстве голосов
effect-directive = поручение

## Акты записи

act-constituency_defined = образован избирательный округ
act-station_defined = образован избирательный участок
act-commission_formed = сформирована избирательная комиссия
act-election_called = назначены выборы
act-candidate_nominated = выдвинут кандидат
act-fee_paid = внесён избирательный залог
act-candidate_registered = кандидат зарегистрирован
act-registration_refused = отказано в регистрации
act-candidate_withdrawn = кандидат выбыл
act-protocol_entered = введён протокол
act-protocol_accepted = протокол принят
act-new_entry_ordered = назначен новый ввод протокола
act-preliminary_figures_recorded = записаны предварительные данные автоматически считывающего ящика
act-incident_recorded = записан инцидент
act-complaint_filed = подана жалоба
act-request_sent = направлен запрос
act-answer_received = получен ответ
act-complaint_decided = жалоба рассмотрена
act-meeting_held = проведено заседание
act-resolution_voted = проведено голосование по постановлению

## Отказы подсчёта (CountError::code)

count-NEGATIVE_VOTES = у { $id } отрицательное число голосов ({ $value }); число голосов не может быть меньше нуля
count-TOO_MANY_SEATS = нельзя заместить столько мандатов ({ $seats }): можно только { $available } ({ $why })
count-NO_SEATS = в выборах нет мандатов для замещения; укажите хотя бы один мандат
count-SEATS_MUST_BE_ONE = метод { $method } избирает ровно одного кандидата, а запрошено мандатов: { $seats }
count-UNKNOWN_METHOD = неизвестный метод «{ $method }»; известные методы: dhondt, sainte_lague, modified_sainte_lague, hare, droop, plurality, multi_member_plurality, block, two_round, referendum, mixed
count-DUPLICATE_ID = идентификатор «{ $id }» использован дважды; у каждого кандидата, партии и региона должен быть свой
count-VOTES_TOO_LARGE = сумма голосов больше { $limit }; столько избирателей не бывает ни на одних выборах, значит, данные неверны
count-EMPTY_ID = у одной из записей пустой идентификатор; он нужен каждому кандидату, партии и региону
count-THRESHOLD_ABOVE_100 = { $what } { $value } % больше 100 %
count-MISSING_GENDER = у кандидата { $id } не указан пол, а гендерная квота установлена; укажите пол каждого кандидата
count-INVALID_GENDER_CAP = гендерная квота в 0 мандатов оставила бы все мандаты незамещёнными; укажите не меньше 1 или не устанавливайте квоту
count-MISSING_SEED = равенство голосов решается жребием, но начальное значение жребия не указано; укажите значение, полученное при жеребьёвке
count-REGISTRATION_TIE = у { $first } и { $second } равное число голосов и одинаковый регистрационный номер, поэтому очерёдность регистрации не решает равенство; укажите разные номера или решайте равенство жребием
count-UNKNOWN_CANDIDATE = «{ $id }» не является кандидатом на этих выборах
count-NOT_ELECTED = { $id } не занимает мандат, поэтому его мандат не может стать вакантным
count-BASE_BELOW_VOTES = { $what } ({ $base }) меньше, чем подсчитано голосов ({ $counted }); проверьте данные
count-INVALID_NUMBER = { $field } «{ $value }» не является числом: { $why }
count-MISSING_FIELD = поле «{ $field }» обязательно
count-INVALID_FIELD = поле «{ $field }» неверно: { $why }
count-UNKNOWN_REGION = у партии { $party } есть голоса в регионе «{ $region }», которого нет среди объявленных регионов
count-MISSING_REGION = у партии { $party } нет данных о голосах в регионе «{ $region }»; укажите число для каждого объявленного региона (0, если голосов нет)
count-REGION_BASE_BELOW_VOTES = голоса в регионе «{ $region }» ({ $counted }) превышают его базу ({ $base }); проверьте данные
count-INCONSISTENT_FIGURES = данные противоречат друг другу: { $why }

## Ошибки записи (RecordError::code)

record-STALE_HEAD = запись уже продолжена: акт подготовлен к записи № { $expected }, а запись теперь кончается записью № { $actual }; ничего не записано
record-BAD_DATE = у записи { $entry } пакета юридическая дата «{ $value }» — это не календарная дата в виде ГГГГ-ММ-ДД; ничего не записано
record-NOT_CANONICAL = запись { $entry } пакета нельзя записать: { $detail }; ничего не записано
record-DAMAGED_ENTRY = запись № { $seq } в хранилище повреждена: { $detail }
record-IMPORT_REFUSED = запись № { $seq } нельзя импортировать: { $detail }; ничего из этого пакета не записано
record-RECORD_NOT_FOUND = по адресу { $path } записи нет
record-NOT_A_RECORD = { $path } не является записью: { $detail }
record-UNSUPPORTED_FORMAT = запись по адресу { $path } имеет формат версии { $found }, а эта программа читает версии до { $supported }; используйте более новую программу
record-CLOCK = системные часы показывают время до 1970 года; исправьте часы, прежде чем записывать акты
record-APPEND_ABANDONED = добавление прервано до того, как что-либо было записано
record-STORE_IO = сбой хранилища записи при операции «{ $action }»: { $detail }
record-NO_RECORD = по адресу { $path } записи нет
record-RECORD_UNREACHABLE = сервер базы данных { $location } недоступен (нет ответа за { $timeout_secs } с, отведённых на подключение)
record-CHAIN_GAP = записи № { $seq } нет: после записи № { $previous } идёт запись № { $found }
record-CHAIN_OUT_OF_ORDER = следующей должна быть запись № { $seq }, но на её месте запись № { $found }: записи повторяются или идут не по порядку
record-CHAIN_BROKEN_LINK = запись № { $seq } не продолжает предыдущую: в ней указан предыдущий хеш { $found }, а хеш записи № { $previous } — { $expected }
record-CHAIN_HASH_MISMATCH = запись № { $seq } изменена после внесения: хеш её содержимого { $computed }, а не внесённый { $recorded }
record-CHAIN_NOT_CANONICAL = хеш записи № { $seq } нельзя вычислить: { $detail }
record-CHAIN_UNREADABLE = запись № { $seq } не удаётся прочитать: { $detail }
record-DESTINATION_NOT_EMPTY = в { $location } уже есть запись, которая кончается записью № { $seq }; копия делается только в пустую запись
record-COPY_DIFFERS = копия кончается записью № { $found } (хеш { $found_hash }), а источник — записью № { $expected } (хеш { $expected_hash })

## Ошибки реестра (запись и состояние, которые ведутся согласованно)

ledger-ACT_UNREADABLE = акт № { $seq } не удаётся прочитать: { $detail }
ledger-ACT_DOES_NOT_APPLY = сохранённый акт не применяется к состоянию, которое строят предшествующие акты: { $detail }
ledger-ACT_NOT_STORABLE = акт, принятый по правилам, нельзя сохранить: { $detail }
ledger-ACT_NOT_ENCODABLE = акт № { $seq }, принятый по правилам, нельзя закодировать: { $detail }
ledger-EFFECTS_DO_NOT_APPLY = решения постановления, принятого по правилам, не применяются вместе: { $detail }
ledger-RECORD_CONTENDED = другие процессы продолжали дописывать запись ({ $attempts } { $attempts ->
        [one] попытка
        [few] попытки
       *[other] попыток
    }); ничего не записано, попробуйте снова
ledger-RECORD_BEHIND = запись кончается записью № { $found } ({ $found_hash }), а этот сервер подтвердил сохранность записи № { $acknowledged } ({ $acknowledged_hash }); возможно, восстановлена более старая копия. Запись остановлена
ledger-RECORD_DIVERGED = запись больше не продолжает запись № { $acknowledged }, которую подтвердил этот сервер: { $detail }. Запись остановлена

## Ошибки HTTP API

api-BAD_REQUEST = тело запроса не подходит для этого адреса: { $detail }
api-BAD_COMMAND = тело запроса не является командой: { $detail }
api-ACTOR_NOT_ACCEPTED = команда, отправленная в API, не должна указывать исполнителя: она записывается от имени вошедшей учётной записи
api-BAD_QUERY = параметры запроса не подходят для этого адреса: { $detail }
api-BAD_DATE = неверная дата: { $detail }
api-BAD_BODY = не удалось прочитать тело запроса: { $detail }
api-BAD_CREDENTIALS = неверное имя пользователя или пароль
api-NOT_LOGGED_IN = вы не вошли в систему или ваш сеанс закончился; войдите снова
api-CSRF_MISMATCH = заголовок X-CSRF-Token отсутствует или не совпадает с токеном сеанса
api-NOT_FOUND = такого адреса в API нет
api-METHOD_NOT_ALLOWED = этот адрес не принимает этот метод
api-NO_ELECTION = в записи нет выборов
api-UNKNOWN_ELECTION = таких выборов нет
api-UNKNOWN_CONSTITUENCY = в выборах { $election } нет избирательного округа № { $constituency }
api-UNKNOWN_STATION = избирательного участка № { $station } нет
api-BODY_TOO_LARGE = тело запроса больше { $limit } байт, которые принимает этот адрес
api-TOO_MANY_ATTEMPTS = слишком много неудачных попыток входа под этим именем; попробуйте снова через { $minutes } { $minutes ->
        [one] минуту
        [few] минуты
       *[other] минут
    }
api-INTERNAL = сбой сервера; запрос можно повторить
api-RECORD_UNAVAILABLE = сейчас запись недоступна; ничего не записано, попробуйте снова
api-ACCOUNT_STORE = сбой хранилища учётных записей
api-ACCOUNT_EXISTS = учётная запись { $user } уже существует
api-UNKNOWN_ACCOUNT = учётной записи { $user } нет
api-OWN_ACCOUNT = { $user } не может отключить свою учётную запись или сменить её роль; это делает другой администратор
api-BAD_USER_NAME = «{ $user }» не может быть именем пользователя: используйте от 1 до 64 символов без пробелов и управляющих символов
api-BAD_ROLE = «{ $role }» — не роль; роли: administrator (администратор), secretary (секретарь), operator (оператор), supervisor (супервайзер), observer (наблюдатель)
api-BAD_COMMISSION = «{ $commission }» не является кодом избирательной комиссии
api-PASSWORD_TOO_SHORT = в пароле { $length } { $length ->
        [one] символ
        [few] символа
       *[other] символов
    }; нужно не меньше { $min }
api-PASSWORD_TOO_LONG = пароль длиннее { $max } байт
api-HASHING_FAILED = не удалось вычислить хеш пароля
api-WRONG_PASSWORD = текущий пароль неверен
api-PASSWORDS_DIFFER = новые пароли не совпадают
api-UNKNOWN_COMMISSION = в реестре нет такой комиссии
api-FILTER_NOT_APPLICABLE = список { $list } нельзя отобрать по { $filter }
api-UNKNOWN_LIST = такого списка нет; списки: elections (выборы), constituencies (избирательные округа), stations (избирательные участки), commissions (избирательные комиссии), candidates (кандидаты), resolutions (постановления), complaints (жалобы)
api-BODY_TIMEOUT = тело запроса не пришло в течение { $seconds } { $seconds ->
        [one] секунды
       *[other] секунд
    }
api-NOT_JSON = тело запроса должно быть в формате JSON и отправляться с заголовком Content-Type: application/json

## Ошибки командной строки (программа tandoo)

cli-ACT_UNREADABLE = акт № { $seq } не удаётся прочитать: { $detail }
cli-BACKUP_EXISTS = { $path } уже существует; резервная копия всегда записывается в новый файл
cli-BAD_COMMAND = строка { $line } файла команд не является командой: { $detail }
cli-BAD_CSV = в { $path } { $count } { $count ->
        [one] ошибка
        [few] ошибки
       *[other] ошибок
    }; ничего не записано
cli-BAD_DATE = неверная дата: { $detail }
cli-BAD_FILE = { $path } не является текстом в кодировке UTF-8: { $detail }
cli-BAD_HASH = «{ $hash }» не является хешем: { $detail }
cli-BAD_INPUT = стандартный ввод не является текстом в кодировке UTF-8: { $detail }
cli-BAD_JSON = входные данные не в формате JSON: { $detail }
cli-CANNOT_LISTEN = не удаётся принимать соединения на { $address }: { $detail }
cli-COPY_DIFFERS = прочитанная копия кончается записью № { $found }, а не записью № { $expected }, как было записано
cli-DEMO_BROKEN = шаг { $step } демонстрации: принята попытка, которая должна быть отклонена
cli-ENCODING = вывод не удаётся записать в формате JSON: { $detail }
cli-EXPORT_IO = файл выгрузки не удаётся прочитать или записать: { $detail }
cli-EXPORT_NOT_FOUND = не удаётся открыть выгрузку { $path }: { $detail }
cli-FILE_EXISTS = { $path } уже существует; демонстрация записывает новую запись (укажите --replace, чтобы перезаписать файл)
cli-FILE_IO = не удаётся удалить { $path }: { $detail }
cli-FILE_NOT_FOUND = не удаётся открыть { $path }: { $detail }
cli-FILE_TOO_LARGE = файл команд может занимать не больше { $limit } МиБ
cli-INPUT_TOO_LARGE = входные данные больше { $limit } МиБ
cli-NO_COMMANDS = в { $path } нет ни одной команды
cli-NO_ELECTION = на эту дату в записи нет выборов
cli-NO_PASSWORD = укажите пароль в переменной { $variable } или в первой строке стандартного ввода
cli-NO_SOURCE = укажите --db ФАЙЛ или --export ФАЙЛ
cli-RECORD_DOES_NOT_VERIFY = { $reason }; по записи, которая не проходит проверку, ничего не показывается (выполните tandoo verify)
cli-RECORD_IN_USE = запись { $path } уже обслуживает другой процесс tandoo serve; запись SQLite обслуживает только один сервер одновременно. Чтобы обслуживать одну запись несколькими серверами, храните её в PostgreSQL (tandoo copy --from { $path } --to postgres://…)
cli-SERVE_FAILED = сервер остановился: { $detail }
cli-UNKNOWN_CONSTITUENCY = в выборах { $election } нет избирательного округа № { $constituency }
cli-UNKNOWN_ELECTION = выборов { $election } нет
cli-UNKNOWN_LANGUAGE = «{ $given }» — не язык tandoo; укажите ky, ru или en
cli-BAD_CHECKPOINT = { $path } — не контрольная точка, подписанная этим ключом: { $detail }
cli-BAD_KEY = { $path } — не ключ журнала: { $detail }
cli-BAD_KEY_NAME = имя журнала не может быть именем ключа: { $detail }
cli-KEY_EXISTS = { $path } уже существует; ключ всегда записывается в новый файл
cli-LOG_DIFFERS = запись не совпадает с журналом, опубликованным в { $path }; опубликуйте его заново
cli-LOG_IO = журнал не удаётся прочитать или записать: { $detail }
cli-NO_ACCEPTED_PROTOCOL = в журнале нет принятого протокола участка { $station }
cli-LOG_UNREACHABLE = журнал не удаётся прочитать: { $detail }
cli-WITNESS_STATE = состояние наблюдателя не удаётся прочитать или записать: { $detail }
cli-CLOCK = системные часы показывают время до 1970 года, поэтому косигнатуру нельзя датировать: { $detail }
api-LOG_IO = контрольные точки журнала не удаётся прочитать или записать: { $detail }
api-LOG_DIVERGED = реестр не продолжает контрольную точку, сохранённую в { $path }; над переписанным реестром контрольная точка не подписывается: { $detail }
api-BAD_URL = { $url } — не адрес, с которого можно читать журнал: { $detail }
api-UNREACHABLE = { $url } недоступен: { $detail }
api-BAD_STATUS = { $url } ответил { $status }
api-TIMEOUT = { $url } не дал полного ответа вовремя

## Деньги и даты

money = { $amount }{"\u00A0"}сом
date = { $day } { $month } { $year } г.
month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря

## Итоги в виде текста (tandoo status)

status-as-of = на { $date }
status-count-seats = { $count ->
    [one] { $count } мандат
    [few] { $count } мандата
    [many] { $count } мандатов
   *[other] { $count } мандата
}
status-count-men = { $count ->
    [one] { $count } мужчина
    [few] { $count } мужчины
    [many] { $count } мужчин
   *[other] { $count } мужчины
}
status-count-women = { $count ->
    [one] { $count } женщина
    [few] { $count } женщины
    [many] { $count } женщин
   *[other] { $count } женщины
}
status-nobody = никто
status-holders-elected = избраны
status-holders-allocated = мандаты распределены, ещё не признаны
status-holders-leading = лидируют, предварительно
status-basis-elected = избран
status-basis-allocated = распределён
status-basis-leading = лидирует
status-check-met = выполнено
status-check-not-met = не выполнено
status-seat-count = избрано (признано) { $elected } из { $seats ->
    [one] { $seats } мандата
   *[other] { $seats } мандатов
}, распределено { $allocated }, лидируют { $leading }
status-gender-check = мужчин { $men }, женщин { $women } среди учтённых мандатов: { $seats } (со статусом «{ $basis }» и выше); требуется не менее { $min } каждого пола: { $verdict }
status-national-title = { $name } ({ $election })
status-national-turnout = избирателей в списках { $voters }, проголосовало { $voted } (явка { $turnout })
status-national-by-ballots = по выданным бюллетеням: { $took_part } ({ $percent })
status-national-seats = { $seat_count } — { $men }, { $women }
status-national-check = проверка в целом по республике: { $check }
status-count-differs = !! ПОДСЧЁТ ТЕПЕРЬ РАСХОДИТСЯ С ПРИЗНАННЫМИ ИТОГАМИ
status-count-differs-below = !! ПОДСЧЁТ ТЕПЕРЬ РАСХОДИТСЯ С ПРИЗНАННЫМИ ИТОГАМИ (см. выборы ниже)
status-count-differs-contest = !! ПОДСЧЁТ ТЕПЕРЬ РАСХОДИТСЯ С ПРИЗНАННЫМИ ИТОГАМИ: признаны { $recognised }; по подсчёту { $counted }
status-constituency-title = { $name } — { $seats }
status-decided-by = мандаты определяются выборами { $election }: { $status }
status-seats-elected = избраны: { $names }
status-seats-allocated = мандаты распределены по итогам подсчёта, ещё не признаны: { $names }
status-seats-leading = пока лидируют (предварительно, протоколы представили не все участки): { $names }
status-resolutions = Постановления
status-resolution = { $citation } — { $title } (за { $for }, против { $against }, воздержались { $abstain }) — { $standing }
status-resolution-not-adopted = не принято
status-resolution-in-force = действует
status-resolution-rescinded = отменено: { $by }
status-contest-status = статус: { $status }
status-contest-status-by = статус: { $status } — { $by }
status-late-results = с опозданием: итоги впервые определены актом { $act }, а срок истёк { $due }
status-late-complaint = с опозданием: жалоба { $act } подана { $dated }, после истечения срока { $due }
status-calendar = календарь: день голосования { $voting_day }, итоги — не позднее { $results_by }, жалобы — в течение { $days ->
    [one] { $days } дня
   *[other] { $days } дней
} после решения
status-contest-figures = участков { $stations }: протоколы представили { $reported }, учтено { $counted }; избирателей { $voters }, проголосовало { $voted } ({ $turnout }, { $lines }); недействительных { $invalid }, «против всех» { $against_all }
status-contest-by-ballots = по выданным бюллетеням ({ $lines }): { $voters } ({ $percent })
status-lot = жребий провёл { $drawn_by } с начальным значением «{ $seed }» ({ $recorded_by })
status-note-registration-annulled = регистрация аннулирована: { $by }
status-note-votes-annulled = голоса аннулированы: { $by }
status-note-barred = лишён права участвовать в повторных выборах: { $by }
status-note-fee-refunded = избирательный залог возвращён: { $by }
status-candidate-nominated = выдвинут
status-candidate-registered = зарегистрирован
status-candidate-refused = отказано в регистрации
status-candidate-withdrawn = выбыл
status-gender-letter-F = Ж
status-gender-letter-M = М
status-mark-passed-over-by-gender-cap = пропущен: достигнута гендерная квота
status-mark-seat-by-gender-cap = получает мандат, так как кандидаты с большим числом голосов пропущены по гендерной квоте
status-mark-won-tie = при равенстве голосов получил мандат по установленному правилу
status-mark-lost-tie = при равенстве голосов не получил мандат по установленному правилу
status-mark-lost-to-against-all = за «против всех» подано больше голосов, выборы не состоялись
status-mark-votes-annulled = голоса аннулированы постановлением: исключён из распределения
status-mark-registration-annulled = регистрация аннулирована постановлением: исключён из распределения
status-mark-mandate-ended = полномочия досрочно прекращены постановлением: мандат перешёл к следующему кандидату
status-count-error = подсчёт невозможен: { $error }
status-citation-resolution = постановление { $number } от { $date }
status-citation-draft = проект постановления { $commission } от { $date } (не принят)
status-rule-set-jogorku_kenesh_2025 = Жогорку Кенеш 2025

## Обращения по опубликованному протоколу и их рассмотрение сотрудниками
api-REPORT_BAD_FORM = обращение не удалось прочитать; отправьте его через форму на странице участка
api-REPORT_BAD_TOKEN = срок действия формы истёк (она действует два часа) или форма выдана не этим сервером; откройте форму снова со страницы участка
api-REPORT_FOREIGN_ORIGIN = обращение отправлено со страницы другого сайта; отправьте его через форму на этом сайте
api-REPORT_UNKNOWN_STATION = такого избирательного участка в записи нет
api-REPORT_NO_PROTOCOL = у этого участка ещё нет принятого протокола; обращение можно направить только по опубликованному протоколу
api-REPORT_TEXT_TOO_SHORT = обращение слишком короткое: опишите не менее чем в { $min } знаках, что не так в протоколе
api-REPORT_TEXT_TOO_LONG = обращение слишком длинное: не более { $max } знаков
api-REPORT_CONTACT_MISSING = укажите адрес электронной почты или номер телефона, чтобы сотрудники комиссии могли с вами связаться
api-REPORT_CONTACT_TOO_LONG = контактные данные слишком длинные: не более { $max } знаков
api-REPORTS_TOO_MANY = получено слишком много обращений { $limit ->
        [address] с этого адреса
        [station] по этому участку
       *[other] на этом сервере
    }; попробуйте снова через { $minutes } { $minutes ->
        [one] минуту
        [few] минуты
       *[other] минут
    }
api-REPORTS_NOT_AUTHORISED = роль этой учётной записи не позволяет рассматривать обращения
api-REPORT_OUTSIDE_COMPETENCE = обращение касается участка вне компетенции комиссии этой учётной записи
api-UNKNOWN_REPORT = такого обращения нет
api-REPORT_NOT_OPEN = обращение уже зарегистрировано или отклонено
api-REPORT_REASON_MISSING = укажите, почему обращение отклонено
api-REPORT_REASON_TOO_LONG = причина слишком длинная: не более { $max } знаков

## the count's steps in words (the portal and the staff screens)
count-step-rank = Кандидаты упорядочены по числу голосов, начиная с наибольшего: { $names }.
count-step-elect = { $name } ({ $votes } гол.) получает мандат № { $seat }.
count-step-gender-cap = { $name } ({ $votes } гол.) пропускается: кандидаты того же пола уже получили предельное для одного пола число мандатов.
count-step-gender-cap-fails = Все мандаты нельзя распределить, не дав одному полу больше допустимого, поэтому выборы не состоялись.
count-step-against-all-stands = «Против всех» ({ $against } гол.) — не больше, чем у { $name } ({ $votes }), поэтому выборы состоялись.
count-step-against-all-fails = «Против всех» ({ $against } гол.) — больше, чем у { $name } ({ $votes }), поэтому выборы не состоялись.
count-step-tie = Равенство голосов между { $names } разрешено по правилу о равенстве голосов.
count-step-majority = { $name } ({ $votes } гол.) получает больше половины голосов и избран.
count-step-majority-fails = { $name } ({ $votes } гол.) не получает больше половины голосов, поэтому выборы не состоялись.
count-step-runoff = Никто не получил больше половины голосов: во второй тур выходят { $names }.
count-step-single-gender = Все кандидаты одного пола, а гендерное правило не позволяет отдать все мандаты одному полу, поэтому выборы не состоялись.
count-step-no-candidates = Ни у одного кандидата результат не сохраняется, поэтому избрать никого нельзя.
count-step-other = Шаг подсчёта, касающийся: { $names }.
