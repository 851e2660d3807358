### tandoo — English catalog, portal part. Every key here must be in ky.ftl and ru.ftl of this part too.

## The public results pages

portal-site-name = Election results
portal-skip-to-content = Skip to the results
portal-nav-label = Results
portal-nav-results = National results
portal-not-found-title = Nothing here
portal-not-found-text = Nothing is published at this address. The page may have moved, or the address was mistyped.
portal-nav-decisions = Decisions of the commissions
portal-languages-label = Language
portal-language-ky = Кыргызча
portal-language-ru = Русский
portal-language-en = English
portal-as-of-label = Results as of
portal-as-of-now = today (the record as it stands)
portal-as-of-show = Show
portal-past-banner = You are looking at the results as they stood on { $date }.
portal-past-banner-now = See the results as they stand now
portal-head-label = Record head
portal-head-seq = (act no. { $seq })
portal-published-label = Published
portal-published-at = { $date }, { $time } UTC
portal-live-updated = The figures were updated: the record as of { $time } UTC
portal-commission-key-label = Commission's public key
portal-data-heading = Open data
portal-data-results-json = National results (JSON)
portal-data-constituency-json = This constituency's results (JSON)
portal-data-stations-csv = Every station's protocol figures (CSV)
portal-data-candidates-csv = Every candidate's votes (CSV)
portal-data-nist = Results in the NIST SP 1500-100 format (JSON)
portal-data-record = The whole record of acts (JSON lines)
portal-verify-hint = Every figure on these pages is computed from the record. Download the record, verify its chain of hashes up to the head shown above, and recompute the results yourself.

portal-preliminary = Preliminary: the results are not yet determined everywhere.
portal-determined = The results are determined in every constituency.
portal-figures-heading = Figures
portal-seats-label = Seats
portal-women-men-label = Women and men
portal-women-men = { $women ->
    [one] { $women } woman
   *[other] { $women } women
}, { $men ->
    [one] { $men } man
   *[other] { $men } men
}
portal-turnout-label = Turnout
portal-turnout = { $voted } of { $voters } voters ({ $percent })
portal-stations-label = Stations reported
portal-stations-reported = { $reported } of { $stations }
portal-gender-check-label = Gender balance
portal-chart-heading = Seats in parliament
portal-chart-title = Seat chart: one mark per seat
portal-chart-summary = { $seats } seats: { $women } held by women (circles), { $men } by men (squares), { $vacant } held by nobody (empty rings).
portal-chart-women = woman (circle)
portal-chart-men = man (square)
portal-chart-vacant = nobody holds the seat (empty ring)
portal-constituencies-heading = Constituencies
portal-constituencies-caption = Seats by constituency and gender
portal-col-constituency = Constituency
portal-col-status = Status
portal-col-seats = Seats
portal-col-women = Women
portal-col-men = Men
portal-col-holders = Holding or heading for the seats
portal-col-stations = Stations
portal-col-turnout = Turnout
portal-nobody = nobody

portal-constituency-title = No. { $number }: { $name }
portal-status-heading = Status
portal-count-differs = The count now differs from the recognised result: recognised { $recognised }; the count gives { $counted }.
portal-voters-label = Voters on the lists
portal-invalid-label = Invalid ballots
portal-against-all-label = Against all
portal-candidates-heading = Candidates
portal-candidates-caption = Candidates by votes
portal-col-rank = No.
portal-col-candidate = Candidate
portal-col-gender = Gender
portal-col-votes = Votes
portal-col-share = Share
portal-col-seat = Seat
portal-col-notes = Notes
portal-share-hint = Shares are of the ballots found in the boxes.
portal-note-registration-annulled = registration annulled by
portal-note-votes-annulled = votes annulled by
portal-note-barred = barred from the repeat election by
portal-note-fee-refunded = fee refunded by
portal-count-heading = Who is elected, and why
portal-gender-rule-applied = The gender rule applied: at most { $max } of the { $seats } seats may go to candidates of one gender.
portal-nothing-counted = No protocol is counted yet: nobody can be elected.
portal-resolutions-heading = Resolutions
portal-no-resolutions = No resolution has been adopted.
portal-votes = { $for } for, { $against } against, { $abstain } abstained
portal-not-adopted = not adopted
portal-rescinded-by = rescinded by
portal-in-force = in force
portal-not-in-force = not in force
portal-elections-heading = Elections in this constituency
portal-stations-heading = Polling stations
portal-stations-caption = Every station's protocol, as accepted (line codes are explained on each station's page)
portal-col-station = Station
portal-col-version = Version

