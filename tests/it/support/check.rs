//! Bases for the `check` tests, and damaging them by raw SQL.
#![allow(dead_code)]

use super::cli::Sandbox;
use rusqlite::Connection;

/// AN, R001 (caisse +30), D001 (lbp −100 split 80/20), D002 (caisse −12,35)
/// cancelled by D002-A, D003 (caisse −50), V001 (lbp → pro 200).
pub fn base() -> Sandbox {
    let s = Sandbox::empty();
    s.ok(&[
        "init",
        "--coop",
        "Coopérative scolaire de l'école Jules Ferry",
        "--exercice",
        "2024-2025",
        "--opening",
        "caisse=100",
        "--opening",
        "lbp=500",
    ]);
    s.ok(&[
        "add",
        "--account",
        "caisse",
        "--date",
        "12/09/2024",
        "--amount",
        "30",
        "--recette",
        "--category",
        "75620008",
        "--label",
        "Participation CP",
    ]);
    s.ok(&[
        "add",
        "--account",
        "lbp",
        "--date",
        "20/09/2024",
        "--amount",
        "100",
        "--depense",
        "--split",
        "62810008=80",
        "--split",
        "61681008=20",
        "--label",
        "Cotisation OCCE",
    ]);
    s.ok(&[
        "add",
        "--account",
        "caisse",
        "--date",
        "05/11/2024",
        "--amount",
        "12,35",
        "--depense",
        "--category",
        "6068",
        "--label",
        "Colle",
    ]);
    s.ok(&["cancel", "--piece", "D002"]);
    s.ok(&[
        "add",
        "--account",
        "caisse",
        "--date",
        "10/10/2024",
        "--amount",
        "50",
        "--depense",
        "--category",
        "6068",
        "--label",
        "Peinture",
    ]);
    s.ok(&[
        "transfer",
        "--from",
        "lbp",
        "--to",
        "pro",
        "--date",
        "24/10/2024",
        "--amount",
        "200",
        "--label",
        "Solde LBP",
    ]);
    s
}

pub fn demo() -> Sandbox {
    let s = Sandbox::empty();
    s.ok(&["demo", "--no-tui"]);
    s
}

pub fn damage(s: &Sandbox, sql: &str) {
    let conn = Connection::open(s.db()).expect("open");
    conn.execute_batch(&format!("PRAGMA foreign_keys = OFF; {sql}"))
        .expect("damage");
}

pub fn query(s: &Sandbox, sql: &str) -> i64 {
    let conn = Connection::open(s.db()).expect("open");
    conn.query_row(sql, [], |r| r.get(0)).expect("query")
}

pub fn id_of(s: &Sandbox, piece: &str) -> i64 {
    query(s, &format!("SELECT id FROM entry WHERE piece = '{piece}'"))
}

/// Runs `check`, which must exit 1; returns the findings (stdout lines)
/// and asserts the summary on stderr.
pub fn findings(s: &Sandbox) -> Vec<String> {
    let out = s.run(&["check"]);
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    let lines: Vec<String> = stdout.lines().map(str::to_string).collect();
    let n = lines.len();
    let summary = if n > 1 {
        format!("{n} anomalies trouvées")
    } else {
        "1 anomalie trouvée".to_string()
    };
    assert!(
        stderr.starts_with(&format!("coopcompta : {summary} (")) && stderr.lines().count() == 1,
        "{stderr}"
    );
    lines
}

pub fn finds(s: &Sandbox, line: &str) {
    let found = findings(s);
    assert!(
        found.iter().any(|l| l == line),
        "expected « {line} » among:\n{}",
        found.join("\n")
    );
}

pub fn finds_only(s: &Sandbox, line: &str) {
    assert_eq!(findings(s), vec![line.to_string()]);
}

pub fn query_text(s: &Sandbox, sql: &str) -> String {
    let conn = Connection::open(s.db()).expect("open");
    conn.query_row(sql, [], |r| r.get(0)).expect("query")
}
