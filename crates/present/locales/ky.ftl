### tandoo — кыргызча каталог.
### ЭНЕ ТИЛИНДЕ СҮЙЛӨГӨН АДАМДЫН ТЕКШЕРҮҮСҮН КҮТҮҮДӨ (awaiting review by a native speaker):
### тексттер Кыргыз Республикасынын шайлоо мыйзамынын терминдери менен жазылган, бирок
### азырынча окулуп текшериле элек.
### Ачкычтар — өзөктүн, эсептөөнүн, жазуунун жана API'нин туруктуу коддору; аргументтер —
### билдирүү айтып жаткан нерсенин талаалары. Бул файлдын ар бир ачкычы en.ftl жана ru.ftl
### файлдарында да бар.

## Буйруктардан баш тартуулар (өзөктүн Refusal::code)

refusal-NOT_AUTHORISED = «{ $role }» ролу бул аракетке укук бербейт: { $action }
refusal-OUTSIDE_COMPETENCE = { $commission } комиссиясынын бул аракетке ыйгарым укугу жок: { $action }{ $concerning ->
        [commission] {" "}({ $target } шайлоо комиссиясы)
        [constituency] {" "}(№ { $target } шайлоо округу)
        [candidate] {" "}({ $target } талапкери)
        [resolution] {" "}({ $target } токтому)
       *[none] {""}
    }
refusal-UNKNOWN_CANDIDATE = { $id } деген талапкер жок
refusal-UNKNOWN_ELECTION = { $id } деген шайлоо жок
refusal-UNKNOWN_CONSTITUENCY = { $id } деген шайлоо округу жок
refusal-UNKNOWN_STATION = { $id } деген шайлоо участкасы жок
refusal-UNKNOWN_COMMISSION = { $id } деген шайлоо комиссиясы жок
refusal-UNKNOWN_MEMBER = { $within ->
        [yes] { $commission } шайлоо комиссиясынын курамында { $id } деген мүчө жок
       *[no] { $id } деген комиссия мүчөсү жок
    }
refusal-UNKNOWN_RESOLUTION = { $id } деген токтом жок
refusal-UNKNOWN_COMPLAINT = { $id } деген даттануу жок
refusal-UNKNOWN_REQUEST = { $id } деген суроо-талап жок
refusal-UNKNOWN_MEETING = { $within ->
        [yes] { $commission } шайлоо комиссиясынын { $id } деген отуруму жок
       *[no] { $id } деген отурум жок
    }
refusal-UNKNOWN_INCIDENT = { $id } деген окуя жок
refusal-UNKNOWN_RULE_SET = «{ $id }» деген эрежелер топтому жок
refusal-ALREADY_EXISTS = { $what } { $id } мурдатан эле бар
refusal-DUPLICATE_CANDIDATE = { $name } ({ $person }) { $election } шайлоосунда { $existing } катары талапкер болуп мурдатан эле көрсөтүлгөн
refusal-ALREADY_REGISTERED = { $candidate } талапкери мурдатан эле катталган
refusal-WRONG_STANDING = { $candidate } талапкеринин абалы «{ $standing }», ошондуктан анын { $action } мүмкүн эмес
refusal-FEE_NOT_PAID = { $candidate } талапкери { $fee } шайлоо күрөөсүнүн { $paid } гана төлөгөн; каттоо үчүн күрөө толук төлөнүшү керек
refusal-CANDIDATE_BARRED = { $name } { $resolution } токтому менен № { $constituency } шайлоо округундагы кайталап шайлоого катышуудан четтетилген
refusal-ELECTION_CANCELLED = { $election } шайлоосу { $resolution } токтому менен жокко чыгарылган
refusal-CONSTITUENCY_NOT_IN_ELECTION = № { $constituency } шайлоо округу { $election } шайлоосуна кирбейт
refusal-PROTOCOL_REJECTED = протокол { $count } контролдук катнашка туура келбейт: { $failures }
refusal-WARNINGS_NOT_ACKNOWLEDGED = протоколдо оператор ырастабаган { $count } эскертүү бар: { $warnings }
refusal-PROTOCOL_ALREADY_ACCEPTED = № { $station } шайлоо участкасынын № { $constituency } шайлоо округу боюнча протоколу мурдатан эле кабыл алынган; оңдоо үчүн себебин көрсөтүү керек
refusal-ENTRIES_DIFFER = № { $station } шайлоо участкасынын № { $constituency } шайлоо округу боюнча протоколунун киргизүүлөрү дал келбейт; супервайзер алардын бирин калтырышы же жаңы киргизүү дайындашы керек
refusal-SAME_OPERATOR = { $operator } бул протоколдун { $entry }-киргизүүсүн жасаган; экинчи киргизүүнү башка оператор жасашы керек
refusal-NOTHING_TO_SETTLE = № { $station } шайлоо участкасынын № { $constituency } шайлоо округу боюнча протоколунда дал келбеген киргизүүлөр жок
refusal-DUPLICATE_VOTE = комиссиянын мүчөсү { $member } эки жолу добуш берди
refusal-RESOLUTION_NUMBER_TAKEN = { $resolution } токтому мурдатан эле бар
refusal-NOT_IN_FORCE = { $resolution } токтому күчүндө эмес ({ $why }), ошондуктан аны жокко чыгарууга болбойт
refusal-ELECTED_NOT_ALLOCATED = № { $constituency } шайлоо округунда добуштарды эсептөөнүн жыйынтыгы боюнча { $named } эмес, { $allocated } шайланат
refusal-COUNT_FAILED = № { $constituency } шайлоо округунда добуштарды эсептөө эч кимди шайлай албайт: округдагы шайлоо { $resolution } токтому менен жараксыз деп табылган
refusal-NO_PROTOCOL = № { $station } шайлоо участкасынын № { $constituency } шайлоо округу боюнча жараксыз деп табыла турган кабыл алынган протоколу жок
refusal-SETTLER_MADE_ENTRY = { $settler } № { $station } шайлоо участкасынын № { $constituency } шайлоо округу боюнча протоколун киргизүүнүн ушул айлампасында { $entry }-киргизүүнү жасаган, ошондуктан анын дал келбестигин чече албайт
refusal-STATION_OUTSIDE_CONSTITUENCY = № { $station } шайлоо участкасы № { $home } шайлоо округуна кирет; { $election } шайлоосунда участканын протоколу башка шайлоо округу (№ { $constituency }) боюнча эсептелбейт
refusal-NO_FREE_RESOLUTION_NUMBER = { $commission } комиссиясында { $year }-жылга токтомдун бош номери калган жок
refusal-RESOLUTION_NUMBER_TOO_LARGE = токтомдун номери { $number } эң чоң уруксат берилген { $max } номеринен ашат
refusal-RESOLUTION_NUMBER_ZERO = токтомдордун номерлери 1ден башталат
refusal-IDENTIFIER_TOO_LONG = «{ $field }» талаасы { $length } белгиден турат; идентификатор { $max } белгиден ашпашы керек
refusal-EMPTY_IDENTIFIER = «{ $field }» талаасы бош болбошу керек
refusal-BAD_CHARACTER = «{ $field }» талаасында башкаруучу, форматтоочу же боштук белги бар ({ $character })
refusal-BLANK_TEXT = «{ $field }» талаасы бош же боштуктардан гана турбашы керек
refusal-TEXT_TOO_LONG = «{ $field }» талаасы { $length } белгиден турат; { $max } белгиден ашпашы керек
refusal-COMMAND_TOO_LARGE = буйрук { $size } байттан турат; { $max } байттан ашпашы керек
refusal-EMPTY_LIST = «{ $field }» талаасында жок дегенде бир маани көрсөтүлүшү керек
refusal-REFERS_TO_LATER = { $date } датасындагы бул акт андан кийинки датадагы нерсеге шилтеме кылат: { $what } { $id } ({ $dated })
refusal-OPEN_COMPLAINTS = № { $constituency } шайлоо округунда округдук шайлоо комиссиясы карай элек { $count } даттануу бар: { $complaints }
refusal-RESULT_RECOGNISED = № { $constituency } шайлоо округунун жыйынтыгы { $resolution } токтому менен таанылган; № { $station } шайлоо участкасынын протоколун токтом менен дайындалган добуштарды кайра эсептөөдөн кийин гана оңдоого болот
refusal-COUNT_ELECTS_NOBODY = № { $constituency } шайлоо округунда добуштарды эсептөө эч кимди шайлабайт: { $why }
refusal-LOT_NOT_DRAWN_IN_MEETING = чүчүкулакты токтомдо аталган отурумга катышкан комиссия мүчөсү тартат; { $named ->
        [yes] { $member } { $meeting } отурумуна катышкан деп жазылган эмес
       *[no] { $member } чүчүкулак тарта албайт: отурум көрсөтүлгөн эмес
    }
