//! Nothing lost, nothing leaked: commands never destroy a file they did not
//! create, refused commands leave the file system as they found it, backups
//! survive an interruption and can be put back, files with names are private.

use crate::support::cli::Sandbox;
use coopcompta::store::{self, backup, lock, schema};
use rusqlite::Connection;
use std::collections::BTreeMap;
use std::path::Path;

/// Every file under `dir` (relative name → bytes), folders included as empty.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            let name = path.strip_prefix(dir).unwrap().display().to_string();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            if meta.is_dir() {
                stack.push(path);
                files.insert(format!("{name}/"), Vec::new());
            } else if meta.file_type().is_symlink() {
                files.insert(
                    name,
                    std::fs::read_link(&path)
                        .unwrap()
                        .display()
                        .to_string()
                        .into(),
                );
            } else {
                files.insert(name, std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

fn names(dir: &Path) -> Vec<String> {
    snapshot(dir).into_keys().collect()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn at(stamp: &str) -> chrono::NaiveDateTime {
    chrono::NaiveDateTime::parse_from_str(stamp, "%Y-%m-%d_%H-%M-%S").unwrap()
}

/// A coop of 2024-2025 (caisse 120,50) with one receipt.
fn coop() -> Sandbox {
    let s = Sandbox::lilas("120,50");
    s.ok(&[
        "add",
        "--account",
        "caisse",
        "--date",
        "01/10/2024",
        "--amount",
        "10",
        "--recette",
        "--category",
        "7062",
        "--label",
        "Vente de gâteaux",
    ]);
    s
}

fn folder(s: &Sandbox) -> std::path::PathBuf {
    s.db().parent().unwrap().to_path_buf()
}

// ── 1. Never destroy a file the user did not ask to create ──────────────

#[test]
fn demo_on_an_existing_file_leaves_it_byte_identical() {
    let s = coop();
    let report = s.path("rapport.txt");
    std::fs::write(&report, "Compte rendu du conseil d'école\n").unwrap();
    let before = snapshot(&folder(&s));
    for db in [report.clone(), s.db()] {
        let out = s.run_with(Some(&db), &["demo", "--no-tui"], &[]);
        assert!(!out.status.success());
        assert_eq!(
            String::from_utf8(out.stderr).unwrap(),
            format!(
                "coopcompta : {} existe déjà : la démonstration se crée dans un fichier neuf (rien n'a été modifié)\n",
                db.display()
            )
        );
        assert_eq!(snapshot(&folder(&s)), before, "demo on {}", db.display());
    }
    // The coop is still there.
    assert!(s.ok(&["check"]).starts_with("Base saine : 2 écritures"));
}

#[test]
fn export_out_refuses_the_database_its_companions_and_the_backups() {
    let s = coop();
    let dir = folder(&s);
    std::fs::create_dir(dir.join("sauvegardes")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(s.db(), dir.join("lien.csv")).unwrap();
    let before = snapshot(&dir);
    let base = "c'est la base de la coopérative ou un de ses fichiers : choisissez un autre nom";
    let backups = "c'est dans le dossier des sauvegardes : choisissez un autre dossier";
    let mut cases = vec![
        (s.db(), base),
        (dir.join(".").join("coop.db"), base),
        (dir.join("sauvegardes").join("..").join("coop.db"), base),
        (s.path("coop.db-wal"), base),
        (s.path("coop.db-shm"), base),
        (s.path("coop.db.verrou"), base),
        (dir.join("sauvegardes").join("journal.csv"), backups),
    ];
    if cfg!(unix) {
        cases.push((s.path("lien.csv"), base));
    }
    for (out, reason) in cases {
        let text = out.to_str().unwrap();
        for what in [
            vec!["export", "ledger", "--out", text],
            vec!["export", "contributions", "--campaign", "x", "--out", text],
        ] {
            assert_eq!(
                s.fails(&what),
                format!("coopcompta : écriture du fichier {text} impossible : {reason}\n"),
                "{what:?}"
            );
            assert_eq!(snapshot(&dir), before, "{what:?}");
        }
    }
}

#[test]
fn export_out_never_replaces_a_device_a_link_or_a_folder() {
    let s = coop();
    let not_a_file =
        "ce n'est pas un fichier ordinaire : donnez un fichier, ou « - » pour la sortie standard";
    std::fs::create_dir(s.path("dossier")).unwrap();
    let mut cases = vec![s.path("dossier").display().to_string()];
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(s.path("ailleurs.csv"), s.path("lien-mort.csv")).unwrap();
        std::fs::write(s.path("vrai.csv"), "garde-moi").unwrap();
        std::os::unix::fs::symlink(s.path("vrai.csv"), s.path("lien.csv")).unwrap();
        cases.extend(["/dev/null".to_string(), "/dev/stdout".to_string()]);
        cases.push(s.path("lien-mort.csv").display().to_string());
        cases.push(s.path("lien.csv").display().to_string());
    }
    let before = snapshot(&folder(&s));
    for out in &cases {
        assert_eq!(
            s.fails(&["export", "ledger", "--out", out]),
            format!("coopcompta : écriture du fichier {out} impossible : {not_a_file}\n")
        );
    }
    assert_eq!(snapshot(&folder(&s)), before);
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let null = std::fs::symlink_metadata("/dev/null").unwrap();
        assert!(
            null.file_type().is_char_device(),
            "/dev/null still a device"
        );
    }
}

#[test]
fn export_out_dash_writes_the_csv_on_standard_output() {
    let s = coop();
    let file = s.path("journal.csv");
    s.ok(&["export", "ledger", "--out", file.to_str().unwrap()]);
    let printed = s.ok(&["export", "ledger", "--out", "-"]);
    assert_eq!(printed, std::fs::read_to_string(&file).unwrap());
    assert!(
        printed.starts_with("date,piece,compte,libelle,categorie,montant,mode,id\n"),
        "{printed}"
    );
    assert!(!printed.contains("exportées"));

    s.ok(&[
        "pupils", "add", "--nom", "Dupont", "--prenom", "Léa", "--class", "CP-A",
    ]);
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
    s.ok(&[
        "contribution",
        "--campaign",
        "sortie zoo",
        "--pupil",
        "DUPONT Léa",
        "--amount",
        "12",
        "--channel",
        "especes",
        "--date",
        "14/10/2024",
    ]);
    assert_eq!(
        s.ok(&[
            "export",
            "contributions",
            "--campaign",
            "Sortie zoo",
            "--out",
            "-"
        ]),
        "date,classe,nom,prenom,montant,montant_remis,canal,piece,statut,rendu_le,id\n\
         2024-10-14,CP-A,Dupont,Léa,12.00,12.00,especes,R002,encaisse,,1\n"
    );
    // No temporary file left anywhere.
    assert!(
        names(&folder(&s)).iter().all(|n| !n.contains("partiel")),
        "{:?}",
        names(&folder(&s))
    );
}

#[cfg(unix)]
#[test]
fn the_contributions_export_is_created_owner_only() {
    let s = coop();
    s.ok(&[
        "pupils", "add", "--nom", "Dupont", "--prenom", "Léa", "--class", "CP-A",
    ]);
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
    let out = s.path("participations.csv");
    s.ok(&[
        "export",
        "contributions",
        "--campaign",
        "Sortie zoo",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(mode(&out), 0o600);
}

#[test]
fn a_refused_init_leaves_no_file_and_no_folder() {
    let s = Sandbox::empty();
    let db = s.path("nouveau").join("dossier").join("coop.db");
    for (args, message) in [
        (
            vec!["init", "--coop", "  "],
            "coopcompta : Nom de la coopérative : vide : saisissez le nom, par exemple « Coopérative scolaire OCCE de l'école Jules Ferry »\n",
        ),
        (
            vec!["init", "--coop", "Lilas", "--opening", "caisse=-5"],
            "coopcompta : Solde d'ouverture : Caisse « -5,00 € » : une caisse ne peut pas être négative\n",
        ),
    ] {
        let out = s.run_with(Some(&db), &args, &[]);
        assert!(!out.status.success());
        assert_eq!(String::from_utf8(out.stderr).unwrap(), message);
        assert_eq!(names(&folder(&s)), Vec::<String>::new(), "{args:?}");
    }
    // On an empty file the user made: still empty afterwards.
    std::fs::write(s.db(), b"").unwrap();
    s.fails(&["init", "--coop", " "]);
    assert_eq!(names(&folder(&s)), ["coop.db"]);
    assert_eq!(std::fs::metadata(s.db()).unwrap().len(), 0);
}

#[test]
fn commands_on_an_empty_file_say_it_is_not_created_and_write_nothing() {
    let s = Sandbox::empty();
    std::fs::write(s.db(), b"").unwrap();
    let not_created = "coopcompta : la base n'est pas encore créée : lancez « coopcompta init --coop \"NOM\" » ou ouvrez l'application\n";
    for args in [
        vec![
            "add",
            "--account",
            "caisse",
            "--date",
            "01/10/2024",
            "--amount",
            "10",
            "--recette",
            "--category",
            "7062",
            "--label",
            "Vente",
        ],
        vec!["balance"],
        vec![
            "pupils", "add", "--nom", "Dupont", "--prenom", "Léa", "--class", "CP-A",
        ],
    ] {
        assert_eq!(s.fails(&args), not_created, "{args:?}");
        assert_eq!(names(&folder(&s)), ["coop.db"], "{args:?}");
        assert_eq!(std::fs::metadata(s.db()).unwrap().len(), 0, "{args:?}");
    }
}

// ── 2. Backups that survive an interruption, and a way back ─────────────

#[cfg(unix)]
#[test]
fn a_backup_is_whole_owner_only_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("coop.db");
    let conn = store::open(&db).unwrap();
    let copy = backup::backup_now(&conn, &db, at("2025-03-20_08-00-00")).unwrap();
    let folder = backup::backup_dir(&db);
    assert_eq!(mode(&folder), 0o700);
    assert_eq!(mode(&copy), 0o600);
    assert_eq!(names(&folder), ["coop-2025-03-20_08-00-00.db"]);
    assert!(backup::is_complete(&copy));
    // A plain file: reading it leaves nothing beside it.
    let version: i64 = Connection::open(&copy)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, schema::latest_version());
    assert_eq!(names(&folder), ["coop-2025-03-20_08-00-00.db"]);
}

#[test]
fn broken_copies_are_never_counted_and_the_newest_good_copy_survives() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("coop.db");
    let conn = store::open(&db).unwrap();
    let folder = backup::backup_dir(&db);
    let stamps: Vec<String> = (1..=backup::KEEP)
        .map(|day| format!("2025-03-{day:02}_08-00-00"))
        .collect();
    for stamp in &stamps {
        backup::backup_now(&conn, &db, at(stamp)).unwrap();
    }
    // A run killed while copying (a temporary file and its journal), and a
    // cut copy under a final name (from an older version), both newer.
    std::fs::write(
        folder.join(".coop-2025-04-01_08-00-00.db.partiel"),
        b"SQLite format 3\0half",
    )
    .unwrap();
    std::fs::write(
        folder.join(".coop-2025-04-01_08-00-00.db.partiel-journal"),
        b"x",
    )
    .unwrap();
    std::fs::write(
        folder.join("coop-2025-04-02_08-00-00.db"),
        b"SQLite format 3\0cut short",
    )
    .unwrap();
    // Someone else's file that looks alike is not ours to remove.
    std::fs::write(folder.join(".coop-notes.partiel"), b"notes").unwrap();

    backup::backup_now(&conn, &db, at("2025-03-20_08-00-00")).unwrap();
    let mut expected: Vec<String> = stamps[1..].iter().map(|s| format!("coop-{s}.db")).collect();
    expected.extend([
        ".coop-notes.partiel".to_string(),
        "coop-2025-03-20_08-00-00.db".to_string(),
        "coop-2025-04-02_08-00-00.db".to_string(),
    ]);
    expected.sort();
    assert_eq!(names(&folder), expected);
}

/// A file holding the v1 fixture (a version-1 database of the code of that time).
fn v1_base(path: &Path) {
    let fixture = crate::support::fixture("schema/v1.sql");
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(&std::fs::read_to_string(fixture).unwrap())
        .unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
}

#[test]
fn a_copy_is_taken_before_the_schema_is_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ancienne.db");
    v1_base(&db);
    let upgraded = store::open(&db).unwrap();
    let version: i64 = upgraded
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, schema::latest_version());
    let copies = names(&backup::backup_dir(&db));
    assert_eq!(copies.len(), 1, "{copies:?}");
    let suffix = format!("-avant-migration-v{}.db", schema::latest_version());
    assert!(
        copies[0].starts_with("ancienne-") && copies[0].ends_with(&suffix),
        "{copies:?}"
    );
    let copy = Connection::open(backup::backup_dir(&db).join(&copies[0])).unwrap();
    let (version, entries): (i64, i64) = copy
        .query_row(
            "SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM entry)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((version, entries), (1, 6));
    // A new base is not copied (nothing to undo), and a current one neither.
    drop(upgraded);
    drop(store::open(&db).unwrap());
    let fresh = dir.path().join("neuve.db");
    drop(store::open(&fresh).unwrap());
    assert_eq!(names(&backup::backup_dir(&db)).len(), 1);
}

