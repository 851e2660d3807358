//! Every refusal code of the protocol keys and the bounds is written in docs/commands.md,
//! so a person reading a refusal finds what it means.

use tandoo_core::Refusal;

const DOCS: &str = include_str!("../../../docs/commands.md");

#[test]
fn the_codes_of_protocol_keys_numbers_and_bounds_are_in_docs_commands_md() {
    let refusals = [
        Refusal::SettlerMadeEntry {
            settler: "s".into(),
            station: 1,
            constituency: 1,
            entry: 1,
        },
        Refusal::StationOutsideConstituency {
            election: "E".into(),
            station: 1,
            home: 2,
            constituency: 1,
        },
        Refusal::NoFreeResolutionNumber {
            commission: "CEC".into(),
            year: 2026,
        },
        Refusal::ResolutionNumberTooLarge { number: 1, max: 1 },
        Refusal::IdentifierTooLong {
            field: "id",
            length: 1,
            max: 1,
        },
        Refusal::EmptyIdentifier { field: "id" },
        Refusal::BadCharacter {
            field: "name",
            code_point: 0x202E,
        },
        Refusal::BlankText { field: "name" },
        Refusal::TextTooLong {
            field: "name",
            length: 1,
            max: 1,
        },
        Refusal::CommandTooLarge { size: 1, max: 1 },
    ];
    for refusal in refusals {
        assert!(
            DOCS.contains(&format!("`{}`", refusal.code())),
            "{} is not in docs/commands.md",
            refusal.code()
        );
    }
}