refusal-BAD_LOT_SEED = чүчүкулактын баштапкы мааниси 1ден { $max } белгиге чейин болушу керек
refusal-NO_SEATS = № { $constituency } шайлоо округунда жок дегенде бир мандат болушу керек
refusal-FIGURE_TOO_LARGE = «{ $field }» талаасында { $value } көрсөтүлгөн; бир да шайлоо участкасында { $max } ашык болбойт
refusal-BAD_VOTING_RULE = кворум ({ $quorum }) комиссия мүчөлөрүнүн жалпы санынын бирден ашпаган үлүшү, ал эми көпчүлүк ({ $majority }) бирден кичине үлүшү болушу керек
refusal-REPEAT_MISMATCH = { $kind ->
        [repeat] кайталап шайлоо кайсы шайлоону кайталай турганын көрсөтүшү керек
       *[other] кайталанган шайлоону кайталап шайлоо гана көрсөтө алат
    }
refusal-FORM_NOT_USABLE = протоколдун формасы жараксыз: { $why }
refusal-ZERO_PAYMENT = шайлоо күрөөсүнүн төлөмү нөлдөн чоң болушу керек
refusal-PAYMENT_TOO_LARGE = { $amount } төлөмү ар кандай шайлоо күрөөсүнөн ашат ({ $max } ашпашы керек)
refusal-NOTHING_TO_CORRECT = № { $station } шайлоо участкасынын № { $constituency } шайлоо округу боюнча протоколу кабыл алынган эмес, ошондуктан оңдой турган эч нерсе жок
refusal-NO_SUCH_ENTRY = № { $station } шайлоо участкасынын № { $constituency } шайлоо округу боюнча протоколунда калтыра турган { $entry }-киргизүү жок
refusal-LINE_NOT_ON_FORM = { $line } сабы бул шайлоонун протоколунун формасында жок
refusal-NOT_ON_BALLOT = { $candidate } талапкери { $election } шайлоосунун № { $constituency } шайлоо округу боюнча шайлоо бюллетенинде жок
refusal-NOT_IN_CONTEST = { $candidate } талапкери { $election } шайлоосунда № { $constituency } шайлоо округу боюнча талапкер эмес
refusal-HOLDS_NO_SEAT = { $candidate } талапкери { $election } шайлоосунда № { $constituency } шайлоо округу боюнча депутаттык мандатка ээ эмес
refusal-NO_FEE_TO_REFUND = { $candidate } талапкери шайлоо күрөөсүн төлөгөн эмес, кайтара турган эч нерсе жок
refusal-EFFECTS_DO_NOT_APPLY = токтомдун ар бири өзүнчө жол берилген чечимдери чогуу колдонулбайт ({ $error }); бул буйруктун эмес, программанын катасы

## Протоколдун формасы эмне үчүн жараксыз (өзөктүн FormError::code)

form-error-FORM_LINE_CODE = «{ $line }» сабынын коду бош, резервделген же эки жолу колдонулган
form-error-FORM_NO_LINES = протоколдун формасында жок дегенде бир сап болушу керек
form-error-FORM_ROLE_NOT_A_LINE = форманын ролдору «{ $term }» дегенди көрсөтөт, бирок формада мындай сап жок
form-error-FORM_RELATION_CODE = «{ $relation }» катнашынын коду резервделген же эки жолу колдонулган
form-error-FORM_UNKNOWN_TERM = { $relation } катнашы «{ $term }» дегенди көрсөтөт, бирок формада мындай сап жок
form-error-FORM_EMPTY_SIDE = { $relation } катнашынын бир жагы бош
form-error-FORM_PERCENT_ABOVE_100 = { $relation } катнашында пайыз 100дөн ашат ({ $percent })

## Баш тартуу эмнени атайт

entity-candidate = талапкер
entity-election = шайлоо
entity-constituency = шайлоо округу
entity-station = шайлоо участкасы
entity-commission = шайлоо комиссиясы
entity-member = комиссиянын мүчөсү
entity-resolution = токтом
entity-complaint = даттануу
entity-request = суроо-талап
entity-meeting = отурум
entity-incident = окуя
entity-rule_set = эрежелер топтому
why-not_adopted = кабыл алынган эмес
why-rescinded = мурдатан эле жокко чыгарылган
nobody = эч ким

## Буйруктун талаалары, чектөө аларды кандай атайт (өзөктүн `field` талаасы)

