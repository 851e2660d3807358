//! Invented names for the generated candidates and commission members. The story's own
//! people keep their published names; everyone else is made up and marked as such in the
//! demo's documentation.

use crate::rng::SplitMix;
use tandoo_count::Gender;

const MEN: &[&str] = &[
    "Azamat",
    "Bakyt",
    "Nurlan",
    "Ulan",
    "Erlan",
    "Timur",
    "Adilet",
    "Kanat",
    "Bolot",
    "Daniyar",
    "Ermek",
    "Kubanych",
    "Marat",
    "Almaz",
    "Tilek",
    "Emil",
    "Ruslan",
    "Zhyrgalbek",
];
const WOMEN: &[&str] = &[
    "Aizada", "Gulnara", "Nazgul", "Aigerim", "Cholpon", "Elmira", "Zhyldyz", "Asel", "Baktygul",
    "Dinara", "Kunduz", "Meerim", "Aida", "Venera", "Saltanat", "Begimai",
];
const SURNAMES: &[&str] = &[
    "Abdraimov",
    "Asanov",
    "Bakirov",
    "Dzhumabaev",
    "Esenaliev",
    "Isakov",
    "Kadyrov",
    "Mamyrov",
    "Nurmatov",
    "Omurbekov",
    "Sadykov",
    "Tokoev",
    "Usenov",
    "Zhaparov",
    "Kasymov",
    "Beishenaliev",
    "Toktogulov",
    "Sultanaliev",
    "Akmatov",
    "Osmonov",
    "Temirov",
    "Chynybaev",
    "Ryskulov",
    "Duishenov",
];

pub fn person(rng: &mut SplitMix, gender: Gender) -> String {
    let surname = SURNAMES[rng.between(0, SURNAMES.len() as u64 - 1) as usize];
    match gender {
        Gender::Male => format!(
            "{} {surname}",
            MEN[rng.between(0, MEN.len() as u64 - 1) as usize]
        ),
        Gender::Female => format!(
            "{} {surname}a",
            WOMEN[rng.between(0, WOMEN.len() as u64 - 1) as usize]
        ),
    }
}
