//! The headless commands, run as the built binary on temporary databases.

use std::path::Path;

use crate::support::cli::Sandbox;

trait Coop {
    fn init(&self);
    fn ledger(&self) -> String;
}

impl Coop for Sandbox {
    fn init(&self) {
        self.ok(&[
            "init",
            "--coop",
            "Coopérative scolaire OCCE de l'école Jules Ferry",
            "--exercice",
            "2024-2025",
            "--opening",
            "caisse=120,50",
            "--opening",
            "lbp=1843,20",
        ]);
    }

    fn ledger(&self) -> String {
        let out = self.path("ledger.csv");
        self.ok(&[
            "export",
            "ledger",
            "--out",
            out.to_str().expect("utf-8 path"),
        ]);
        std::fs::read_to_string(out).expect("ledger written")
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("file")
}

#[test]
fn init_then_balances_show_the_openings() {
    let s = Sandbox::empty();
    s.init();
    assert_eq!(
        s.ok(&["balance"]),
        "caisse\t120.50\npro\t0.00\nen-ligne\t0.00\nlbp\t1843.20\n"
    );
}

#[test]
fn entries_and_transfers_move_the_balances() {
    let s = Sandbox::empty();
    s.init();
    let added = s.ok(&[
        "add",
        "--account",
        "caisse",
        "--date",
        "12/09/2024",
        "--amount",
        "100,00",
        "--recette",
        "--split",
        "75620008=80",
        "--split",
        "7070=20",
        "--label",
        "Enveloppe CP-A",
    ]);
    assert_eq!(added, "Recette R001 enregistrée : 100,00 € sur Caisse\n");
    s.ok(&[
        "add",
        "--account",
        "pro",
        "--date",
        "2024-09-20",
        "--amount",
        "1 234,50 €",
        "--depense",
        "--category",
        "6251",
        "--label",
        "Car sortie",
        "--mode",
        "virement",
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
        "1843,20",
        "--label",
        "Solde LBP",
    ]);
    s.ok(&[
        "transfer", "--from", "caisse", "--to", "pro", "--date", "25/10", "--amount", "200",
        "--label", "Espèces",
    ]);
    assert_eq!(
        s.ok(&["balance"]),
        "caisse\t20.50\npro\t808.70\nen-ligne\t0.00\nlbp\t0.00\n"
    );
    assert_eq!(
        s.ok(&["balance", "--at", "30/09/2024"]),
        "caisse\t220.50\npro\t-1234.50\nen-ligne\t0.00\nlbp\t1843.20\n"
    );
}

#[test]
fn a_refused_add_writes_nothing() {
    let s = Sandbox::empty();
    s.init();
    s.ok(&[
        "add",
        "--account",
        "caisse",
        "--date",
        "12/09/2024",
        "--amount",
        "10",
        "--recette",
        "--category",
        "75620008",
        "--label",
        "Dons",
    ]);
    let before = s.ledger();
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "add",
                "--account",
                "caisse",
                "--date",
                "12/09/2024",
                "--amount",
                "12,345",
                "--recette",
                "--category",
                "75620008",
                "--label",
                "x",
            ],
            "coopcompta : Montant : « 12,345 » a plus de deux décimales : les centimes s'arrêtent à 2 chiffres (ex. 12,35)\n",
        ),
        (
            &[
                "add",
                "--account",
                "caisse",
                "--date",
                "12/09/2024",
                "--amount",
                "0",
                "--recette",
                "--category",
                "75620008",
                "--label",
                "x",
            ],
            "coopcompta : Montant : « 0 » : le montant doit être supérieur à zéro\n",
        ),
        (
            &[
                "add",
                "--account",
                "caisse",
                "--date",
                "12/09/2024",
                "--amount",
                "-5",
                "--depense",
                "--category",
                "606",
                "--label",
                "x",
            ],
            "coopcompta : Montant : « -5 » : le montant doit être supérieur à zéro\n",
        ),
        (
            &[
                "add",
                "--account",
                "caisse",
                "--date",
                "12/09/2024",
                "--amount",
                "douze",
                "--recette",
                "--category",
                "75620008",
                "--label",
                "x",
            ],
            "coopcompta : Montant : « douze » n'est pas un montant : chiffres attendus, par exemple 12,50\n",
        ),
        (
            &[
                "add",
                "--account",
                "coffre",
                "--date",
                "12/09/2024",
                "--amount",
                "5",
                "--recette",
                "--category",
                "75620008",
                "--label",
                "x",
            ],
            "coopcompta : Compte : « coffre » inconnu : caisse, pro, en-ligne, lbp attendu\n",
        ),
        (
            &[
                "add",
                "--account",
                "caisse",
                "--date",
                "31/02/2025",
                "--amount",
                "5",
                "--recette",
                "--category",
                "75620008",
                "--label",
                "x",
            ],
            "coopcompta : Date : « 31/02/2025 » : le 31 février n'existe pas (février a 28 jours)\n",
        ),
        (
            &[
                "add",
                "--account",
                "caisse",
                "--date",
                "12/09/2025",
                "--amount",
                "5",
                "--recette",
                "--category",
                "75620008",
                "--label",
                "x",
            ],
            "coopcompta : Date : « 12/09/2025 » est hors de l'exercice 2024-2025 (du 01/09/2024 au 31/08/2025)\n",
        ),
        (
            &[
                "add",
                "--account",
                "caisse",
                "--date",
                "12/09/2024",
                "--amount",
                "5",
                "--recette",
                "--category",
                "999",
                "--label",
                "x",
            ],
            "coopcompta : Catégorie : « 999 » n'existe pas dans le plan comptable\n",
        ),
        (
            &[
                "add",
                "--account",
                "caisse",
                "--date",
                "12/09/2024",
                "--amount",
                "5",
                "--recette",
                "--category",
                "606",
                "--label",
                "x",
            ],
            "coopcompta : Catégorie : « 606 Fournitures et petit matériel » n'est pas un compte de produits (7…) pour une recette\n",
        ),
        (
            &[
                "add",
                "--account",
                "caisse",
                "--date",
                "12/09/2024",
                "--amount",
                "100",
                "--recette",
                "--split",
                "75620008=80",
                "--split",
                "7070=10",
                "--label",
                "x",
            ],
            "coopcompta : Ventilation : la ventilation fait 90,00 € pour un montant de 100,00 € (reste à ventiler 10,00 €)\n",
        ),
        (
            &[
                "add",
                "--account",
                "caisse",
                "--date",
                "12/09/2024",
                "--amount",
                "5",
                "--recette",
                "--category",
                "75620008",
                "--label",
                "  ",
            ],
            "coopcompta : Libellé : vide : décrivez l'opération (ex. « Sortie cinéma CP »)\n",
        ),
        (
            &[
                "add",
                "--account",
                "caisse",
                "--date",
                "12/09/2024",
                "--amount",
                "5",
                "--recette",
                "--category",
                "75620008",
                "--label",
                "x",
                "--piece",
                "R001",
            ],
            "coopcompta : N° de pièce : « R001 » est déjà utilisé dans l'exercice 2024-2025 : choisissez un autre numéro\n",
        ),
        (
            &[
                "add",
                "--account",
                "pro",
                "--date",
                "12/09/2024",
                "--amount",
                "5",
                "--recette",
                "--category",
                "75620008",
                "--label",
                "x",
                "--mode",
                "cheque",
            ],
            "coopcompta : Mode de paiement : les chèques ne sont plus acceptés : rendez le chèque et proposez le paiement en ligne ou en espèces\n",
        ),
        (
            &[
                "add",
                "--account",
                "pro",
                "--date",
                "12/09/2024",
                "--amount",
                "5",
                "--recette",
                "--category",
                "75620008",
                "--label",
                "x",
                "--mode",
                "bitcoin",
            ],
            "coopcompta : Mode de paiement : « bitcoin » inconnu : especes, carte, virement, cheque ou prelevement attendu\n",
        ),
        (
            &[
                "transfer",
                "--from",
                "caisse",
                "--to",
                "caisse",
                "--date",
                "12/09/2024",
                "--amount",
                "5",
                "--label",
                "x",
            ],
            "coopcompta : Vers le compte : « Caisse » : choisissez un autre compte que celui de départ\n",
        ),
    ];
    for (args, expected) in cases {
        assert_eq!(&s.fails(args), expected, "for {args:?}");
    }
    assert_eq!(s.ledger(), before, "refused commands changed the ledger");
}

