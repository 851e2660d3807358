//! Refusals, control relations and count errors in words, in all three languages: every
//! refusal of core reads in Russian and Kyrgyz without falling back to English, with its
//! fields in their places, numbers and money written as the language writes them.

mod examples;

use examples::{cec, failure, one_of_each, warned};
use fluent_bundle::FluentArgs;
use tandoo_core::Refusal;
use tandoo_core::actor::Role;
use tandoo_core::candidate::Standing;
use tandoo_core::ids::{
    CandidateId, CommissionId, ConstituencyNo, ElectionId, MemberId, StationId,
};
use tandoo_core::money::Money;
use tandoo_core::permission::CommandKind;
use tandoo_core::protocol::{AcceptedFigures, FormError, ProtocolForm};
use tandoo_core::refusal::{Action, Concerning, Entity, Lapse};
use tandoo_core::resolution::EffectKind;
use tandoo_count::CountError;
use tandoo_present::{Language, catalog, count_error, refusal, relation_with_figures};

const NBSP: char = '\u{a0}';

fn cyrillic(text: &str) -> bool {
    text.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
}

#[test]
fn every_refusal_reads_in_each_language_with_every_field_given() {
    for r in one_of_each() {
        let english = refusal(&r, Language::En);
        assert!(
            !english.contains('{') && !english.starts_with("refusal-"),
            "{english}"
        );
        for language in [Language::Ru, Language::Ky] {
            let text = refusal(&r, language);
            // A message that lacked an argument would fall back to the English one.
            assert_ne!(text, english, "{} in {language} is the English", r.code());
            assert!(cyrillic(&text) && !text.contains('{'), "{text}");
        }
    }
}

#[test]
fn a_refusal_of_an_unknown_station_reads_in_all_three_languages() {
    let r = Refusal::Unknown {
        entity: Entity::Station,
        id: "1234".into(),
        within: None,
    };
    assert_eq!(
        refusal(&r, Language::En),
        "there is no polling station 1234"
    );
    assert_eq!(refusal(&r, Language::Ru), "избирательного участка 1234 нет");
    assert_eq!(refusal(&r, Language::Ky), "1234 деген шайлоо участкасы жок");
}

#[test]
fn fee_not_paid_writes_the_sums_in_som_as_each_language_does() {
    let r = Refusal::FeeNotPaid {
        candidate: CandidateId::new("c-1"),
        paid: Money::whole(100_000),
        fee: Money::whole(300_000),
    };
    assert_eq!(
        refusal(&r, Language::En),
        "candidate c-1 has paid 100,000 som of the election fee of 300,000 som; registration needs the whole fee"
    );
    assert_eq!(
        refusal(&r, Language::Ru),
        format!(
            "кандидат c-1 внёс 100{NBSP}000{NBSP}сом из избирательного залога 300{NBSP}000{NBSP}сом; для регистрации нужен весь залог"
        )
    );
    assert!(
        refusal(&r, Language::Ky).contains(&format!("300{NBSP}000{NBSP}сом шайлоо күрөөсүнүн"))
    );
}

