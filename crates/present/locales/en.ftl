### tandoo — English catalog.
### Keys are the stable codes of core, count, the record and the API; arguments are the
### fields of what is worded. Every key here must be in ky.ftl and ru.ftl too.

## Refusals of commands (core's Refusal::code)

refusal-NOT_AUTHORISED = { $role_code ->
        [administrator] an administrator
        [operator] an operator
        [observer] an observer
       *[other] a { $role }
    } may not { $action }
refusal-OUTSIDE_COMPETENCE = { $commission } has no competence to { $action }{ $concerning ->
        [commission] {" "}for commission { $target }
        [constituency] {" "}in constituency { $target }
        [candidate] {" "}(candidate { $target })
        [resolution] {" "}(resolution { $target })
       *[none] {""}
    }
refusal-UNKNOWN_CANDIDATE = there is no candidate { $id }
refusal-UNKNOWN_ELECTION = there is no election { $id }
refusal-UNKNOWN_CONSTITUENCY = there is no constituency { $id }
refusal-UNKNOWN_STATION = there is no polling station { $id }
refusal-UNKNOWN_COMMISSION = there is no commission { $id }
refusal-UNKNOWN_MEMBER = there is no member { $id }{ $within ->
        [yes] {" "}of commission { $commission }
       *[no] {""}
    }
refusal-UNKNOWN_RESOLUTION = there is no resolution { $id }
refusal-UNKNOWN_COMPLAINT = there is no complaint { $id }
refusal-UNKNOWN_REQUEST = there is no request { $id }
refusal-UNKNOWN_MEETING = there is no meeting { $id }{ $within ->
        [yes] {" "}of commission { $commission }
       *[no] {""}
    }
refusal-UNKNOWN_INCIDENT = there is no incident { $id }
refusal-UNKNOWN_RULE_SET = there is no rule set preset "{ $id }"
refusal-ALREADY_EXISTS = { $what } { $id } already exists
refusal-DUPLICATE_CANDIDATE = { $name } ({ $person }) is already a candidate in election { $election } as { $existing }
refusal-ALREADY_REGISTERED = candidate { $candidate } is already registered
refusal-WRONG_STANDING = candidate { $candidate } is { $standing }, so cannot be { $action }
refusal-FEE_NOT_PAID = candidate { $candidate } has paid { $paid } of the election fee of { $fee }; registration needs the whole fee
refusal-CANDIDATE_BARRED = { $name } is barred from the repeat election in constituency { $constituency } by resolution { $resolution }
refusal-ELECTION_CANCELLED = election { $election } is cancelled by resolution { $resolution }
refusal-CONSTITUENCY_NOT_IN_ELECTION = constituency { $constituency } is not part of election { $election }
refusal-PROTOCOL_REJECTED = the protocol does not pass { $count ->
        [one] a control relation
       *[other] { $count } control relations
    }: { $failures }
refusal-WARNINGS_NOT_ACKNOWLEDGED = the protocol has { $count ->
        [one] a warning
       *[other] { $count } warnings
    } the operator has not acknowledged: { $warnings }
refusal-PROTOCOL_ALREADY_ACCEPTED = the protocol of station { $station } for constituency { $constituency } is already accepted; a correction needs a reason
refusal-ENTRIES_DIFFER = the entries of the protocol of station { $station } for constituency { $constituency } differ; a supervisor must keep one or order another entry
refusal-SAME_OPERATOR = { $operator } made entry { $entry } of this protocol; the other entry must come from another operator
refusal-NOTHING_TO_SETTLE = the protocol of station { $station } for constituency { $constituency } has no differing entries to settle
refusal-DUPLICATE_VOTE = member { $member } voted twice
refusal-RESOLUTION_NUMBER_TAKEN = resolution { $resolution } already exists
refusal-NOT_IN_FORCE = resolution { $resolution } is not in force (it was { $why }), so it cannot be rescinded
refusal-ELECTED_NOT_ALLOCATED = in constituency { $constituency } the count elects { $allocated }, not { $named }
refusal-COUNT_FAILED = the count in constituency { $constituency } cannot elect anyone: its election is declared invalid by resolution { $resolution }
refusal-NO_PROTOCOL = station { $station } has no accepted protocol for constituency { $constituency } to annul
refusal-SETTLER_MADE_ENTRY = { $settler } made entry { $entry } of this round of the protocol of station { $station } for constituency { $constituency }, so cannot settle it
refusal-STATION_OUTSIDE_CONSTITUENCY = station { $station } serves constituency { $home }; election { $election } does not count a station's protocol for another constituency ({ $constituency })
refusal-NO_FREE_RESOLUTION_NUMBER = { $commission } has no resolution number left in { $year }
refusal-RESOLUTION_NUMBER_TOO_LARGE = resolution number { $number } is beyond the largest, { $max }
refusal-RESOLUTION_NUMBER_ZERO = resolution numbers start at 1
refusal-IDENTIFIER_TOO_LONG = the { $field } is { $length ->
        [one] one character
       *[other] { $length } characters
    } long; an identifier has at most { $max }
