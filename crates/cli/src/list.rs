//! `tandoo list KIND`: the ids commands take, found without reading the record — elections,
//! constituencies, stations, commissions with their members, candidates, resolutions and
//! complaints, as text (one line each) or JSON.

use crate::render::{count, english, latin};
use crate::source::SourceArgs;
use crate::{CliError, Outcome};
use std::fmt::Write;
use tandoo_core::State;
use tandoo_core::candidate::Standing;
use tandoo_core::casework::ComplaintDecision;
use tandoo_core::commission::{CommissionLevel, Position};
use tandoo_core::election::ElectionKind;
use tandoo_core::ids::{ConstituencyNo, ElectionId};
use tandoo_core::listing::{ListFilter, ListKind, Listing, list};
use tandoo_count::Gender;
use tandoo_present::Language;
use tandoo_present::text::{citation, rule_set};

/// What `tandoo list` was asked for.
pub struct ListArgs<'a> {
    pub source: &'a SourceArgs,
    pub kind: ListKind,
    pub election: Option<&'a str>,
    pub constituency: Option<u16>,
    pub json: bool,
}

pub async fn run(args: ListArgs<'_>) -> Result<Outcome, CliError> {
    let state = current_state(args.source).await?;
    let filter = ListFilter {
        election: args.election.map(ElectionId::new),
        constituency: args.constituency.map(ConstituencyNo),
    };
    let listing =
        list(&state, args.kind, &filter).map_err(|e| CliError::input(e.code(), e.to_string()))?;
    if args.json {
        let text = serde_json::to_string_pretty(&listing)
            .map_err(|e| CliError::runtime("ENCODING", e.to_string()))?;
        println!("{text}");
    } else {
        print!("{}", render(&listing));
    }
    Ok(Outcome::Done)
}

/// The state at the record's head, from a record that verifies.
async fn current_state(source: &SourceArgs) -> Result<State, CliError> {
    let reading = source.read(None).await?;
    if let Some(failure) = &reading.failure {
        return Err(CliError::runtime(
            "RECORD_DOES_NOT_VERIFY",
            format!(
                "act {}: {failure}; nothing is listed from a record that does not verify (run tandoo verify)",
                reading.failed_at()
            ),
        ));
    }
    Ok(reading.state)
}

fn gender(g: Gender) -> &'static str {
    if g == Gender::Female { "F" } else { "M" }
}

fn position(p: Position) -> &'static str {
    match p {
        Position::Chair => "chair",
        Position::DeputyChair => "deputy chair",
        Position::Secretary => "secretary",
        Position::Member => "member",
    }
}

fn kind(k: ElectionKind) -> &'static str {
    match k {
        ElectionKind::Regular => "regular",
        ElectionKind::Early => "early",
        ElectionKind::Repeat => "repeat",
    }
}

pub fn decision(d: ComplaintDecision) -> &'static str {
    match d {
        ComplaintDecision::Upheld => "upheld",
        ComplaintDecision::PartlyUpheld => "partly upheld",
        ComplaintDecision::Rejected => "rejected",
        ComplaintDecision::LeftWithoutConsideration => "left without consideration",
    }
}

fn standing(s: Standing) -> &'static str {
    match s {
        Standing::Nominated => "nominated",
        Standing::Registered => "registered",
        Standing::Refused => "registration refused",
        Standing::Withdrawn => "withdrawn",
    }
}

/// One line per item (a commission's members indented below it).
pub fn render(listing: &Listing) -> String {
    let mut out = String::new();
    match listing {
        Listing::Elections(items) => {
            for e in items {
                let repeat = e
                    .repeat_of
                    .as_ref()
                    .map(|r| format!(" of {r}"))
                    .unwrap_or_default();
                let cancelled = e
                    .cancelled_by
                    .as_ref()
                    .map(|by| format!("; cancelled by {}", citation(by, Language::En)))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "{}  {}{repeat}, voting day {}  {} ({}; {}){cancelled}",
                    e.id,
                    kind(e.kind),
                    e.voting_day,
                    english(&e.name),
                    rule_set(&e.rule_set, Language::En),
                    count(
                        e.constituencies.len() as u64,
                        "constituency",
                        "constituencies"
                    ),
                );
            }
        }
        Listing::Constituencies(items) => {
            for c in items {
                let commission = c
                    .commission
                    .as_ref()
                    .map(|m| format!("; commission {m}"))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "{:>3}  {}  ({}; {}, {}){commission}",
                    c.number.0,
                    english(&c.name),
                    count(u64::from(c.seats), "seat", "seats"),
                    count(u64::from(c.stations), "station", "stations"),
                    count(c.voters, "voter", "voters"),
                );
            }
        }
        Listing::Stations(items) => {
            for s in items {
                let commission = s
                    .commission
                    .as_ref()
                    .map(|m| format!("; commission {m}"))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "{}  {}  (constituency {}, {}){commission}",
                    s.number.0,
                    s.name,
                    s.constituency.0,
                    count(s.voters, "voter", "voters"),
                );
            }
        }
        Listing::Commissions(items) => {
            for m in items {
                let level = match &m.level {
                    CommissionLevel::Central => "central".to_string(),
                    CommissionLevel::District { constituency } => {
                        format!("district, constituency {constituency}")
                    }
                    CommissionLevel::Territorial { area } => format!("territorial, {area}"),
                    CommissionLevel::Precinct { station } => format!("precinct, station {station}"),
                };
                let _ = writeln!(
                    out,
                    "{}  {}  ({level}; {}: quorum {}, adopted with {} for)",
                    m.id,
                    english(&m.name),
                    count(m.members.len() as u64, "member", "members"),
                    m.quorum,
                    m.majority,
                );
                for member in &m.members {
                    let _ = writeln!(
                        out,
                        "    {:<16} {:<12} {}",
                        member.id.0,
                        position(member.position),
                        member.name
                    );
                }
            }
        }
        Listing::Candidates(items) => {
            for c in items {
                let party = c.party.as_deref().unwrap_or("self-nominated");
                let _ = writeln!(
                    out,
                    "{:<12} {:<28} {}  {} constituency {}  {}; {party}; fee paid {}",
                    c.id.0,
                    latin(&c.name, c.latin_name.as_deref()),
                    gender(c.gender),
                    c.election,
                    c.constituency.0,
                    standing(c.standing),
                    c.fee_paid,
                );
            }
        }
        Listing::Resolutions(items) => {
            for r in items {
                let standing = match (r.adopted, r.in_force) {
                    (false, _) => "not adopted",
                    (true, true) => "in force",
                    (true, false) => "rescinded",
                };
                let _ = writeln!(
                    out,
                    "{} — {} ({} for, {} against, {} abstained; {standing}) [{}]",
                    citation(&r.citation, Language::En),
                    english(&r.title),
                    r.tally.votes_for,
                    r.tally.against,
                    r.tally.abstain,
                    r.effects.join(", "),
                );
            }
        }
        Listing::Complaints(items) => {
            for c in items {
                let decision = c.decision.map(decision).unwrap_or("open");
                let concerns = c
                    .concerns
                    .as_ref()
                    .map(|r| format!("; concerns {r}"))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "{}  {}  to {} by {}: {}{concerns}; {decision}",
                    c.id.0,
                    c.date,
                    c.addressed_to,
                    c.filed_by.join(", "),
                    c.subject,
                );
            }
        }
    }
    if listing.is_empty() {
        out.push_str("nothing to list\n");
    }
    out
}
