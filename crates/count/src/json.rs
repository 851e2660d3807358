//! The JSON request and response format of `tandoo allocate`.
//!
//! [`allocate_json`] takes one request object and answers one response object; the
//! format is documented for users in docs/allocate.md. Requests are checked
//! strictly: unknown fields are refused (a misspelt `"treshold"` must not silently
//! count without a threshold), numbers of votes must be whole and not negative, and
//! percentages and divisors are read exactly from their text (`"1.4"`, `"0.5"`); a
//! JSON number is read from its decimal text, so `0.5` and `"0.5"` mean the same.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use crate::candidates::{
    AgainstAllRule, CandidateContest, CandidateMethod, CandidateOutcome, CandidateTally, Gender,
    allocate_candidates,
};
use crate::divisor::DivisorMethod;
use crate::error::CountError;
use crate::list::{ListContest, ListMethod, ListOutcome, PartyTally, SeatCap, allocate_list};
use crate::mixed::{Constituency, MixedContest, allocate_mixed};
use crate::open_list::{GenderReserve, ListCandidate, fill_party_seats};
use crate::rational::Ratio;
use crate::referendum::{QuestionTally, Referendum, decide_referendum};
use crate::remainder::Quota;
use crate::threshold::{Region, Threshold, ThresholdBase};
use crate::tie::{Tie, TieBreak};

/// Counts one request and answers the response object; see docs/allocate.md for the format.
pub fn allocate_json(input: &Value) -> Result<Value, CountError> {
    let o = Obj::new(input, "")?;
    let method = o.req_str("method")?;
    match method {
        "dhondt" | "sainte_lague" | "modified_sainte_lague" | "hare" | "droop" => {
            list_json(&o, method)
        }
        "plurality" | "multi_member_plurality" | "block" | "two_round" => {
            let (contest, _) = candidate_request(&o, method)?;
            let out = allocate_candidates(&contest)?;
            Ok(candidate_response(&contest, &out))
        }
        "referendum" => referendum_json(&o),
        "mixed" => mixed_json(&o),
        other => Err(CountError::UnknownMethod {
            method: other.to_owned(),
        }),
    }
}

/// A refusal as a JSON object: `{"error": {"code": "...", "message": "..."}}`.
pub fn error_json(e: &CountError) -> Value {
    json!({ "error": { "code": e.code(), "message": e.to_string() } })
}

/// A JSON object being read, with its path for messages (`parties[2].votes`).
struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

impl<'a> Obj<'a> {
    fn new(v: &'a Value, path: &str) -> Result<Obj<'a>, CountError> {
        match v {
            Value::Object(map) => Ok(Obj {
                map,
                path: path.to_owned(),
            }),
            _ => Err(CountError::InvalidField {
                field: if path.is_empty() {
                    "request".into()
                } else {
                    path.into()
                },
                why: "it must be an object".into(),
            }),
        }
    }

    fn field(&self, k: &str) -> String {
        if self.path.is_empty() {
            k.to_owned()
        } else {
            format!("{}.{k}", self.path)
        }
    }

    fn known(&self, allowed: &[&str]) -> Result<(), CountError> {
        match self.map.keys().find(|k| !allowed.contains(&k.as_str())) {
            Some(k) => Err(CountError::InvalidField {
                field: self.field(k),
                why: format!(
                    "it is not a known field here; known fields are {}",
                    allowed.join(", ")
                ),
            }),
            None => Ok(()),
        }
    }

    /// A field's value; `null` counts as absent.
    fn get(&self, k: &str) -> Option<&'a Value> {
        self.map.get(k).filter(|v| !v.is_null())
    }

    fn invalid(&self, k: &str, why: &str) -> CountError {
        CountError::InvalidField {
            field: self.field(k),
            why: why.to_owned(),
        }
    }

    fn opt_u64(&self, k: &str) -> Result<Option<u64>, CountError> {
        let Some(v) = self.get(k) else {
            return Ok(None);
        };
        match v.as_u64() {
            Some(n) => Ok(Some(n)),
            None => Err(self.invalid(k, "it must be a whole number, 0 or more")),
        }
    }

