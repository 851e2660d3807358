//! The classes of the NIST SP 1500-100 v2.0 election results report that tandoo emits, as
//! the JSON schema (`schema/NIST_V2_election_results_reporting.json`) names them. Only what
//! the mapping fills is here: every field is one the schema defines for its class, so a
//! report serialised from these types keeps `additionalProperties: false`.
//!
//! Each class serialises its `@type` (`ElectionResults.VoteCounts`) as the schema requires;
//! empty lists and absent options are left out, as the schema makes them optional.

use serde::Serialize;

/// The report: every geopolitical unit, person, party and election it speaks of.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "@type", rename = "ElectionResults.ElectionReport")]
#[serde(rename_all = "PascalCase")]
pub struct ElectionReport {
    pub format: ReportDetailLevel,
    /// When the report was made, RFC 3339 with its zone.
    pub generated_date: String,
    pub issuer: String,
    pub issuer_abbreviation: String,
    /// The report's place in a series of reports; tandoo's report is whole, one of one.
    pub sequence_start: u32,
    pub sequence_end: u32,
    pub status: ResultsStatus,
    pub vendor_application_id: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub external_identifier: Vec<ExternalIdentifier>,
    #[serde(rename = "GpUnit", skip_serializing_if = "Vec::is_empty")]
    pub gp_unit: Vec<ReportingUnit>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub party: Vec<Party>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub person: Vec<Person>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub election: Vec<Election>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReportDetailLevel {
    /// Counts per polling place as well as per contest.
    PrecinctLevel,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ResultsStatus {
    /// Every contest's result is determined (or annulled) by a resolution in force.
    Certified,
    /// Every station has reported, not every result is determined.
    UnofficialComplete,
    /// Stations are still to report.
    UnofficialPartial,
}

/// A geopolitical unit: the country, a constituency, a polling station.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "@type", rename = "ElectionResults.ReportingUnit")]
#[serde(rename_all = "PascalCase")]
pub struct ReportingUnit {
    #[serde(rename = "@id")]
    pub id: String,
    #[serde(rename = "Type")]
    pub kind: ReportingUnitType,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<InternationalizedText>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub composing_gp_unit_ids: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voters_registered: Option<u64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReportingUnitType {
    Country,
    /// With `OtherType` saying what: a constituency has no type of its own in the schema.
    Other,
    PollingPlace,
}

#[derive(Clone, Debug, Serialize)]
#[serde(tag = "@type", rename = "ElectionResults.Person")]
#[serde(rename_all = "PascalCase")]
pub struct Person {
    #[serde(rename = "@id")]
    pub id: String,
    pub full_name: InternationalizedText,
    /// `female` or `male`, as registered.
    pub gender: String,
}

#[derive(Clone, Debug, Serialize)]
#[serde(tag = "@type", rename = "ElectionResults.Party")]
#[serde(rename_all = "PascalCase")]
pub struct Party {
    #[serde(rename = "@id")]
    pub id: String,
    pub name: InternationalizedText,
}

#[derive(Clone, Debug, Serialize)]
#[serde(tag = "@type", rename = "ElectionResults.Election")]
#[serde(rename_all = "PascalCase")]
pub struct Election {
    pub election_scope_id: String,
    #[serde(rename = "Type")]
    pub kind: ElectionType,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_type: Option<String>,
    /// The voting day, `YYYY-MM-DD`.
    pub start_date: String,
    pub end_date: String,
    pub name: InternationalizedText,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub external_identifier: Vec<ExternalIdentifier>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub candidate: Vec<Candidate>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contest: Vec<CandidateContest>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ElectionType {
    General,
    /// With `OtherType` saying what (`repeat`).
    Other,
}

#[derive(Clone, Debug, Serialize)]
#[serde(tag = "@type", rename = "ElectionResults.Candidate")]
#[serde(rename_all = "PascalCase")]
pub struct Candidate {
    #[serde(rename = "@id")]
    pub id: String,
    pub ballot_name: InternationalizedText,
    pub person_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pre_election_status: Option<CandidatePreElectionStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub post_election_status: Option<CandidatePostElectionStatus>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub external_identifier: Vec<ExternalIdentifier>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CandidatePreElectionStatus {
    Filed,
    Qualified,
    Withdrawn,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CandidatePostElectionStatus {
    Defeated,
    ProjectedWinner,
    Winner,
    Withdrawn,
}

/// One contest: an election in one constituency.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "@type", rename = "ElectionResults.CandidateContest")]
#[serde(rename_all = "PascalCase")]
pub struct CandidateContest {
    #[serde(rename = "@id")]
    pub id: String,
    /// A code, not prose: `E1/13`.
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ballot_title: Option<InternationalizedText>,
    pub election_district_id: String,
    pub votes_allowed: u32,
    pub number_elected: u32,
    pub vote_variation: VoteVariation,
    pub sub_units_reported: u32,
    pub total_sub_units: u32,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub count_status: Vec<CountStatus>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub external_identifier: Vec<ExternalIdentifier>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contest_selection: Vec<CandidateSelection>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum VoteVariation {
    Majority,
    NOfM,
    Plurality,
}

/// A choice on the ballot: a candidate, or with no candidate, "against all".
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "@type", rename = "ElectionResults.CandidateSelection")]
#[serde(rename_all = "PascalCase")]
pub struct CandidateSelection {
    #[serde(rename = "@id")]
    pub id: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub candidate_ids: Vec<String>,
    pub sequence_order: u32,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub vote_counts: Vec<VoteCounts>,
}

/// A selection's votes in one unit: a station's protocol, or a contest's sum.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "@type", rename = "ElectionResults.VoteCounts")]
#[serde(rename_all = "PascalCase")]
pub struct VoteCounts {
    pub gp_unit_id: String,
    #[serde(rename = "Type")]
    pub kind: CountItemType,
    pub count: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CountItemType {
    Total,
}

#[derive(Clone, Debug, Serialize)]
#[serde(tag = "@type", rename = "ElectionResults.CountStatus")]
#[serde(rename_all = "PascalCase")]
pub struct CountStatus {
    pub status: CountItemStatus,
    #[serde(rename = "Type")]
    pub kind: CountItemType,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CountItemStatus {
    Completed,
    InProcess,
    NotProcessed,
}

/// What the schema has no field for, as `Type: other` with tandoo's own name for it
/// (`OtherType`, always `tandoo-…`) and its value, a code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "@type", rename = "ElectionResults.ExternalIdentifier")]
#[serde(rename_all = "PascalCase")]
pub struct ExternalIdentifier {
    #[serde(rename = "Type")]
    pub kind: IdentifierType,
    pub other_type: String,
    pub value: String,
}

impl ExternalIdentifier {
    pub fn tandoo(name: &str, value: impl Into<String>) -> ExternalIdentifier {
        ExternalIdentifier {
            kind: IdentifierType::Other,
            other_type: format!("tandoo-{name}"),
            value: value.into(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum IdentifierType {
    Other,
}

/// A text in the languages it was written in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "@type", rename = "ElectionResults.InternationalizedText")]
#[serde(rename_all = "PascalCase")]
pub struct InternationalizedText {
    /// Never empty (the schema asks for one text at least).
    pub text: Vec<LanguageString>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "@type", rename = "ElectionResults.LanguageString")]
#[serde(rename_all = "PascalCase")]
pub struct LanguageString {
    /// A BCP 47 tag: `ky`, `ru`, `en`, or `und` for a text whose language was not said.
    pub language: String,
    pub content: String,
}
