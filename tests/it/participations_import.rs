//! Importing a school's list of pupils from the fixtures in
//! `tests/fixtures/pupils/`: UTF-8, UTF-8 with BOM and CRLF, Windows-1252,
//! shuffled comma-separated columns with an extra one, and a bad row that
//! imports nothing.

use crate::support::participations::*;
use coopcompta::io::import::pupils::{parse_pupils, read_pupils};
use coopcompta::io::import::sniff::{TextEncoding, decode};
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    crate::support::fixture(&format!("pupils/{name}"))
}

/// `NOM Prénom (classe)` of every pupil, by name.
fn imported(name: &str) -> Vec<String> {
    let mut book = empty_book();
    let rows = read_pupils(&fixture(name)).unwrap();
    let summary = book.import_pupils(&rows).unwrap();
    assert_eq!(summary.added, rows.len());
    assert_eq!(summary.already_present, 0);
    book.pupils()
        .unwrap()
        .iter()
        .map(|p| p.display_with_class())
        .collect()
}

const FOUR: [&str; 4] = [
    "DUPONT Léa (CE1-B)",
    "DUPONT Tom (CP-A)",
    "GARÇON Anaïs (CP-A)",
    "LEFÈVRE Théo (CE1-B)",
];

#[test]
fn utf8_file() {
    assert_eq!(imported("utf8.csv"), FOUR);
}

#[test]
fn utf8_with_bom_and_crlf() {
    let bytes = std::fs::read(fixture("utf8_bom.csv")).unwrap();
    assert!(bytes.starts_with(b"\xef\xbb\xbf"));
    assert_eq!(imported("utf8_bom.csv"), FOUR);
}

#[test]
fn windows_1252_file() {
    let bytes = std::fs::read(fixture("cp1252.csv")).unwrap();
    assert_eq!(decode(&bytes).unwrap().1, TextEncoding::Windows1252);
    let mut expected = FOUR.to_vec();
    expected.insert(0, "CŒUR Zoé (CP-A)");
    assert_eq!(imported("cp1252.csv"), expected);
}

#[test]
fn shuffled_comma_separated_columns_with_an_extra_one() {
    assert_eq!(imported("shuffled_columns.csv"), FOUR);
    let rows = read_pupils(&fixture("shuffled_columns.csv")).unwrap();
    assert_eq!(
        (rows[0].line, rows[0].nom.as_str(), rows[0].classe.as_str()),
        (2, "Dupont", "CE1-B")
    );
}

#[test]
fn one_bad_row_imports_nothing_and_names_the_line() {
    let mut book = empty_book();
    let before = state(&book);
    let rows = read_pupils(&fixture("bad_row.csv")).unwrap();
    assert_eq!(
        refusal(book.import_pupils(&rows)),
        "aucun élève importé : ligne 4 : Classe : vide (attendu : le nom de la classe, ex. CE1-B)"
    );
    assert_eq!(state(&book), before);
    assert_eq!(count(&book, "pupil"), 0);
}

#[test]
fn a_second_import_adds_only_the_new_pupils_and_links_siblings() {
    let mut book = empty_book();
    book.import_pupils(&read_pupils(&fixture("utf8.csv")).unwrap())
        .unwrap();
    let summary = book
        .import_pupils(&read_pupils(&fixture("cp1252.csv")).unwrap())
        .unwrap();
    assert_eq!((summary.added, summary.already_present), (1, 4));
    assert!(summary.classes_created.is_empty());
    let pupils = book.pupils().unwrap();
    let dupont: Vec<i64> = pupils
        .iter()
        .filter(|p| p.nom == "Dupont")
        .map(|p| p.family_id)
        .collect();
    assert_eq!(dupont.len(), 2);
    assert_eq!(dupont[0], dupont[1], "Léa and Tom DUPONT are siblings");
    assert_eq!(
        book.classes()
            .unwrap()
            .iter()
            .map(|c| (c.name.as_str(), c.pupils))
            .collect::<Vec<_>>(),
        [("CE1-B", 2), ("CP-A", 3)]
    );
}

#[test]
fn a_file_without_the_expected_header_is_refused() {
    assert_eq!(
        parse_pupils("nom;classe\nDupont;CP\n".as_bytes()),
        Err("en-tête (ligne 1) : colonne « prénom » introuvable (colonnes lues : nom, classe) : nom, prénom et classe sont attendues, séparées par ; ou ,".into())
    );
    assert_eq!(
        parse_pupils(b""),
        Err("le fichier est vide : une ligne d'en-tête est attendue (nom, prénom et classe sont attendues, séparées par ; ou ,)".into())
    );
    assert_eq!(
        parse_pupils("nom;prénom;classe\n".as_bytes()),
        Err("aucun élève dans le fichier : il n'a que la ligne d'en-tête".into())
    );
}
