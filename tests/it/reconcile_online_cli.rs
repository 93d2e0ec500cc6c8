//! The AssoConnect commands, run as the built binary on a temporary
//! database: import of an export in AssoConnect's shape, payouts, payments
//! and their attribution, the same file twice.

use crate::support::cli::Sandbox;
use crate::support::fixture_arg;

const EXPORT: &str = "\
Identifiant;Date;Payeur;Formulaire;Montant;Frais;Statut;Versement
PAY-001;03/10/2024;Lefèvre Sophie;Sortie zoo;12,00;0,47;Payé;PO-2024-10-07
PAY-002;04/10/2024;Dupont Marc;Sortie zoo;12,00;0,47;Payé;PO-2024-10-07
PAY-003;05/10/2024;Garçon Luc;Sortie zoo;12,00;0,47;Remboursé;
PAY-004;08/10/2024;Garcon Luc;Sortie zoo;10,00;0,43;Payé;
";

/// The Lilas coop with the pupils of `pupils/utf8.csv` (two Dupont, one
/// Lefèvre, one Garçon) and the campaign "Sortie zoo" for every class.
fn coop() -> Sandbox {
    let s = Sandbox::lilas("100");
    s.ok(&["import", "pupils", &fixture_arg("pupils/utf8.csv")]);
    s.ok(&[
        "campaign",
        "add",
        "--name",
        "Sortie zoo",
        "--amount",
        "12",
        "--category",
        "7062",
    ]);
    s
}

fn import(s: &Sandbox) -> String {
    let file = s.path("paiements.csv");
    std::fs::write(&file, EXPORT).unwrap();
    s.ok(&["import", "assoconnect", &file.display().to_string()])
}

#[test]
fn an_export_is_recorded_with_its_fees_and_payouts() {
    let s = coop();
    assert_eq!(
        import(&s),
        "batch\t1\npayments\t4\nrecorded\t3\nlinked\t0\nrefunded\t1\nto_assign\t1\npayouts\t1\nfees\t1.37\nduplicates\t0\n"
    );
    assert_eq!(
        s.ok(&["payouts"]),
        "PO-2024-10-07\t2\t24.00\t0.94\t23.06\tannoncé\n"
    );
    assert_eq!(
        s.ok(&["payments"]),
        "1\t2024-10-03\t12.00\t0.47\tLefèvre Sophie\tSortie zoo\tenregistré R001\tpayé en ligne le 03/10 → versement PO-2024-10-07 → annoncé, pas encore reçu\n\
         2\t2024-10-04\t12.00\t0.47\tDupont Marc\tSortie zoo\tà attribuer\tpayé en ligne le 04/10 → versement PO-2024-10-07 → annoncé, pas encore reçu\n\
         3\t2024-10-05\t12.00\t0.47\tGarçon Luc\tSortie zoo\tremboursé\tpayé en ligne le 05/10 → remboursé\n\
         4\t2024-10-08\t10.00\t0.43\tGarcon Luc\tSortie zoo\tenregistré R003\tpayé en ligne le 08/10 → pas encore versé\n"
    );
}

#[test]
fn the_same_export_twice_adds_nothing() {
    let s = coop();
    import(&s);
    assert_eq!(
        import(&s),
        "rien de nouveau : les 4 paiements sont déjà importés\n"
    );
    assert_eq!(s.ok(&["imports"]).lines().count(), 1);
}

#[test]
fn a_payment_to_assign_is_given_its_pupil() {
    let s = coop();
    import(&s);
    assert!(
        s.ok(&["payments", "--to-assign"])
            .starts_with("2\t2024-10-04\t12.00")
    );
    assert_eq!(
        s.ok(&["payments", "assign", "--id", "2", "--pupil", "DUPONT Tom"]),
        "paiement n° 2 attribué à DUPONT Tom (CP-A)\n"
    );
    assert_eq!(s.ok(&["payments", "--to-assign"]), "");
    assert_eq!(
        s.fails(&["payments", "assign", "--id", "2", "--none"]),
        "coopcompta : Paiement : PAY-002 est déjà attribué\n"
    );
    assert_eq!(
        s.fails(&["payments", "assign", "--id", "3", "--none"]),
        "coopcompta : Paiement : PAY-003 a été remboursé : il n'est attribué à personne\n"
    );
}

#[test]
fn a_credit_without_payout_reference_is_explained_by_the_payments_it_carries() {
    let s = coop();
    let export = s.path("sans-versement.csv");
    std::fs::write(
        &export,
        "Identifiant;Date;Payeur;Formulaire;Montant;Frais;Statut\n\
         PAY-101;01/10/2024;Lefèvre Sophie;Sortie zoo;12,00;0,47;Payé\n\
         PAY-102;02/10/2024;Dupont Marc;Sortie zoo;12,00;0,47;Payé\n\
         PAY-103;09/10/2024;Garçon Luc;Sortie zoo;12,00;0,47;Payé\n",
    )
    .unwrap();
    s.ok(&["import", "assoconnect", &export.display().to_string()]);
    // The bank credits 23,06 € = the two oldest payments net of their fees.
    let statement = s.path("releve.csv");
    std::fs::write(
        &statement,
        "date;montant;libelle\n2024-10-05;23,06;VIR SEPA ASSOCONNECT\n",
    )
    .unwrap();
    s.ok(&[
        "import",
        "bank",
        &statement.display().to_string(),
        "--account",
        "pro",
    ]);
    let line = s.ok(&["bank", "lines", "--account", "pro"]);
    let id = line.split('\t').next().unwrap().to_string();
    assert_eq!(
        s.ok(&["reconcile", "payout", "--line", &id]),
        format!(
            "line\t{id}\npayment\t1\t2024-10-01\t12.00\t0.47\tLefèvre Sophie\npayment\t2\t2024-10-02\t12.00\t0.47\tDupont Marc\n"
        )
    );
    // Proposing writes nothing; accepting records and matches the transfer.
    assert!(
        s.ok(&["bank", "lines", "--account", "pro"])
            .ends_with("à rapprocher\n")
    );
    let accepted = s.ok(&["reconcile", "payout", "--line", &id, "--accept"]);
    assert!(accepted.ends_with("piece\tV001\n"), "{accepted}");
    assert!(
        s.ok(&["bank", "lines", "--account", "pro"])
            .ends_with("rapproché V001\n")
    );
    assert_eq!(
        s.ok(&["balance"])
            .lines()
            .find(|l| l.starts_with("en-ligne")),
        Some("en-ligne\t11.53")
    );
    // A credit no set of payments makes is refused, in French.
    let other = s.path("autre.csv");
    std::fs::write(
        &other,
        "date;montant;libelle\n2024-10-12;50,00;VIR SEPA MAIRIE\n",
    )
    .unwrap();
    s.ok(&[
        "import",
        "bank",
        &other.display().to_string(),
        "--account",
        "pro",
    ]);
    let lines = s.ok(&["bank", "lines", "--account", "pro", "--unmatched"]);
    let other_id = lines.split('\t').next().unwrap().to_string();
    let err = s.fails(&["reconcile", "payout", "--line", &other_id]);
    assert_eq!(
        err,
        format!(
            "coopcompta : ligne de relevé n° {other_id} : aucun ensemble de paiements AssoConnect pas encore versés ne fait ce montant (brut − frais)\n"
        )
    );
}