refusal-EMPTY_IDENTIFIER = the { $field } must not be empty
refusal-BAD_CHARACTER = the { $field } holds a control, format or space character ({ $character })
refusal-BLANK_TEXT = the { $field } must not be blank
refusal-TEXT_TOO_LONG = the { $field } is { $length ->
        [one] one character
       *[other] { $length } characters
    } long; at most { $max }
refusal-COMMAND_TOO_LARGE = the command is { $size ->
        [one] one byte
       *[other] { $size } bytes
    } long; at most { $max }
refusal-EMPTY_LIST = at least one { $field } must be given
refusal-REFERS_TO_LATER = this act of { $date } refers to { $what } { $id }, which dates from { $dated }, later than the act
refusal-OPEN_COMPLAINTS = constituency { $constituency } has { $count ->
        [one] a complaint
       *[other] { $count } complaints
    } still open before its commission: { $complaints }
refusal-RESULT_RECOGNISED = the result of constituency { $constituency } is recognised by resolution { $resolution }; the protocol of station { $station } may be corrected only after a recount ordered by resolution
refusal-COUNT_ELECTS_NOBODY = the count in constituency { $constituency } elects nobody: { $why }
refusal-LOT_NOT_DRAWN_IN_MEETING = a lot is drawn by a member present at the meeting the resolution names; { $member } is not recorded as present { $named ->
        [yes] at meeting { $meeting }
       *[no] (no meeting is named)
    }
refusal-BAD_LOT_SEED = the seed of a lot must be 1 to { $max } characters
refusal-NO_SEATS = constituency { $constituency } must elect at least one seat
refusal-FIGURE_TOO_LARGE = the { $field } is { $value }; no polling station has more than { $max }
refusal-BAD_VOTING_RULE = the quorum ({ $quorum }) must be a fraction of the whole membership of at most one, and the majority ({ $majority }) a fraction below one
refusal-REPEAT_MISMATCH = { $kind ->
        [repeat] a repeat election must name the election it repeats
       *[other] only a repeat election names an election it repeats
    }
refusal-FORM_NOT_USABLE = the protocol form is not usable: { $why }
refusal-ZERO_PAYMENT = a fee payment must be more than zero
refusal-PAYMENT_TOO_LARGE = a fee payment of { $amount } is beyond any fee (at most { $max })
refusal-NOTHING_TO_CORRECT = the protocol of station { $station } for constituency { $constituency } was never accepted, so there is nothing to correct
refusal-NO_SUCH_ENTRY = the protocol of station { $station } for constituency { $constituency } has no entry { $entry } to keep
refusal-LINE_NOT_ON_FORM = line { $line } is not on the election's protocol form
refusal-NOT_ON_BALLOT = candidate { $candidate } is not on the ballot of election { $election } in constituency { $constituency }
refusal-NOT_IN_CONTEST = candidate { $candidate } does not stand in election { $election } in constituency { $constituency }
refusal-HOLDS_NO_SEAT = candidate { $candidate } holds no seat in election { $election } in constituency { $constituency }
refusal-NO_FEE_TO_REFUND = candidate { $candidate } paid no election fee to refund
refusal-EFFECTS_DO_NOT_APPLY = the effects of the resolution, each accepted, do not apply together ({ $error }); this is a fault of the program, not of the command

## Why a protocol form is not usable (core's FormError::code)

form-error-FORM_LINE_CODE = the line code "{ $line }" is empty, reserved or used twice
form-error-FORM_NO_LINES = a protocol form has at least one line
form-error-FORM_ROLE_NOT_A_LINE = the form's roles name "{ $term }", which is not one of its lines
form-error-FORM_RELATION_CODE = the relation code "{ $relation }" is reserved or used twice
form-error-FORM_UNKNOWN_TERM = relation { $relation } names "{ $term }", which is not a line of the form
form-error-FORM_EMPTY_SIDE = relation { $relation } has an empty side
form-error-FORM_PERCENT_ABOVE_100 = relation { $relation } has a percentage above 100 ({ $percent })

## What a refusal names

entity-candidate = candidate
entity-election = election
entity-constituency = constituency
entity-station = polling station
entity-commission = commission
entity-member = member
entity-resolution = resolution
entity-complaint = complaint
entity-request = request
entity-meeting = meeting
entity-incident = incident
entity-rule_set = rule set
why-not_adopted = not adopted
why-rescinded = rescinded
nobody = nobody

## Fields of a command, as a bound on what it carries names them (core's `field`)