#[test]
fn backups_lists_date_size_and_entries() {
    let s = coop();
    assert_eq!(
        s.ok(&["backups"]),
        format!(
            "Aucune sauvegarde dans {}\n",
            folder(&s).join("sauvegardes").display()
        )
    );
    {
        let conn = store::open(&s.db()).unwrap();
        backup::backup_now(&conn, &s.db(), at("2025-03-20_08-00-00")).unwrap();
        backup::backup_labelled(
            &conn,
            &s.db(),
            at("2025-03-21_09-30-00"),
            "avant-restauration",
        )
        .unwrap();
    }
    let dir = folder(&s).join("sauvegardes");
    std::fs::write(
        dir.join("coop-2025-03-22_10-00-00.db"),
        b"SQLite format 3\0cut",
    )
    .unwrap();
    let size = |name: &str| {
        let bytes = std::fs::metadata(dir.join(name)).unwrap().len();
        format!("{} Ko", bytes.div_ceil(1024))
    };
    assert_eq!(
        s.ok(&["backups"]),
        format!(
            "20/03/2025 08:00:00\t{}\t2 écritures\tcoop-2025-03-20_08-00-00.db\n\
             21/03/2025 09:30:00\t{}\t2 écritures\tcoop-2025-03-21_09-30-00-avant-restauration.db\n\
             22/03/2025 10:00:00\t1 Ko\tillisible (incomplète)\tcoop-2025-03-22_10-00-00.db\n\
             3 copies dans {} ; pour en remettre une : coopcompta restore NOM\n",
            size("coop-2025-03-20_08-00-00.db"),
            size("coop-2025-03-21_09-30-00-avant-restauration.db"),
            dir.display()
        )
    );
}