field-about = суроо-талап жөнөтүлгөн даттануу
field-acknowledged = ырасталган эскертүү
field-actor-commission = аткаруучунун комиссиясы
field-actor-user = аткаруучунун колдонуучу аты
field-addressed_to = даттануу берилген комиссия
field-agenda = күн тартибинин маселеси
field-area = комиссиянын аймагы
field-candidate = талапкер
field-candidates = көрсөтүлгөн талапкер
field-commission = комиссия
field-complaint = даттануу
field-considers = каралуучу даттануу
field-correction_reason = оңдоонун себеби
field-description = сүрөттөмө
field-effects-election = токтом менен дайындалуучу шайлоо
field-effects-name = токтом менен дайындалуучу шайлоонун аталышы
field-in-ky = { $field } (кыргыз тилинде)
field-in-ru = { $field } (орус тилинде)
field-in-en = { $field } (англис тилинде)
field-latin_name = латын тамгалары менен жазылган аты
field-effects-reason = ыйгарым укуктарды мөөнөтүнөн мурда токтотуунун негизи
field-effects-text = тапшырманын тексти
field-election = шайлоо
field-figures-candidates = протоколдун маалыматтарындагы талапкер
field-figures-lines = протоколдун сабы
field-figures = автоматтык эсептөөчү кутунун маалыматы
field-constituencies = шайлоонун шайлоо округу
field-effects-candidates = чечимде аталган талапкер
field-voters = тизмедеги шайлоочулардын саны
field-filed_by = даттануучу
field-form-lines-code = протокол формасынын сабынын коду
field-form-lines-meaning = протокол формасынын сабынын мааниси
field-form-name = протокол формасынын аталышы
field-form-relations-code = контролдук катнаштын коду
field-form-relations-description = контролдук катнаштын сүрөттөмөсү
field-from = жооп берген орган
field-id = идентификатор
field-meeting = отурум
field-members-id = комиссия мүчөсүнүн идентификатору
field-members-name = комиссия мүчөсүнүн аты-жөнү
field-name = аты же аталышы
field-nominated_by-party = көрсөткөн партия
field-parent = жогору турган комиссия
field-person = жарандын идентификатору
field-present = катышкан комиссия мүчөсү
field-reason = себеби
field-reference = төлөмдүн реквизиттери
field-repeat_of = кайталап өткөрүлүп жаткан шайлоо
field-request = суроо-талап
field-rule_set = эрежелер топтому
field-rule_set-name = эрежелер топтомунун аталышы
field-source = билдирүүнүн булагы
field-speakers-name = сөз сүйлөгөндүн аты-жөнү
field-speakers-position = сөз сүйлөгөндүн кызмат орду
field-speakers-subject = сөз сүйлөөнүн темасы
field-subject = даттануунун предмети
field-text = текст
field-title = аталышы
field-to = суроо-талап жөнөтүлгөн орган
field-votes-member = добуш берген комиссия мүчөсү

## Жазуунун тизмелери, тандоодон баш тартуу аларды кандай атайт (илик жөндөмөдө)
list-elections = шайлоолордун
list-constituencies = шайлоо округдарынын
list-stations = шайлоо участкаларынын
list-commissions = шайлоо комиссияларынын
list-candidates = талапкерлердин
list-resolutions = токтомдордун
list-complaints = даттануулардын
filter-election = шайлоо
filter-constituency = шайлоо округу

## Акт эмнеге шилтеме кылат, кечирээк дата үчүн баш тартуу аны кандай атайт

referent-constituency = шайлоо округу
referent-station = шайлоо участкасы
referent-commission = шайлоо комиссиясы
referent-election = шайлоо
referent-candidate = талапкер
referent-protocol = участканын протоколу
referent-complaint = даттануу
referent-request = суроо-талап
referent-meeting = отурум
referent-resolution = токтом
referent-fee_payment = талапкердин шайлоо күрөөсү

## Эсептөө эмне үчүн эч кимди шайлабайт

allocation-no_election = { $election } деген шайлоо жок
allocation-cancelled = шайлоо жокко чыгарылган
allocation-nothing_counted = бир да протокол эсептелген жок
allocation-against_all_wins = «баарына каршы» добуштар эң көп
allocation-single_gender = бардык талапкерлер бир жыныстагы
allocation-gender_cap_unfillable = гендердик квота мандаттарды бош калтырат
allocation-no_candidates = бир да талапкердин жыйынтыгы күчүндө калган жок
allocation-no_majority = бир да талапкер добуштардын көпчүлүгүн алган жок
allocation-run_off = добуш берүүнүн экинчи туру керек

## Баш тартуу атаган буйруктун же токтомдун чечиминин аракети (буйруктун түрү, чечимдин коду)

action-define_constituency = шайлоо округдарын түзүү
action-define_station = шайлоо участкаларын түзүү
action-form_commission = шайлоо комиссияларын түзүү
action-call_election = шайлоолорду дайындоо
action-nominate_candidate = талапкерлерди көрсөтүү
action-pay_fee = шайлоо күрөөлөрүнүн төлөнүшүн жазуу
action-register_candidate = талапкерлерди каттоо
action-refuse_registration = каттоодон баш тартуу
action-withdraw_candidate = талапкерлердин талапкерлигин кайтарып алуусун жазуу
action-enter_protocol = протоколдорду киргизүү
action-settle_protocol = протоколдун дал келбеген киргизүүлөрүн чечүү
action-record_preliminary_figures = автоматтык эсептөөчү кутулардын алдын ала маалыматтарын жүктөө
action-record_incident = окуяларды жазуу
action-file_complaint = даттанууларды жазуу
action-send_request = суроо-талаптарды жөнөтүү
action-record_answer = жоопторду жазуу
action-decide_complaint = даттанууларды кароо
action-hold_meeting = отурумдарды жазуу
action-vote_resolution = токтомдорду жазуу
action-annul_station_result = шайлоо участкасындагы добуш берүүнүн жыйынтыгын жараксыз деп табуу
action-annul_candidate_votes = талапкерлерге берилген добуштарды жараксыз деп табуу
action-annul_registration = талапкерлердин каттоосун жокко чыгаруу
action-bar_from_repeat = талапкерлерди кайталап шайлоого катыштырбоо
action-declare_invalid = шайлоо округундагы шайлоону жараксыз деп табуу
action-declare_valid = шайлоо округундагы шайлоону жарактуу деп табуу
action-call_repeat_election = кайталап шайлоолорду дайындоо
action-cancel_election = шайлоолорду жокко чыгаруу
action-recognise_elected = депутаттарды шайланган деп таануу
action-end_mandate = депутаттардын ыйгарым укуктарын мөөнөтүнөн мурда токтотуу
action-refund_fees = шайлоо күрөөлөрүн кайтаруу
action-rescind = токтомдорду жокко чыгаруу
action-order_recount = добуштарды кайра эсептөөнү дайындоо
action-draw_lot = чүчүкулак тартууну жазуу
action-directive = тапшырма берүү

standing-action-register_candidate = катталышы
standing-action-withdraw_candidate = талапкерлигин кайтарып алышы
standing-action-refuse_registration = каттоодон баш тартылышы

## Протоколдун контролдук катнаштары

