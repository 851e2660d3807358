//! `tandoo prove` and `tandoo check-proof`: an offline proof of one polling station's
//! accepted protocol, and its check with nothing but the log's public key.
//!
//! A proof holds, for each election the station voted in, the act that accepted its
//! protocol (the latest accepted version) and the operators' entries that act names, each
//! with its inclusion proof, and the published signed checkpoint they lead to. The file is
//! written in one form only (compact JSON, members in order, one newline), and the check
//! insists on that form, so that no byte of it can change without the check failing.

use crate::log::{read_checkpoint_unchecked, read_verifier};
use crate::{CliError, Outcome};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use tandoo_core::act::Act;
use tandoo_core::protocol::ProtocolKey;
use tandoo_record::{AnyRecord, Entry, OpenMode, read_all};
use tandoo_tlog::{HashSource, Proof, tree_of_record};

/// What a proof is about: its `subject`. Read strictly, so that a changed member name
/// (`"constituency"` misspelt) is refused rather than read as "no constituency named".
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Station {
    pub station: u32,
    /// Null when the proof names no constituency, but never absent.
    #[serde(deserialize_with = "Option::deserialize")]
    pub constituency: Option<u16>,
}

impl Station {
    fn covers(&self, key: &ProtocolKey) -> bool {
        key.station.0 == self.station && self.constituency.is_none_or(|c| key.constituency.0 == c)
    }
}

/// `tandoo prove`: the proof of `station` into the file `out`, or with no station, the
/// proof of every station with an accepted protocol into the directory `out`, one file
/// `station-<constituency>-<station>.json` each.
pub async fn prove(
    db: &Path,
    log: &Path,
    station: Option<Station>,
    out: &Path,
) -> Result<Outcome, CliError> {
    let (signed, checkpoint) = read_checkpoint_unchecked(&log.join("log").join("checkpoint"))?;
    let record = AnyRecord::open(db, OpenMode::ReadOnly).await?;
    let read = async {
        let tree = tree_of_record(&record)
            .await
            .map_err(|e| CliError::runtime("RECORD_DOES_NOT_VERIFY", e.to_string()))?;
        let protocols = protocol_entries(&record, station, checkpoint.size).await?;
        Ok::<_, CliError>((tree, protocols))
    }
    .await;
    record.close().await;
    let (tree, protocols) = read?;
    // The proof is of the log as published: the record must be that log, grown or not.
    if tree.size() < checkpoint.size || tree.root(checkpoint.size).ok() != Some(checkpoint.root) {
        return Err(CliError::runtime(
            "LOG_DIFFERS",
            format!(
                "the record is not the log of {} entries published in {}; publish it again",
                checkpoint.size,
                log.display()
            ),
        ));
    }
    if let Some(station) = station
        && protocols.is_empty()
    {
        return Err(CliError::input(
            "NO_ACCEPTED_PROTOCOL",
            format!(
                "the log of {} entries holds no accepted protocol of station {}",
                checkpoint.size, station.station
            ),
        ));
    }
    if station.is_none() {
        std::fs::create_dir_all(out)
            .map_err(|e| CliError::runtime("LOG_IO", format!("{}: {e}", out.display())))?;
    }
    let mut largest = 0;
    for ((constituency, number), entries) in &protocols {
        let subject = Station {
            station: *number,
            constituency: station.map_or(Some(*constituency), |s| s.constituency),
        };
        let subject = serde_json::to_value(subject)
            .map_err(|e| CliError::runtime("ENCODING", e.to_string()))?;
        let proof = Proof::make(subject, &signed, &checkpoint, &tree, entries.clone())
            .map_err(|e| CliError::runtime("LOG_IO", e.to_string()))?;
        let text = proof_text(&proof)?;
        let file = match station {
            Some(_) => out.to_path_buf(),
            None => out.join(format!("station-{constituency}-{number}.json")),
        };
        std::fs::write(&file, &text)
            .map_err(|e| CliError::runtime("LOG_IO", format!("{}: {e}", file.display())))?;
        largest = largest.max(text.len());
        if station.is_some() {
            println!(
                "wrote {}: {} entries of station {number}, in the log {} of {} entries ({} bytes)",
                file.display(),
                proof.entries.len(),
                checkpoint.origin,
                checkpoint.size,
                text.len()
            );
        }
    }
    if station.is_none() {
        println!(
            "wrote {} proofs to {}, in the log {} of {} entries (the largest {largest} bytes)",
            protocols.len(),
            out.display(),
            checkpoint.origin,
            checkpoint.size
        );
    }
    Ok(Outcome::Done)
}