    fn req_u64(&self, k: &str) -> Result<u64, CountError> {
        self.opt_u64(k)?.ok_or_else(|| CountError::MissingField {
            field: self.field(k),
        })
    }

    /// A count of votes: a negative number is refused as `NEGATIVE_VOTES`.
    fn opt_votes(&self, k: &str, who: &str) -> Result<Option<u64>, CountError> {
        if let Some(v) = self.get(k)
            && (v.as_i64().is_some_and(|n| n < 0) || v.as_f64().is_some_and(|f| f < 0.0))
        {
            return Err(CountError::NegativeVotes {
                id: who.to_owned(),
                value: v.to_string(),
            });
        }
        self.opt_u64(k)
    }

    fn req_votes(&self, k: &str, who: &str) -> Result<u64, CountError> {
        self.opt_votes(k, who)?
            .ok_or_else(|| CountError::MissingField {
                field: self.field(k),
            })
    }

    fn opt_str(&self, k: &str) -> Result<Option<&'a str>, CountError> {
        match self.get(k) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(self.invalid(k, "it must be a string")),
        }
    }

    fn req_str(&self, k: &str) -> Result<&'a str, CountError> {
        self.opt_str(k)?.ok_or_else(|| CountError::MissingField {
            field: self.field(k),
        })
    }

    /// The decimal text of a string or number field.
    fn opt_decimal_text(&self, k: &str) -> Result<Option<String>, CountError> {
        match self.get(k) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(Value::Number(n)) => Ok(Some(n.to_string())),
            Some(_) => {
                Err(self.invalid(k, "it must be a number or a decimal string such as \"0.5\""))
            }
        }
    }

    fn opt_percent(&self, k: &str) -> Result<Option<Ratio>, CountError> {
        self.opt_decimal_text(k)?
            .map(|t| Ratio::parse_percent(&self.field(k), &t))
            .transpose()
    }

    fn opt_array(&self, k: &str) -> Result<Option<&'a Vec<Value>>, CountError> {
        match self.get(k) {
            None => Ok(None),
            Some(Value::Array(a)) => Ok(Some(a)),
            Some(_) => Err(self.invalid(k, "it must be an array")),
        }
    }

    fn req_array(&self, k: &str) -> Result<&'a Vec<Value>, CountError> {
        self.opt_array(k)?.ok_or_else(|| CountError::MissingField {
            field: self.field(k),
        })
    }

    fn tie_break(&self) -> Result<TieBreak, CountError> {
        match self.opt_str("tie_break")? {
            None | Some("registration_order") => Ok(TieBreak::RegistrationOrder),
            Some("lot") => Ok(TieBreak::Lot),
            Some(_) => {
                Err(self.invalid("tie_break", "it must be \"registration_order\" or \"lot\""))
            }
        }
    }

    fn id(&self) -> Result<String, CountError> {
        let id = self.req_str("id")?;
        if id.is_empty() {
            return Err(CountError::EmptyId);
        }
        Ok(id.to_owned())
    }
}

fn gender(o: &Obj<'_>, k: &str) -> Result<Option<Gender>, CountError> {
    match o.opt_str(k)? {
        None => Ok(None),
        Some("M" | "male") => Ok(Some(Gender::Male)),
        Some("F" | "female") => Ok(Some(Gender::Female)),
        Some(_) => Err(o.invalid(k, "it must be \"M\", \"F\", \"male\" or \"female\"")),
    }
}

fn tie_break_code(t: TieBreak) -> &'static str {
    match t {
        TieBreak::RegistrationOrder => "registration_order",
        TieBreak::Lot => "lot",
    }
}

fn ties_json(ties: &[Tie]) -> Value {
    serde_json::to_value(ties).unwrap_or(Value::Null)
}

// ---------------------------------------------------------------- party lists

const LIST_FIELDS: &[&str] = &[
    "method",
    "seats",
    "parties",
    "first_divisor",
    "threshold",
    "voters_took_part",
    "against_all",
    "regions",
    "cap",
    "open_list",
    "tie_break",
    "seed",
];