relation-E01 = алынган бюллетендер берилген же жокко чыгарылган
relation-E02 = кутулардагы ар бир бюллетень жараксыз же жарактуу деп табылган
relation-E03 = жарактуу бюллетендер — талапкерлерге жана «баарына каршы» берилген добуштар
relation-E04 = кутулардагы бюллетендер берилгенден көп эмес
relation-E05 = көчмө кутулардагы бюллетендер добуш берүү жайынан тышкары берилгенден көп эмес
relation-E06 = кутулардагы бюллетендер идентификацияланган шайлоочулардан көп эмес
relation-E07 = ар бир сан — 0 же андан чоң бүтүн сан, протоколдун бардык саптары толтурулган
relation-W01 = берилген бюллетендер тизмедеги шайлоочулардан көп эмес
relation-W02 = шайлоочулардын катышуусу 5 %дан 95 %га чейин
relation-W03 = жараксыз бюллетендер кутулардагы бюллетендердин 5 %ынан ашпайт
relation-W04 = бир да талапкер жарактуу бюллетендердин 80 %ынан ашык алган жок
relation-W05 = автоматтык эсептөөчү кутунун маалыматтары кол менен эсептөөгө дал келет
relation-W_REGISTER = тизмедеги шайлоочулардын жана добуш берүүгө катышкандардын саны шайлоо участкасында катталган шайлоочулардын санынан эрежелер топтомунун чегинен ашык айырмаланбайт
control-error = ката { $code }: { $relation }
control-warning = эскертүү { $code }: { $relation }
control-equal = { $left } менен { $right } барабар болушу керек
control-at-most = { $left } { $right } караганда көп
control-share = { $part } { $whole } ичинен { $percent } түзөт
control-candidate-share = { $candidate } талапкери { $whole } ичинен { $votes } алды ({ $percent })
control-differs = { $line }: кол менен { $manual }, куту { $box }
control-candidates = талапкерлерге берилген добуштар
control-line = { $line } сабы
control-candidate-line = { $candidate } талапкерине берилген добуштар
control-against-all-line = «баарына каршы» сабы (AA)
control-negative = { $line }: { $value }; сан 0дөн кем эмес бүтүн сан болушу керек
control-too-large = { $line }: { $value }; эч бир шайлоо участкасында { $max } бюллетенден ашык жок
control-line-missing = { $line } сабы толтурулган эмес
control-not-on-form = { $line } сабы бул протокол формасында жок
control-not-on-ballot = { $candidate } талапкери бул шайлоо округунун бюллетенинде жок
control-candidate-missing = { $candidate } талапкеринин сабы толтурулган эмес
control-against-all-missing = «баарына каршы» сабы (AA) толтурулган эмес
control-no-against-all = бул бюллетенде «баарына каршы» сабы (AA) жок
control-preliminary = кол менен эсептөө автоматтык эсептөөчү кутунун маалыматтарына дал келбейт: { $differing }
control-register = тизмедеги шайлоочулар, { $line } ({ $voters }), же добуш берүүгө катышкандар ({ $took_part }) шайлоо участкасында катталган { $registered } шайлоочудан { $margin } %дан ашык айырмаланат

## Участкалык шайлоо комиссиясынын протоколу (Кыргыз Республикасынын формасы)

form-kyrgyz = Добуш берүүнүн жыйынтыктары жөнүндө участкалык шайлоо комиссиясынын протоколу
form-kyrgyz-L1 = добуш берүү аяктаган учурда шайлоочулардын тизмесине киргизилген шайлоочулардын саны
form-kyrgyz-L2 = участкалык шайлоо комиссиясы алган шайлоо бюллетендеринин саны
form-kyrgyz-L3 = добуш берүү жайында шайлоочуларга берилген шайлоо бюллетендеринин саны
form-kyrgyz-L4 = добуш берүү жайынан тышкары шайлоочуларга берилген шайлоо бюллетендеринин саны
form-kyrgyz-L5 = жокко чыгарылган шайлоо бюллетендеринин саны
form-kyrgyz-L6 = идентификацияланган шайлоочулардын саны
form-kyrgyz-L7 = көчмө кутулардан табылган шайлоо бюллетендеринин саны
form-kyrgyz-L8 = стационардык кутулардан табылган шайлоо бюллетендеринин саны
form-kyrgyz-L9 = жараксыз шайлоо бюллетендеринин саны
form-kyrgyz-L10 = жарактуу шайлоо бюллетендеринин саны
form-kyrgyz-AA = «баарына каршы» берилген добуштардын саны
form-kyrgyz-candidates = талапкерлерге берилген добуштар

## Округдагы шайлоонун абалы

state-awaiting_protocols = протоколдор күтүлүүдө
state-counting = добуштар эсептелүүдө
state-results_being_determined = жыйынтыктар аныкталууда
state-elected = депутаттар шайланды
state-awaiting_lot = добуштар тең болгондо чүчүкулак тартылышы күтүлүүдө
state-failed = шайлоо өткөн жок
state-invalid = шайлоо жараксыз деп табылды
state-cancelled = шайлоо жокко чыгарылды

## Шайлоо участкасынын протоколу

station-not_entered = киргизилген эмес
station-first_entry = биринчи киргизүү жасалды
station-differences = киргизүүлөр дал келбейт
station-new_entry_ordered = жаңы киргизүү дайындалды
station-accepted = кабыл алынды
station-corrected = оңдолду
station-annulled = жараксыз деп табылды

## Ролдор

role-administrator = администратор
role-secretary = катчы
role-operator = оператор
role-supervisor = супервайзер
role-observer = байкоочу

## Талапкердин абалы

standing-nominated = көрсөтүлгөн
standing-registered = катталган
standing-refused = каттоодон баш тартылган
standing-withdrawn = талапкерлигин кайтарып алган

gender-M = эркек
gender-F = аял

## Мандат канчалык аныкталган

seat-leading = алдыда
seat-allocated = мандат эсептөөнүн жыйынтыгы боюнча бөлүштүрүлгөн
seat-elected = шайланган

## Токтомдордун чечимдери

effect-annul_station_result = шайлоо участкасындагы добуш берүүнүн жыйынтыктарын жараксыз деп табуу
effect-annul_candidate_votes = талапкерлерге берилген добуштарды жараксыз деп табуу
effect-annul_registration = талапкерлердин каттоосун жокко чыгаруу
effect-bar_from_repeat = талапкерлерди кайталап шайлоого катыштырбоо
effect-declare_invalid = шайлоо округундагы шайлоону жараксыз деп табуу
effect-declare_valid = шайлоо округундагы шайлоону жарактуу деп табуу
effect-call_repeat_election = кайталап шайлоону дайындоо
effect-cancel_election = шайлоону жокко чыгаруу
effect-recognise_elected = талапкерлерди шайланган депутаттар деп таануу
effect-end_mandate = депутаттын ыйгарым укуктарын мөөнөтүнөн мурда токтотуу
effect-refund_fees = шайлоо күрөөлөрүн кайтаруу
effect-rescind = токтомду жокко чыгаруу
effect-order_recount = шайлоо участкасында добуштарды кайра эсептөөнү дайындоо
effect-draw_lot = добуштар тең болгондо тартылган чүчүкулактын жыйынтыгын жазуу
effect-directive = тапшырма

## Жазуунун актылары

act-constituency_defined = шайлоо округу түзүлдү
act-station_defined = шайлоо участкасы түзүлдү
act-commission_formed = шайлоо комиссиясы түзүлдү
act-election_called = шайлоо дайындалды
act-candidate_nominated = талапкер көрсөтүлдү
act-fee_paid = шайлоо күрөөсү төлөндү
act-candidate_registered = талапкер катталды
act-registration_refused = каттоодон баш тартылды
act-candidate_withdrawn = талапкер талапкерлигин кайтарып алды
act-protocol_entered = протокол киргизилди
act-protocol_accepted = протокол кабыл алынды
act-new_entry_ordered = протоколду жаңыдан киргизүү дайындалды
act-preliminary_figures_recorded = автоматтык эсептөөчү кутунун алдын ала маалыматтары жазылды
act-incident_recorded = окуя катталды
act-complaint_filed = даттануу берилди
act-request_sent = суроо-талап жөнөтүлдү
act-answer_received = жооп алынды
act-complaint_decided = даттануу каралды
act-meeting_held = отурум өткөрүлдү
act-resolution_voted = токтом боюнча добуш берилди

