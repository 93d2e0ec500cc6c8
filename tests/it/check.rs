//! `coopcompta check` on bases damaged by hand (raw SQL, as a bug or an
//! edit with the sqlite3 tool would leave them): each damage is one French
//! line naming the pièce, and the exit code is 1.

use crate::support::check::{
    base, damage, demo, findings, finds, finds_only, id_of, query, query_text,
};
use crate::support::cli::Sandbox;
use coopcompta::store::schema::latest_version;

#[test]
fn a_clean_base_is_healthy() {
    let s = base();
    assert_eq!(
        s.ok(&["check"]),
        "Base saine : 7 écritures, toutes équilibrées\n"
    );
    let d = demo();
    assert!(d.ok(&["check"]).starts_with("Base saine : 157 écritures"));
}

#[test]
fn an_entry_moved_without_its_lines() {
    let s = base();
    damage(
        &s,
        "UPDATE entry SET date = '2024-09-15' WHERE piece = 'R001'",
    );
    finds_only(
        &s,
        "R001 (2024-2025) : 2 lignes datées du 12/09/2024 alors que l'écriture est du 15/09/2024",
    );
}

#[test]
fn a_line_with_another_date_or_exercice() {
    let s = base();
    let d001 = id_of(&s, "D001");
    damage(
        &s,
        &format!(
            "UPDATE entry_line SET date = '2024-09-13' WHERE entry_id = {d001} AND position = 0;
             UPDATE entry_line SET exercice = 2023 WHERE entry_id = {d001} AND position = 1;"
        ),
    );
    assert_eq!(
        findings(&s),
        vec![
            "D001 (2024-2025) : 1 ligne datée du 13/09/2024 alors que l'écriture est du 20/09/2024",
            "D001 (2024-2025) : 1 ligne rattachée à l'exercice 2023-2024 alors que l'écriture est de l'exercice 2024-2025",
        ]
    );
}

#[test]
fn an_entry_whose_lines_were_all_deleted() {
    let s = base();
    damage(
        &s,
        &format!(
            "DELETE FROM entry_line WHERE entry_id = {}",
            id_of(&s, "D001")
        ),
    );
    finds_only(
        &s,
        "D001 (2024-2025) : écriture sans aucune ligne (ses montants ont été effacés)",
    );
}

#[test]
fn an_entry_with_one_line() {
    let s = base();
    damage(
        &s,
        &format!(
            "DELETE FROM entry_line WHERE entry_id = {} AND position = 1",
            id_of(&s, "V001")
        ),
    );
    finds(
        &s,
        "V001 (2024-2025) : écriture d'une seule ligne (une écriture en a au moins deux, qui s'équilibrent)",
    );
}

#[test]
fn lines_that_do_not_sum_to_zero() {
    let s = base();
    damage(
        &s,
        &format!(
            "UPDATE entry_line SET amount_cents = 7000 WHERE entry_id = {} AND position = 1",
            id_of(&s, "D001")
        ),
    );
    finds_only(
        &s,
        "D001 (2024-2025) : écriture déséquilibrée : ses lignes totalisent -10,00 € au lieu de 0",
    );
}

#[test]
fn the_caisse_below_zero_on_a_day() {
    let s = base();
    // D003 takes 150,00 out instead of 50,00: 130,00 in the caisse that day.
    damage(
        &s,
        &format!(
            "UPDATE entry_line SET amount_cents = amount_cents * 3 WHERE entry_id = {}",
            id_of(&s, "D003")
        ),
    );
    finds_only(
        &s,
        "D003 (2024-2025) : la Caisse passe à -20,00 € le 10/10/2024 : une caisse ne peut pas être négative",
    );
}

#[test]
fn a_reversal_pointing_to_no_entry() {
    let s = base();
    damage(&s, "UPDATE entry SET reverses = 999 WHERE piece = 'D002-A'");
    finds_only(
        &s,
        "D002-A (2024-2025) : annule l'écriture n° 999, qui n'existe pas",
    );
}

#[test]
fn a_reversal_pointing_to_another_entry() {
    let s = base();
    damage(
        &s,
        &format!(
            "UPDATE entry SET reverses = {} WHERE piece = 'D002-A'",
            id_of(&s, "R001")
        ),
    );
    finds_only(
        &s,
        "D002-A (2024-2025) : n'est pas l'exact opposé de R001 qu'elle annule (écart 530 : 42,35 €, 6068 : -12,35 €, 75620008 : -30,00 €)",
    );
}

