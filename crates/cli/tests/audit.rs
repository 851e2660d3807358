//! `tandoo audit`: the audit log beside the record, which `tandoo user` writes to as well
//! as the server.

use std::process::{Command, Output};

fn tandoo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tandoo"))
        .args(args)
        .env("TANDOO_PASSWORD", "a long enough password")
        .output()
        .expect("tandoo runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn account_changes_are_read_back_with_tandoo_audit_by_user_and_date() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("record.sqlite");
    // Accounts are kept beside a record that exists: start one with the story's first act.
    let setup = dir.path().join("setup.jsonl");
    let first = &tandoo_demo::story()[0].submissions[0];
    std::fs::write(&setup, serde_json::to_string(first).unwrap()).unwrap();
    let db = db.to_str().unwrap();
    let created = tandoo(&["apply", "--create", "--db", db, setup.to_str().unwrap()]);
    assert!(created.status.success(), "{created:?}");
    for user in ["cec.secretary", "cec.operator"] {
        let added = tandoo(&[
            "user",
            "add",
            "--db",
            db,
            "--user",
            user,
            "--role",
            "operator",
            "--commission",
            "CEC",
        ]);
        assert!(added.status.success(), "{added:?}");
    }
    let disabled = tandoo(&["user", "disable", "--db", db, "--user", "cec.operator"]);
    assert!(disabled.status.success(), "{disabled:?}");

    let all = tandoo(&["audit", "--db", db]);
    assert!(all.status.success(), "{all:?}");
    let lines: Vec<String> = stdout(&all).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[0].contains("\taccount_added\tcec.secretary\tlocal\toperator of CEC"));
    assert!(lines[2].contains("\taccount_disabled\tcec.operator\tlocal\t"));
    assert!(
        lines[0].ends_with("operator of CEC") && lines[0].contains('T') && lines[0].contains("Z\t")
    );

    let one = tandoo(&["audit", "--db", db, "--user", "cec.operator"]);
    assert_eq!(stdout(&one).lines().count(), 2);
    let later = tandoo(&["audit", "--db", db, "--since", "2199-12-31"]);
    assert_eq!(stdout(&later).trim(), "No entries.");
    let bad = tandoo(&["audit", "--db", db, "--since", "yesterday"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("BAD_DATE"));
}