#[test]
fn roles_standings_and_reasons_given_as_codes_are_worded() {
    let r = Refusal::NotAuthorised {
        role: Role::Observer,
        action: CommandKind::RegisterCandidate,
    };
    assert_eq!(
        refusal(&r, Language::Ru),
        "роль «наблюдатель» не даёт права: регистрировать кандидатов"
    );
    assert!(refusal(&r, Language::Ky).starts_with("«байкоочу» ролу"));
    assert_eq!(
        refusal(&r, Language::En),
        "an observer may not register candidates"
    );
    let secretary = Refusal::NotAuthorised {
        role: Role::Secretary,
        action: CommandKind::EnterProtocol,
    };
    assert_eq!(
        refusal(&secretary, Language::En),
        "a secretary may not enter protocols"
    );
    let r = Refusal::WrongStanding {
        candidate: CandidateId::new("c-1"),
        standing: Standing::Withdrawn,
        action: CommandKind::RegisterCandidate,
    };
    assert_eq!(
        refusal(&r, Language::Ru),
        "кандидат c-1 в статусе «выбыл», поэтому не может быть зарегистрирован"
    );
    assert_eq!(
        refusal(&r, Language::En),
        "candidate c-1 is withdrawn, so cannot be registered"
    );
    let r = Refusal::NotInForce {
        resolution: cec(45),
        why: Lapse::Rescinded,
    };
    assert_eq!(
        refusal(&r, Language::Ru),
        "постановление CEC 45/2026 не действует (оно уже отменено), поэтому его нельзя отменить"
    );
    let r = Refusal::NotInForce {
        resolution: cec(45),
        why: Lapse::NotAdopted,
    };
    assert_eq!(
        refusal(&r, Language::En),
        "resolution CEC 45/2026 is not in force (it was not adopted), so it cannot be rescinded"
    );
}

#[test]
fn a_rejected_protocol_names_each_relation_it_breaks_in_the_readers_language() {
    let r = Refusal::ProtocolRejected {
        failures: vec![failure("E01"), failure("E03")],
    };
    assert_eq!(
        refusal(&r, Language::Ru),
        format!(
            "протокол не соответствует 2 контрольным соотношениям: ошибка E01: L2 (1{NBSP}000) должно равняться L3 + L4 + L5 (680 + 0 + 1 = 681); полученные бюллетени выданы или погашены; ошибка E03: L2 (1{NBSP}000) должно равняться L3 + L4 + L5 (680 + 0 + 1 = 681); действительные бюллетени — это голоса за кандидатов и «против всех»"
        )
    );
    assert!(refusal(&r, Language::Ky).contains("«баарына каршы»"));
    assert!(refusal(&r, Language::En).starts_with("the protocol does not pass 2 control relations: error E01: L2 (1,000) must equal L3 + L4 + L5 (680 + 0 + 1 = 681); ballots received are issued or cancelled; error E03"));
    let one = Refusal::ProtocolRejected {
        failures: vec![failure("E02")],
    };
    assert!(
        refusal(&one, Language::En)
            .starts_with("the protocol does not pass a control relation: error E02")
    );
    assert!(
        refusal(&one, Language::Ru)
            .starts_with("протокол не соответствует 1 контрольному соотношению")
    );
}

#[test]
fn russian_chooses_the_plural_form_by_the_number() {
    let warnings = |n: usize| Refusal::WarningsNotAcknowledged {
        warnings: vec![warned("W01"); n],
    };
    assert!(
        refusal(&warnings(1), Language::Ru).starts_with("в протоколе 1 предупреждение, которое")
    );
    assert!(
        refusal(&warnings(3), Language::Ru).starts_with("в протоколе 3 предупреждения, которые")
    );
    assert!(
        refusal(&warnings(5), Language::Ru).starts_with("в протоколе 5 предупреждений, которые")
    );
    assert!(
        refusal(&warnings(21), Language::Ru).starts_with("в протоколе 21 предупреждение, которое")
    );
    assert!(
        refusal(&warnings(1), Language::En).starts_with("the protocol has a warning the operator")
    );
    let minutes = |n: u64, language| {
        let mut args = FluentArgs::new();
        args.set("minutes", n);
        catalog::text(language, "api-TOO_MANY_ATTEMPTS", Some(&args))
    };
    assert!(minutes(1, Language::Ru).ends_with("через 1 минуту"));
    assert!(minutes(3, Language::Ru).ends_with("через 3 минуты"));
    assert!(minutes(5, Language::Ru).ends_with("через 5 минут"));
    assert!(minutes(5, Language::Ky).contains("5 мүнөттөн кийин"));
    assert!(minutes(1, Language::En).ends_with("try again in one minute"));
    assert!(minutes(5, Language::En).ends_with("try again in 5 minutes"));
}

