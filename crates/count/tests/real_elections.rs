//! Published results of real elections, reproduced exactly from the published votes.
//!
//! Every figure below is copied from the publication cited above its test; the
//! seats asserted are the seats the publication gives. Only parties that took part
//! in the allocation are listed (those over the threshold or otherwise eligible);
//! the others cannot take seats under the rules of these elections.

use serde_json::{Value, json};
use tandoo_count::allocate_json;

fn seats(request: Value) -> Vec<(String, u64)> {
    let out = allocate_json(&request).unwrap_or_else(|e| panic!("refused: {e}"));
    out["allocation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap().to_owned(),
                p["seats"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn parties(figures: &[(&str, u64, u64)]) -> (Value, Vec<(String, u64)>) {
    let request = figures
        .iter()
        .map(|&(id, votes, _)| json!({"id": id, "votes": votes}))
        .collect::<Vec<_>>();
    let expected = figures
        .iter()
        .map(|&(id, _, s)| (id.to_owned(), s))
        .collect();
    (json!(request), expected)
}

/// Kyrgyz Republic, Jogorku Kenesh election of 28 November 2021, list part: 54 seats
/// by the Hare quota and largest remainder among the parties over 5% of the voters
/// who took part. Source: Central Commission for Elections and Referenda of the
/// Kyrgyz Republic, final results of the 2021 election (qualifying parties' votes and
/// seats; Hare quota 15,068.28). The quota's base is the qualifying parties' votes,
/// 813,687 = 54 × 15,068.28 (rounded).
#[test]
fn kyrgyzstan_2021_list_part_hare() {
    let (p, expected) = parties(&[
        ("Ata-Zhurt Kyrgyzstan", 222_005, 15),
        ("Ishenim", 174_470, 12),
        ("Yntymak", 141_009, 9),
        ("Alliance", 106_955, 7),
        ("Butun Kyrgyzstan", 90_223, 6),
        ("Yiman Nuru", 79_025, 5),
    ]);
    let request = json!({"method": "hare", "seats": 54, "cap": {"max_share": "50"}, "parties": p});
    assert_eq!(seats(request.clone()), expected);
    let out = allocate_json(&request).unwrap();
    assert_eq!(out["quota"]["decimal"], json!("15068.28"));
}

/// New Zealand general election of 23 September 2017: 120 seats by Sainte-Laguë
/// among parties with 5% of the party vote or an electorate seat (ACT won Epsom).
/// Source: New Zealand Electoral Commission, "2017 General Election – Official
/// Result: Summary of Overall Results" (party votes; list seats + electorate seats:
/// National 15 + 41, Labour 17 + 29, NZ First 9 + 0, Green 8 + 0, ACT 0 + 1).
#[test]
fn new_zealand_2017_sainte_lague() {
    let (p, expected) = parties(&[
        ("National", 1_152_075, 56),
        ("Labour", 956_184, 46),
        ("NZ First", 186_706, 9),
        ("Green", 162_443, 8),
        ("ACT", 13_075, 1),
    ]);
    assert_eq!(
        seats(json!({"method": "sainte_lague", "seats": 120, "parties": p})),
        expected
    );
}

/// New Zealand general election of 27 November 1999: 120 seats by Sainte-Laguë among
/// parties with 5% of the party vote or an electorate seat (NZ First won Tauranga,
/// United NZ won Ohariu-Belmont). Source: New Zealand Electoral Commission, "1999
/// General Election – Official Result: Summary of Overall Results" (party votes;
/// list seats + electorate seats: ACT 9 + 0, Alliance 9 + 1, Green 6 + 1, Labour
/// 8 + 41, National 17 + 22, NZ First 4 + 1, United NZ 0 + 1).
#[test]
fn new_zealand_1999_sainte_lague() {
    let (p, expected) = parties(&[
        ("ACT", 145_493, 9),
        ("Alliance", 159_859, 10),
        ("Green", 106_560, 7),
        ("Labour", 800_199, 49),
        ("National", 629_932, 39),
        ("NZ First", 87_926, 5),
        ("United NZ", 11_065, 1),
    ]);
    assert_eq!(
        seats(json!({"method": "sainte_lague", "seats": 120, "parties": p})),
        expected
    );
}

/// New Zealand general election of 14 October 2023: 120 seats by Sainte-Laguë among
/// the six eligible parties. Te Pāti Māori's party vote entitled it to 4 seats; it
/// won 6 electorates, so Parliament grew by an overhang of 2 to 122. Sources: New
/// Zealand Electoral Commission, "2023 General Election official results" (3
/// November 2023: National 48, Labour 34, Green 15, ACT 11, NZ First 8, Te Pāti Māori
/// 6, overhang 2), and its official party-vote totals.
#[test]
fn new_zealand_2023_sainte_lague_entitlement() {
    let (p, expected) = parties(&[
        ("National", 1_085_851, 48),
        ("Labour", 767_540, 34),
        ("Green", 330_907, 15),
        ("ACT", 246_473, 11),
        ("NZ First", 173_553, 8),
        ("Te Pati Maori", 87_844, 4),
    ]);
    assert_eq!(
        seats(json!({"method": "sainte_lague", "seats": 120, "parties": p})),
        expected
    );
}

/// New Zealand general election of 17 October 2020, election-night (preliminary)
/// result: 120 seats by Sainte-Laguë among the eligible parties (the Māori Party won
/// Waiariki). Source: New Zealand Electoral Commission, press release "Election
/// Night Results For The 2020 General Election", 18 October 2020 (Labour 64,
/// National 35, ACT 10, Green 10, Māori Party 1).
#[test]
fn new_zealand_2020_preliminary_sainte_lague() {
    let (p, expected) = parties(&[
        ("Labour", 1_169_397, 64),
        ("National", 638_393, 35),
        ("ACT", 190_106, 10),
        ("Green", 180_224, 10),
        ("Maori", 23_938, 1),
    ]);
    assert_eq!(
        seats(json!({"method": "sainte_lague", "seats": 120, "parties": p})),
        expected
    );
}

/// Swedish Riksdag election of 11 September 2022: the 349 seats are divided
/// nationally among the parties over 4% by modified Sainte-Laguë with a first divisor
/// of 1.2. Source: Valmyndigheten (Swedish Election Authority), final result of the
/// 2022 Riksdag election (votes and seats per party).
#[test]
fn sweden_2022_modified_sainte_lague_first_divisor_1_2() {
    let (p, expected) = parties(&[
        ("S", 1_964_474, 107),
        ("SD", 1_330_325, 73),
        ("M", 1_237_428, 68),
        ("V", 437_050, 24),
        ("C", 434_945, 24),
        ("KD", 345_712, 19),
        ("MP", 329_242, 18),
        ("L", 298_542, 16),
    ]);
    let request = json!({"method": "modified_sainte_lague", "first_divisor": "1.2", "seats": 349, "parties": p});
    assert_eq!(seats(request), expected);
}
