//! The accounts, password, audit, elections, stations and record screens drawn without a
//! server: what they show, which forms they hold for whom, and that what people wrote is
//! text, never markup.

use tandoo_core::ids::{CommissionId, ConstituencyNo};
use tandoo_core::{Role, Stamp, State, decide};
use tandoo_present::Language;
use tandoo_workplace::accounts::{self, Account, NewAccount, Problem};
use tandoo_workplace::audit::{self, AuditFilter, AuditPage, AuditRow};
use tandoo_workplace::record::{self, PageCheck, Timeline, TimelineEntry};
use tandoo_workplace::{Screen, Viewer, address, elections};

/// The state after the demo's first step: its commissions, constituencies and elections.
fn setup() -> State {
    let mut state = State::default();
    let mut seq = 0;
    let step = tandoo_demo::story().into_iter().next().unwrap();
    for submission in step.submissions {
        for act in decide(&state, &submission).unwrap() {
            seq += 1;
            state
                .apply(
                    Stamp {
                        seq,
                        date: submission.date,
                    },
                    &act,
                )
                .unwrap();
        }
    }
    state
}

fn viewer(role: Role) -> Viewer {
    Viewer {
        user: String::from("cec.admin"),
        role,
        commission: CommissionId::new("CEC"),
        csrf_token: String::from("token-of-the-session"),
    }
}

fn account(user: &str, role: Role, disabled: bool) -> Account {
    Account {
        user: user.to_owned(),
        role,
        commission: CommissionId::new("CEC"),
        disabled,
    }
}

#[test]
fn the_accounts_list_escapes_names_and_offers_no_change_of_the_viewers_own_or_a_disabled_account() {
    let state = setup();
    let admin = viewer(Role::Administrator);
    let screen = Screen::new(Language::En, Some(&admin), address::ACCOUNTS);
    let list = [
        account("cec.admin", Role::Administrator, false),
        account("<script>alert(1)</script>", Role::Operator, false),
        account("old.operator", Role::Operator, true),
    ];
    let html = accounts::list(
        &screen,
        &state,
        &list,
        &NewAccount::default(),
        &[],
        None,
        12,
    );
    assert!(!html.contains("<script>alert"), "names are text");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // Only the one active account that is not the viewer's can be disabled or re-roled.
    assert_eq!(html.matches("/disable\"").count(), 1, "{html}");
    assert_eq!(html.matches("/role\"").count(), 1, "{html}");
    assert!(html.contains(&address::disable_account("<script>alert(1)</script>")));
    assert!(html.contains("/staff/accounts/%3Cscript%3Ealert%281%29%3C%2Fscript%3E/disable"));
    // Every form carries the session's token; the commission list is the record's.
    let forms = html.matches("<form").count();
    assert_eq!(
        html.matches("name=\"csrf\" value=\"token-of-the-session\"")
            .count(),
        forms
    );
    assert!(html.contains("value=\"DEC-13\""), "{html}");
    assert!(html.contains("<caption>"));
    assert!(html.contains("at least 12 characters"));
}

#[test]
fn a_refused_account_comes_back_with_what_was_typed_and_the_problem_beside_its_field() {
    let state = setup();
    let admin = viewer(Role::Administrator);
    let screen = Screen::new(Language::En, Some(&admin), address::ACCOUNTS);
    let typed = NewAccount {
        user: String::from("dec13.operator"),
        role: String::from("operator"),
        commission: String::from("DEC-13"),
    };
    let problem = Problem::for_code("ACCOUNT_EXISTS").unwrap();
    let html = accounts::list(&screen, &state, &[], &typed, &[problem], None, 12);
    assert!(html.contains("value=\"dec13.operator\""));
    assert!(html.contains("id=\"user-problem\""));
    assert!(html.contains("aria-describedby=\"user-problem\""));
    assert!(
        html.contains("href=\"#user\""),
        "the summary links to the field"
    );
    assert!(html.contains("There is already an account"));
    assert!(Problem::for_code("RECORD_UNAVAILABLE").is_none());
}

#[test]
fn the_password_screen_asks_for_the_current_password_and_the_new_one_twice() {
    let state = setup();
    let observer = viewer(Role::Observer);
    let screen = Screen::new(Language::Ru, Some(&observer), address::PASSWORD);
    let html = accounts::password(&screen, &state, &[], false, 12);
    for field in ["current", "password", "password_again"] {
        assert!(html.contains(&format!("<label for=\"{field}\"")), "{field}");
    }
    assert_eq!(html.matches("autocomplete=\"new-password\"").count(), 2);
    assert!(html.contains("Текущий пароль"));
}