#[test]
fn a_relation_is_worded_with_the_figures_on_each_side() {
    let form = ProtocolForm::kyrgyz();
    let mut figures = AcceptedFigures::default();
    for (line, value) in [
        ("L1", 2000),
        ("L2", 1000),
        ("L3", 680),
        ("L4", 0),
        ("L5", 1),
        ("L7", 0),
        ("L8", 660),
        ("L9", 60),
        ("L10", 600),
    ] {
        figures.lines.insert(line.into(), value);
    }
    figures.candidates.insert(CandidateId::new("c-1"), 590);
    figures.candidates.insert(CandidateId::new("c-2"), 10);
    let e01 = &form.relations[0];
    assert_eq!(
        relation_with_figures(&form, e01, &figures, Language::Ru),
        format!(
            "ошибка E01: L2 (1{NBSP}000) должно равняться L3 + L4 + L5 (680 + 0 + 1 = 681); полученные бюллетени выданы или погашены"
        )
    );
    assert_eq!(
        relation_with_figures(&form, e01, &figures, Language::En),
        "error E01: L2 (1,000) must equal L3 + L4 + L5 (680 + 0 + 1 = 681); ballots received are issued or cancelled"
    );
    let w03 = form.relations.iter().find(|r| r.code == "W03").unwrap();
    assert_eq!(
        relation_with_figures(&form, w03, &figures, Language::En),
        "warning W03: L9 (60) is 9.09% of L7 + L8 (0 + 660 = 660); invalid ballots at most 5% of the ballots in the boxes"
    );
    let w04 = form.relations.iter().find(|r| r.code == "W04").unwrap();
    assert!(
        relation_with_figures(&form, w04, &figures, Language::Ky).contains(&format!(
            "c-1 талапкери L10 (600) ичинен 590 алды (98,33{NBSP}%)"
        ))
    );
}

#[test]
fn a_count_error_reads_in_each_language_with_its_numbers_grouped() {
    let e = CountError::TooManySeats {
        seats: 200_000,
        available: 100_000,
        why: "no contest fills more seats than that".into(),
    };
    assert_eq!(
        count_error(&e, Language::En),
        "200,000 seats cannot be filled: only 100,000 can be (no contest fills more seats than that)"
    );
    assert!(
        count_error(&e, Language::Ru)
            .contains(&format!("(200{NBSP}000): можно только 100{NBSP}000"))
    );
    assert!(count_error(&CountError::MissingSeed, Language::Ky).contains("чүчүкулак"));
    for code in tandoo_count::error::CODES {
        for language in Language::ALL {
            assert!(catalog::has(language, &format!("count-{code}")));
        }
    }
}

#[test]
fn a_bound_on_a_command_names_its_field_in_the_readers_words() {
    let r = Refusal::BlankText { field: "title" };
    assert_eq!(refusal(&r, Language::En), "the title must not be blank");
    assert_eq!(
        refusal(&r, Language::Ru),
        "поле «название» не должно быть пустым или состоять из одних пробелов"
    );
    assert_eq!(
        refusal(&r, Language::Ky),
        "«аталышы» талаасы бош же боштуктардан гана турбашы керек"
    );
    let r = Refusal::IdentifierTooLong {
        field: "actor.user",
        length: 65,
        max: 64,
    };
    assert_eq!(
        refusal(&r, Language::Ru),
        "в поле «имя пользователя исполнителя» 65 символов; идентификатор может содержать не больше 64 символов"
    );
    assert!(
        refusal(&r, Language::Ky).starts_with("«аткаруучунун колдонуучу аты» талаасы 65 белгиден")
    );
    // A field the catalog does not know yet is shown as core names it.
    let r = Refusal::EmptyIdentifier { field: "no.such" };
    assert_eq!(
        refusal(&r, Language::Ru),
        "поле «no.such» не должно быть пустым"
    );
}