portal-station-title = Polling station No. { $number }: { $name }
portal-back-to-constituency = Back to { $name }
portal-annulled-by = The station's result is annulled by
portal-correction-in-progress = A correction of this protocol is being entered
portal-no-protocol = No protocol of this station has been accepted yet.
portal-protocol-caption = The protocol's lines, as accepted, beside the preliminary figures of the ballot-counting box
portal-col-line = Line
portal-col-meaning = Meaning
portal-col-figure = Figure
portal-col-preliminary = Preliminary (box)
portal-votes-for-candidate = votes for the candidate
portal-no-preliminary = No ballot-counting box reported preliminary figures for this station.
portal-preliminary-hint = The ballot-counting box's figures are preliminary; the result is the commission's manual count.
portal-versions-heading = Versions and corrections
portal-versions-caption = Every accepted version of the protocol, oldest first
portal-col-date = Date
portal-col-entries = Entries
portal-col-correction = Correction
portal-entries-agreed = { $entries ->
    [one] one entry
   *[other] { $entries } entries that agreed
}
portal-entries-settled = { $entries ->
    [one] one entry
   *[other] { $entries } entries
}, settled by { $by }
portal-incidents-heading = Incidents at this station
portal-no-incidents = No incident is recorded at this station.
portal-incident-source = source:

portal-decisions-title = Decisions of the commissions
portal-back-to-decisions = All decisions
portal-constituency-short = constituency
portal-station-short = station
portal-commission-label = Commission
portal-date-label = Date
portal-vote-label = Vote
portal-required-label = Required
portal-required = { $present } of { $members } members present; a quorum is { $quorum }, adoption needs { $majority } votes for
portal-standing-label = Standing
portal-effects-heading = What it does
portal-no-effect-not-adopted = Not adopted: it has no effect, and stays in the record with its vote.
portal-no-effects = It changes nothing in the results.
portal-effects-rescinded = It has been rescinded: these effects no longer hold.
portal-members-heading = How the members voted
portal-members-caption = Each member's vote
portal-col-member = Member
portal-col-vote = Vote
portal-vote-for = for
portal-vote-against = against
portal-vote-abstain = abstained

## What the portal answers when it cannot give a page or a file (codes of its own, and the
## portal's wording of two the API shares).
portal-error-NOT_FOUND = nothing is published at { $path }
portal-error-BAD_DATE = "{ $date }" is not a date: write it as YYYY-MM-DD, for example 2026-01-01
api-PAST_BUSY = too many readers are asking for past dates at the moment; try again in a minute
api-PAST_LATE = the results as of { $date } are still being prepared; try again in a minute
api-STOPPING = the server is stopping; try again in a minute
api-TOO_MANY_STREAMS = too many pages follow the results at the moment; reload the page to see the latest figures

## Public reports against a published protocol
portal-report-heading = Report a problem with this protocol
portal-report-intro = If you believe this protocol is wrong, you may send the commission a reasoned report. Its staff read every report and either register it as a complaint or answer why not.
portal-report-link = Write a report about this protocol
portal-report-form-title = Report a problem with a protocol
portal-report-form-intro = Say what is wrong with the published protocol and why you think so. Your contact is seen only by the commission's staff; it is never published.
portal-report-text-label = What is wrong with the protocol
portal-report-text-hint = From { $min } to { $max } characters.
portal-report-contact-label = Your e-mail address or telephone number
portal-report-contact-hint = So that the commission's staff can reach you; at most 200 characters.
portal-report-send = Send the report
portal-report-received-title = Report No. { $number } received
portal-report-received-text = The report is kept for the commission's staff, who will register it as a complaint or answer why not. Keep its number.
portal-report-back-to-station = Back to the station's protocol
portal-report-refused-title = The report was not accepted
portal-report-try-again = Open the form again

## Official documents (PDF, made by a live server)

portal-documents-heading = Documents
portal-document-protocol = The precinct protocol (PDF)
portal-document-blank-protocol = The blank protocol form (PDF)
portal-document-summary = The summary protocol of the constituency (PDF)
portal-document-certificate = Certificate of election (PDF)
portal-document-resolution = The resolution as signed (PDF)
portal-document-refunds = The list of fee refunds (PDF)
