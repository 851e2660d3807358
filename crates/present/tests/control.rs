//! Control failures and warnings in words, in all three languages: what a relation found,
//! with the figures on each side as the language writes them, then what the relation asks.

// The refusals' examples are shared; this file takes only the control findings of them.
#[allow(dead_code)]
mod examples;

use examples::{failure, not_equal};
use tandoo_core::protocol::{ControlFailure, Finding, Warning};
use tandoo_present::{Language, control_failure, warning};

const NBSP: char = '\u{a0}';

#[test]
fn a_control_failure_reads_by_its_relations_code() {
    assert_eq!(
        control_failure(&failure("E01"), Language::En),
        "error E01: L2 (1,000) must equal L3 + L4 + L5 (680 + 0 + 1 = 681); ballots received are issued or cancelled"
    );
    assert_eq!(
        control_failure(&failure("E01"), Language::Ru),
        format!(
            "ошибка E01: L2 (1{NBSP}000) должно равняться L3 + L4 + L5 (680 + 0 + 1 = 681); полученные бюллетени выданы или погашены"
        )
    );
    assert!(
        control_failure(&failure("E04"), Language::Ky).starts_with("ката E04: L2 (1\u{a0}000)")
            && control_failure(&failure("E04"), Language::Ky)
                .ends_with("; кутулардагы бюллетендер берилгенден көп эмес")
    );
    let own = ControlFailure {
        code: "R1".into(),
        finding: not_equal(),
    };
    assert_eq!(
        control_failure(&own, Language::Ru),
        format!("ошибка R1: L2 (1{NBSP}000) должно равняться L3 + L4 + L5 (680 + 0 + 1 = 681)"),
        "a relation of a commission's own form is known by what it found"
    );
    let missing = ControlFailure {
        code: "E07".into(),
        finding: Finding::LineMissing { line: "L4".into() },
    };
    assert_eq!(
        control_failure(&missing, Language::Ru),
        "ошибка E07: не заполнена строка L4; каждое число — целое, не меньше 0, и заполнены все строки протокола"
    );
    let register = Warning {
        code: "W_REGISTER".into(),
        finding: Finding::OffRegister {
            line: "L1".into(),
            voters_on_list: 20_000,
            took_part: 1_500,
            registered: 2_000,
            margin_percent: 10,
        },
    };
    assert!(
        warning(&register, Language::En).starts_with(
            "warning W_REGISTER: L1 (20,000) or those who took part (1,500) differ from the 2,000 voters registered at the station by more than 10%"
        ),
        "{}",
        warning(&register, Language::En)
    );
}

#[test]
fn the_register_warning_reads_in_each_language() {
    let w = Warning {
        code: "W_REGISTER".into(),
        finding: Finding::OffRegister {
            line: "L1".into(),
            voters_on_list: 20_000,
            took_part: 1_500,
            registered: 2_000,
            margin_percent: 10,
        },
    };
    assert_eq!(
        warning(&w, Language::Ru),
        format!(
            "предупреждение W_REGISTER: число избирателей в списке, L1 (20{NBSP}000), или число принявших участие в голосовании (1{NBSP}500) отличается от числа избирателей, зарегистрированных на избирательном участке (2{NBSP}000), больше чем на 10 %; число избирателей в списке и число принявших участие в голосовании отличаются от числа избирателей, зарегистрированных на избирательном участке, не больше допуска набора правил"
        )
    );
    assert!(
        warning(&w, Language::Ky).starts_with("эскертүү W_REGISTER: тизмедеги шайлоочулар, L1 (20")
    );
    assert!(warning(&w, Language::En).contains("by more than 10%"));
}