/// The one written form of a proof.
fn proof_text(proof: &Proof) -> Result<String, CliError> {
    let mut text =
        serde_json::to_string(proof).map_err(|e| CliError::runtime("ENCODING", e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// A station by its constituency and number.
type StationKey = (u16, u32);

/// The entries of the accepted protocols among the first `size` entries, by station (of
/// `only`, or of every station): for each election, the latest `protocol_accepted` and the
/// `protocol_entered` acts it names, in the record's order.
async fn protocol_entries(
    record: &AnyRecord,
    only: Option<Station>,
    size: u64,
) -> Result<BTreeMap<StationKey, Vec<Entry>>, CliError> {
    let wanted = |key: &ProtocolKey| only.is_none_or(|s| s.covers(key));
    let station_of = |key: &ProtocolKey| (key.constituency.0, key.station.0);
    // The latest acceptance of each station and election, and every operator's entry.
    let mut accepted: BTreeMap<(StationKey, String), (Entry, Act)> = BTreeMap::new();
    let mut entered: BTreeMap<StationKey, Vec<(Entry, Act)>> = BTreeMap::new();
    let mut pages = read_all(record);
    'pages: while let Some(page) = pages.next_page().await? {
        for entry in page {
            if entry.seq > size {
                break 'pages;
            }
            match parse_act(&entry) {
                Some(act @ Act::ProtocolAccepted { .. }) => {
                    if let Act::ProtocolAccepted { key, .. } = &act
                        && wanted(key)
                    {
                        let at = (station_of(key), key.election.to_string());
                        accepted.insert(at, (entry, act));
                    }
                }
                Some(act @ Act::ProtocolEntered { .. }) => {
                    if let Act::ProtocolEntered { key, .. } = &act
                        && wanted(key)
                    {
                        entered
                            .entry(station_of(key))
                            .or_default()
                            .push((entry, act));
                    }
                }
                _ => {}
            }
        }
    }
    let mut out: BTreeMap<StationKey, Vec<Entry>> = BTreeMap::new();
    for ((station, _), (acceptance, act)) in accepted {
        let Act::ProtocolAccepted {
            key,
            version,
            entries,
            ..
        } = act
        else {
            continue;
        };
        let list = out.entry(station).or_default();
        for (entry, act) in entered.get(&station).into_iter().flatten() {
            if matches!(act, Act::ProtocolEntered { key: k, version: v, entry: n, .. }
                if *k == key && *v == version && entries.contains(n))
            {
                list.push(entry.clone());
            }
        }
        list.push(acceptance);
    }
    for list in out.values_mut() {
        list.sort_by_key(|e| e.seq);
    }
    Ok(out)
}

fn parse_act(entry: &Entry) -> Option<Act> {
    serde_json::from_value(entry.act.clone()).ok()
}

/// `tandoo check-proof`: every file; failed if any one fails.
pub fn check_proofs(files: &[std::path::PathBuf], key: &str) -> Result<Outcome, CliError> {
    let key = read_verifier(key)?;
    let mut outcome = Outcome::Done;
    for file in files {
        if files.len() > 1 {
            println!("{}:", file.display());
        }
        if let Outcome::Failed = check_proof(file, &key)? {
            outcome = Outcome::Failed;
        }
    }
    Ok(outcome)
}

fn check_proof(file: &Path, key: &tandoo_tlog::NoteVerifier) -> Result<Outcome, CliError> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| CliError::input("FILE_NOT_FOUND", format!("{}: {e}", file.display())))?;
    let failed = |why: String| {
        println!("FAILED: {why}");
        Ok(Outcome::Failed)
    };
    let proof: Proof = match serde_json::from_str(&text) {
        Ok(proof) => proof,
        Err(e) => return failed(format!("{} is not a proof: {e}", file.display())),
    };
    if proof_text(&proof)? != text {
        return failed(format!(
            "{} is not in the form tandoo writes a proof in: it was changed after it was written",
            file.display()
        ));
    }
    let checkpoint = match proof.check(key) {
        Ok(checkpoint) => checkpoint,
        Err(e) => return failed(e.to_string()),
    };
    match check_protocols(&proof) {
        Ok(lines) => {
            for line in lines {
                println!("{line}");
            }
            println!(
                "ok: {} entries, each in the log {} of {} entries signed by {}",
                proof.entries.len(),
                checkpoint.origin,
                checkpoint.size,
                key.to_text()
            );
            Ok(Outcome::Done)
        }
        Err(why) => failed(why),
    }
}

/// That the entries are what the proof says: the accepted protocols of its station, each
/// with the entries its acceptance names. One line per protocol.
fn check_protocols(proof: &Proof) -> Result<Vec<String>, String> {
    // Both members are required (`constituency` may be null): a proof that lost one was
    // changed.
    let subject: Station = serde_json::from_value(proof.subject.clone())
        .map_err(|e| format!("the proof's subject is not a station: {e}"))?;
    let station = subject.station;
    let mut lines = Vec::new();
    let entries: Vec<(&Entry, Act)> = proof
        .entries
        .iter()
        .map(|p| {
            parse_act(&p.entry)
                .map(|act| (&p.entry, act))
                .ok_or_else(|| format!("entry {}: not an act tandoo knows", p.entry.seq))
        })
        .collect::<Result<_, _>>()?;
    for (entry, act) in &entries {
        match act {
            Act::ProtocolAccepted {
                key,
                version,
                entries: named,
                ..
            } => {
                if !subject.covers(key) {
                    return Err(format!(
                        "entry {}: the protocol of station {} is not of station {station}",
                        entry.seq, key.station.0
                    ));
                }
                for n in named {
                    let found = entries.iter().any(|(_, a)| {
                        matches!(a, Act::ProtocolEntered { key: k, version: v, entry: e, .. }
                            if k == key && v == version && e == n)
                    });
                    if !found {
                        return Err(format!(
                            "entry {}: the operators' entry {n} it accepts is not in the proof",
                            entry.seq
                        ));
                    }
                }
                lines.push(format!(
                    "station {}, constituency {}, election {}: protocol version {version} \
                     accepted at entry {} ({})",
                    key.station.0, key.constituency.0, key.election, entry.seq, entry.legal_date
                ));
            }
            Act::ProtocolEntered { key, .. } if subject.covers(key) => {}
            _ => {
                return Err(format!(
                    "entry {}: not an entry of the protocol of station {station}",
                    entry.seq
                ));
            }
        }
    }
    if lines.is_empty() {
        return Err("the proof holds no accepted protocol".into());
    }
    Ok(lines)
}