#[test]
fn commands_need_an_initialised_database() {
    let s = Sandbox::empty();
    let err = s.fails(&["balance"]);
    assert!(err.contains("la base n'est pas encore créée"), "{err}");
    s.init();
    let again = s.fails(&["init", "--coop", "Autre"]);
    assert!(again.contains("contient déjà une coopérative"), "{again}");
}

#[test]
fn init_refuses_bad_openings_and_writes_nothing() {
    let s = Sandbox::empty();
    assert_eq!(
        s.fails(&["init", "--coop", "X", "--opening", "caisse=12,345"]),
        "coopcompta : Solde d'ouverture : caisse : « 12,345 » a plus de deux décimales : les centimes s'arrêtent à 2 chiffres (ex. 12,35)\n"
    );
    assert_eq!(
        s.fails(&["init", "--coop", "X", "--opening", "coffre=12"]),
        "coopcompta : Solde d'ouverture : « coffre » inconnu : caisse, pro, en-ligne, lbp attendu\n"
    );
    assert_eq!(
        s.fails(&["init", "--coop", "X", "--exercice", "2024-2026"]),
        "coopcompta : Exercice : « 2024-2026 » n'est pas un exercice : aaaa-aaaa attendu (ex. 2024-2025)\n"
    );
    assert!(
        !s.db().exists(),
        "a refused init must not create the database"
    );
}