/// The parties' open-list candidates, read alongside the list contest.
type Lists = Vec<Option<Vec<ListCandidate>>>;

fn list_request(
    o: &Obj<'_>,
    method: &str,
) -> Result<(ListContest, Lists, Option<GenderReserve>), CountError> {
    o.known(LIST_FIELDS)?;
    let first_divisor = o.opt_decimal_text("first_divisor")?;
    let method = match method {
        "dhondt" => ListMethod::Divisor(DivisorMethod::DHondt),
        "sainte_lague" => ListMethod::Divisor(DivisorMethod::SainteLague),
        "modified_sainte_lague" => ListMethod::Divisor(DivisorMethod::ModifiedSainteLague {
            first_divisor: Ratio::parse_decimal(
                "first_divisor",
                first_divisor.as_deref().unwrap_or("1.4"),
            )?,
        }),
        "hare" => ListMethod::LargestRemainder(Quota::Hare),
        _ => ListMethod::LargestRemainder(Quota::Droop),
    };
    if first_divisor.is_some()
        && !matches!(
            method,
            ListMethod::Divisor(DivisorMethod::ModifiedSainteLague { .. })
        )
    {
        return Err(o.invalid(
            "first_divisor",
            "it applies only to the method modified_sainte_lague",
        ));
    }
    let seats = o.req_u64("seats")?;
    let mut parties = Vec::new();
    let mut lists: Lists = Vec::new();
    for (i, v) in o.req_array("parties")?.iter().enumerate() {
        let p = Obj::new(v, &format!("parties[{i}]"))?;
        p.known(&["id", "votes", "registered", "regional_votes", "candidates"])?;
        let id = p.id()?;
        let votes = p.req_votes("votes", &id)?;
        let registered = p.opt_u64("registered")?.unwrap_or(i as u64 + 1);
        let mut regional_votes = BTreeMap::new();
        if let Some(r) = p.get("regional_votes") {
            let Value::Object(m) = r else {
                return Err(p.invalid(
                    "regional_votes",
                    "it must be an object of region ids and votes",
                ));
            };
            let ro = Obj {
                map: m,
                path: p.field("regional_votes"),
            };
            for k in m.keys() {
                let v = ro.req_votes(k, &format!("{id} in {k}"))?;
                regional_votes.insert(k.clone(), v);
            }
        }
        lists.push(match p.opt_array("candidates")? {
            None => None,
            Some(cs) => Some(list_candidates(&p, cs)?),
        });
        parties.push(PartyTally {
            id,
            votes,
            registered,
            regional_votes,
        });
    }

    let mut threshold = Threshold {
        voters_took_part: o.opt_votes("voters_took_part", "voters who took part")?,
        against_all: o.opt_votes("against_all", "against all")?,
        ..Threshold::default()
    };
    match o.get("threshold") {
        None => {}
        Some(Value::String(_) | Value::Number(_)) => {
            threshold.national = o.opt_percent("threshold")?
        }
        Some(v) => {
            let t = Obj::new(v, "threshold")?;
            t.known(&["national", "regional", "base"])?;
            threshold.national = t.opt_percent("national")?;
            threshold.regional = t.opt_percent("regional")?;
            threshold.base = match t.opt_str("base")? {
                None | Some("valid_votes") => ThresholdBase::ValidVotes,
                Some("voters_took_part") => ThresholdBase::VotersTookPart,
                Some(_) => {
                    return Err(
                        t.invalid("base", "it must be \"valid_votes\" or \"voters_took_part\"")
                    );
                }
            };
        }
    }
    if let Some(rs) = o.opt_array("regions")? {
        for (i, v) in rs.iter().enumerate() {
            let r = Obj::new(v, &format!("regions[{i}]"))?;
            r.known(&["id", "voters_took_part", "against_all"])?;
            let id = r.id()?;
            threshold.regions.push(Region {
                voters_took_part: r
                    .opt_votes("voters_took_part", &format!("voters who took part in {id}"))?,
                against_all: r.opt_votes("against_all", &format!("against all in {id}"))?,
                id,
            });
        }
    }
    let cap = match o.get("cap") {
        None => None,
        Some(v) => {
            let c = Obj::new(v, "cap")?;
            c.known(&["max_share", "max_seats"])?;
            match (c.opt_percent("max_share")?, c.opt_u64("max_seats")?) {
                (Some(s), None) => Some(SeatCap::Share(s)),
                (None, Some(n)) => Some(SeatCap::Seats(n)),
                _ => return Err(o.invalid("cap", "give exactly one of max_share and max_seats")),
            }
        }
    };
    let reserve = match o.get("open_list") {
        None => None,
        Some(v) => {
            let r = Obj::new(v, "open_list")?;
            r.known(&["reserved_share", "reserved_gender"])?;
            Some(GenderReserve {
                share: r
                    .opt_percent("reserved_share")?
                    .unwrap_or(Ratio::new(3, 10).unwrap_or(Ratio::integer(0))),
                gender: gender(&r, "reserved_gender")?.unwrap_or(Gender::Female),
            })
        }
    };
    let contest = ListContest {
        method,
        seats,
        parties,
        threshold,
        cap,
        tie_break: o.tie_break()?,
        seed: o.opt_str("seed")?.map(str::to_owned),
    };
    Ok((contest, lists, reserve))
}