#[test]
fn restore_keeps_the_current_base_then_puts_the_copy_back() {
    let s = coop();
    {
        let conn = store::open(&s.db()).unwrap();
        backup::backup_now(&conn, &s.db(), at("2025-03-20_08-00-00")).unwrap();
    }
    s.ok(&[
        "add",
        "--account",
        "caisse",
        "--date",
        "02/10/2024",
        "--amount",
        "30",
        "--depense",
        "--category",
        "6068",
        "--label",
        "Craies",
    ]);
    assert_eq!(s.ok(&["balance"]).lines().next(), Some("caisse\t100.50"));
    let dir = folder(&s).join("sauvegardes");
    let chosen = dir.join("coop-2025-03-20_08-00-00.db");

    // Refused while the application has the base open.
    {
        let _app = lock::acquire(&s.db()).unwrap();
        let before = snapshot(&folder(&s));
        assert_eq!(
            s.fails(&["restore", "coop-2025-03-20_08-00-00.db"]),
            format!(
                "coopcompta : la base {} est déjà ouverte par un autre coopcompta : fermez-le d'abord (une seule fenêtre à la fois)\n",
                s.db().display()
            )
        );
        assert_eq!(snapshot(&folder(&s)), before);
    }
    // A file that is not a coopcompta base is refused before anything.
    std::fs::write(s.path("rapport.txt"), "pas une base").unwrap();
    let before = snapshot(&folder(&s));
    assert_eq!(
        s.fails(&["restore", s.path("rapport.txt").to_str().unwrap()]),
        format!(
            "coopcompta : {} n'est pas une base coopcompta\n",
            s.path("rapport.txt").display()
        )
    );
    assert_eq!(snapshot(&folder(&s)), before);

    let printed = s.ok(&["restore", "coop-2025-03-20_08-00-00.db"]);
    let kept: Vec<String> = names(&dir)
        .into_iter()
        .filter(|n| n.ends_with("-avant-restauration.db"))
        .collect();
    assert_eq!(kept.len(), 1, "{:?}", names(&dir));
    assert_eq!(
        printed,
        format!(
            "{} remise en place : Coopérative des Lilas, 2 écritures ; la base d'avant est gardée dans {}\n",
            chosen.display(),
            dir.join(&kept[0]).display()
        )
    );
    assert_eq!(s.ok(&["balance"]).lines().next(), Some("caisse\t130.50"));
    assert!(s.ok(&["check"]).starts_with("Base saine : 2 écritures"));
    // The base as it was, with its third entry, is in the kept copy.
    let entries: i64 = Connection::open(dir.join(&kept[0]))
        .unwrap()
        .query_row("SELECT count(*) FROM entry", [], |r| r.get(0))
        .unwrap();
    assert_eq!(entries, 3);
}

