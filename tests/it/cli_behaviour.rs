//! The command line as a good Unix and French citizen: unknown exercices
//! named, quiet closed pipes, French system messages, no full screen without
//! a terminal, French help, completions, French amounts for people, exports
//! that say what they mean.

use crate::support::cli::Sandbox;
use crate::support::fixture_arg;
use std::process::{Command, Stdio};

/// A coop of exercice 2024-2025 with 8,00 in the caisse.
fn coop() -> Sandbox {
    Sandbox::lilas("8")
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn files_in(s: &Sandbox) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(s.path(""))
        .expect("sandbox")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn an_exercice_not_in_the_base_is_refused_with_the_ones_that_are() {
    let s = coop();
    let expected = "coopcompta : Exercice : « 2030-2031 » n'est pas dans la base : exercice présent : 2024-2025\n";
    for args in [
        &["balance", "--exercice", "2030-2031"][..],
        &[
            "export",
            "ledger",
            "--exercice",
            "2030-2031",
            "--out",
            "x.csv",
        ],
        &["pupils", "anonymise", "--exercice", "2030-2031"],
    ] {
        let out = s.run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}: no silent zeros");
        assert_eq!(stderr(&out), expected, "{args:?}");
    }
    assert!(!s.path("x.csv").exists());
}

#[test]
fn a_date_outside_the_exercice_is_refused() {
    let s = coop();
    assert_eq!(
        s.fails(&["balance", "--at", "01/01/2030"]),
        "coopcompta : Date : « 01/01/2030 » est hors de l'exercice 2024-2025 (du 01/09/2024 au 31/08/2025)\n"
    );
    assert_eq!(
        s.ok(&["balance", "--at", "31/08/2025"]),
        "caisse\t8.00\npro\t0.00\nen-ligne\t0.00\nlbp\t0.00\n"
    );
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let s = coop();
    let mut child = Command::new(env!("CARGO_BIN_EXE_coopcompta"))
        .arg("--db")
        .arg(s.db())
        .arg("balance")
        .env_remove("COOPCOMPTA_DB")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    // The reader goes away before anything is written (`| head -0`).
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("binary ends");
    assert_eq!(stderr(&out), "", "no « Broken pipe »");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_full_disk_on_the_output_is_said_in_french() {
    let s = coop();
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = Command::new(env!("CARGO_BIN_EXE_coopcompta"))
        .arg("--db")
        .arg(s.db())
        .arg("balance")
        .env_remove("COOPCOMPTA_DB")
        .stdout(full)
        .output()
        .expect("binary runs");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "coopcompta : écriture de la sortie impossible : disque plein\n"
    );
}