field-about = complaint the request is about
field-acknowledged = acknowledged warning
field-actor-commission = commission of the actor
field-actor-user = user name of the actor
field-addressed_to = commission the complaint is addressed to
field-agenda = agenda item
field-area = territory of the commission
field-candidate = candidate
field-candidates = candidate named
field-commission = commission
field-complaint = complaint
field-considers = complaint considered
field-correction_reason = reason for the correction
field-description = description
field-effects-election = election the resolution calls
field-effects-name = name of the election the resolution calls
field-in-ky = { $field } (in Kyrgyz)
field-in-ru = { $field } (in Russian)
field-in-en = { $field } (in English)
field-latin_name = name in Latin letters
field-effects-reason = reason for ending the mandate
field-effects-text = text of the directive
field-election = election
field-figures-candidates = candidate in the figures
field-figures-lines = line of the protocol
field-figures = figure of the ballot-counting box
field-constituencies = constituency of the election
field-effects-candidates = candidate the effect names
field-voters = number of voters on the list
field-filed_by = complainant
field-form-lines-code = code of a line of the form
field-form-lines-meaning = meaning of a line of the form
field-form-name = name of the protocol form
field-form-relations-code = code of a control relation
field-form-relations-description = description of a control relation
field-from = body that answered
field-id = identifier
field-meeting = meeting
field-members-id = identifier of a member
field-members-name = name of a member
field-name = name
field-nominated_by-party = nominating party
field-parent = higher commission
field-person = identifier of the person
field-present = member present
field-reason = reason
field-reference = payment reference
field-repeat_of = election repeated
field-request = request
field-rule_set = rule set
field-rule_set-name = name of the rule set
field-source = source of the report
field-speakers-name = name of a speaker
field-speakers-position = position of a speaker
field-speakers-subject = subject of a speaker
field-subject = subject of the complaint
field-text = text
field-title = title
field-to = body the request is sent to
field-votes-member = member who voted

## The lists of the record, as a refusal to narrow one names them
list-elections = elections
list-constituencies = constituencies
list-stations = polling stations
list-commissions = commissions
list-candidates = candidates
list-resolutions = resolutions
list-complaints = complaints
filter-election = election
filter-constituency = constituency

## What an act refers to, as a refusal of a later date names it (its code in the record)

referent-constituency = constituency
referent-station = polling station
referent-commission = commission
referent-election = election
referent-candidate = candidate
referent-protocol = protocol of station
referent-complaint = complaint
referent-request = request
referent-meeting = meeting
referent-resolution = resolution
referent-fee_payment = election fee of candidate

## Why a count elects nobody

allocation-no_election = there is no election { $election }
allocation-cancelled = the election is cancelled
allocation-nothing_counted = no protocol is counted
allocation-against_all_wins = "against all" wins
allocation-single_gender = every candidate has the same gender
allocation-gender_cap_unfillable = the gender cap leaves seats unfilled
allocation-no_candidates = no candidate's result stands
allocation-no_majority = no candidate has a majority
allocation-run_off = a run-off is needed

## What a command or an effect does, as a refusal names it (the command's type, the effect's code)

action-define_constituency = define constituencies
action-define_station = define polling stations
action-form_commission = form commissions
action-call_election = call elections
action-nominate_candidate = nominate candidates
action-pay_fee = record fees
action-register_candidate = register candidates
action-refuse_registration = refuse registration
action-withdraw_candidate = record withdrawals
action-enter_protocol = enter protocols
action-settle_protocol = settle differing protocol entries
action-record_preliminary_figures = load preliminary figures
action-record_incident = record incidents
action-file_complaint = record complaints
action-send_request = send requests
action-record_answer = record answers
action-decide_complaint = decide complaints
action-hold_meeting = record meetings
action-vote_resolution = record resolutions
action-annul_station_result = annul a polling station's result
action-annul_candidate_votes = annul the votes cast for candidates
action-annul_registration = annul candidates' registration
action-bar_from_repeat = bar candidates from the repeat election
action-declare_invalid = declare a constituency's election invalid
action-declare_valid = declare a constituency's election valid
action-call_repeat_election = call repeat elections
action-cancel_election = cancel elections
action-recognise_elected = recognise deputies as elected
action-end_mandate = end mandates
action-refund_fees = refund election fees
action-rescind = rescind resolutions
action-order_recount = order recounts
action-draw_lot = record lots
action-directive = give directives

standing-action-register_candidate = registered
standing-action-withdraw_candidate = withdrawn
standing-action-refuse_registration = refused registration

## Control relations of the protocol form

