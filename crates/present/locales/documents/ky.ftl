### tandoo — кыргызча каталог, «documents» бөлүгү. ЭНЕ ТИЛИНДЕ СҮЙЛӨГӨН АДАМДЫН ТЕКШЕРҮҮСҮН КҮТҮҮДӨ (awaiting review by a native speaker).

## Ар бир бетте

doc-head-label = Чагылдырылган реестр жазуусу
doc-digest-label = Документтин SHA-256
doc-reference-label = Шилтеме
doc-page-label = Бет
doc-check-hint = Бул бетти реестр менен салыштырыңыз: tandoo check-document же жыйынтыктар порталындагы участканын барагы.
doc-as-of = Реестрдин { $date } абалы боюнча

## Колдор

doc-signatures-heading = Комиссиянын мүчөлөрү
doc-signature = (колу)
doc-name-initials = (фамилиясы, аты-жөнүнүн баш тамгалары)
doc-seal = М. О.
doc-signed-at = Кол коюлду (убакыт, дата):
doc-position-chair = Төрага
doc-position-deputy-chair = Төраганын орун басары
doc-position-secretary = Катчы
doc-position-member = Комиссиянын мүчөсү
doc-position-members = Комиссиянын мүчөсү

## Участкалык комиссиянын протоколу

doc-precinct-commission = № { $station } шайлоо участкасынын участкалык шайлоо комиссиясы
doc-voting-day = Добуш берүү күнү: { $date }
doc-constituency = № { $number } шайлоо округу «{ $name }»
doc-station = № { $number } шайлоо участкасы, { $name }; тизмедеги шайлоочулар: { $voters }
doc-blank-title = бланк
doc-blank-hint = Участкалык комиссия кол менен толтурат: ар бир сан сан менен жана жазуу менен, оңдоосуз.
doc-no-protocol = Бул участканын протоколу кабыл алына элек.
doc-annulled-by = Участкадагы добуш берүүнүн жыйынтыктары жараксыз деп табылды: { $resolution }.
doc-correction-in-progress = Протоколдун оңдоосу киргизилүүдө: { $reason }
doc-entries-agreed = дал келген киргизүүлөр: { $entries }
doc-entries-settled = { $by } чечти, киргизүүлөр: { $entries }
doc-col-line = Сап
doc-col-meaning = Мазмуну
doc-col-digits = Сан менен
doc-col-words = Жазуу менен
doc-col-preliminary = АЭСУ
doc-preliminary-hint = АЭСУнун (автоматтык урнанын) маалыматтары алдын ала болуп, кол менен саноону алмаштырбайт.
doc-votes-heading = Шайлоочулардын добуштары
doc-versions-heading = Протоколдун версиялары
doc-col-version = Версия
doc-col-date = Дата
doc-col-entries = Киргизүүлөр
doc-col-correction = Оңдоо

## Жыйынтык протокол

doc-district-commission = № { $number } шайлоо округунун округдук шайлоо комиссиясы
doc-summary-title = Шайлоо округу боюнча шайлоонун жыйынтыктары жөнүндө жыйынтык протокол
doc-status-heading = Абалы
doc-stations-heading = Участкалык комиссиялардын протоколдорунун маалыматтары
doc-votes-by-station-heading = Шайлоо участкалары боюнча добуштар
doc-col-station = Участка
doc-col-status = Абалы
doc-total = Бардыгы
doc-excluded-hint = Көлөкөлөнгөн участкалар жыйынтыкка кирбейт: алардын жыйынтыктары жараксыз деп табылган же протоколу кабыл алынган эмес.
doc-columns-legend = Мамычалар:
doc-candidates-heading = Талапкерлер
doc-col-place = №
doc-col-candidate = Талапкер
doc-col-gender = Жынысы
doc-col-votes = Добуштар
doc-col-share = Үлүшү
doc-col-seat = Мандат
doc-col-notes = Белгилер
doc-count-heading = Мандаттарды бөлүштүрүү
doc-seats-heading = Мандаттар
doc-note-registration-annulled = каттоосу жокко чыгарылды: { $resolution }
doc-note-votes-annulled = добуштары жокко чыгарылды: { $resolution }
doc-note-barred = кайталама шайлоого жол берилбейт: { $resolution }
doc-note-fee-refunded = күрөө кайтарылды: { $resolution }

## Токтом