## Эсептөөдөн баш тартуулар (CountError::code)

count-NEGATIVE_VOTES = { $id } добуштарынын саны терс ({ $value }); добуштардын саны нөлдөн аз болбойт
count-TOO_MANY_SEATS = { $seats } мандатты толуктоо мүмкүн эмес: { $available } гана болот ({ $why })
count-NO_SEATS = бул шайлоодо толукталуучу мандат жок; жок дегенде бир мандат көрсөтүңүз
count-SEATS_MUST_BE_ONE = { $method } ыкмасы бир гана талапкерди шайлайт, ал эми { $seats } мандат суралды
count-UNKNOWN_METHOD = белгисиз ыкма «{ $method }»; белгилүү ыкмалар: dhondt, sainte_lague, modified_sainte_lague, hare, droop, plurality, multi_member_plurality, block, two_round, referendum, mixed
count-DUPLICATE_ID = «{ $id }» идентификатору эки жолу колдонулган; ар бир талапкердин, партиянын жана региондун өз идентификатору болушу керек
count-VOTES_TOO_LARGE = добуштардын суммасы { $limit } ашат; мынча шайлоочу эч бир шайлоодо болбойт, демек маалыматтар туура эмес
count-EMPTY_ID = бир жазуунун идентификатору бош; ал ар бир талапкерге, партияга жана регионго керек
count-THRESHOLD_ABOVE_100 = { $what } { $value } % 100 %дан ашат
count-MISSING_GENDER = { $id } талапкеринин жынысы көрсөтүлгөн эмес, бирок гендердик квота белгиленген; ар бир талапкердин жынысын көрсөтүңүз
count-INVALID_GENDER_CAP = 0 мандаттык гендердик квота бардык мандаттарды бош калтырат; жок дегенде 1 көрсөтүңүз же квота белгилебеңиз
count-MISSING_SEED = добуштардын теңдиги чүчүкулак менен чечилет, бирок чүчүкулактын баштапкы мааниси берилген эмес; чүчүкулакта алынган маанини көрсөтүңүз
count-REGISTRATION_TIE = { $first } менен { $second } бирдей добуш алган жана каттоо номери бирдей, ошондуктан каттоо тартиби теңдикти чечпейт; ар башка номерлерди көрсөтүңүз же теңдикти чүчүкулак менен чечиңиз
count-UNKNOWN_CANDIDATE = «{ $id }» бул шайлоодо талапкер эмес
count-NOT_ELECTED = { $id } мандатка ээ эмес, ошондуктан анын мандаты бошобойт
count-BASE_BELOW_VOTES = { $what } ({ $base }) эсептелген { $counted } добуштан аз; маалыматтарды текшериңиз
count-INVALID_NUMBER = { $field } «{ $value }» сан эмес: { $why }
count-MISSING_FIELD = «{ $field }» талаасы милдеттүү
count-INVALID_FIELD = «{ $field }» талаасы туура эмес: { $why }
count-UNKNOWN_REGION = { $party } партиясынын жарыяланган региондордун катарында жок «{ $region }» регионунда добуштары бар
count-MISSING_REGION = { $party } партиясынын «{ $region }» регионундагы добуштары жок; ар бир жарыяланган регион үчүн сан көрсөтүңүз (добуш жок болсо 0)
count-REGION_BASE_BELOW_VOTES = «{ $region }» регионундагы добуштар ({ $counted }) анын базасынан ({ $base }) ашат; маалыматтарды текшериңиз
count-INCONSISTENT_FIGURES = маалыматтар бири-бирине карама-каршы: { $why }

## Жазуунун каталары (RecordError::code)

record-STALE_HEAD = жазуу улантылып кеткен: акт № { $expected } жазууга карата даярдалган, ал эми жазуу азыр № { $actual } жазуу менен аяктайт; эч нерсе жазылган жок
record-BAD_DATE = топтомдун { $entry }-жазуусунун юридикалык датасы «{ $value }» — ЖЖЖЖ-АА-КК түрүндөгү календардык дата эмес; эч нерсе жазылган жок
record-NOT_CANONICAL = топтомдун { $entry }-жазуусун жазууга болбойт: { $detail }; эч нерсе жазылган жок
record-DAMAGED_ENTRY = сактагычтагы № { $seq } жазуу бузулган: { $detail }
record-IMPORT_REFUSED = № { $seq } жазууну импорттоого болбойт: { $detail }; бул топтомдон эч нерсе жазылган жок
record-RECORD_NOT_FOUND = { $path } дарегинде жазуу жок
record-NOT_A_RECORD = { $path } жазуу эмес: { $detail }
record-UNSUPPORTED_FORMAT = { $path } дарегиндеги жазуу { $found }-версиядагы форматта, ал эми бул программа { $supported }-версияга чейин окуйт; жаңыраак программаны колдонуңуз
record-CLOCK = системалык саат 1970-жылга чейинки убакытты көрсөтүп турат; актыларды жазуудан мурда саатты оңдоңуз
record-APPEND_ABANDONED = кошуу эч нерсе жазыла электе токтотулду
record-STORE_IO = жазуу сактагычы «{ $action }» учурунда иштебей калды: { $detail }
record-NO_RECORD = { $path } дарегинде жазуу жок
record-RECORD_UNREACHABLE = { $location } маалымат базасынын серверине туташуу мүмкүн эмес (туташуу үчүн берилген { $timeout_secs } секунданын ичинде жооп болгон жок)
record-CHAIN_GAP = № { $seq } жазуу жок: № { $previous } жазуудан кийин № { $found } жазуу келет
record-CHAIN_OUT_OF_ORDER = кийинки № { $seq } жазуу болушу керек, бирок анын ордунда № { $found } жазуу турат: жазуулар кайталанган же тартиби бузулган
record-CHAIN_BROKEN_LINK = № { $seq } жазуу мурункусунан уланбайт: анда мурунку хеш катары { $found } көрсөтүлгөн, ал эми № { $previous } жазуунун хеши — { $expected }
record-CHAIN_HASH_MISMATCH = № { $seq } жазуу киргизилгенден кийин өзгөртүлгөн: анын мазмунунун хеши { $computed }, киргизилген { $recorded } эмес
record-CHAIN_NOT_CANONICAL = № { $seq } жазуунун хешин эсептөө мүмкүн эмес: { $detail }
record-CHAIN_UNREADABLE = № { $seq } жазууну окуу мүмкүн эмес: { $detail }
record-DESTINATION_NOT_EMPTY = { $location } ичинде № { $seq } жазуу менен аяктаган жазуу мурдатан эле бар; көчүрмө бош жазууга гана жасалат
record-COPY_DIFFERS = көчүрмө № { $found } жазуу менен аяктайт (хеши { $found_hash }), ал эми булак № { $expected } жазуу менен аяктайт (хеши { $expected_hash })

## Реестрдин каталары (жазуу жана абал бирдей жүргүзүлөт)