#[test]
fn a_character_a_field_may_not_hold_is_shown_by_its_code_point() {
    let r = Refusal::BadCharacter {
        field: "name",
        code_point: 0x202E,
    };
    assert!(refusal(&r, Language::En).ends_with("(U+202E)"));
    assert!(refusal(&r, Language::Ru).ends_with("символ (U+202E)"));
    assert!(refusal(&r, Language::Ky).contains("(U+202E)"));
    let tab = Refusal::BadCharacter {
        field: "id",
        code_point: 9,
    };
    assert!(refusal(&tab, Language::En).ends_with("(U+0009)"));
}

#[test]
fn russian_words_lengths_and_sizes_with_the_plural_form_their_number_takes() {
    let text = |length: usize, max: usize| Refusal::TextTooLong {
        field: "form.relations.description",
        length,
        max,
    };
    assert!(
        refusal(&text(2_001, 2_000), Language::Ru).contains(&format!(
            "2{NBSP}001 символ; допускается не больше 2{NBSP}000 символов"
        ))
    );
    assert!(
        refusal(&text(302, 301), Language::Ru)
            .contains("302 символа; допускается не больше 301 символа")
    );
    assert!(refusal(&text(305, 300), Language::Ru).contains("305 символов"));
    assert_eq!(
        refusal(&text(2_001, 2_000), Language::En),
        "the description of a control relation is 2,001 characters long; at most 2,000"
    );
    let command = |size: usize| Refusal::CommandTooLarge { size, max: 65_536 };
    assert_eq!(
        refusal(&command(70_000), Language::Ru),
        format!("команда занимает 70{NBSP}000 байт; допускается не больше 65{NBSP}536 байт")
    );
    assert!(
        refusal(&command(70_002), Language::Ru)
            .starts_with(&format!("команда занимает 70{NBSP}002 байта;"))
    );
    assert_eq!(
        refusal(&command(70_000), Language::Ky),
        format!("буйрук 70{NBSP}000 байттан турат; 65{NBSP}536 байттан ашпашы керек")
    );
}

#[test]
fn identifiers_and_years_in_the_new_refusals_are_never_grouped() {
    let r = Refusal::NoFreeResolutionNumber {
        commission: CommissionId::new("DEC-13"),
        year: 2026,
    };
    assert_eq!(
        refusal(&r, Language::Ru),
        "у комиссии DEC-13 не осталось свободных номеров постановлений на 2026 год"
    );
    assert_eq!(
        refusal(&r, Language::Ky),
        "DEC-13 комиссиясында 2026-жылга токтомдун бош номери калган жок"
    );
    let r = Refusal::ResolutionNumberTooLarge {
        number: 1_000_000,
        max: 999_999,
    };
    assert_eq!(
        refusal(&r, Language::En),
        "resolution number 1000000 is beyond the largest, 999999"
    );
    let r = Refusal::StationOutsideConstituency {
        election: ElectionId::new("PARL-2025"),
        station: StationId(1234),
        home: ConstituencyNo(13),
        constituency: ConstituencyNo(14),
    };
    assert_eq!(
        refusal(&r, Language::Ru),
        "избирательный участок № 1234 относится к избирательному округу № 13; на выборах PARL-2025 протокол участка не учитывается по другому избирательному округу (№ 14)"
    );
    let r = Refusal::SettlerMadeEntry {
        settler: "sup.1".into(),
        station: StationId(1234),
        constituency: ConstituencyNo(13),
        entry: 2,
    };
    assert!(refusal(&r, Language::Ky).contains("2-киргизүүнү жасаган"));
    assert!(refusal(&r, Language::Ru).starts_with("sup.1 сделал(а) ввод 2"));
}

