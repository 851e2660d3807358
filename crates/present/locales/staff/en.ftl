### tandoo — English catalog, staff application part. Every key here must be in ky.ftl and ru.ftl of this part too.

staff-app-name = tandoo: the commission's workplace
staff-skip-to-content = Skip to the content
staff-logout = Log out
staff-menu-label = Screens
staff-languages-label = Language of this page
staff-language-ky = Кыргызча
staff-language-ru = Русский
staff-language-en = English
staff-menu-home = My account
staff-menu-constituencies = Constituencies
staff-menu-entry = Protocol entry
staff-problem-heading = There is a problem
staff-foreign-form = The form was sent from another site's page. Open this page again and send the form from it.
staff-not-found = There is no such screen.
staff-not-found-title = Not found
staff-forbidden-title = Not allowed
staff-forbidden = Your role or commission may not open this screen or do this.
staff-unavailable-title = Not available
staff-unavailable = The record cannot be reached at the moment. Nothing was recorded; try again in a minute.

staff-login-title = Log in
staff-login-user = User name
staff-login-password = Password
staff-login-submit = Log in
staff-login-bad-credentials = The user name or the password is wrong.
staff-login-throttled = Too many failed logins. Try again in { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}.
staff-login-session-ended = Your session has ended. Log in again.

staff-home-title = My account
staff-home-user = User
staff-home-role = Role
staff-home-commission = Commission
staff-home-may = What your role may do
staff-home-may-nothing = Your role reads the record and changes nothing.
staff-language-heading = Language
staff-language-legend = The language of your screens
staff-language-save = Keep this language
staff-language-saved = Your language is kept.

staff-constituencies-title = Constituencies
staff-constituencies-caption = Protocol entry in each constituency of the election
staff-constituency = Constituency
staff-stations = Polling stations
staff-contest-status = Status of the result
staff-stations-caption = The constituency's polling stations and their protocols
staff-station = Polling station
staff-station-name = Place
staff-voters-on-list = Voters on the list
staff-protocol-status = Protocol
staff-constituency-name = No. { $number }: { $name }
staff-constituency-progress = { $counted } of { $stations } protocols count.

staff-entry-title = Protocol entry
staff-station-number = Polling station number
staff-entry-open = Open the protocol
staff-entry-waiting-operator = Protocols waiting for an entry
staff-entry-waiting-supervisor = Protocols whose entries differ
staff-entry-nothing-waiting = Nothing is waiting.
staff-entry-waiting-caption = Protocols waiting
staff-entry-more-waiting = and { $count } more.
staff-entry-no-station = There is no polling station with that number in that constituency.
staff-protocol-title = Protocol of polling station { $station }
staff-protocol-nothing-to-settle = Nothing to settle here: a supervisor settles a protocol when its two entries differ.
staff-protocol-awaits-supervisor = The entries of this protocol differ. A supervisor keeps one of them or orders another entry.
staff-protocol-annulled = This protocol is annulled by a resolution in force; it is not entered.
staff-protocol-awaits-second = You have entered this protocol. It waits for the entry of another operator.
staff-protocol-recorded = Your entry is recorded.
staff-protocol-settled = The decision is recorded.
staff-correction-reason = Why the accepted protocol is corrected
staff-correction-hint = The protocol is accepted. A correction is entered twice like the protocol, and the reason is kept with it.
staff-protocol-line = Line
staff-protocol-figure = Figure
staff-candidates-total-unknown = (sum as you type)
staff-warnings-legend = Warnings: tick each one you have checked against the paper
staff-entry-submit = Record the entry
staff-entry-submit-correction = Record the correction
staff-not-a-figure = { $field }: write a whole number, digits only.
staff-compare-intro = The two entries differ on the lines marked. Check them against the paper protocol and keep the entry that matches it, or order another entry.
staff-compare-caption = The entries side by side
staff-compare-differs = Differs
staff-compare-differs-yes = differs
staff-compare-entry = Entry { $entry } ({ $operator })
staff-settle-keep = Keep entry { $entry } ({ $operator })
staff-settle-new-entry = Order another entry
staff-back-home = Back to my account
staff-language-unknown = Choose Kyrgyz, Russian or English.
staff-settle-unknown = Keep an entry or order another one.