relation-E01 = ballots received are issued or cancelled
relation-E02 = every ballot in the boxes is invalid or valid
relation-E03 = valid ballots are votes for the candidates or against all
relation-E04 = no more ballots in the boxes than were issued
relation-E05 = no more ballots in mobile boxes than were issued outside
relation-E06 = no more ballots in the boxes than voters identified
relation-E07 = every figure is a whole number of 0 or more, and every line of the form is there
relation-W01 = no more ballots issued than voters on the list
relation-W02 = turnout between 5% and 95%
relation-W03 = invalid ballots at most 5% of the ballots in the boxes
relation-W04 = no candidate above 80% of the valid ballots
relation-W05 = the ballot-counting box agrees with the manual count
relation-W_REGISTER = voters on the list and those who took part agree with the station's register within the rule set's margin
control-error = error { $code }: { $relation }
control-warning = warning { $code }: { $relation }
control-equal = { $left } must equal { $right }
control-at-most = { $left } is more than { $right }
control-share = { $part } is { $percent } of { $whole }
control-candidate-share = candidate { $candidate } has { $votes } of { $whole } ({ $percent })
control-differs = { $line }: { $manual } manual, { $box } box
control-candidates = the candidates' votes
control-line = line { $line }
control-candidate-line = the votes for candidate { $candidate }
control-against-all-line = the line "against all" (AA)
control-negative = { $line } is { $value }; a figure must be a whole number of 0 or more
control-too-large = { $line } is { $value }; no polling station has more than { $max } ballots
control-line-missing = line { $line } is missing
control-not-on-form = line { $line } is not on this protocol form
control-not-on-ballot = candidate { $candidate } is not on this constituency's ballot
control-candidate-missing = the line for candidate { $candidate } is missing
control-against-all-missing = the line "against all" (AA) is missing
control-no-against-all = this ballot has no "against all" line (AA)
control-preliminary = the manual count differs from the ballot-counting box: { $differing }
control-register = { $line } ({ $voters }) or those who took part ({ $took_part }) differ from the { $registered } voters registered at the station by more than { $margin }%

## The Kyrgyz polling-station protocol form

form-kyrgyz = Protocol of the precinct election commission on the results of the vote
form-kyrgyz-L1 = voters on the list at the close of the poll
form-kyrgyz-L2 = ballots received by the precinct election commission
form-kyrgyz-L3 = ballots issued to voters in the polling station
form-kyrgyz-L4 = ballots issued to voters outside the polling station
form-kyrgyz-L5 = ballots cancelled
form-kyrgyz-L6 = voters identified
form-kyrgyz-L7 = ballots found in mobile boxes
form-kyrgyz-L8 = ballots found in stationary boxes
form-kyrgyz-L9 = invalid ballots
form-kyrgyz-L10 = valid ballots
form-kyrgyz-AA = votes "against all"
form-kyrgyz-candidates = votes for the candidates

## States of a contest

state-awaiting_protocols = awaiting protocols
state-counting = counting
state-results_being_determined = results being determined
state-elected = elected
state-awaiting_lot = awaiting the lot for a tie
state-failed = election failed
state-invalid = declared invalid
state-cancelled = election cancelled

## The protocol of a polling station

station-not_entered = not entered
station-first_entry = first entry made
station-differences = entries differ
station-new_entry_ordered = new entry ordered
station-accepted = accepted
station-corrected = corrected
station-annulled = annulled

## Roles

role-administrator = administrator
role-secretary = secretary
role-operator = operator
role-supervisor = supervisor
role-observer = observer

## A candidate's standing

standing-nominated = nominated
standing-registered = registered
standing-refused = refused registration
standing-withdrawn = withdrawn

gender-M = man
gender-F = woman

## How firm a seat is (a seat's standing)

seat-leading = leading
seat-allocated = allocated by the count
seat-elected = elected

## Effects of resolutions

effect-annul_station_result = annul a polling station's result
effect-annul_candidate_votes = annul the votes cast for candidates
effect-annul_registration = annul candidates' registration
effect-bar_from_repeat = bar candidates from the repeat election
effect-declare_invalid = declare the election in a constituency invalid
effect-declare_valid = declare the election in a constituency valid
effect-call_repeat_election = call a repeat election
effect-cancel_election = cancel an election
effect-recognise_elected = recognise candidates as elected deputies
effect-end_mandate = end a deputy's mandate early
effect-refund_fees = refund election fees
effect-rescind = rescind a resolution
effect-order_recount = order a recount of a polling station's ballots
effect-draw_lot = record the lot drawn to break a tie
effect-directive = directive

## Acts of the record

act-constituency_defined = constituency defined
act-station_defined = polling station defined
act-commission_formed = commission formed
act-election_called = election called
act-candidate_nominated = candidate nominated
act-fee_paid = election fee paid
act-candidate_registered = candidate registered
act-registration_refused = registration refused
act-candidate_withdrawn = candidate withdrawn
act-protocol_entered = protocol entered
act-protocol_accepted = protocol accepted
act-new_entry_ordered = new entry of a protocol ordered
act-preliminary_figures_recorded = preliminary figures of a ballot-counting box recorded
act-incident_recorded = incident recorded
act-complaint_filed = complaint filed
act-request_sent = request sent
act-answer_received = answer received
act-complaint_decided = complaint decided
act-meeting_held = meeting held
act-resolution_voted = resolution voted

## Refusals of counting (count's CountError::code)