ledger-ACT_UNREADABLE = № { $seq } актыны окуу мүмкүн эмес: { $detail }
ledger-ACT_DOES_NOT_APPLY = сакталган акт мурунку актылар түзгөн абалга колдонулбайт: { $detail }
ledger-ACT_NOT_STORABLE = эрежелер кабыл алган актыны сактоо мүмкүн эмес: { $detail }
ledger-ACT_NOT_ENCODABLE = эрежелер кабыл алган № { $seq } актыны коддоо мүмкүн эмес: { $detail }
ledger-EFFECTS_DO_NOT_APPLY = эрежелер кабыл алган токтомдун чечимдери чогуу колдонулбайт: { $detail }
ledger-RECORD_CONTENDED = башка процесстер жазууга кошууну улантышты ({ $attempts } аракет); эч нерсе жазылган жок, кайра аракет кылыңыз
ledger-RECORD_BEHIND = жазуу № { $found } ({ $found_hash }) жазуу менен аяктайт, ал эми бул сервер № { $acknowledged } ({ $acknowledged_hash }) жазуунун сакталганын ырастаган; эски көчүрмө калыбына келтирилген болушу мүмкүн. Жазуу токтотулду
ledger-RECORD_DIVERGED = жазуу бул сервер ырастаган № { $acknowledged } жазууну мындан ары улантпайт: { $detail }. Жазуу токтотулду

## HTTP API'нин каталары

api-BAD_REQUEST = сурамдын денеси бул дарекке туура келбейт: { $detail }
api-BAD_COMMAND = сурамдын денеси буйрук эмес: { $detail }
api-ACTOR_NOT_ACCEPTED = API'ге жөнөтүлгөн буйрукта аткаруучу көрсөтүлбөшү керек: ал кирген каттоо эсебинин атынан жазылат
api-BAD_QUERY = сурамдын параметрлери бул дарекке туура келбейт: { $detail }
api-BAD_DATE = дата туура эмес: { $detail }
api-BAD_BODY = сурамдын денесин окуу мүмкүн болгон жок: { $detail }
api-BAD_CREDENTIALS = колдонуучунун аты же сырсөз туура эмес
api-NOT_LOGGED_IN = сиз системага кирген жоксуз же сеансыңыз бүттү; кайра кириңиз
api-CSRF_MISMATCH = X-CSRF-Token аталышы жок же сеанстын токенине дал келбейт
api-NOT_FOUND = API'де мындай дарек жок
api-METHOD_NOT_ALLOWED = бул дарек бул ыкманы кабыл албайт
api-NO_ELECTION = жазууда шайлоо жок
api-UNKNOWN_ELECTION = мындай шайлоо жок
api-UNKNOWN_CONSTITUENCY = { $election } шайлоосунда № { $constituency } шайлоо округу жок
api-UNKNOWN_STATION = № { $station } шайлоо участкасы жок
api-BODY_TOO_LARGE = сурамдын денеси бул дарек кабыл алган { $limit } байттан чоң
api-TOO_MANY_ATTEMPTS = бул колдонуучунун аты менен кирүүнүн ийгиликсиз аракеттери өтө көп болду; { $minutes } мүнөттөн кийин кайра аракет кылыңыз
api-INTERNAL = серверде ката кетти; сурамды кайталоого болот
api-RECORD_UNAVAILABLE = азыр жазууга эч нерсе кошуу мүмкүн эмес; эч нерсе жазылган жок, кайра аракет кылыңыз
api-ACCOUNT_STORE = каттоо эсептеринин сактагычы иштебей калды
api-ACCOUNT_EXISTS = { $user } каттоо эсеби мурдатан эле бар
api-UNKNOWN_ACCOUNT = { $user } деген каттоо эсеби жок
api-OWN_ACCOUNT = { $user } өз каттоо эсебин өчүрө же ролун өзгөртө албайт; муну башка администратор жасайт
api-BAD_USER_NAME = «{ $user }» колдонуучунун аты боло албайт: боштуксуз жана башкаруучу белгилерсиз 1ден 64кө чейин белги колдонуңуз
api-BAD_ROLE = «{ $role }» — роль эмес; ролдор: administrator (администратор), secretary (катчы), operator (оператор), supervisor (супервайзер), observer (байкоочу)
api-BAD_COMMISSION = «{ $commission }» шайлоо комиссиясынын коду эмес
api-PASSWORD_TOO_SHORT = сырсөздө { $length } белги бар; жок дегенде { $min } керек
api-PASSWORD_TOO_LONG = сырсөз { $max } байттан узун
api-HASHING_FAILED = сырсөздүн хешин эсептөө мүмкүн болгон жок
api-WRONG_PASSWORD = учурдагы сырсөз туура эмес
api-PASSWORDS_DIFFER = эки жаңы сырсөз дал келбейт
api-UNKNOWN_COMMISSION = реестрде мындай комиссия жок
api-FILTER_NOT_APPLICABLE = { $list } тизмесин { $filter } боюнча тандап алууга болбойт
api-UNKNOWN_LIST = мындай тизме жок; тизмелер: elections (шайлоолор), constituencies (шайлоо округдары), stations (шайлоо участкалары), commissions (шайлоо комиссиялары), candidates (талапкерлер), resolutions (токтомдор), complaints (даттануулар)
api-BODY_TIMEOUT = сурамдын денеси { $seconds } секунданын ичинде келген жок
api-NOT_JSON = сурамдын денеси JSON форматында болуп, Content-Type: application/json аталышы менен жөнөтүлүшү керек

## Буйрук сабынын каталары (tandoo программасы)

