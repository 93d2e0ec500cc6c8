//! `coopcompta cash-count` and `cash-counts`: the exact machine output, the
//! adjustment booked with `--adjust --reason`, and each refusal (one French
//! line on stderr, exit 1, nothing written).

use crate::support::cli::Sandbox;

/// 161,20 € in the Lilas' caisse: 100 + 50 + 10 + 1 + 0,20.
fn sandbox() -> Sandbox {
    Sandbox::lilas("161,20")
}

const EXACT: [&str; 10] = [
    "--count", "100x1", "--count", "50x1", "--count", "10x1", "--count", "1x1", "--count", "0,20x1",
];

fn args<'a>(head: &[&'a str], tail: &[&'a str]) -> Vec<&'a str> {
    head.iter().chain(tail).copied().collect()
}

fn rows(s: &Sandbox) -> Vec<i64> {
    let conn = rusqlite::Connection::open(s.db()).unwrap();
    ["cash_count", "entry", "entry_line", "audit", "account"]
        .iter()
        .map(|t| {
            conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                .unwrap()
        })
        .collect()
}

#[test]
fn a_matching_count_prints_counted_books_and_difference() {
    let s = sandbox();
    let out = s.ok(&args(
        &["cash-count", "--date", "31/08/2025", "--by", "Mme Martin"],
        &EXACT,
    ));
    assert_eq!(out, "counted\t161.20\nbooks\t161.20\ndifference\t0.00\n");
    assert_eq!(
        s.ok(&["cash-counts"]),
        "2025-08-31\t161.20\t161.20\t0.00\t-\tMme Martin\n"
    );
}

#[test]
fn a_difference_is_booked_with_adjust_and_listed() {
    let s = sandbox();
    let out = s.ok(&[
        "cash-count",
        "--date",
        "15/06/2025",
        "--count",
        "0.50x2",
        "--count",
        "20x8",
    ]);
    assert_eq!(out, "counted\t161.00\nbooks\t161.20\ndifference\t-0.20\n");
    assert_eq!(s.ok(&["balance"]).lines().next(), Some("caisse\t161.20"));
    let out = s.ok(&[
        "cash-count",
        "--date",
        "31/08/2025",
        "--count",
        "100x1",
        "--count",
        "50x1",
        "--count",
        "10x1",
        "--by",
        "M. Durand",
        "--adjust",
        "--reason",
        "pièce de 1 € perdue",
    ]);
    assert_eq!(
        out,
        "counted\t160.00\nbooks\t161.20\ndifference\t-1.20\nadjustment\tD001\n"
    );
    assert_eq!(s.ok(&["balance"]).lines().next(), Some("caisse\t160.00"));
    let out = s.ok(&[
        "cash-count",
        "--date",
        "31/08/2025",
        "--count",
        "200x1",
        "--adjust",
        "--reason",
        "don d'un parent",
    ]);
    assert_eq!(
        out,
        "counted\t200.00\nbooks\t160.00\ndifference\t40.00\nadjustment\tR001\n"
    );
    assert_eq!(
        s.ok(&["cash-counts", "--exercice", "2024-2025"]),
        "2025-06-15\t161.00\t161.20\t-0.20\t-\t\n\
         2025-08-31\t160.00\t161.20\t-1.20\tD001\tM. Durand\n\
         2025-08-31\t200.00\t160.00\t40.00\tR001\t\n"
    );
}

#[test]
fn adjusting_a_count_that_matches_says_so_and_books_nothing() {
    let s = sandbox();
    let before = rows(&s);
    let out = s.run(&args(
        &[
            "cash-count",
            "--date",
            "31/08/2025",
            "--adjust",
            "--reason",
            "contrôle",
        ],
        &EXACT,
    ));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "counted\t161.20\nbooks\t161.20\ndifference\t0.00\n"
    );
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "la caisse est juste : aucun écart à passer en écriture\n"
    );
    let after = rows(&s);
    assert_eq!(after[0], before[0] + 1, "the count is recorded");
    assert_eq!(after[1], before[1], "no entry");
}