#[test]
fn standard_export_has_one_row_per_ventilation_line() {
    let s = Sandbox::empty();
    s.init();
    s.ok(&[
        "add",
        "--account",
        "caisse",
        "--date",
        "12/09/2024",
        "--amount",
        "100",
        "--recette",
        "--split",
        "75620008=80",
        "--split",
        "7070=20",
        "--label",
        "=SOMME(A1)",
    ]);
    s.ok(&[
        "transfer",
        "--from",
        "caisse",
        "--to",
        "pro",
        "--date",
        "13/09/2024",
        "--amount",
        "50",
        "--label",
        "Dépôt, espèces",
    ]);
    assert_eq!(
        s.ledger(),
        "date,piece,compte,libelle,categorie,montant,mode,id\n\
         2024-09-01,AN,caisse,Report à nouveau 2024-2025,110,120.50,,1\n\
         2024-09-01,AN,lbp,Report à nouveau 2024-2025,110,1843.20,,1\n\
         2024-09-12,R001,caisse,=SOMME(A1),75620008,80.00,especes,2\n\
         2024-09-12,R001,caisse,=SOMME(A1),7070,20.00,especes,2\n\
         2024-09-13,V001,caisse,\"Dépôt, espèces\",,-50.00,especes,3\n\
         2024-09-13,V001,pro,\"Dépôt, espèces\",,50.00,especes,3\n"
    );
}