#[test]
fn the_full_screen_refuses_without_a_terminal_and_touches_nothing() {
    let refusal = "coopcompta : l'application plein écran a besoin d'un terminal (entrée ou sortie redirigée) : \
                   rien n'a été ouvert ; dans un script, utilisez les commandes (coopcompta --help)\n";
    // A new base: nothing is created, neither the base nor its lock.
    let fresh = Sandbox::empty();
    let out = fresh.run(&[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "no escape codes written");
    assert_eq!(stderr(&out), refusal);
    assert_eq!(files_in(&fresh), Vec::<String>::new());
    // An existing base: no backup folder, no new file.
    let s = coop();
    let lock = s.path("coop.db.verrou");
    let _ = std::fs::remove_file(&lock);
    let before = files_in(&s);
    let out = s.run(&[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(stderr(&out), refusal);
    assert_eq!(files_in(&s), before, "no lock file, no sauvegardes folder");
    assert!(!s.path("sauvegardes").exists());
}

#[test]
fn help_is_french_with_french_headings_defaults_and_value_names() {
    let s = Sandbox::empty();
    let root = s.ok(&["--help"]);
    assert!(root.contains("\nCommandes :\n"), "{root}");
    assert!(root.contains("\nOptions :\n"), "{root}");
    assert!(
        !root.contains("Commands:") && !root.contains("Options:"),
        "{root}"
    );
    let export = s.ok(&["export", "ledger", "--help"]);
    assert!(
        export.contains("--format <FORMAT>")
            && export.contains("[valeurs : std, fr] [défaut : std]"),
        "{export}"
    );
    assert!(export.contains("--out <FICHIER>"), "{export}");
    assert!(!export.contains("[default: "), "{export}");
    let add = s.ok(&["add", "--help"]);
    for name in [
        "--account <COMPTE>",
        "--amount <MONTANT>",
        "--label <LIBELLÉ>",
        "--category <CODE>",
    ] {
        assert!(add.contains(name), "{name} in {add}");
    }
    let done = s.ok(&["checklist", "done", "--help"]);
    assert!(
        done.contains(
            "\nArguments :\n  <CLÉ>  Clé de l'étape (première colonne de « coopcompta checklist »)\n"
        ),
        "{done}"
    );
}

#[test]
fn help_command_shows_the_help_of_a_command() {
    let s = Sandbox::empty();
    assert_eq!(s.ok(&["help"]), s.ok(&["--help"]));
    assert_eq!(
        s.ok(&["help", "export", "ledger"]),
        s.ok(&["export", "ledger", "--help"])
    );
    let out = s.run(&["help", "balnce"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "coopcompta : commande inconnue : balnce (vouliez-vous dire balance ou cancel ou bank ?) (voir coopcompta --help)\n"
    );
}

#[test]
fn the_best_suggestion_comes_first() {
    let s = Sandbox::empty();
    let out = s.run(&["balnce"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "coopcompta : commande inconnue : balnce (vouliez-vous dire balance ou cancel ou bank ?) (voir coopcompta --help)\n"
    );
}

#[test]
fn an_unknown_format_lists_the_formats() {
    let s = coop();
    let out = s.run(&["export", "ledger", "--format", "xlsx", "--out", "x.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "coopcompta : valeur « xlsx » refusée pour --format <FORMAT> : std ou fr attendu (voir coopcompta export ledger --help)\n"
    );
}

#[test]
fn completions_are_printed_for_bash_zsh_and_fish() {
    let s = Sandbox::empty();
    let bash = s.ok(&["completions", "bash"]);
    assert!(bash.contains("_coopcompta()"), "{bash}");
    assert!(bash.contains("complete -F _coopcompta"), "{bash}");
    assert!(bash.contains("balance"), "{bash}");
    let zsh = s.ok(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef coopcompta"), "{zsh}");
    let fish = s.ok(&["completions", "fish"]);
    assert!(fish.contains("complete -c coopcompta"), "{fish}");
    assert!(
        fish.contains("Affiche le solde de chaque compte"),
        "French descriptions: {fish}"
    );
    assert!(!s.db().exists(), "no base needed nor created");
}

#[test]
fn people_read_french_amounts_programs_read_dots() {
    let s = coop();
    let file = fixture_arg("pupils/utf8.csv");
    s.ok(&["import", "pupils", &file]);
    assert_eq!(
        s.ok(&[
            "campaign",
            "add",
            "--name",
            "Sortie",
            "--amount",
            "8",
            "--classes",
            "CP-A"
        ]),
        "Campagne « Sortie » créée : 8,00 € suggérés par élève, catégorie 75620008, classes CP-A\n"
    );
    s.ok(&[
        "contribution",
        "--campaign",
        "Sortie",
        "--pupil",
        "DUPONT Tom",
        "--amount",
        "8",
        "--channel",
        "especes",
        "--date",
        "14/10/2024",
    ]);
    let shown = s.ok(&["campaign", "show", "--name", "Sortie"]);
    assert_eq!(
        shown,
        "CP-A\t1/2\t8.00\tespeces=8.00\ten-ligne=0.00\tvirement=0.00\tcheques-a-rendre=0\n\
         total\t1/2\t8.00\tespeces=8.00\ten-ligne=0.00\tvirement=0.00\tcheques-a-rendre=0\tobjectif=16.00\tpourcent=50.0\n"
    );
    assert_eq!(s.ok(&["campaign", "list"]), "Sortie\t8.00\t8.00\t1/2\n");
}

#[test]
fn banque_alone_is_not_an_account() {
    let s = coop();
    assert_eq!(
        s.fails(&[
            "add",
            "--account",
            "banque",
            "--date",
            "01/10/2024",
            "--amount",
            "1",
            "--recette",
            "--category",
            "7070",
            "--label",
            "x",
        ]),
        "coopcompta : Compte : « banque » inconnu : caisse, pro, en-ligne, lbp attendu\n"
    );
}

fn add_label(s: &Sandbox, label: &str) {
    s.ok(&[
        "add",
        "--account",
        "caisse",
        "--date",
        "12/10/2024",
        "--amount",
        "2",
        "--depense",
        "--category",
        "6068",
        "--label",
        label,
    ]);
}

#[test]
fn std_ledger_keeps_texts_as_typed_fr_neutralises_them() {
    let s = coop();
    add_label(&s, "-10 % sur la tombola");
    let std_out = s.path("std.csv");
    let fr_out = s.path("fr.csv");
    s.ok(&["export", "ledger", "--out", std_out.to_str().unwrap()]);
    s.ok(&[
        "export",
        "ledger",
        "--format",
        "fr",
        "--out",
        fr_out.to_str().unwrap(),
    ]);
    let std_text = std::fs::read_to_string(std_out).unwrap();
    let fr_text = std::fs::read_to_string(fr_out).unwrap();
    assert!(
        std_text.contains("\n2024-10-12,D001,caisse,-10 % sur la tombola,6068,-2.00,especes,2\n"),
        "{std_text}"
    );
    assert!(
        fr_text.contains("\n12/10/2024;D001;caisse;'-10 % sur la tombola;6068;-2,00;espèces;2\n"),
        "{fr_text}"
    );
}

#[test]
fn contributions_export_has_a_statut_and_montant_sums_to_what_was_collected() {
    let s = coop();
    let file = fixture_arg("pupils/utf8.csv");
    s.ok(&["import", "pupils", &file]);
    s.ok(&["campaign", "add", "--name", "Zoo", "--amount", "8"]);
    let give = |pupil: &str, amount: &str, channel: &str| {
        s.ok(&[
            "contribution",
            "--campaign",
            "Zoo",
            "--pupil",
            pupil,
            "--amount",
            amount,
            "--channel",
            channel,
            "--date",
            "14/10/2024",
        ])
    };
    give("DUPONT Léa", "12", "especes");
    give("DUPONT Tom", "20", "virement");
    give("GARÇON Anaïs", "7,50", "cheque");
    give("LEFÈVRE Théo", "8", "cheque");
    s.ok(&["cancel", "--piece", "R002"]);
    s.ok(&["cheque", "return", "4", "--date", "18/10/2024"]);
    assert_eq!(s.ok(&["campaign", "list"]), "Zoo\t8.00\t12.00\t1/4\n");
    let fr = s.path("zoo.csv");
    s.ok(&[
        "export",
        "contributions",
        "--campaign",
        "Zoo",
        "--format",
        "fr",
        "--out",
        fr.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&fr).unwrap();
    assert_eq!(
        text,
        "\u{feff}Date;Classe;Nom;Prénom;Montant;Montant remis;Moyen de paiement;Pièce;Statut;Rendu le;N°\n\
         14/10/2024;CE1-B;Dupont;Léa;12,00;12,00;espèces;R001;encaissé;;1\n\
         14/10/2024;CE1-B;Lefèvre;Théo;0,00;8,00;chèque;;chèque rendu;18/10/2024;4\n\
         14/10/2024;CP-A;Dupont;Tom;0,00;20,00;virement;R002;annulé;;2\n\
         14/10/2024;CP-A;Garçon;Anaïs;0,00;7,50;chèque;;chèque à rendre;;3\n"
    );
    let std_out = s.path("zoo-std.csv");
    s.ok(&[
        "export",
        "contributions",
        "--campaign",
        "Zoo",
        "--out",
        std_out.to_str().unwrap(),
    ]);
    let mut reader = csv::Reader::from_path(&std_out).unwrap();
    let mut total = 0i64;
    let mut statuts = Vec::new();
    for record in reader.records() {
        let record = record.unwrap();
        let cents: String = record[4].chars().filter(char::is_ascii_digit).collect();
        total += cents.parse::<i64>().unwrap();
        statuts.push(record[8].to_string());
    }
    assert_eq!(total, 1200, "sum of montant = 12.00 collected");
    assert_eq!(
        statuts,
        ["encaisse", "cheque-rendu", "annule", "cheque-a-rendre"]
    );
}