#[test]
fn an_entry_deleted_while_its_audit_row_remains() {
    let s = base();
    let d001 = id_of(&s, "D001");
    damage(
        &s,
        &format!(
            "DELETE FROM entry_line WHERE entry_id = {d001}; DELETE FROM entry WHERE id = {d001};"
        ),
    );
    finds_only(
        &s,
        &format!(
            "D001 (2024-2025) : l'écriture n° {d001} a été effacée alors que le journal des modifications l'a enregistrée (une écriture s'annule, elle ne s'efface pas)"
        ),
    );
}

#[test]
fn an_entry_deleted_with_its_lines_left() {
    let s = base();
    let d001 = id_of(&s, "D001");
    let first = query(
        &s,
        &format!("SELECT min(id) FROM entry_line WHERE entry_id = {d001}"),
    );
    damage(&s, &format!("DELETE FROM entry WHERE id = {d001}"));
    finds(
        &s,
        &format!(
            "D001 (2024-2025) : l'écriture n° {d001} n'existe plus mais ses lignes n° {}, {}, {} restent",
            first,
            first + 1,
            first + 2
        ),
    );
}

#[test]
fn text_in_an_amount() {
    let s = base();
    damage(
        &s,
        &format!(
            "UPDATE entry_line SET amount_cents = '12abc' WHERE entry_id = {} AND position = 1",
            id_of(&s, "R001")
        ),
    );
    finds_only(
        &s,
        "R001 (2024-2025) : une ligne a pour montant en centimes « 12abc » : un nombre entier est attendu",
    );
}

#[test]
fn control_bytes_in_a_bad_value_are_not_echoed() {
    let s = base();
    damage(
        &s,
        &format!(
            "UPDATE entry_line SET amount_cents = 'a' || char(27) || '[2J' WHERE entry_id = {} AND position = 1",
            id_of(&s, "R001")
        ),
    );
    finds_only(
        &s,
        "R001 (2024-2025) : une ligne a pour montant en centimes « a?[2J » : un nombre entier est attendu",
    );
}

#[test]
fn a_line_on_an_unknown_account() {
    let s = base();
    damage(
        &s,
        &format!(
            "UPDATE entry_line SET account_id = 999 WHERE entry_id = {} AND position = 1",
            id_of(&s, "R001")
        ),
    );
    finds_only(
        &s,
        "R001 (2024-2025) : une ligne renvoie au compte n° 999, absent du plan comptable",
    );
}

#[test]
fn the_same_piece_twice_in_an_exercice() {
    let s = base();
    let (r001, d001) = (id_of(&s, "R001"), id_of(&s, "D001"));
    damage(&s, "UPDATE entry SET piece = 'R001 ' WHERE piece = 'D001'");
    finds_only(
        &s,
        &format!(
            "R001 (2024-2025) : numéro de pièce porté par 2 écritures (n° {r001}, {d001}) : chaque pièce est unique dans un exercice"
        ),
    );
}

#[test]
fn an_entry_dated_outside_its_exercice() {
    let s = base();
    let d003 = id_of(&s, "D003");
    damage(
        &s,
        &format!(
            "UPDATE entry SET date = '2025-10-10' WHERE id = {d003};
             UPDATE entry_line SET date = '2025-10-10' WHERE entry_id = {d003};"
        ),
    );
    finds_only(
        &s,
        "D003 (2024-2025) : datée du 10/10/2025, hors de son exercice (du 1er septembre au 31 août)",
    );
}

#[test]
fn a_foreign_key_to_nothing() {
    let s = demo();
    damage(&s, "UPDATE pupil SET class_id = 999 WHERE id = 1");
    finds_only(
        &s,
        "élève n° 1 : renvoie (class_id) à classe n° 999, qui n'existe pas",
    );
}

#[test]
fn a_regie_move_on_a_reversal() {
    let s = demo();
    s.ok(&["cancel", "--piece", "D003"]);
    let (move_id, reversal) = (
        query(&s, "SELECT min(id) FROM regie_move"),
        id_of(&s, "D003-A"),
    );
    damage(
        &s,
        &format!("UPDATE regie_move SET entry_id = {reversal} WHERE id = {move_id}"),
    );
    finds_only(
        &s,
        &format!(
            "D003-A (2024-2025) : le mouvement de régie n° {move_id} renvoie à cette écriture d'annulation"
        ),
    );
}