fn list_candidates(p: &Obj<'_>, cs: &[Value]) -> Result<Vec<ListCandidate>, CountError> {
    let mut out = Vec::with_capacity(cs.len());
    for (k, v) in cs.iter().enumerate() {
        let c = Obj::new(v, &p.field(&format!("candidates[{k}]")))?;
        c.known(&["id", "position", "gender", "preference_votes"])?;
        let id = c.id()?;
        out.push(ListCandidate {
            position: c.opt_u64("position")?.unwrap_or(k as u64 + 1),
            gender: gender(&c, "gender")?,
            preference_votes: c.opt_votes("preference_votes", &id)?,
            id,
        });
    }
    Ok(out)
}

fn list_json(o: &Obj<'_>, method: &str) -> Result<Value, CountError> {
    let (contest, lists, reserve) = list_request(o, method)?;
    let mut out = allocate_list(&contest)?;
    let mut seated: Vec<Option<(Vec<String>, Vec<String>)>> = Vec::new();
    for (p, list) in out.allocation.iter().zip(&lists) {
        seated.push(match list {
            None => None,
            Some(cands) => {
                let r = fill_party_seats(
                    &p.id,
                    p.seats,
                    cands,
                    reserve.as_ref(),
                    contest.tie_break,
                    contest.seed.as_deref(),
                )?;
                out.ties.extend(r.ties);
                out.steps.extend(r.steps);
                Some((r.elected, r.reserved))
            }
        });
    }
    Ok(list_response(&contest, &out, &seated))
}

fn list_response(
    contest: &ListContest,
    out: &ListOutcome,
    seated: &[Option<(Vec<String>, Vec<String>)>],
) -> Value {
    let allocation: Vec<Value> = out
        .allocation
        .iter()
        .zip(seated.iter().chain(std::iter::repeat(&None)))
        .map(|(p, s)| {
            let mut v = json!({
                "id": p.id,
                "votes": p.votes,
                "qualified": p.qualified,
                "seats": p.seats,
                "capped": p.capped,
            });
            if let (Some((elected, reserved)), Value::Object(m)) = (s, &mut v) {
                m.insert("elected".into(), json!(elected));
                m.insert("reserved".into(), json!(reserved));
            }
            v
        })
        .collect();
    let mut v = json!({
        "method": contest.method.code(),
        "seats": contest.seats,
        "allocation": allocation,
        "quota": out.quota.map(|q| json!({ "exact": q.to_string(), "decimal": q.decimal(2) })),
        "cap_seats": out.cap_seats,
        "unfilled": out.unfilled,
        "tie": !out.ties.is_empty(),
        "ties": ties_json(&out.ties),
        "tie_break": tie_break_code(contest.tie_break),
        "seed": contest.seed,
        "steps": serde_json::to_value(&out.steps).unwrap_or(Value::Null),
    });
    if let (
        ListMethod::Divisor(DivisorMethod::ModifiedSainteLague { first_divisor }),
        Value::Object(m),
    ) = (&contest.method, &mut v)
    {
        m.insert("first_divisor".into(), json!(first_divisor.to_string()));
    }
    v
}

