//! What a first-time walk through the command line found: an export to a
//! closed pipe that complained, and messages that sent the user's escape
//! sequences straight to the terminal.

use crate::support::cli::Sandbox;
use std::process::{Command, Stdio};

/// A coop of exercice 2024-2025 with 8,00 in the caisse and one recette.
fn coop() -> Sandbox {
    let s = Sandbox::empty();
    s.ok(&[
        "init",
        "--coop",
        "Coopérative des Lilas",
        "--exercice",
        "2024-2025",
        "--opening",
        "caisse=8",
    ]);
    s.ok(&[
        "add",
        "--account",
        "caisse",
        "--date",
        "01/10/2024",
        "--amount",
        "3",
        "--recette",
        "--category",
        "7080",
        "--label",
        "Vente de gâteaux",
        "--mode",
        "especes",
    ]);
    s
}

fn files_in(s: &Sandbox) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(s.path(""))
        .expect("sandbox")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Runs with stdout a pipe whose reader has already gone (`| head -0`).
fn run_into_closed_pipe(s: &Sandbox, args: &[&str]) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_coopcompta"))
        .arg("--db")
        .arg(s.db())
        .args(args)
        .env_remove("COOPCOMPTA_DB")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    drop(child.stdout.take());
    child.wait_with_output().expect("binary ends")
}

#[test]
fn an_export_to_a_closed_pipe_ends_quietly() {
    let s = coop();
    for args in [
        &["export", "ledger", "--out", "-"][..],
        &["export", "ledger", "--out", "-", "--format", "fr"],
    ] {
        let out = run_into_closed_pipe(&s, args);
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "",
            "{args:?}: no « la sortie a été fermée »"
        );
        assert_eq!(out.status.code(), Some(0), "{args:?}");
    }
}

#[test]
fn refusals_never_send_the_users_escape_sequences_to_the_terminal() {
    let s = coop();
    let before = s.ok(&["balance"]);
    let files = files_in(&s);
    let add = |amount: &str, date: &str| {
        s.fails(&[
            "add",
            "--account",
            "caisse",
            "--date",
            date,
            "--amount",
            amount,
            "--recette",
            "--category",
            "7080",
            "--label",
            "x",
            "--mode",
            "especes",
        ])
    };
    assert_eq!(
        add("3\u{1b}[2J", "01/10/2024"),
        "coopcompta : Montant : « 3␛[2J » n'est pas un montant : chiffres attendus, par exemple 12,50\n"
    );
    assert_eq!(
        add("3", "\u{1b}]0;pwn\u{7}"),
        "coopcompta : Date : « ␛]0;pwn␇ » n'est pas une date : jj/mm/aaaa attendu (ex. 12/09/2024, 12/09 ou 2024-09-12)\n"
    );
    assert_eq!(
        s.fails(&["export", "ledger", "--out", "\u{1b}[31mrouge/x.csv"]),
        "coopcompta : écriture du fichier ␛[31mrouge/x.csv impossible : dossier introuvable (vérifiez le chemin)\n"
    );
    // A C1 control (the one-byte CSI) and a bidirectional override too.
    assert_eq!(
        s.fails(&["restore", "copie\u{9b}2J\u{202e}.db"]),
        "coopcompta : fichier copie<U+009B>2J<U+202E>.db : introuvable (vérifiez le chemin et le dossier)\n"
    );
    assert_eq!(s.ok(&["balance"]), before, "nothing was written");
    assert_eq!(files_in(&s), files, "no file was created");
}

#[test]
fn a_warning_keeps_its_text_readable() {
    let s = coop();
    s.ok(&[
        "pupils", "add", "--nom", "MARTIN", "--prenom", "Léa", "--class", "CP",
    ]);
    s.ok(&["campaign", "add", "--name", "Sortie", "--amount", "8"]);
    let give = || {
        s.run(&[
            "contribution",
            "--campaign",
            "Sortie",
            "--pupil",
            "MARTIN Léa",
            "--amount",
            "8",
            "--channel",
            "especes",
            "--date",
            "02/10/2024",
        ])
    };
    assert!(give().status.success());
    let again = give();
    assert!(again.status.success());
    assert_eq!(
        String::from_utf8_lossy(&again.stderr),
        "attention : MARTIN Léa (CP) a déjà une participation pour cette campagne (8,00 € le 02/10, espèces)\n",
        "tabs, accents and spaces stay as they are"
    );
}

/// The base copied to a USB key as the README says, `-wal` included, while
/// its last change was still in that journal (after a crash, or copied
/// while open): a connection left open, never checkpointed.
fn copy_with_pending_journal(s: &Sandbox, name: &str) -> std::path::PathBuf {
    let live = s.path("vivante.db");
    std::fs::copy(s.db(), &live).expect("copy");
    let conn = rusqlite::Connection::open(&live).expect("open");
    conn.pragma_update(None, "journal_mode", "WAL")
        .expect("wal");
    conn.pragma_update(None, "wal_autocheckpoint", 0)
        .expect("no checkpoint");
    conn.execute("UPDATE coop SET name = 'Coopérative des Tilleuls'", [])
        .expect("change");
    let copy = s.path(name);
    std::fs::copy(&live, &copy).expect("copy base");
    std::fs::copy(s.path("vivante.db-wal"), s.path(&format!("{name}-wal"))).expect("copy wal");
    drop(conn);
    copy
}

#[test]
fn a_copy_with_its_journal_beside_it_is_not_restored_without_its_last_changes() {
    let s = coop();
    let copy = copy_with_pending_journal(&s, "cle.db");
    let mut wal = copy.as_os_str().to_os_string();
    wal.push("-wal");
    assert!(std::fs::metadata(&wal).expect("journal").len() > 0);
    let files = files_in(&s);
    let copy_text = copy.display().to_string();
    assert_eq!(
        s.fails(&["restore", &copy_text]),
        format!(
            "coopcompta : {copy_text} a encore un journal {copy_text}-wal à côté : ses derniers \
             changements n'y sont pas encore intégrés ; rien n'a été remis en place : lancez \
             d'abord « coopcompta --db {copy_text} check » (qui les intègre), puis recommencez\n"
        )
    );
    assert_eq!(files_in(&s), files, "nothing created, no copy kept");
    // What the message says to do brings the change in, then the copy is
    // restored whole.
    s.run_with(Some(&copy), &["check"], &[]);
    let done = s.ok(&["restore", &copy_text]);
    assert!(
        done.contains("remise en place : Coopérative des Tilleuls, 2 écritures"),
        "{done}"
    );
}