cli-ACT_UNREADABLE = № { $seq } актыны окуу мүмкүн эмес: { $detail }
cli-BACKUP_EXISTS = { $path } мурдатан эле бар; камдык көчүрмө дайыма жаңы файлга жазылат
cli-BAD_COMMAND = буйруктар файлынын { $line }-сабы буйрук эмес: { $detail }
cli-BAD_CSV = { $path } ичинде { $count } ката бар; эч нерсе жазылган жок
cli-BAD_DATE = дата туура эмес: { $detail }
cli-BAD_FILE = { $path } UTF-8 коддоосундагы текст эмес: { $detail }
cli-BAD_HASH = «{ $hash }» хеш эмес: { $detail }
cli-BAD_INPUT = стандарттык киргизүү UTF-8 коддоосундагы текст эмес: { $detail }
cli-BAD_JSON = киргизилген маалымат JSON эмес: { $detail }
cli-CANNOT_LISTEN = { $address } дарегинде туташууларды кабыл алуу мүмкүн эмес: { $detail }
cli-COPY_DIFFERS = кайра окулган көчүрмө жазылгандай № { $expected } жазуу менен эмес, № { $found } жазуу менен аяктайт
cli-DEMO_BROKEN = көрсөтмөнүн { $step }-кадамы: четке кагылышы керек болгон аракет кабыл алынды
cli-ENCODING = чыгарылган маалыматты JSON түрүндө жазуу мүмкүн эмес: { $detail }
cli-EXPORT_IO = экспорт файлын окуу же жазуу мүмкүн эмес: { $detail }
cli-EXPORT_NOT_FOUND = { $path } экспортун ачуу мүмкүн эмес: { $detail }
cli-FILE_EXISTS = { $path } мурдатан эле бар; көрсөтмө жаңы жазуу түзөт (файлды кайра жазуу үчүн --replace көрсөтүңүз)
cli-FILE_IO = { $path } файлын өчүрүү мүмкүн эмес: { $detail }
cli-FILE_NOT_FOUND = { $path } файлын ачуу мүмкүн эмес: { $detail }
cli-FILE_TOO_LARGE = буйруктар файлы { $limit } МиБдан ашпашы керек
cli-INPUT_TOO_LARGE = киргизилген маалымат { $limit } МиБдан чоң
cli-NO_COMMANDS = { $path } ичинде бир да буйрук жок
cli-NO_ELECTION = бул датага карата жазууда шайлоо жок
cli-NO_PASSWORD = сырсөздү { $variable } өзгөрмөсүндө же стандарттык киргизүүнүн биринчи сабында көрсөтүңүз
cli-NO_SOURCE = --db ФАЙЛ же --export ФАЙЛ көрсөтүңүз
cli-RECORD_DOES_NOT_VERIFY = { $reason }; текшерүүдөн өтпөгөн жазуу боюнча эч нерсе көрсөтүлбөйт (tandoo verify аткарыңыз)
cli-RECORD_IN_USE = { $path } жазуусун башка tandoo serve процесси тейлеп жатат; SQLite жазуусун бир убакта бир гана сервер тейлейт. Бир жазууну бир нече сервер тейлеши үчүн аны PostgreSQL ичинде сактаңыз (tandoo copy --from { $path } --to postgres://…)
cli-SERVE_FAILED = сервер токтоп калды: { $detail }
cli-UNKNOWN_CONSTITUENCY = { $election } шайлоосунда № { $constituency } шайлоо округу жок
cli-UNKNOWN_ELECTION = { $election } деген шайлоо жок
cli-UNKNOWN_LANGUAGE = «{ $given }» — tandoo колдонгон тил эмес; ky, ru же en деп көрсөтүңүз
cli-BAD_CHECKPOINT = { $path } бул ачкыч менен кол коюлган текшерүү чекити эмес: { $detail }
cli-BAD_KEY = { $path } журналдын ачкычы эмес: { $detail }
cli-BAD_KEY_NAME = журналдын аталышы ачкычтын аталышы боло албайт: { $detail }
cli-KEY_EXISTS = { $path } мурунтан бар; ачкыч дайыма жаңы файлга жазылат
cli-LOG_DIFFERS = жазма { $path } ичинде жарыяланган журнал менен дал келбейт; аны кайра жарыялаңыз
cli-LOG_IO = журналды окуу же жазуу мүмкүн эмес: { $detail }
cli-NO_ACCEPTED_PROTOCOL = журналда { $station } участогунун кабыл алынган протоколу жок
cli-LOG_UNREACHABLE = журналды окуу мүмкүн эмес: { $detail }
cli-WITNESS_STATE = күбөнүн абалын окуу же жазуу мүмкүн эмес: { $detail }
cli-CLOCK = системалык саат 1970-жылга чейинки убакытты көрсөтүүдө, ошондуктан косигнатурага дата коюуга болбойт: { $detail }
api-LOG_IO = журналдын текшерүү чекиттерин окуу же жазуу мүмкүн эмес: { $detail }
api-LOG_DIVERGED = реестр { $path } ичинде сакталган текшерүү чекитин улантпайт; кайра жазылган реестрдин үстүнөн текшерүү чекитине кол коюлбайт: { $detail }
api-BAD_URL = { $url } журналды окуй турган дарек эмес: { $detail }
api-UNREACHABLE = { $url } жеткиликсиз: { $detail }
api-BAD_STATUS = { $url } { $status } деп жооп берди
api-TIMEOUT = { $url } убагында толук жооп берген жок

## Акча жана даталар

money = { $amount }{"\u00A0"}сом
date = { $year }-жылдын { $day }-{ $month }
month-1 = январы
month-2 = февралы
month-3 = марты
month-4 = апрели
month-5 = майы
month-6 = июну
month-7 = июлу
month-8 = августу
month-9 = сентябры
month-10 = октябры
month-11 = ноябры
month-12 = декабры

## Жыйынтыктар текст түрүндө (tandoo status)

status-as-of = { $date } абалы боюнча
status-count-seats = { $count } мандат
status-count-men = { $count } эркек
status-count-women = { $count } аял
status-nobody = эч ким
status-holders-elected = шайланды
status-holders-allocated = бөлүштүрүлдү, азырынча таанылган жок
status-holders-leading = алдыда, алдын ала
status-basis-elected = шайланган
status-basis-allocated = бөлүштүрүлгөн
status-basis-leading = алдыда
status-check-met = аткарылды
status-check-not-met = аткарылган жок
status-seat-count = { $seats } мандаттын { $elected } шайланды (таанылды), { $allocated } бөлүштүрүлдү, { $leading } алдыда
status-gender-check = эсепке алынган { $seats } мандаттын ичинде { $men } эркек жана { $women } аял («{ $basis }» абалы жана андан бекем); ар бир жыныстан кеминде { $min } талап кылынат: { $verdict }
status-national-title = { $name } ({ $election })
status-national-turnout = тизмедеги шайлоочулар { $voters }, добуш бергендер { $voted } (катышуу { $turnout })
status-national-by-ballots = берилген бюллетендер боюнча: { $took_part } ({ $percent })
status-national-seats = { $seat_count } — { $men }, { $women }
status-national-check = республика боюнча текшерүү: { $check }
status-count-differs = !! ЭСЕПТӨӨ ЭМИ ТААНЫЛГАН ЖЫЙЫНТЫКТАН АЙЫРМАЛАНАТ
status-count-differs-below = !! ЭСЕПТӨӨ ЭМИ ТААНЫЛГАН ЖЫЙЫНТЫКТАН АЙЫРМАЛАНАТ (төмөндөгү шайлоону караңыз)
status-count-differs-contest = !! ЭСЕПТӨӨ ЭМИ ТААНЫЛГАН ЖЫЙЫНТЫКТАН АЙЫРМАЛАНАТ: таанылгандар { $recognised }; эсептөө боюнча { $counted }
status-constituency-title = { $name } — { $seats }
status-decided-by = мандаттар { $election } шайлоосу менен аныкталат: { $status }
status-seats-elected = шайланды: { $names }
status-seats-allocated = эсептөөнүн жыйынтыгы боюнча бөлүштүрүлдү, азырынча таанылган жок: { $names }
status-seats-leading = азырынча алдыда (алдын ала, бардык шайлоо участкалары протоколун бере элек): { $names }
status-resolutions = Токтомдор
status-resolution = { $citation } — { $title } (макул { $for }, каршы { $against }, калыс { $abstain }) — { $standing }
status-resolution-not-adopted = кабыл алынган жок
status-resolution-in-force = күчүндө
status-resolution-rescinded = жокко чыгарылган: { $by }
status-contest-status = абалы: { $status }
status-contest-status-by = абалы: { $status } — { $by }
status-late-results = кечиктирилген: жыйынтыктар алгач { $act } менен аныкталган, мөөнөтү { $due } болчу
status-late-complaint = кечиктирилген: { $act } даттануусу { $dated } берилген, мөөнөтү { $due } бүткөн
status-calendar = календарь: добуш берүү күнү { $voting_day }, жыйынтыктарды чыгаруунун акыркы мөөнөтү { $results_by }, даттануулар чечим кабыл алынгандан кийин { $days } күндүн ичинде
status-contest-figures = шайлоо участкалары { $stations }: протокол бергендер { $reported }, эсепке алынганы { $counted }; шайлоочулар { $voters }, добуш бергендер { $voted } ({ $turnout }, { $lines }); жараксыз { $invalid }, «баарына каршы» { $against_all }
status-contest-by-ballots = берилген бюллетендер боюнча ({ $lines }): { $voters } ({ $percent })
status-lot = чүчүкулакты { $drawn_by } «{ $seed }» баштапкы мааниси менен тарткан ({ $recorded_by })
status-note-registration-annulled = каттоосу жокко чыгарылган: { $by }
status-note-votes-annulled = добуштары жокко чыгарылган: { $by }
status-note-barred = кайталап шайлоого катышуудан четтетилген: { $by }
status-note-fee-refunded = шайлоо күрөөсү кайтарылган: { $by }
status-candidate-nominated = көрсөтүлгөн
status-candidate-registered = катталган
status-candidate-refused = каттоодон баш тартылган
status-candidate-withdrawn = чыгып кеткен
status-gender-letter-F = А
status-gender-letter-M = Э
status-mark-passed-over-by-gender-cap = өткөрүп жиберилди: гендердик квота толду
status-mark-seat-by-gender-cap = мандат алат, анткени көбүрөөк добуш алгандар гендердик квота боюнча өткөрүп жиберилген
status-mark-won-tie = добуштар тең болгондо белгиленген эреже боюнча мандат алды
status-mark-lost-tie = добуштар тең болгондо белгиленген эреже боюнча мандат албады
status-mark-lost-to-against-all = «баарына каршы» көбүрөөк добуш алды, шайлоо өткөн жок
status-mark-votes-annulled = добуштары токтом менен жокко чыгарылды: бөлүштүрүүдөн чыгарылды
status-mark-registration-annulled = каттоосу токтом менен жокко чыгарылды: бөлүштүрүүдөн чыгарылды
status-mark-mandate-ended = ыйгарым укуктары токтом менен мөөнөтүнөн мурда токтотулду: мандат кийинки талапкерге өттү
status-count-error = эсептөө жүргүзүлбөйт: { $error }
status-citation-resolution = { $date }ндагы { $number } токтому
status-citation-draft = { $commission } комиссиясынын { $date }ндагы токтомунун долбоору (кабыл алынган эмес)
status-rule-set-jogorku_kenesh_2025 = Жогорку Кеңеш 2025

## Жарыяланган протокол боюнча кайрылуулар жана кызматкерлердин аларды кароосу
api-REPORT_BAD_FORM = кайрылууну окуу мүмкүн болгон жок; аны участканын барагындагы форма аркылуу жөнөтүңүз
api-REPORT_BAD_TOKEN = форманын мөөнөтү бүттү (ал эки саат жарактуу) же форманы бул сервер берген эмес; форманы участканын барагынан кайра ачыңыз
api-REPORT_FOREIGN_ORIGIN = кайрылуу башка сайттын барагынан жөнөтүлгөн; аны ушул сайттагы форма аркылуу жөнөтүңүз
api-REPORT_UNKNOWN_STATION = жазууда мындай шайлоо участкасы жок
api-REPORT_NO_PROTOCOL = бул участканын кабыл алынган протоколу азырынча жок; кайрылууну жарыяланган протокол боюнча гана жөнөтүүгө болот
api-REPORT_TEXT_TOO_SHORT = кайрылуу өтө кыска: протоколдо эмне туура эмес экенин кеминде { $min } белги менен жазыңыз
api-REPORT_TEXT_TOO_LONG = кайрылуу өтө узун: { $max } белгиден ашпасын
api-REPORT_CONTACT_MISSING = комиссиянын кызматкерлери сиз менен байланыша алышы үчүн электрондук почтаңызды же телефон номериңизди жазыңыз
api-REPORT_CONTACT_TOO_LONG = байланыш маалыматы өтө узун: { $max } белгиден ашпасын
api-REPORTS_TOO_MANY = { $limit ->
        [address] бул даректен
        [station] бул участка боюнча
       *[other] бул серверге
    } өтө көп кайрылуу келди; { $minutes } мүнөттөн кийин кайра аракет кылыңыз
api-REPORTS_NOT_AUTHORISED = бул эсептин ролу кайрылууларды кароого укук бербейт
api-REPORT_OUTSIDE_COMPETENCE = кайрылуу бул эсептин комиссиясынын компетенциясынан тышкары участкага тиешелүү
api-UNKNOWN_REPORT = мындай кайрылуу жок
api-REPORT_NOT_OPEN = кайрылуу буга чейин катталган же четке кагылган
api-REPORT_REASON_MISSING = кайрылуу эмне үчүн четке кагылганын жазыңыз
api-REPORT_REASON_TOO_LONG = себеби өтө узун: { $max } белгиден ашпасын

## the count's steps in words (the portal and the staff screens)
count-step-rank = Талапкерлер добуштарынын саны боюнча, эң көбүнөн баштап иреттелди: { $names }.
count-step-elect = { $name } ({ $votes } добуш) № { $seat } мандатты алат.
count-step-gender-cap = { $name } ({ $votes } добуш) өткөрүлүп кетет: ошол эле жыныстагы талапкерлер бир жыныска уруксат берилген мандаттардын баарын алышкан.
count-step-gender-cap-fails = Бир жыныска уруксат берилгенден ашык мандат бербей туруп бардык мандаттарды бөлүштүрүү мүмкүн эмес, ошондуктан шайлоо болбоду.
count-step-against-all-stands = «Баарына каршы» ({ $against } добуш) { $name } ({ $votes }) алган добуштан көп эмес, ошондуктан шайлоо болду.
count-step-against-all-fails = «Баарына каршы» ({ $against } добуш) { $name } ({ $votes }) алган добуштан көп, ошондуктан шайлоо болбоду.
count-step-tie = { $names } ортосундагы добуштардын теңдиги теңдик эрежеси боюнча чечилди.
count-step-majority = { $name } ({ $votes } добуш) добуштардын жарымынан көбүн алып, шайланды.
count-step-majority-fails = { $name } ({ $votes } добуш) добуштардын жарымынан көбүн ала алган жок, ошондуктан шайлоо болбоду.
count-step-runoff = Эч ким добуштардын жарымынан көбүн алган жок: экинчи турга { $names } чыгышат.
count-step-single-gender = Бардык талапкерлер бир жыныста, ал эми гендердик эреже бардык мандаттарды бир жыныска берүүгө жол бербейт, ошондуктан шайлоо болбоду.
count-step-no-candidates = Бир да талапкердин жыйынтыгы күчүндө калган жок, ошондуктан эч ким шайлана албайт.
count-step-other = Эсептин кадамы: { $names }.
