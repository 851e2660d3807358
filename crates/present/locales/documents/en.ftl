### tandoo — English catalog, documents part. Every key here must be in ky.ftl and ru.ftl of this part too.

## Every page

doc-head-label = Record entry reflected
doc-digest-label = Document SHA-256
doc-reference-label = Reference
doc-page-label = Page
doc-check-hint = Check this page against the record: tandoo check-document, or the station's page on the results portal.
doc-as-of = As the record stood on { $date }

## Who signs

doc-signatures-heading = Members of the commission
doc-signature = (signature)
doc-name-initials = (surname, initials)
doc-seal = Seal
doc-signed-at = Signed at (time, date):
doc-position-chair = Chair
doc-position-deputy-chair = Deputy chair
doc-position-secretary = Secretary
doc-position-member = Member
doc-position-members = Member of the commission

## The precinct protocol

doc-precinct-commission = Precinct election commission of polling station No. { $station }
doc-voting-day = Voting day: { $date }
doc-constituency = Constituency No. { $number } «{ $name }»
doc-station = Polling station No. { $number }, { $name }; { $voters } voters on the register
doc-blank-title = blank form
doc-blank-hint = To be filled in by hand by the precinct commission: each figure in digits and in words, without corrections.
doc-no-protocol = No protocol of this station has been accepted.
doc-annulled-by = The result of this station was annulled by { $resolution }.
doc-correction-in-progress = A correction of this protocol is being entered: { $reason }
doc-entries-agreed = { $entries } entries agreed
doc-entries-settled = settled by { $by } from { $entries } entries
doc-col-line = Line
doc-col-meaning = Meaning
doc-col-digits = In digits
doc-col-words = In words
doc-col-preliminary = Counting box
doc-preliminary-hint = The counting box's figures are preliminary and never replace the manual count.
doc-votes-heading = Votes cast
doc-versions-heading = Versions of the protocol
doc-col-version = Version
doc-col-date = Date
doc-col-entries = Entries
doc-col-correction = Correction

## The summary protocol

doc-district-commission = District election commission of constituency No. { $number }
doc-summary-title = Summary protocol on the results of the election in the constituency
doc-status-heading = Status
doc-stations-heading = Figures of the precinct protocols
doc-votes-by-station-heading = Votes by polling station
doc-col-station = Station
doc-col-status = Status
doc-total = Total
doc-excluded-hint = Shaded stations are not in the totals: their result is annulled or no protocol was accepted.
doc-columns-legend = Columns:
doc-candidates-heading = Candidates
doc-col-place = No.
doc-col-candidate = Candidate
doc-col-gender = Gender
doc-col-votes = Votes
doc-col-share = Share
doc-col-seat = Seat
doc-col-notes = Notes
doc-count-heading = Allocation of the seats
doc-seats-heading = Seats
doc-note-registration-annulled = registration annulled by { $resolution }
doc-note-votes-annulled = votes annulled by { $resolution }
doc-note-barred = barred from the repeat election by { $resolution }
doc-note-fee-refunded = fee refunded by { $resolution }

## The resolution

doc-resolution-title = RESOLUTION
doc-number = No. { $number }/{ $year }
doc-considered-heading = Having considered
doc-complaint = { $id } of { $date }, filed by { $filed_by }: { $subject }
doc-request = Request to { $to }: { $text }
doc-answer = Answer from { $from }: { $text }
doc-speakers-heading = Having heard
doc-resolves-heading = The commission resolves:
doc-no-effect-not-adopted = The draft was not adopted and has no effect.
doc-no-effects = The resolution has no effect on the results.
doc-vote-heading = Voting
doc-adopted = Adopted: { $for } for, { $against } against, { $abstain } abstained.
doc-not-adopted = Not adopted: { $for } for, { $against } against, { $abstain } abstained.
doc-required = { $members } members, { $present } present; quorum { $quorum }, majority { $majority }.
doc-col-member = Member
doc-col-position = Position
doc-col-vote = Vote
doc-vote-for = for
doc-vote-against = against
doc-vote-abstain = abstained
doc-rescinded-heading = Rescinded
doc-rescinded-by = Rescinded by { $resolution }
doc-constituency-short = constituency No. { $number }
doc-station-short = polling station No. { $number }

## The certificate of election

doc-certificate-title = CERTIFICATE OF ELECTION
doc-certificate-number = No.
doc-certificate-statement = { $name } is elected a deputy at the { $election } (voting day { $date }) in { $constituency }, and is registered as elected by { $resolution }.
doc-certificate-votes = Votes received: { $votes }.

## The list of fee refunds

doc-refunds-title = List of election fees refunded
doc-refunds-by = by { $resolution }
doc-refunds-intro = The election fee paid is refunded to each candidate below.
doc-refunds-not-in-force = This resolution no longer stands: the refunds it ordered do not either.
doc-col-candidacy = Candidacy
doc-col-constituency = Constituency
doc-col-election = Election
doc-col-fee = Fee

## Why a document cannot be made

doc-error-DOC_UNKNOWN_KIND = there is no document of the kind “{ $detail }”; the kinds are protocol, blank-protocol, summary, resolution, certificate and refunds
doc-error-DOC_BAD_SUBJECT = { $detail }
doc-error-DOC_NO_ELECTION = the record holds no election to make this document of
doc-error-DOC_NO_SUCH_CONSTITUENCY = the record has no constituency { $detail }
doc-error-DOC_NO_SUCH_STATION = the record has no such polling station in this constituency: { $detail }
doc-error-DOC_NO_SUCH_RESOLUTION = the record has no resolution { $detail }
doc-error-DOC_NO_SUCH_CANDIDATE = the record has no candidate { $detail }
doc-error-DOC_NOT_ELECTED = { $detail } is not recognised as elected, so there is no certificate of election
doc-error-DOC_NO_REFUNDS = resolution { $detail } refunds no election fee
doc-error-DOC_BAD_REFERENCE = this is not a document reference: { $detail }
doc-error-DOC_ENGINE_NOT_BUILT = this build of tandoo cannot make PDF files (it was built without the pdf feature)
doc-error-DOC_ENGINE_FAILED = the document could not be set: { $detail }

## The command line

cli-PRINT_IO = the document cannot be written: { $detail }

## The server

api-DOCUMENTS_BUSY = the server is setting other documents at the moment; try again in a few seconds
api-DOCUMENTS_AS_OF = documents are made here from the record as it stands; for a past date, print it with tandoo print --as-of