count-NEGATIVE_VOTES = { $id } has a negative number of votes ({ $value }); vote counts cannot be below zero
count-TOO_MANY_SEATS = { $seats } seats cannot be filled: only { $available } can be ({ $why })
count-NO_SEATS = the contest has no seats to fill; give at least one seat
count-SEATS_MUST_BE_ONE = the method { $method } elects exactly one candidate, but { $seats } seats were asked for
count-UNKNOWN_METHOD = unknown method "{ $method }"; known methods are: dhondt, sainte_lague, modified_sainte_lague, hare, droop, plurality, multi_member_plurality, block, two_round, referendum, mixed
count-DUPLICATE_ID = the identifier "{ $id }" is used twice; every candidate, party and region needs its own
count-VOTES_TOO_LARGE = the votes add up to more than { $limit }; no election has that many voters, so the figures must be wrong
count-EMPTY_ID = an entry has an empty identifier; every candidate, party and region needs one
count-THRESHOLD_ABOVE_100 = the { $what } of { $value }% is above 100%
count-MISSING_GENDER = candidate { $id } has no gender, but a gender cap is set; give the gender of every candidate
count-INVALID_GENDER_CAP = a gender cap of 0 seats would leave every seat empty; give at least 1 or no cap
count-MISSING_SEED = a tie must be broken by lot, but no seed was given; give the seed drawn for this count
count-REGISTRATION_TIE = { $first } and { $second } have equal votes and the same registration number, so registration order cannot break the tie; give distinct registration numbers or break ties by lot
count-UNKNOWN_CANDIDATE = "{ $id }" is not a candidate in this contest
count-NOT_ELECTED = { $id } does not hold a seat, so their seat cannot fall vacant
count-BASE_BELOW_VOTES = the { $what } ({ $base }) is smaller than the { $counted } votes counted; check the figures
count-INVALID_NUMBER = the { $field } "{ $value }" is not a valid number: { $why }
count-MISSING_FIELD = the field "{ $field }" is required
count-INVALID_FIELD = the field "{ $field }" is not valid: { $why }
count-UNKNOWN_REGION = party { $party } has votes in region "{ $region }", which is not one of the declared regions
count-MISSING_REGION = party { $party } has no votes for region "{ $region }"; give a figure for every declared region (0 if none)
count-REGION_BASE_BELOW_VOTES = the votes in region "{ $region }" ({ $counted }) exceed its base ({ $base }); check the figures
count-INCONSISTENT_FIGURES = the figures are inconsistent: { $why }

## Errors of the record (the record's RecordError::code)

record-STALE_HEAD = the record has moved on: the act was prepared against entry { $expected } but the record now ends at entry { $actual }; nothing was written
record-BAD_DATE = entry { $entry } of the batch has the legal date "{ $value }", which is not a calendar date written YYYY-MM-DD; nothing was written
record-NOT_CANONICAL = entry { $entry } of the batch cannot be recorded: { $detail }; nothing was written
record-DAMAGED_ENTRY = entry { $seq } in the store is damaged: { $detail }
record-IMPORT_REFUSED = entry { $seq } cannot be imported: { $detail }; nothing of this batch was written
record-RECORD_NOT_FOUND = there is no record at { $path }
record-NOT_A_RECORD = { $path } is not a record: { $detail }
record-UNSUPPORTED_FORMAT = the record at { $path } is in format version { $found }, but this program reads versions up to { $supported }; use a newer program
record-CLOCK = the system clock is set before 1970; fix the clock before recording acts
record-APPEND_ABANDONED = the append was given up before anything was written
record-STORE_IO = the record store failed while { $action }: { $detail }
record-NO_RECORD = there is no record at { $path }
record-RECORD_UNREACHABLE = the database server of { $location } cannot be reached (no answer within the connect timeout of { $timeout_secs } s)
record-CHAIN_GAP = entry { $seq } is missing: after entry { $previous } the record continues with entry { $found }
record-CHAIN_OUT_OF_ORDER = entry { $seq } should come next, but entry { $found } was found there: entries are duplicated or out of order
record-CHAIN_BROKEN_LINK = entry { $seq } does not follow from the entry before it: it names { $found } as the previous hash, but entry { $previous } hashes to { $expected }
record-CHAIN_HASH_MISMATCH = entry { $seq } has been changed since it was recorded: its content hashes to { $computed }, not to the recorded { $recorded }
record-CHAIN_NOT_CANONICAL = entry { $seq } cannot be hashed: { $detail }
record-CHAIN_UNREADABLE = entry { $seq } cannot be read: { $detail }
record-DESTINATION_NOT_EMPTY = { $location } already holds a record ending at entry { $seq }; a copy goes only into an empty record
record-COPY_DIFFERS = the copy ends at entry { $found } (hash { $found_hash }), but the source at entry { $expected } (hash { $expected_hash })

## Errors of the ledger (the record and the state kept in step)

ledger-ACT_UNREADABLE = act { $seq } cannot be read: { $detail }
ledger-ACT_DOES_NOT_APPLY = a stored act does not apply to the state the acts before it build: { $detail }
ledger-ACT_NOT_STORABLE = an act the rules accepted cannot be stored: { $detail }
ledger-ACT_NOT_ENCODABLE = act { $seq }, which the rules accepted, cannot be encoded: { $detail }
ledger-EFFECTS_DO_NOT_APPLY = the effects of a resolution the rules accepted do not apply together: { $detail }
ledger-RECORD_CONTENDED = other processes kept appending to the record ({ $attempts ->
        [one] one attempt
       *[other] { $attempts } attempts
    }); nothing was written, try again