#[test]
fn the_audit_log_pages_keep_the_filter_and_the_export_takes_it_too() {
    let state = setup();
    let admin = viewer(Role::Administrator);
    let screen = Screen::new(Language::En, Some(&admin), address::AUDIT);
    let rows = [AuditRow {
        at: String::from("2026-02-13T08:00:00Z"),
        event: String::from("account_added"),
        user: String::from("dec13.operator"),
        address: String::from("192.0.2.10"),
        detail: String::from("operator of DEC-13; by cec.admin"),
    }];
    let filter = AuditFilter {
        user: String::from("dec13 operator"),
        event: String::from("account_added"),
        from: String::from("2026-02-13"),
        to: String::new(),
    };
    let html = audit::page(
        &screen,
        &state,
        &AuditPage {
            rows: &rows,
            filter: &filter,
            events: &["login", "account_added"],
            page: 2,
            more: true,
            bad_date: false,
        },
    );
    let query = "user=dec13%20operator&amp;event=account_added&amp;from=2026-02-13";
    assert!(
        html.contains(&format!("/staff/audit?{query}&amp;page=1")),
        "{html}"
    );
    assert!(html.contains(&format!("/staff/audit?{query}&amp;page=3")));
    assert!(html.contains(&format!("/staff/audit.csv?{query}")));
    assert!(html.contains("<option value=\"account_added\" selected>account added</option>"));
    assert!(html.contains("operator of DEC-13; by cec.admin"));
}

#[test]
fn the_elections_show_their_calendar_and_link_each_constituency_to_its_stations() {
    let state = setup();
    let observer = viewer(Role::Observer);
    let screen = Screen::new(Language::En, Some(&observer), address::ELECTIONS);
    let html = elections::list(&screen, &state);
    let election = state.elections.values().next().unwrap();
    let calendar = election.calendar();
    assert!(html.contains(&tandoo_present::date::date(
        calendar.voting_day,
        Language::En
    )));
    assert!(html.contains(&tandoo_present::date::date(
        calendar.results_by,
        Language::En
    )));
    assert!(html.contains(&address::stations(ConstituencyNo(13)).replace('&', "&amp;")));
    assert!(html.contains("called"));

    let at_stations = Screen::new(
        Language::En,
        Some(&observer),
        address::stations(ConstituencyNo(13)),
    );
    let stations = elections::stations(&at_stations, &state, Some(ConstituencyNo(13))).unwrap();
    assert!(
        stations.contains("<a href=\"/staff/stations\" aria-current=\"page\">"),
        "the menu marks the screen chosen by its query"
    );
    let roll = &state.rolls[&ConstituencyNo(13)];
    assert_eq!(
        stations.matches("<th scope=\"row\">").count(),
        roll.station_ids.len()
    );
    assert!(elections::stations(&screen, &state, Some(ConstituencyNo(999))).is_none());
    let choose = elections::stations(&screen, &state, None).unwrap();
    assert!(choose.contains(&address::stations(ConstituencyNo(13))));
}

#[test]
fn the_timeline_shows_the_newest_act_first_and_says_where_the_chain_breaks() {
    let state = setup();
    let observer = viewer(Role::Observer);
    let screen = Screen::new(Language::En, Some(&observer), address::RECORD);
    let entries = [
        TimelineEntry {
            seq: 1,
            legal_date: None,
            act: None,
            actor: Some(String::from("cec.secretary")),
        },
        TimelineEntry {
            seq: 2,
            legal_date: None,
            act: None,
            actor: None,
        },
    ];
    let timeline = |check| Timeline {
        entries: &entries,
        head_seq: 2,
        head_hash: "ab12",
        check,
        page: 1,
    };
    let html = record::page(&screen, &state, &timeline(PageCheck::Verified));
    assert!(html.find("<th scope=\"row\">2</th>") < html.find("<th scope=\"row\">1</th>"));
    assert!(html.contains("ab12"));
    assert!(html.contains("withheld until"));
    assert!(!html.contains("rel=\"next\""), "one page only");
    let broken = record::page(&screen, &state, &timeline(PageCheck::BrokenAt(2)));
    assert!(broken.contains("The chain breaks at act 2"));
}