#[test]
fn french_export_opens_in_a_french_spreadsheet() {
    let s = Sandbox::empty();
    s.init();
    s.ok(&[
        "add",
        "--account",
        "pro",
        "--date",
        "20/09/2024",
        "--amount",
        "1234,5",
        "--depense",
        "--category",
        "6251",
        "--label",
        "-Car",
        "--mode",
        "prelevement",
    ]);
    let out = s.path("fr.csv");
    s.ok(&[
        "export",
        "ledger",
        "--format",
        "fr",
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    let text = read(&out);
    assert!(text.starts_with('\u{feff}'), "BOM for Excel");
    assert_eq!(
        text.trim_start_matches('\u{feff}'),
        "Date;Pièce;Compte;Libellé;Catégorie;Montant;Mode;N°\n\
         01/09/2024;AN;caisse;Report à nouveau 2024-2025;110;120,50;;1\n\
         01/09/2024;AN;lbp;Report à nouveau 2024-2025;110;1843,20;;1\n\
         20/09/2024;D001;pro;'-Car;6251;-1234,50;prélèvement;2\n"
    );
}

#[test]
fn export_refuses_an_unknown_format_and_leaves_no_file() {
    let s = Sandbox::empty();
    s.init();
    let out = s.path("x.csv");
    let err = s.fails(&[
        "export",
        "ledger",
        "--format",
        "xls",
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(
        err,
        "coopcompta : valeur « xls » refusée pour --format <FORMAT> : std ou fr attendu (voir coopcompta export ledger --help)\n"
    );
    assert!(!out.exists());
}

#[test]
fn a_second_copy_is_refused_while_the_first_holds_the_database() {
    let s = Sandbox::empty();
    s.init();
    let guard = coopcompta::store::lock::acquire(&s.db()).expect("first copy");
    let err = s.fails(&[
        "add",
        "--account",
        "caisse",
        "--date",
        "12/09/2024",
        "--amount",
        "5",
        "--recette",
        "--category",
        "75620008",
        "--label",
        "x",
    ]);
    assert!(
        err.contains("est déjà ouverte par un autre coopcompta"),
        "{err}"
    );
    // Reading is still possible.
    assert!(s.ok(&["balance"]).starts_with("caisse\t120.50"));
    drop(guard);
    s.ok(&[
        "add",
        "--account",
        "caisse",
        "--date",
        "12/09/2024",
        "--amount",
        "5",
        "--recette",
        "--category",
        "75620008",
        "--label",
        "x",
    ]);
}

#[test]
fn categories_can_be_added_and_used() {
    let s = Sandbox::empty();
    s.init();
    s.ok(&[
        "category",
        "--code",
        "6185",
        "--label",
        "Abonnements",
        "--nature",
        "charge",
        "--rubrique",
        "Activités éducatives",
    ]);
    s.ok(&[
        "add",
        "--account",
        "pro",
        "--date",
        "12/09/2024",
        "--amount",
        "30",
        "--depense",
        "--category",
        "6185",
        "--label",
        "Abonnement revue",
    ]);
    let err = s.fails(&[
        "category", "--code", "7999", "--label", "X", "--nature", "charge",
    ]);
    assert_eq!(
        err,
        "coopcompta : code « 7999 » : une charge commence par 6\n"
    );
}

#[test]
fn demo_builds_a_balanced_year() {
    let s = Sandbox::empty();
    let printed = s.ok(&["demo", "--no-tui"]);
    assert_eq!(printed.trim(), s.db().display().to_string());
    assert_eq!(
        s.ok(&["balance"]),
        "caisse\t518.60\npro\t2091.46\nen-ligne\t80.87\nlbp\t0.00\n"
    );
    assert!(s.ok(&["check"]).starts_with("Base saine : 157 écritures"));
    let err = s.fails(&["demo", "--no-tui"]);
    assert!(err.contains("existe déjà"), "{err}");
}

#[test]
fn usage_errors_are_french_and_exit_2() {
    let s = Sandbox::empty();
    s.init();
    let out = s.run(&[
        "add",
        "--account",
        "caisse",
        "--date",
        "12/09/2024",
        "--amount",
        "5",
        "--recette",
        "--label",
        "x",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "coopcompta : argument obligatoire manquant : --category <CODE> ou --split <CODE=MONTANT> (voir coopcompta add --help)\n"
    );
    let out = s.run(&[
        "add",
        "--account",
        "caisse",
        "--date",
        "1/1/2025",
        "--amount",
        "5",
        "--recette",
        "--depense",
        "--category",
        "606",
        "--label",
        "x",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "coopcompta : --recette ne peut pas aller avec --depense (voir coopcompta add --help)\n"
    );
}

#[test]
fn help_is_french_and_a_mistyped_command_is_named() {
    let s = Sandbox::empty();
    let help = s.ok(&["--help"]);
    assert!(help.contains("Utilisation : coopcompta"), "{help}");
    assert!(help.contains("Commandes"), "{help}");
    assert!(help.contains("-h, --help"), "{help}");
    assert!(help.contains("Affiche cette aide"), "{help}");
    assert!(
        !help.contains("Print help") && !help.contains("Usage:"),
        "{help}"
    );
    let add = s.ok(&["add", "--help"]);
    assert!(add.contains("Une recette (argent qui entre)"), "{add}");
    let out = s.run(&["balanse"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "coopcompta : commande inconnue : balanse (vouliez-vous dire balance ou bank ?) (voir coopcompta --help)\n"
    );
}
