//! The bank reconciliation from the command line: each command's exact
//! output on a small statement, and its refusals (exit 1, one French line,
//! nothing written). Statement files in the canonical shape
//! `date;montant;libelle` with ISO dates.

use crate::support::cli::Sandbox;

/// The Lilas, 2024-2025, with 1 000,00 € on the Compte Pro and a 12,50 €
/// purchase by card on 04/10/2024 (D001).
fn sandbox() -> Sandbox {
    let s = Sandbox::empty();
    s.ok(&[
        "init",
        "--coop",
        "Coopérative des Lilas",
        "--exercice",
        "2024-2025",
        "--opening",
        "caisse=50",
        "--opening",
        "pro=1000",
    ]);
    s.ok(&[
        "add",
        "--account",
        "pro",
        "--date",
        "04/10/2024",
        "--amount",
        "12,50",
        "--depense",
        "--category",
        "606",
        "--label",
        "Papeterie",
        "--mode",
        "carte",
    ]);
    s
}

fn write(s: &Sandbox, name: &str, text: &str) -> String {
    let path = s.path(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

const OCTOBER: &str = "date;montant;libelle\n2024-10-04;-12,50;CARTE X1234 PAPETERIE\n2024-10-05;-3,20;FRAIS TENUE DE COMPTE\n2024-10-07;45,00;VIR MAIRIE SUBVENTION\n";

/// What a refused command must leave as it was: every row of the tables
/// the reconciliation writes.
fn rows(s: &Sandbox) -> Vec<i64> {
    let conn = rusqlite::Connection::open(s.db()).unwrap();
    [
        "entry",
        "entry_line",
        "audit",
        "import_batch",
        "bank_line",
        "bank_match",
        "statement_balance",
    ]
    .iter()
    .map(|t| {
        conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
            .unwrap()
    })
    .collect()
}

/// The import stamps are the wall clock's: shown as `T`.
fn stamps(text: &str) -> String {
    text.lines()
        .map(|l| {
            l.split('\t')
                .map(|c| {
                    if c.len() == 19 && c.as_bytes().get(10) == Some(&b'T') {
                        "T"
                    } else {
                        c
                    }
                })
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn import_bank_prints_its_summary_and_never_imports_twice() {
    let s = sandbox();
    let file = write(&s, "releve-octobre.csv", OCTOBER);
    assert_eq!(
        s.ok(&["import", "bank", &file, "--account", "pro"]),
        "batch\t1\nimported\t3\nduplicates\t0\nskipped\t0\nmatched\t1\n"
    );
    let before = rows(&s);
    assert_eq!(
        s.ok(&["import", "bank", &file, "--account", "pro"]),
        "batch\t-\nimported\t0\nduplicates\t3\nskipped\t0\nnote\trien de nouveau : les 3 lignes sont déjà importées\n"
    );
    assert_eq!(rows(&s), before, "nothing written");
    let later = write(
        &s,
        "releve-novembre.csv",
        "date;montant;libelle\n2024-10-07;45,00;VIR MAIRIE SUBVENTION\n2024-11-02;-8,00;CARTE X1234 LIBRAIRIE\n2025-09-02;-1,00;HORS EXERCICE\n",
    );
    assert_eq!(
        s.ok(&["import", "bank", &later, "--account", "pro"]),
        "batch\t2\nimported\t1\nduplicates\t1\nskipped\t0\noutside_exercice\t1\nmatched\t0\n"
    );
    assert_eq!(
        stamps(&s.ok(&["imports"])),
        "2\tT\tbanque-pro\treleve-novembre.csv\t1\n1\tT\tbanque-pro\treleve-octobre.csv\t3"
    );
}

#[test]
fn bank_lines_reconcile_and_statement() {
    let s = sandbox();
    let file = write(&s, "releve.csv", OCTOBER);
    s.ok(&["import", "bank", &file, "--account", "pro"]);
    assert_eq!(
        s.ok(&["bank", "lines", "--account", "pro"]),
        "1\t2024-10-04\t-12.50\tCARTE X1234 PAPETERIE\trapproché D001\n\
         2\t2024-10-05\t-3.20\tFRAIS TENUE DE COMPTE\tà rapprocher\n\
         3\t2024-10-07\t45.00\tVIR MAIRIE SUBVENTION\tà rapprocher\n"
    );
    assert_eq!(
        s.ok(&["reconcile", "create", "--line", "2", "--category", "627"]),
        "line\t2\npiece\tD002\n"
    );
    assert_eq!(
        s.ok(&[
            "reconcile",
            "create",
            "--line",
            "3",
            "--category",
            "7443",
            "--label",
            "Subvention de la mairie"
        ]),
        "line\t3\npiece\tR001\n"
    );
    assert_eq!(
        s.ok(&["reconcile", "unmatch", "--line", "1"]),
        "line\t1\nunmatched\tok\n"
    );
    assert_eq!(
        s.ok(&["bank", "lines", "--account", "pro", "--unmatched"]),
        "1\t2024-10-04\t-12.50\tCARTE X1234 PAPETERIE\tà rapprocher\n"
    );
    assert_eq!(
        s.ok(&[
            "statement",
            "--account",
            "pro",
            "--date",
            "31/10/2024",
            "--balance",
            "1029,30"
        ]),
        "books\t1029.30\nreconciled\t1041.80\nstatement\t1029.30\ndifference\t-12.50\n\
         not_on_statement\tD001\t2024-10-04\t-12.50\tPapeterie\n"
    );
    assert_eq!(
        s.ok(&["reconcile", "--account", "pro", "--auto"]),
        "matched\t1\ncreated\t0\nunmatched_lines\t0\nunmatched_entries\t0\n"
    );
    s.ok(&["reconcile", "unmatch", "--line", "1"]);
    assert_eq!(
        s.ok(&["reconcile", "match", "--line", "1", "--piece", "d001"]),
        "line\t1\nmatched\td001\n"
    );
    assert_eq!(
        s.ok(&[
            "statement",
            "--account",
            "pro",
            "--date",
            "31/10/2024",
            "--balance",
            "1029,30"
        ]),
        "books\t1029.30\nreconciled\t1029.30\nstatement\t1029.30\ndifference\t0.00\n"
    );
    let check = s.ok(&["check"]);
    assert!(check.starts_with("Base saine"), "{check}");
}

#[test]
fn import_undo_takes_the_batch_away() {
    let s = sandbox();
    let before = s.ok(&["export", "ledger", "--out", "-"]);
    let file = write(&s, "releve.csv", OCTOBER);
    s.ok(&["import", "bank", &file, "--account", "pro"]);
    assert_eq!(
        s.ok(&["import", "undo", "1"]),
        "undone\t1\nlines\t3\npayments\t0\nentries\t0\nmatches\t1\n"
    );
    assert_eq!(s.ok(&["export", "ledger", "--out", "-"]), before);
    assert_eq!(s.ok(&["bank", "lines", "--account", "pro"]), "");
    let listed = s.ok(&["imports"]);
    assert!(
        listed.starts_with("1\t") && listed.contains("\tbanque-pro\treleve.csv\t3\tdéfait le "),
        "{listed}"
    );
    assert!(s.ok(&["check"]).starts_with("Base saine"));
    // The same file comes back whole.
    assert!(
        s.ok(&["import", "bank", &file, "--account", "pro"])
            .starts_with("batch\t2\nimported\t3\n")
    );
}

#[test]
fn refusals_are_one_french_line_and_write_nothing() {
    let s = sandbox();
    let file = write(&s, "releve.csv", OCTOBER);
    s.ok(&["import", "bank", &file, "--account", "pro"]);
    s.ok(&["reconcile", "unmatch", "--line", "1"]);
    let before = rows(&s);
    let cases: Vec<(Vec<&str>, String)> = vec![
        (vec!["import", "undo", "7"], "coopcompta : l'import n° 7 n'existe pas (voir « coopcompta imports »)\n".into()),
        (vec!["reconcile", "match", "--line", "2", "--piece", "D001"], "coopcompta : les écritures choisies (D001) font -12,50 €, la ligne de relevé n° 2 fait -3,20 € : écart de 9,30 €\n".into()),
        (vec!["reconcile", "match", "--line", "1", "--piece", "R042"], "coopcompta : N° de pièce : « R042 » : aucune écriture de ce numéro dans l'exercice 2024-2025\n".into()),
        (vec!["reconcile", "match", "--line", "9", "--piece", "D001"], "coopcompta : la ligne de relevé n° 9 n'existe pas (voir « coopcompta bank lines »)\n".into()),
        (vec!["reconcile", "unmatch", "--line", "2"], "coopcompta : la ligne de relevé n° 2 n'est pas rapprochée\n".into()),
        (vec!["reconcile", "create", "--line", "2", "--category", "7062"], "coopcompta : Catégorie : « 7062 Participation des familles aux sorties et voyages » n'est pas un compte de charges (6…) pour une dépense\n".into()),
        (vec!["reconcile", "--account", "pro"], "coopcompta : précisez « --account pro|lbp --auto », ou une action : match, unmatch, create, payout\n".into()),
        (vec!["statement", "--account", "pro", "--date", "31/10/2024", "--balance", "12,3x"], "coopcompta : Montant : « 12,3x » n'est pas un montant : chiffres attendus, par exemple 12,50\n".into()),
        (vec!["statement", "--account", "pro", "--date", "31/10/2030", "--balance", "1"], "coopcompta : Date : « 31/10/2030 » est hors de l'exercice 2024-2025 (du 01/09/2024 au 31/08/2025)\n".into()),
    ];
    for (args, expected) in cases {
        let err = s.fails(&args);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert_eq!(err, expected, "{args:?}");
        assert_eq!(rows(&s), before, "{args:?}: nothing written");
    }
}

#[test]
fn a_bad_file_imports_nothing_and_names_its_line() {
    let s = sandbox();
    let bad = write(
        &s,
        "abime.csv",
        "date;montant;libelle\n2024-10-04;-12,50;CARTE\n2024-13-45;-3,20;FRAIS\n",
    );
    let before = rows(&s);
    let err = s.fails(&["import", "bank", &bad, "--account", "pro"]);
    assert!(
        err.starts_with(&format!("coopcompta : {bad} : ligne 3 : ")),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(rows(&s), before);
    let missing = s.path("absent.csv").display().to_string();
    let err = s.fails(&["import", "bank", &missing, "--account", "pro"]);
    assert!(
        err.starts_with(&format!("coopcompta : fichier {missing} : ")),
        "{err}"
    );
    assert_eq!(rows(&s), before);
}