ledger-RECORD_BEHIND = the record ends at entry { $found } ({ $found_hash }), but this server acknowledged entry { $acknowledged } ({ $acknowledged_hash }) as durable; an older copy may have been put back. Writing has stopped
ledger-RECORD_DIVERGED = the record no longer continues entry { $acknowledged } that this server acknowledged: { $detail }. Writing has stopped

## Errors of the HTTP API

api-BAD_REQUEST = the request body is not what this address takes: { $detail }
api-BAD_COMMAND = the body is not a command: { $detail }
api-ACTOR_NOT_ACCEPTED = a command sent to the API must not name an actor: it is recorded as given by the logged-in account
api-BAD_QUERY = the query is not what this address takes: { $detail }
api-BAD_DATE = the date is not valid: { $detail }
api-BAD_BODY = the request body could not be read: { $detail }
api-BAD_CREDENTIALS = the user name or the password is wrong
api-NOT_LOGGED_IN = you are not logged in, or your session has ended; log in again
api-CSRF_MISMATCH = the X-CSRF-Token header is missing or does not match the session's token
api-NOT_FOUND = there is no such address in the API
api-METHOD_NOT_ALLOWED = this address does not take that method
api-NO_ELECTION = the record holds no election
api-UNKNOWN_ELECTION = there is no such election
api-UNKNOWN_CONSTITUENCY = election { $election } has no constituency { $constituency }
api-UNKNOWN_STATION = there is no polling station { $station }
api-BODY_TOO_LARGE = the request body is larger than the { $limit } bytes this address takes
api-TOO_MANY_ATTEMPTS = too many failed logins for this user name; try again in { $minutes ->
        [one] one minute
       *[other] { $minutes } minutes
    }
api-INTERNAL = the server failed; the request may be retried
api-RECORD_UNAVAILABLE = the record cannot be written at the moment; nothing was recorded, try again
api-ACCOUNT_STORE = the account store failed
api-ACCOUNT_EXISTS = there is already an account { $user }
api-UNKNOWN_ACCOUNT = there is no account { $user }
api-OWN_ACCOUNT = { $user } cannot disable or change the role of their own account; another administrator does it
api-BAD_USER_NAME = "{ $user }" cannot be a user name: use 1 to 64 characters without spaces or control characters
api-BAD_ROLE = "{ $role }" is not a role; the roles are administrator, secretary, operator, supervisor and observer
api-BAD_COMMISSION = "{ $commission }" is not a commission id
api-PASSWORD_TOO_SHORT = the password has { $length ->
        [one] one character
       *[other] { $length } characters
    }; it needs at least { $min }
api-PASSWORD_TOO_LONG = the password is longer than { $max } bytes
api-HASHING_FAILED = hashing the password failed
api-WRONG_PASSWORD = the current password is wrong
api-PASSWORDS_DIFFER = the two new passwords differ
api-UNKNOWN_COMMISSION = the record holds no such commission
api-FILTER_NOT_APPLICABLE = a list of { $list } cannot be narrowed by { $filter }
api-UNKNOWN_LIST = there is no such list; the lists are elections, constituencies, stations, commissions, candidates, resolutions and complaints
api-BODY_TIMEOUT = the request body did not arrive within { $seconds ->
        [one] one second
       *[other] { $seconds } seconds
    }
api-NOT_JSON = the request body must be JSON, sent with Content-Type: application/json

## Errors of the command line (the tandoo program)

cli-ACT_UNREADABLE = act { $seq } cannot be read: { $detail }
cli-BACKUP_EXISTS = { $path } already exists; a backup is always written to a new file
cli-BAD_COMMAND = line { $line } of the command file is not a command: { $detail }
cli-BAD_CSV = { $path } has { $count ->
        [one] a problem
       *[other] { $count } problems
    }; nothing was recorded