#[test]
fn a_contribution_pointing_to_a_missing_or_wrong_entry() {
    let s = demo();
    let (c1, c2) = (
        query(
            &s,
            "SELECT min(id) FROM contribution WHERE entry_id IS NOT NULL",
        ),
        query(
            &s,
            "SELECT max(id) FROM contribution WHERE entry_id IS NOT NULL AND cancelled_at IS NULL",
        ),
    );
    let entry = query(
        &s,
        &format!("SELECT entry_id FROM contribution WHERE id = {c2}"),
    );
    let piece = query_text(&s, &format!("SELECT piece FROM entry WHERE id = {entry}"));
    let reversed = query(
        &s,
        &format!("SELECT count(*) FROM entry WHERE reverses = {entry}"),
    );
    assert_eq!(reversed, 0, "the demo's last contribution stands");
    damage(
        &s,
        &format!(
            "UPDATE contribution SET entry_id = 9999 WHERE id = {c1};
             UPDATE contribution SET cancelled_at = '2024-12-01T10:00:00' WHERE id = {c2};"
        ),
    );
    let found = findings(&s);
    assert!(
        found.contains(&format!(
            "participation n° {c1} : renvoie à l'écriture n° 9999, qui n'existe pas"
        )),
        "{found:?}"
    );
    assert!(
        found.contains(&format!(
            "{piece} (2024-2025) : la participation n° {c2} est marquée annulée mais cette recette ne l'est pas"
        )),
        "{found:?}"
    );
}

#[test]
fn a_lowered_schema_version_is_a_finding() {
    let s = base();
    damage(&s, "PRAGMA user_version = 1");
    let latest = latest_version();
    // Schema 7 adds tables: the latest that leaves something to find.
    finds_only(
        &s,
        &format!(
            "base : version du schéma 1, attendue {latest} : les tables du schéma {latest} existent déjà, le numéro de version a été modifié (PRAGMA user_version = {latest} le rétablit, ou reprenez une copie du dossier sauvegardes)"
        ),
    );
    assert_eq!(query(&s, "PRAGMA user_version"), 1, "check changed nothing");
}

#[test]
fn a_raised_schema_version_is_a_finding() {
    let s = base();
    damage(&s, "PRAGMA user_version = 99");
    finds_only(
        &s,
        &format!(
            "base : version du schéma 99, attendue {} : base écrite par une version plus récente de coopcompta (mettez coopcompta à jour), ou numéro de version modifié",
            latest_version()
        ),
    );
}

#[test]
fn other_commands_on_a_lowered_version_say_it_in_one_french_line() {
    let s = base();
    damage(&s, "PRAGMA user_version = 1");
    for command in [&["balance"][..], &["cancel", "--piece", "R001"][..]] {
        let stderr = s.fails(command);
        assert_eq!(
            stderr,
            format!(
                "coopcompta : la base indique le schéma 1 mais contient déjà les tables du schéma {} : son numéro de version a été modifié. Rien n'a été changé ; lancez « coopcompta check » et, au besoin, reprenez la dernière copie du dossier sauvegardes\n",
                latest_version()
            )
        );
        assert!(!stderr.contains("CREATE TABLE"));
    }
    assert_eq!(query(&s, "PRAGMA user_version"), 1);
    assert_eq!(query(&s, "SELECT count(*) FROM entry"), 7);
}

#[test]
fn a_file_that_is_no_database_is_one_line() {
    let s = Sandbox::empty();
    std::fs::write(
        s.db(),
        "ceci n'est pas une base, mais un texte assez long pour SQLite.",
    )
    .expect("write");
    let stderr = s.fails(&["check"]);
    assert_eq!(
        stderr,
        "coopcompta : base de données : ce fichier n'est pas une base coopcompta\n"
    );
}

#[test]
fn a_missing_file_is_not_created() {
    let s = Sandbox::empty();
    let stderr = s.fails(&["check"]);
    assert!(
        stderr.starts_with("coopcompta : la base n'est pas encore créée"),
        "{stderr}"
    );
    assert!(!s.db().exists());
}