/// A message by key with `args`, as the caller of a code that core or the server does not
/// give yet will word it.
fn worded(language: Language, key: &str, args: &[(&str, FluentValueOf)]) -> String {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        match value {
            FluentValueOf::Text(text) => fluent.set(*name, text.to_string()),
            FluentValueOf::Number(n) => fluent.set(*name, *n),
        }
    }
    let text = catalog::message(language, key, Some(&fluent));
    text.unwrap_or_else(|| panic!("{language} {key} does not read with {:?}", fluent))
}

#[derive(Clone, Copy)]
enum FluentValueOf {
    Text(&'static str),
    Number(u64),
}

#[test]
fn messages_prepared_for_the_coming_codes_read_with_the_fields_those_codes_carry() {
    use FluentValueOf::{Number, Text};
    let open = |n| {
        let complaints = [("constituency", Text("13")), ("count", Number(n))];
        let mut args = complaints.to_vec();
        args.push(("complaints", Text("C-1, C-2")));
        args
    };
    assert!(
        worded(Language::Ru, "refusal-OPEN_COMPLAINTS", &open(2))
            .contains("2 жалобы остаются нерассмотренными")
    );
    assert!(
        worded(Language::Ru, "refusal-OPEN_COMPLAINTS", &open(5))
            .contains("5 жалоб остаются нерассмотренными")
    );
    assert!(
        worded(Language::En, "refusal-OPEN_COMPLAINTS", &open(1)).contains("has a complaint still")
    );
    let lot = |named: &'static str| {
        vec![
            ("member", Text("m-3")),
            ("meeting", Text("M-7")),
            ("named", Text(named)),
        ]
    };
    for language in Language::ALL {
        let at = worded(language, "refusal-LOT_NOT_DRAWN_IN_MEETING", &lot("yes"));
        assert!(at.contains("m-3") && at.contains("M-7"), "{at}");
        let none = worded(language, "refusal-LOT_NOT_DRAWN_IN_MEETING", &lot("no"));
        assert!(none.contains("m-3") && !none.contains("M-7"), "{none}");
    }
    assert_eq!(
        worded(Language::Ru, "api-BODY_TIMEOUT", &[("seconds", Number(20))]),
        "тело запроса не пришло в течение 20 секунд"
    );
    assert_eq!(
        worded(
            Language::Ru,
            "ledger-RECORD_CONTENDED",
            &[("attempts", Number(20))]
        ),
        "другие процессы продолжали дописывать запись (20 попыток); ничего не записано, попробуйте снова"
    );
    let later = [
        ("date", Text("1 марта 2026 г.")),
        ("what", Text("жалобу")),
        ("id", Text("C-1")),
        ("dated", Text("2 марта 2026 г.")),
    ];
    assert!(worded(Language::Ru, "refusal-REFERS_TO_LATER", &later).contains("на жалобу C-1"));
}

#[test]
fn a_refusal_of_competence_names_the_action_and_what_it_concerns() {
    let r = Refusal::OutsideCompetence {
        commission: CommissionId::new("DEC-13"),
        action: Action::Command(CommandKind::FileComplaint),
        concerning: Some(Concerning::Commission(CommissionId::new("CEC"))),
    };
    assert_eq!(
        refusal(&r, Language::En),
        "DEC-13 has no competence to record complaints for commission CEC"
    );
    assert_eq!(
        refusal(&r, Language::Ru),
        "DEC-13 не имеет полномочий: записывать жалобы (избирательная комиссия CEC)"
    );
    let r = Refusal::OutsideCompetence {
        commission: CommissionId::new("DEC-13"),
        action: Action::Effect(EffectKind::OrderRecount),
        concerning: Some(Concerning::Constituency(ConstituencyNo(14))),
    };
    assert_eq!(
        refusal(&r, Language::En),
        "DEC-13 has no competence to order recounts in constituency 14"
    );
    assert!(
        refusal(&r, Language::Ky)
            .ends_with("добуштарды кайра эсептөөнү дайындоо (№ 14 шайлоо округу)")
    );
    let r = Refusal::OutsideCompetence {
        commission: CommissionId::new("DEC-13"),
        action: Action::Effect(EffectKind::CancelElection),
        concerning: None,
    };
    assert_eq!(
        refusal(&r, Language::En),
        "DEC-13 has no competence to cancel elections"
    );
    assert_eq!(
        refusal(&r, Language::Ru),
        "DEC-13 не имеет полномочий: отменять выборы"
    );
}

