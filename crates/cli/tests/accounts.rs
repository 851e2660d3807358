//! `tandoo user`: accounts are added with a password from the environment or standard
//! input, listed without it, disabled; and they never reach the record.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn tandoo(args: &[&str], password: Option<&str>, stdin: &str) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tandoo"));
    command
        .args(args)
        .env_remove("TANDOO_PASSWORD")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(password) = password {
        command.env("TANDOO_PASSWORD", password);
    }
    let mut child = command.spawn().expect("tandoo runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn add(db: &Path, user: &str, role: &str, password: Option<&str>, stdin: &str) -> Output {
    let db = db.to_str().unwrap();
    tandoo(
        &[
            "user",
            "add",
            "--db",
            db,
            "--user",
            user,
            "--role",
            role,
            "--commission",
            "CEC",
        ],
        password,
        stdin,
    )
}

#[test]
fn accounts_are_added_listed_and_disabled_and_stay_out_of_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("record.sqlite");
    // Accounts are kept beside a record that exists (L6): start one.
    let setup = dir.path().join("setup.jsonl");
    let first = &tandoo_demo::story()[0].submissions[0];
    std::fs::write(&setup, serde_json::to_string(first).unwrap()).unwrap();
    let created = tandoo(
        &[
            "apply",
            "--create",
            "--db",
            db.to_str().unwrap(),
            setup.to_str().unwrap(),
        ],
        None,
        "",
    );
    assert!(created.status.success(), "{}", text(&created));
    let from_env = add(
        &db,
        "cec.secretary",
        "secretary",
        Some("a long enough password"),
        "",
    );
    assert!(from_env.status.success(), "{}", text(&from_env));
    let from_stdin = add(
        &db,
        "cec.operator",
        "operator",
        None,
        "another long password\nignored\n",
    );
    assert!(from_stdin.status.success(), "{}", text(&from_stdin));

    let short = add(&db, "x", "observer", Some("too short"), "");
    assert_eq!(short.status.code(), Some(2));
    assert!(
        text(&short).contains("PASSWORD_TOO_SHORT"),
        "{}",
        text(&short)
    );
    let again = add(
        &db,
        "cec.operator",
        "operator",
        Some("a long enough password"),
        "",
    );
    assert!(text(&again).contains("ACCOUNT_EXISTS"), "{}", text(&again));
    let bad_role = add(&db, "y", "king", None, "");
    assert!(
        text(&bad_role).contains("BAD_ROLE"),
        "asked before the password: {}",
        text(&bad_role)
    );

    let path = db.to_str().unwrap();
    let disable = tandoo(
        &["user", "disable", "--db", path, "--user", "cec.operator"],
        None,
        "",
    );
    assert!(disable.status.success(), "{}", text(&disable));
    let list = tandoo(&["user", "list", "--db", path], None, "");
    let listed = String::from_utf8_lossy(&list.stdout);
    assert_eq!(
        listed,
        "cec.operator\toperator\tCEC\tdisabled\ncec.secretary\tsecretary\tCEC\n"
    );

    // The record still holds its one act and verifies: accounts are not acts.
    let verify = tandoo(&["verify", "--db", path], None, "");
    assert!(verify.status.success(), "{}", text(&verify));
    assert!(
        text(&verify).starts_with("ok: 1 act verified"),
        "{}",
        text(&verify)
    );
    let export = tandoo(&["export", "--db", path], None, "");
    assert_eq!(export.stdout.iter().filter(|&&b| b == b'\n').count(), 1);
    let unknown = tandoo(
        &["user", "disable", "--db", path, "--user", "nobody"],
        None,
        "",
    );
    assert!(text(&unknown).contains("UNKNOWN_ACCOUNT"));
}

#[test]
fn an_account_is_given_another_role_and_commission_and_the_audit_log_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("record.sqlite");
    let setup = dir.path().join("setup.jsonl");
    let first = &tandoo_demo::story()[0].submissions[0];
    std::fs::write(&setup, serde_json::to_string(first).unwrap()).unwrap();
    let path = db.to_str().unwrap();
    let created = tandoo(
        &["apply", "--create", "--db", path, setup.to_str().unwrap()],
        None,
        "",
    );
    assert!(created.status.success(), "{}", text(&created));
    let added = add(
        &db,
        "cec.operator",
        "operator",
        Some("a long enough password"),
        "",
    );
    assert!(added.status.success(), "{}", text(&added));

    let role = |user: &str, role: &str| {
        tandoo(
            &[
                "user",
                "role",
                "--db",
                path,
                "--user",
                user,
                "--role",
                role,
                "--commission",
                "DEC-13",
            ],
            None,
            "",
        )
    };
    let changed = role("cec.operator", "supervisor");
    assert!(changed.status.success(), "{}", text(&changed));
    assert_eq!(
        String::from_utf8_lossy(&changed.stdout),
        "cec.operator is now supervisor of DEC-13.\n"
    );
    let list = tandoo(&["user", "list", "--db", path], None, "");
    assert_eq!(
        String::from_utf8_lossy(&list.stdout),
        "cec.operator\tsupervisor\tDEC-13\n"
    );
    assert!(text(&role("cec.operator", "king")).contains("BAD_ROLE"));
    assert!(text(&role("nobody", "observer")).contains("UNKNOWN_ACCOUNT"));

    let audit = tandoo(&["audit", "--db", path], None, "");
    assert!(
        String::from_utf8_lossy(&audit.stdout).contains(
            "\taccount_role_changed\tcec.operator\tlocal\toperator of CEC to supervisor of DEC-13"
        ),
        "{}",
        text(&audit)
    );
}