// ---------------------------------------------------------------- candidates

const CANDIDATE_FIELDS: &[&str] = &[
    "method",
    "seats",
    "candidates",
    "against_all",
    "against_all_rule",
    "max_per_gender",
    "tie_break",
    "seed",
    "voters_took_part",
];

/// Reads a candidate contest; also returns each candidate's party, if given.
fn candidate_request(
    o: &Obj<'_>,
    method: &str,
) -> Result<(CandidateContest, BTreeMap<String, String>), CountError> {
    let method = match method {
        "plurality" => CandidateMethod::Plurality,
        "multi_member_plurality" => CandidateMethod::MultiMemberPlurality,
        "block" => CandidateMethod::Block,
        "two_round" => CandidateMethod::TwoRound,
        other => {
            return Err(CountError::UnknownMethod {
                method: other.to_owned(),
            });
        }
    };
    let seats = match o.opt_u64("seats")? {
        Some(n) => u32::try_from(n).map_err(|_| o.invalid("seats", "it is too large"))?,
        None if matches!(
            method,
            CandidateMethod::Plurality | CandidateMethod::TwoRound
        ) =>
        {
            1
        }
        None => {
            return Err(CountError::MissingField {
                field: o.field("seats"),
            });
        }
    };
    let mut candidates = Vec::new();
    let mut party_of = BTreeMap::new();
    for (i, v) in o.req_array("candidates")?.iter().enumerate() {
        let c = Obj::new(v, &o.field(&format!("candidates[{i}]")))?;
        c.known(&["id", "votes", "gender", "registered", "party"])?;
        let id = c.id()?;
        if let Some(p) = c.opt_str("party")? {
            party_of.insert(id.clone(), p.to_owned());
        }
        candidates.push(CandidateTally {
            votes: c.req_votes("votes", &id)?,
            gender: gender(&c, "gender")?,
            registered: c.opt_u64("registered")?.unwrap_or(i as u64 + 1),
            id,
        });
    }
    let against_all_rule = match o.opt_str("against_all_rule")? {
        None => AgainstAllRule::default(),
        Some("none") => AgainstAllRule::None,
        Some("beats_leader") => AgainstAllRule::BeatsLeader,
        Some("beats_last_elected") => AgainstAllRule::BeatsLastElected,
        Some(_) => {
            return Err(o.invalid(
                "against_all_rule",
                "it must be \"none\", \"beats_leader\" or \"beats_last_elected\"",
            ));
        }
    };
    let max_per_gender = match o.opt_u64("max_per_gender")? {
        None => None,
        Some(n) => {
            Some(u32::try_from(n).map_err(|_| o.invalid("max_per_gender", "it is too large"))?)
        }
    };
    let contest = CandidateContest {
        method,
        seats,
        candidates,
        against_all: o.opt_votes("against_all", "against all")?,
        against_all_rule,
        max_per_gender,
        tie_break: o.tie_break()?,
        seed: o.opt_str("seed")?.map(str::to_owned),
        voters_took_part: o.opt_votes("voters_took_part", "voters who took part")?,
    };
    Ok((contest, party_of))
}

fn candidate_response(contest: &CandidateContest, out: &CandidateOutcome) -> Value {
    json!({
        "method": contest.method,
        "seats": contest.seats,
        "status": out.status,
        "elected": out.elected,
        "runoff": out.runoff,
        "reason": out.reason,
        "tie": !out.ties.is_empty(),
        "ties": ties_json(&out.ties),
        "tie_break": tie_break_code(contest.tie_break),
        "seed": contest.seed,
        "against_all_rule": contest.against_all_rule,
        "max_per_gender": contest.max_per_gender,
        "steps": out.steps,
    })
}

// ---------------------------------------------------------------- referendum