// ── 7. Platform paths and privacy ────────────────────────────────────────

#[cfg(target_os = "linux")]
#[test]
fn a_relative_xdg_data_home_is_ignored() {
    let s = Sandbox::empty();
    let home = s.path("maison");
    std::fs::create_dir(&home).unwrap();
    let out = s.run_with(
        None,
        &["init", "--coop", "Lilas", "--exercice", "2024-2025"],
        &[
            ("HOME", &home),
            ("XDG_DATA_HOME", Path::new("relatif/donnees")),
        ],
    );
    let expected = home.join(".local/share/coopcompta/coop.db");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!(
            "Lilas créée, exercice 2024-2025, dans {}\n",
            expected.display()
        )
    );
    assert!(expected.exists());
    assert!(!s.path("relatif").exists(), "relative XDG_DATA_HOME used");

    let absolute = s.path("donnees");
    let out = s.run_with(
        None,
        &["init", "--coop", "Lilas", "--exercice", "2024-2025"],
        &[("HOME", &home), ("XDG_DATA_HOME", &absolute)],
    );
    assert!(out.status.success());
    assert!(absolute.join("coopcompta/coop.db").exists());
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    let haystack = haystack.to_ascii_lowercase();
    let needle = needle.to_ascii_lowercase();
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[test]
fn after_anonymise_the_names_are_nowhere_in_the_file() {
    let s = coop();
    for (nom, prenom) in [("Quetzalcoatl", "Zebulon"), ("Xylographe", "Ondine")] {
        s.ok(&[
            "pupils", "add", "--nom", nom, "--prenom", prenom, "--class", "CP-A",
        ]);
    }
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
    s.ok(&[
        "contribution",
        "--campaign",
        "sortie zoo",
        "--pupil",
        "QUETZALCOATL Zebulon",
        "--amount",
        "12",
        "--channel",
        "cheque",
        "--date",
        "14/10/2024",
        "--payer",
        "Famille Wombatier",
    ]);
    s.ok(&["cheque", "return", "1", "--date", "20/10/2024"]);
    let copy = {
        let conn = store::open(&s.db()).unwrap();
        conn.execute(
            "UPDATE exercice SET closed_at = '2025-09-20' WHERE start_year = 2024",
            [],
        )
        .unwrap();
        backup::backup_now(&conn, &s.db(), at("2025-09-21_08-00-00")).unwrap()
    };
    let secrets = [
        "Quetzalcoatl",
        "Zebulon",
        "Xylographe",
        "Ondine",
        "Wombatier",
    ];
    let file = std::fs::read(s.db()).unwrap();
    assert!(
        contains(&file, "Quetzalcoatl"),
        "the test's names are in the base first"
    );

    let printed = s.ok(&["pupils", "anonymise", "--exercice", "2024-2025"]);
    assert_eq!(
        printed,
        format!(
            "2 élèves de l'exercice 2024-2025 anonymisés ; les comptes sont inchangés\n\
             Attention : la sauvegarde {} contient encore les noms : supprimez-la, ou gardez-la en lieu sûr\n",
            copy.display()
        )
    );
    for suffix in ["", "-wal", "-shm"] {
        let path = s.path(&format!("coop.db{suffix}"));
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        for name in secrets {
            assert!(
                !contains(&bytes, name),
                "{name} still in {}",
                path.display()
            );
        }
    }
    assert!(copy.exists(), "the copy is named, never deleted");
    assert!(s.ok(&["check"]).starts_with("Base saine"));
}

/// The journal, the cahier and the hledger journal name families in their
/// labels: written from the command line for their owner only, as from the
/// app.
#[cfg(unix)]
#[test]
fn every_year_end_file_from_the_command_line_is_for_its_owner_only() {
    let s = Sandbox::lilas("120,50");
    for (what, name, format) in [
        ("ledger", "journal.csv", None),
        ("cahier", "cahier.csv", Some("fr")),
        ("cahier", "cahier.xlsx", Some("xlsx")),
        ("hledger", "coop.journal", None),
    ] {
        let out = s.path(name);
        let mut args = vec!["export", what, "--out", out.to_str().unwrap()];
        if let Some(f) = format {
            args.extend(["--format", f]);
        }
        s.ok(&args);
        assert_eq!(mode(&out), 0o600, "{name}");
    }
}
