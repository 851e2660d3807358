//! Invented names for the generated candidates and commission members, each as it would be
//! written in an application (Cyrillic) with its Latin form. The story's own people keep
//! their published names; everyone else is made up and marked as such in the demo's
//! documentation.

use crate::rng::SplitMix;
use tandoo_count::Gender;

/// A name as written in the application, and in Latin letters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    pub registered: String,
    pub latin: String,
}

impl Name {
    pub fn new(registered: &str, latin: &str) -> Name {
        Name {
            registered: registered.into(),
            latin: latin.into(),
        }
    }
}

/// Given names and surnames as (Cyrillic, Latin) pairs.
const MEN: &[(&str, &str)] = &[
    ("Азамат", "Azamat"),
    ("Бакыт", "Bakyt"),
    ("Нурлан", "Nurlan"),
    ("Улан", "Ulan"),
    ("Эрлан", "Erlan"),
    ("Тимур", "Timur"),
    ("Адилет", "Adilet"),
    ("Канат", "Kanat"),
    ("Болот", "Bolot"),
    ("Данияр", "Daniyar"),
    ("Эрмек", "Ermek"),
    ("Кубаныч", "Kubanych"),
    ("Марат", "Marat"),
    ("Алмаз", "Almaz"),
    ("Тилек", "Tilek"),
    ("Эмиль", "Emil"),
    ("Руслан", "Ruslan"),
    ("Жыргалбек", "Zhyrgalbek"),
];
const WOMEN: &[(&str, &str)] = &[
    ("Айзада", "Aizada"),
    ("Гульнара", "Gulnara"),
    ("Назгуль", "Nazgul"),
    ("Айгерим", "Aigerim"),
    ("Чолпон", "Cholpon"),
    ("Эльмира", "Elmira"),
    ("Жылдыз", "Zhyldyz"),
    ("Асель", "Asel"),
    ("Бактыгуль", "Baktygul"),
    ("Динара", "Dinara"),
    ("Кундуз", "Kunduz"),
    ("Мээрим", "Meerim"),
    ("Аида", "Aida"),
    ("Венера", "Venera"),
    ("Салтанат", "Saltanat"),
    ("Бегимай", "Begimai"),
];
const SURNAMES: &[(&str, &str)] = &[
    ("Абдраимов", "Abdraimov"),
    ("Асанов", "Asanov"),
    ("Бакиров", "Bakirov"),
    ("Джумабаев", "Dzhumabaev"),
    ("Эсеналиев", "Esenaliev"),
    ("Исаков", "Isakov"),
    ("Кадыров", "Kadyrov"),
    ("Мамыров", "Mamyrov"),
    ("Нурматов", "Nurmatov"),
    ("Омурбеков", "Omurbekov"),
    ("Садыков", "Sadykov"),
    ("Токоев", "Tokoev"),
    ("Усенов", "Usenov"),
    ("Жапаров", "Zhaparov"),
    ("Касымов", "Kasymov"),
    ("Бейшеналиев", "Beishenaliev"),
    ("Токтогулов", "Toktogulov"),
    ("Султаналиев", "Sultanaliev"),
    ("Акматов", "Akmatov"),
    ("Осмонов", "Osmonov"),
    ("Темиров", "Temirov"),
    ("Чыныбаев", "Chynybaev"),
    ("Рыскулов", "Ryskulov"),
    ("Дуйшенов", "Duishenov"),
];

/// An invented name of the given gender: a given name and a surname, a woman's surname
/// taking the feminine ending (`-ова`, `-ova`).
pub fn person(rng: &mut SplitMix, gender: Gender) -> Name {
    let (surname, latin_surname) = SURNAMES[rng.between(0, SURNAMES.len() as u64 - 1) as usize];
    match gender {
        Gender::Male => {
            let (given, latin) = MEN[rng.between(0, MEN.len() as u64 - 1) as usize];
            Name {
                registered: format!("{given} {surname}"),
                latin: format!("{latin} {latin_surname}"),
            }
        }
        Gender::Female => {
            let (given, latin) = WOMEN[rng.between(0, WOMEN.len() as u64 - 1) as usize];
            Name {
                registered: format!("{given} {surname}а"),
                latin: format!("{latin} {latin_surname}a"),
            }
        }
    }
}
