//! The geopolitical units: the country, made of its constituencies, each made of the polling
//! stations whose voters' lists are its own. A station's voters on the register are its
//! `VotersRegistered`, a constituency's those of its roll.

use crate::ids;
use crate::model::{ReportingUnit, ReportingUnitType};
use crate::text;
use tandoo_core::State;

/// What `OtherType` calls a constituency's unit.
pub const CONSTITUENCY: &str = "constituency";

pub fn units(state: &State) -> Vec<ReportingUnit> {
    let mut units = Vec::with_capacity(1 + state.constituencies.len() + state.stations.len());
    units.push(ReportingUnit {
        id: ids::COUNTRY.into(),
        kind: ReportingUnitType::Country,
        other_type: None,
        number: None,
        name: None,
        composing_gp_unit_ids: state
            .constituencies
            .keys()
            .map(|&n| ids::constituency(n))
            .collect(),
        voters_registered: Some(state.rolls.values().map(|roll| roll.voters).sum()),
    });
    for (&number, def) in &state.constituencies {
        units.push(ReportingUnit {
            id: ids::constituency(number),
            kind: ReportingUnitType::Other,
            other_type: Some(CONSTITUENCY.into()),
            number: Some(number.to_string()),
            name: Some(text::written(&def.name)),
            composing_gp_unit_ids: state
                .stations
                .values()
                .filter(|station| station.constituency == number)
                .map(|station| ids::station(station.number))
                .collect(),
            voters_registered: state.rolls.get(&number).map(|roll| roll.voters),
        });
    }
    for station in state.stations.values() {
        units.push(ReportingUnit {
            id: ids::station(station.number),
            kind: ReportingUnitType::PollingPlace,
            other_type: None,
            number: Some(station.number.to_string()),
            name: (!station.name.is_empty()).then(|| text::plain(&station.name)),
            composing_gp_unit_ids: Vec::new(),
            voters_registered: Some(station.voters),
        });
    }
    units
}