#[test]
fn an_unknown_member_is_named_with_the_commission_it_was_looked_for_in() {
    let r = Refusal::Unknown {
        entity: Entity::Member,
        id: "m-9".into(),
        within: Some(CommissionId::new("DEC-13")),
    };
    assert_eq!(
        refusal(&r, Language::En),
        "there is no member m-9 of commission DEC-13"
    );
    assert_eq!(
        refusal(&r, Language::Ru),
        "в составе избирательной комиссии DEC-13 нет члена комиссии m-9"
    );
    let r = Refusal::AlreadyExists {
        entity: Entity::Station,
        id: "1234".into(),
    };
    assert_eq!(
        refusal(&r, Language::Ru),
        "избирательный участок 1234 уже существует"
    );
}

#[test]
fn the_rules_on_a_commands_values_read_with_their_figures_written_as_each_language_does() {
    let r = Refusal::FigureTooLarge {
        field: "voters",
        value: 1_000_000_001,
        max: 1_000_000_000,
    };
    assert_eq!(
        refusal(&r, Language::En),
        "the number of voters on the list is 1,000,000,001; no polling station has more than 1,000,000,000"
    );
    assert!(refusal(&r, Language::Ru).contains(&format!(
        "«число избирателей в списке» указано 1{NBSP}000{NBSP}000{NBSP}001"
    )));
    let r = Refusal::PaymentTooLarge {
        amount: Money(100_000_000_001),
        max: Money::whole(1_000_000_000),
    };
    assert_eq!(
        refusal(&r, Language::En),
        "a fee payment of 1,000,000,000.01 som is beyond any fee (at most 1,000,000,000 som)"
    );
    let r = Refusal::FormNotUsable {
        why: FormError::RoleNotALine { term: "Z".into() },
    };
    assert_eq!(
        refusal(&r, Language::Ru),
        "форма протокола непригодна: роли формы указывают на «Z», но такой строки в форме нет"
    );
    let r = Refusal::EmptyList { field: "agenda" };
    assert_eq!(
        refusal(&r, Language::En),
        "at least one agenda item must be given"
    );
}

#[test]
fn the_elected_and_the_reasons_a_count_fails_are_worded() {
    let r = Refusal::ElectedNotAllocated {
        constituency: ConstituencyNo(13),
        allocated: vec![],
        named: vec![CandidateId::new("c-1")],
    };
    assert_eq!(
        refusal(&r, Language::En),
        "in constituency 13 the count elects nobody, not c-1"
    );
    assert!(refusal(&r, Language::Ru).contains("избраны никто, а не c-1"));
    let r = Refusal::CountFailed {
        constituency: ConstituencyNo(13),
        declared_invalid_by: cec(50),
    };
    assert_eq!(
        refusal(&r, Language::En),
        "the count in constituency 13 cannot elect anyone: its election is declared invalid by resolution CEC 50/2026"
    );
    let repeat = |kind| refusal(&Refusal::RepeatMismatch { kind }, Language::En);
    assert_eq!(
        repeat(tandoo_core::election::ElectionKind::Repeat),
        "a repeat election must name the election it repeats"
    );
    assert_eq!(
        repeat(tandoo_core::election::ElectionKind::Regular),
        "only a repeat election names an election it repeats"
    );
    let r = Refusal::DuplicateVote {
        member: MemberId::new("m-2"),
    };
    assert_eq!(
        refusal(&r, Language::Ky),
        "комиссиянын мүчөсү m-2 эки жолу добуш берди"
    );
}