#[test]
fn refusals_are_one_french_line_exit_1_and_write_nothing() {
    let s = sandbox();
    let before = rows(&s);
    let date = ["cash-count", "--date", "31/08/2025"];
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            args(&date, &["--count", "3x2"]),
            "coopcompta : Comptage : « 3x2 » : 3 € n'est ni un billet ni une pièce en euros (billets 500 … 5 €, pièces 2 € … 0,01 €)\n",
        ),
        (
            args(&date, &["--count", "20x1,5"]),
            "coopcompta : Comptage : « 20x1,5 » : « 1,5 » n'est pas un nombre entier positif ou nul (combien de billets ou de pièces de 20 €, ex. 20x3)\n",
        ),
        (
            args(&date, &["--count", "20x-1"]),
            "coopcompta : Comptage : « 20x-1 » : « -1 » n'est pas un nombre entier positif ou nul (combien de billets ou de pièces de 20 €, ex. 20x3)\n",
        ),
        (
            args(&date, &["--count", "20x3", "--count", "20,00x1"]),
            "coopcompta : Comptage : « 20,00x1 » : le billet de 20 € est déjà compté (« 20x3 ») : donnez chaque valeur une seule fois\n",
        ),
        (
            args(&date, &["--count", "vingt"]),
            "coopcompta : Comptage : « vingt » : VALEURxNOMBRE attendu (ex. 20x3 pour trois billets de 20 €, 0,50x4 pour quatre pièces de 0,50 €)\n",
        ),
        (
            args(&date, &["--count", "dixx2"]),
            "coopcompta : Comptage : « dixx2 » : « dix » n'est pas une valeur en euros (billets 500 … 5 €, pièces 2 € … 0,01 €)\n",
        ),
        (
            date.to_vec(),
            "coopcompta : Comptage : aucun --count : donnez les billets et les pièces comptés, ex. --count 20x3 --count 0,50x4 (une caisse vide : --count 20x0)\n",
        ),
        (
            args(&date, &["--count", "100x1", "--adjust"]),
            "coopcompta : Motif : vide : expliquez l'écart (ex. « erreur de rendu de monnaie à la kermesse »)\n",
        ),
        (
            args(&date, &["--count", "100x1", "--adjust", "--reason", " "]),
            "coopcompta : Motif : vide : expliquez l'écart (ex. « erreur de rendu de monnaie à la kermesse »)\n",
        ),
        (
            args(&date, &["--count", "100x1", "--reason", "perte"]),
            "coopcompta : Motif : --reason sans --adjust : ajoutez --adjust pour passer l'écart en écriture, ou retirez --reason\n",
        ),
        (
            vec!["cash-count", "--date", "02/09/2025", "--count", "100x1"],
            "coopcompta : Date : « 02/09/2025 » est hors de l'exercice 2024-2025 (du 01/09/2024 au 31/08/2025)\n",
        ),
        (
            vec!["cash-counts", "--exercice", "2023-2024"],
            "coopcompta : Exercice : « 2023-2024 » n'est pas dans la base : exercice présent : 2024-2025\n",
        ),
    ];
    for (args, expected) in cases {
        let out = s.run(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert_eq!(String::from_utf8(out.stderr).unwrap(), expected, "{args:?}");
        assert_eq!(rows(&s), before, "{args:?}: nothing written");
    }
}

#[test]
fn an_adjustment_emptying_the_caisse_later_or_a_closed_exercice_is_refused() {
    let s = sandbox();
    s.ok(&[
        "add",
        "--account",
        "caisse",
        "--date",
        "10/06/2025",
        "--amount",
        "150",
        "--depense",
        "--category",
        "6257",
        "--label",
        "Fête de fin d'année",
        "--mode",
        "especes",
    ]);
    let before = rows(&s);
    let err = s.fails(&[
        "cash-count",
        "--date",
        "01/06/2025",
        "--count",
        "100x1",
        "--adjust",
        "--reason",
        "vol",
    ]);
    assert_eq!(
        err,
        "coopcompta : Montant : la Caisse passerait à -50,00 € le 10/06/2025 : une caisse ne peut pas être négative (saisissez d'abord les recettes en espèces, ou vérifiez le montant)\n"
    );
    assert_eq!(rows(&s), before);
    rusqlite::Connection::open(s.db())
        .unwrap()
        .execute("UPDATE exercice SET closed_at = '2025-09-01T09:00:00'", [])
        .unwrap();
    let err = s.fails(&args(&["cash-count", "--date", "31/08/2025"], &EXACT));
    assert_eq!(
        err,
        "coopcompta : l'exercice 2024-2025 est clôturé : il ne peut plus être modifié\n"
    );
    assert_eq!(rows(&s), before);
}

#[test]
fn the_help_is_french() {
    let s = Sandbox::empty();
    let help = s.ok(&["cash-count", "--help"]);
    assert!(
        help.starts_with("Arrêté de caisse : compare les billets et pièces comptés au solde de la Caisse dans les livres (clé<TAB>montant)\n"),
        "{help}"
    );
    assert!(help.contains("--count <VALEURxNOMBRE>"), "{help}");
    assert!(
        help.contains("Motif de l'écart (obligatoire avec --adjust)"),
        "{help}"
    );
    let help = s.ok(&["cash-counts", "--help"]);
    assert!(help.starts_with("Liste les arrêtés de caisse"), "{help}");
}