cli-BAD_DATE = the date is not valid: { $detail }
cli-BAD_FILE = { $path } is not UTF-8 text: { $detail }
cli-BAD_HASH = "{ $hash }" is not a hash: { $detail }
cli-BAD_INPUT = standard input is not UTF-8 text: { $detail }
cli-BAD_JSON = the input is not JSON: { $detail }
cli-CANNOT_LISTEN = cannot listen on { $address }: { $detail }
cli-COPY_DIFFERS = the copy read back ends at entry { $found }, not at entry { $expected } as written
cli-DEMO_BROKEN = step { $step } of the demo: an attempt that must be refused was accepted
cli-ENCODING = the output cannot be written as JSON: { $detail }
cli-EXPORT_IO = the export file cannot be read or written: { $detail }
cli-EXPORT_NOT_FOUND = cannot open the export { $path }: { $detail }
cli-FILE_EXISTS = { $path } already exists; the demo writes a fresh record (pass --replace to overwrite it)
cli-FILE_IO = cannot remove { $path }: { $detail }
cli-FILE_NOT_FOUND = cannot open { $path }: { $detail }
cli-FILE_TOO_LARGE = a command file may hold at most { $limit } MiB
cli-INPUT_TOO_LARGE = the input is larger than { $limit } MiB
cli-NO_COMMANDS = { $path } holds no command
cli-NO_ELECTION = the record holds no election on that date
cli-NO_PASSWORD = give the password in { $variable } or on the first line of standard input
cli-NO_SOURCE = give --db FILE or --export FILE
cli-RECORD_DOES_NOT_VERIFY = { $reason }; nothing is shown from a record that does not verify (run tandoo verify)
cli-RECORD_IN_USE = another tandoo serve is already serving { $path }; a SQLite record is served by one server at a time. To serve one record from several servers, keep it in PostgreSQL (tandoo copy --from { $path } --to postgres://…)
cli-SERVE_FAILED = the server stopped: { $detail }
cli-UNKNOWN_CONSTITUENCY = election { $election } has no constituency { $constituency }
cli-UNKNOWN_ELECTION = there is no election { $election }
cli-UNKNOWN_LANGUAGE = "{ $given }" is not a language tandoo speaks; give ky, ru or en
cli-BAD_CHECKPOINT = { $path } is not a checkpoint signed by the key: { $detail }
cli-BAD_KEY = { $path } is not a key of the log: { $detail }
cli-BAD_KEY_NAME = the log's name cannot be a key name: { $detail }
cli-KEY_EXISTS = { $path } already exists; a key is always written to a new file
cli-LOG_DIFFERS = the record is not the log published in { $path }; publish it again
cli-LOG_IO = the log cannot be read or written: { $detail }
cli-NO_ACCEPTED_PROTOCOL = the log holds no accepted protocol of station { $station }
cli-LOG_UNREACHABLE = the log cannot be read: { $detail }
cli-WITNESS_STATE = the witness's state cannot be read or written: { $detail }
cli-CLOCK = the system clock is before 1970, so no cosignature can be dated: { $detail }
api-LOG_IO = the log's checkpoints cannot be read or written: { $detail }
api-LOG_DIVERGED = the record does not extend the checkpoint kept in { $path }; no checkpoint is signed over a rewritten record: { $detail }
api-BAD_URL = { $url } is not an address the log can be read from: { $detail }
api-UNREACHABLE = { $url } cannot be reached: { $detail }
api-BAD_STATUS = { $url } answered { $status }
api-TIMEOUT = { $url } gave no complete answer in time

## Money and dates

money = { $amount } som
date = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## The results in plain text (tandoo status)

status-as-of = as of { $date }
status-count-seats = { $count ->
    [one] { $count } seat
   *[other] { $count } seats
}
status-count-men = { $count ->
    [one] { $count } man
   *[other] { $count } men
}
status-count-women = { $count ->
    [one] { $count } woman
   *[other] { $count } women
}
status-nobody = nobody
status-holders-elected = elected
status-holders-allocated = allocated, not yet recognised
status-holders-leading = leading, provisional
status-basis-elected = elected
status-basis-allocated = allocated
status-basis-leading = leading
status-check-met = met
status-check-not-met = not met
status-seat-count = { $elected } of { $seats } seats elected (recognised), { $allocated } allocated, { $leading } leading
status-gender-check = { $men } men and { $women } women among { $seats } seats ({ $basis } and firmer); at least { $min } of each are needed: { $verdict }
status-national-title = { $name } ({ $election })
status-national-turnout = voters on the lists { $voters }, voted { $voted } (turnout { $turnout })
status-national-by-ballots = by ballots issued: { $took_part } ({ $percent })
status-national-seats = { $seat_count } — { $men }, { $women }
status-national-check = national check: { $check }
status-count-differs = !! THE COUNT NOW DIFFERS FROM THE RECOGNISED RESULT
status-count-differs-below = !! THE COUNT NOW DIFFERS FROM THE RECOGNISED RESULT (see the contest below)
status-count-differs-contest = !! THE COUNT NOW DIFFERS FROM THE RECOGNISED RESULT: recognised { $recognised }; the count gives { $counted }
status-constituency-title = { $name } — { $seats }
status-decided-by = seats decided by election { $election }: { $status }
status-seats-elected = elected: { $names }
status-seats-allocated = allocated by the count, not yet recognised: { $names }
status-seats-leading = leading so far (provisional, not every station has reported): { $names }
status-resolutions = Resolutions
status-resolution = { $citation } — { $title } ({ $for } for, { $against } against, { $abstain } abstained) — { $standing }
status-resolution-not-adopted = not adopted
status-resolution-in-force = in force
status-resolution-rescinded = rescinded by { $by }
status-contest-status = status: { $status }
status-contest-status-by = status: { $status } — { $by }
status-late-results = late: the results were first determined by { $act }, after they were due by { $due }
status-late-complaint = late: complaint { $act } was filed on { $dated }, after the deadline of { $due }
status-calendar = calendar: voting day { $voting_day }, results due by { $results_by }, complaints within { $days } days of a decision
status-contest-figures = stations { $reported }/{ $stations } reported, { $counted } counted; voters { $voters }, voted { $voted } ({ $turnout }, { $lines }); invalid { $invalid }, against all { $against_all }
status-contest-by-ballots = by ballots issued ({ $lines }): { $voters } ({ $percent })
status-lot = lot drawn by { $drawn_by } with the seed "{ $seed }" ({ $recorded_by })
status-note-registration-annulled = registration annulled by { $by }
status-note-votes-annulled = votes annulled by { $by }
status-note-barred = barred by { $by }
status-note-fee-refunded = fee refunded by { $by }
status-candidate-nominated = nominated
status-candidate-registered = registered
status-candidate-refused = refused
status-candidate-withdrawn = withdrawn
status-gender-letter-F = F
status-gender-letter-M = M
status-mark-passed-over-by-gender-cap = passed over: the gender cap was reached
status-mark-seat-by-gender-cap = takes a seat because others with more votes were passed over by the gender cap
status-mark-won-tie = won a tie for a seat by the tie rule
status-mark-lost-tie = lost a tie for a seat by the tie rule
status-mark-lost-to-against-all = "against all" had more votes, so the election failed
status-mark-votes-annulled = votes annulled by resolution: out of the ranking
status-mark-registration-annulled = registration annulled by resolution: out of the ranking
status-mark-mandate-ended = mandate ended by resolution: the seat passed to a successor
status-count-error = the count cannot be made: { $error }
status-citation-resolution = resolution { $number } of { $date }
status-citation-draft = draft resolution of { $commission } of { $date } (not adopted)
status-rule-set-jogorku_kenesh_2025 = Jogorku Kenesh 2025

## Public reports against a published protocol, and the staff's handling of them
api-REPORT_BAD_FORM = the report could not be read; send it from the form on the station's page
api-REPORT_BAD_TOKEN = the form has expired (it is valid for two hours) or was not made by this server; open the form again from the station's page
api-REPORT_FOREIGN_ORIGIN = the report was sent from another site's page; send it from the form on this site
api-REPORT_UNKNOWN_STATION = there is no such polling station in the record
api-REPORT_NO_PROTOCOL = this station has no accepted protocol yet; a report can be made only against a published protocol
api-REPORT_TEXT_TOO_SHORT = the report is too short: say in at least { $min } characters what is wrong with the protocol
api-REPORT_TEXT_TOO_LONG = the report is too long: at most { $max } characters
api-REPORT_CONTACT_MISSING = give an e-mail address or a telephone number, so that the commission's staff can reach you
api-REPORT_CONTACT_TOO_LONG = the contact is too long: at most { $max } characters
api-REPORTS_TOO_MANY = too many reports have been received { $limit ->
        [address] from this address
        [station] about this station
       *[other] on this server
    }; try again in { $minutes ->
        [one] one minute
       *[other] { $minutes } minutes
    }
api-REPORTS_NOT_AUTHORISED = this account's role may not handle public reports
api-REPORT_OUTSIDE_COMPETENCE = the report is about a station outside the competence of this account's commission
api-UNKNOWN_REPORT = there is no such report
api-REPORT_NOT_OPEN = the report has already been registered or dismissed
api-REPORT_REASON_MISSING = say why the report is dismissed
api-REPORT_REASON_TOO_LONG = the reason is too long: at most { $max } characters

## the count's steps in words (the portal and the staff screens)
count-step-rank = The candidates are ranked by votes, highest first: { $names }.
count-step-elect = { $name } ({ $votes } votes) takes seat { $seat }.
count-step-gender-cap = { $name } ({ $votes } votes) is passed over: candidates of the same gender already hold as many seats as one gender may.
count-step-gender-cap-fails = The seats cannot all be filled without giving one gender more than it may hold, so the election fails.
count-step-against-all-stands = "Against all" ({ $against } votes) has no more votes than { $name } ({ $votes }), so the election stands.
count-step-against-all-fails = "Against all" ({ $against } votes) has more votes than { $name } ({ $votes }), so the election fails.
count-step-tie = A tie between { $names } is broken by the tie rule.
count-step-majority = { $name } ({ $votes } votes) has more than half of the votes and is elected.
count-step-majority-fails = { $name } ({ $votes } votes) does not have more than half of the votes, so the election fails.
count-step-runoff = Nobody has more than half of the votes: { $names } go to a run-off.
count-step-single-gender = Every candidate is of one gender, and the gender rule forbids one gender all the seats, so the election fails.
count-step-no-candidates = No candidate's result stands, so nobody can be elected.
count-step-other = A step of the count concerning { $names }.
