//! The AssoConnect commands, run as the built binary on a temporary
//! database: import of an export in AssoConnect's shape, payouts, payments
//! and their attribution, the same file twice.
//! (Declared in main.rs once the AssoConnect parser is in.)

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
