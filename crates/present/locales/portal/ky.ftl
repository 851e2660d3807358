### tandoo — кыргызча каталог, «portal» бөлүгү. ЭНЕ ТИЛИНДЕ СҮЙЛӨГӨН АДАМДЫН ТЕКШЕРҮҮСҮН КҮТҮҮДӨ (awaiting review by a native speaker).

## What the portal answers when it cannot give a page or a file (codes of its own, and the
## portal's wording of two the API shares).
portal-error-NOT_FOUND = { $path } дарегинде эч нерсе жарыяланган эмес
portal-error-BAD_DATE = «{ $date }» — дата эмес: аны ЖЖЖЖ-АА-КК түрүндө жазыңыз, мисалы 2026-01-01
api-PAST_BUSY = азыр өткөн даталарды сураган окурмандар өтө көп; бир мүнөттөн кийин кайра аракет кылыңыз
api-PAST_LATE = { $date } карата жыйынтыктар али даярдалып жатат; бир мүнөттөн кийин кайра аракет кылыңыз
api-STOPPING = сервер токтоп жатат; бир мүнөттөн кийин кайра аракет кылыңыз
api-TOO_MANY_STREAMS = азыр жыйынтыктарды өтө көп барак көзөмөлдөп жатат; акыркы сандарды көрүү үчүн баракты жаңыртыңыз