doc-resolution-title = ТОКТОМ
doc-number = № { $number }/{ $year }
doc-considered-heading = Карап чыгып
doc-complaint = { $id }, { $date }, арыз ээлери: { $filed_by }: { $subject }
doc-request = { $to } суроо-талап: { $text }
doc-answer = { $from } жооп: { $text }
doc-speakers-heading = Угуп
doc-resolves-heading = Комиссия токтом кылат:
doc-no-effect-not-adopted = Долбоор кабыл алынган жок жана күчү жок.
doc-no-effects = Токтом жыйынтыктарга таасир этпейт.
doc-vote-heading = Добуш берүү
doc-adopted = Кабыл алынды: макул { $for }, каршы { $against }, калыс { $abstain }.
doc-not-adopted = Кабыл алынган жок: макул { $for }, каршы { $against }, калыс { $abstain }.
doc-required = Комиссиянын мүчөлөрү: { $members }, катышкандар: { $present }; кворум { $quorum }, көпчүлүк { $majority }.
doc-col-member = Комиссиянын мүчөсү
doc-col-position = Кызматы
doc-col-vote = Добушу
doc-vote-for = макул
doc-vote-against = каршы
doc-vote-abstain = калыс
doc-rescinded-heading = Жокко чыгарылды
doc-rescinded-by = Жокко чыгарылды: { $resolution }
doc-constituency-short = № { $number } шайлоо округу
doc-station-short = № { $number } шайлоо участкасы

## Шайлангандыгы жөнүндө күбөлүк

doc-certificate-title = ШАЙЛАНГАНДЫГЫ ЖӨНҮНДӨ КҮБӨЛҮК
doc-certificate-number = №
doc-certificate-statement = { $name } «{ $election }» шайлоосунда (добуш берүү күнү { $date }) { $constituency } боюнча депутат болуп шайланды жана шайланган катары катталды: { $resolution }.
doc-certificate-votes = Алган добуштары: { $votes }.

## Шайлоо күрөөлөрүн кайтаруу тизмеси

doc-refunds-title = Кайтарылуучу шайлоо күрөөлөрүнүн тизмеси
doc-refunds-by = { $resolution } боюнча
doc-refunds-intro = Төмөнкү ар бир талапкерге төлөнгөн шайлоо күрөөсү кайтарылат.
doc-refunds-not-in-force = Бул токтом мындан ары күчүндө эмес, ал буйруган кайтаруу да күчүндө эмес.
doc-col-candidacy = Талапкерлик
doc-col-constituency = Округ
doc-col-election = Шайлоо
doc-col-fee = Күрөө

## Документ эмне үчүн түзүлбөйт

doc-error-DOC_UNKNOWN_KIND = «{ $detail }» түрүндөгү документ жок; түрлөрү: protocol, blank-protocol, summary, resolution, certificate, refunds
doc-error-DOC_BAD_SUBJECT = { $detail }
doc-error-DOC_NO_ELECTION = реестрде бул документти түзө турган шайлоо жок
doc-error-DOC_NO_SUCH_CONSTITUENCY = реестрде { $detail } округу жок
doc-error-DOC_NO_SUCH_STATION = реестрде бул округда мындай участка жок: { $detail }
doc-error-DOC_NO_SUCH_RESOLUTION = реестрде { $detail } токтому жок
doc-error-DOC_NO_SUCH_CANDIDATE = реестрде { $detail } талапкери жок
doc-error-DOC_NOT_ELECTED = { $detail } шайланган деп табылган эмес, шайлангандыгы жөнүндө күбөлүк жок
doc-error-DOC_NO_REFUNDS = { $detail } токтому бир да күрөөнү кайтарбайт
doc-error-DOC_BAD_REFERENCE = бул документке шилтеме эмес: { $detail }
doc-error-DOC_ENGINE_NOT_BUILT = tandoo'нун бул курамы PDF түзө албайт (pdf мүмкүнчүлүгүсүз курулган)
doc-error-DOC_ENGINE_FAILED = документти калыпка салуу мүмкүн болгон жок: { $detail }

## Буйрук сабы

cli-PRINT_IO = документти жазуу мүмкүн эмес: { $detail }

## The server

api-DOCUMENTS_BUSY = сервер азыр башка документтерди калыпка салууда; бир нече секунддан кийин кайра аракет кылыңыз
api-DOCUMENTS_AS_OF = бул жерде документтер реестрдин азыркы абалы боюнча түзүлөт; өткөн датадагы документти tandoo print --as-of буйругу менен басып чыгарыңыз