fn referendum_json(o: &Obj<'_>) -> Result<Value, CountError> {
    o.known(&[
        "method",
        "registered_voters",
        "took_part",
        "turnout_threshold",
        "pass_share",
        "questions",
    ])?;
    let mut questions = Vec::new();
    for (i, v) in o.req_array("questions")?.iter().enumerate() {
        let q = Obj::new(v, &format!("questions[{i}]"))?;
        q.known(&["id", "yes", "no"])?;
        let id = q.id()?;
        questions.push(QuestionTally {
            yes: q.req_votes("yes", &format!("{id} yes"))?,
            no: q.req_votes("no", &format!("{id} no"))?,
            id,
        });
    }
    let r = Referendum {
        registered_voters: o.req_votes("registered_voters", "registered voters")?,
        took_part: o.req_votes("took_part", "voters who took part")?,
        turnout_threshold: o
            .opt_percent("turnout_threshold")?
            .unwrap_or(Ratio::new(3, 10).unwrap_or(Ratio::integer(0))),
        pass_share: o
            .opt_percent("pass_share")?
            .unwrap_or(Ratio::new(1, 2).unwrap_or(Ratio::integer(0))),
        questions,
    };
    let out = decide_referendum(&r)?;
    Ok(json!({
        "method": "referendum",
        "valid": out.valid,
        "turnout": { "exact": out.turnout.to_string(), "percent": out.turnout.percent_text_rounded() },
        "turnout_threshold": r.turnout_threshold.percent_text(),
        "pass_share": r.pass_share.percent_text(),
        "questions": out.questions.iter().map(|q| json!({
            "id": q.id,
            "yes": q.yes,
            "no": q.no,
            "yes_share": { "exact": q.yes_share.to_string(), "percent": q.yes_share.percent_text_rounded() },
            "passed": q.passed,
        })).collect::<Vec<_>>(),
        "steps": out.steps,
    }))
}

// ---------------------------------------------------------------- mixed

fn mixed_json(o: &Obj<'_>) -> Result<Value, CountError> {
    o.known(&["method", "list", "constituencies"])?;
    let list_v = o.get("list").ok_or_else(|| CountError::MissingField {
        field: "list".into(),
    })?;
    let lo = Obj::new(list_v, "list")?;
    let list_method = lo.req_str("method")?;
    if !matches!(
        list_method,
        "dhondt" | "sainte_lague" | "modified_sainte_lague" | "hare" | "droop"
    ) {
        return Err(CountError::UnknownMethod {
            method: list_method.to_owned(),
        });
    }
    let (list, lists, reserve) = list_request(&lo, list_method)?;
    if lists.iter().any(Option::is_some) || reserve.is_some() {
        return Err(lo.invalid(
            "parties",
            "open-list candidates are not counted in a mixed request; count the list on its own",
        ));
    }
    let mut constituencies = Vec::new();
    for (i, v) in o.req_array("constituencies")?.iter().enumerate() {
        let c = Obj::new(v, &format!("constituencies[{i}]"))?;
        let mut allowed = CANDIDATE_FIELDS.to_vec();
        allowed.push("id");
        c.known(&allowed)?;
        let id = c.id()?;
        let (contest, party_of) = candidate_request(&c, c.req_str("method")?)?;
        constituencies.push(Constituency {
            id,
            contest,
            party_of,
        });
    }
    let contest = MixedContest {
        list,
        constituencies,
    };
    let out = allocate_mixed(&contest)?;
    let none: Vec<Option<(Vec<String>, Vec<String>)>> = vec![];
    Ok(json!({
        "method": "mixed",
        "list": list_response(&contest.list, &out.list, &none),
        "constituencies": contest.constituencies.iter().zip(&out.constituencies).map(|(c, (id, r))| {
            let mut v = candidate_response(&c.contest, r);
            if let Value::Object(m) = &mut v {
                m.insert("id".into(), json!(id));
            }
            v
        }).collect::<Vec<_>>(),
        "totals": out.totals.iter().map(|t| json!({
            "party": t.party, "list": t.list, "constituency": t.constituency, "total": t.total,
        })).collect::<Vec<_>>(),
    }))
}

#[cfg(test)]
mod tests;
