//! Reading the list of pupils a school already has: columns nom, prénom and
//! classe in any order (other columns are ignored, and never stored), header
//! names matched without accents or case, `;` or `,` (or tab) as separator,
//! UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1252 (see
//! [`super::sniff`]; anything else is refused with what to do).

use super::quotes::{LineBreaks, check_quotes};
use super::sniff::decode;
use crate::domain::participation::PupilInput;
use crate::domain::text::fold;
use std::path::Path;

/// The separator of the header line: the most frequent of `;`, `,` and tab.
fn sniff_delimiter(header: &str) -> Option<u8> {
    [b';', b',', b'\t']
        .into_iter()
        .map(|d| (header.bytes().filter(|b| *b == d).count(), d))
        .filter(|(n, _)| *n > 0)
        .max_by_key(|(n, d)| (*n, *d == b';'))
        .map(|(_, d)| d)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Nom,
    Prenom,
    Classe,
}

/// Which pupil field a header names.
fn column_of(header: &str) -> Option<Column> {
    let key = fold(header.trim())
        .replace(['’', '_'], " ")
        .replace('\'', " ");
    let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
    match key.as_str() {
        "nom" | "nom eleve" | "nom de l eleve" | "nom de famille" | "nom d usage" => {
            Some(Column::Nom)
        }
        "prenom" | "prenom eleve" | "prenom de l eleve" | "prenoms" => Some(Column::Prenom),
        "classe" | "classe eleve" | "classe de l eleve" => Some(Column::Classe),
        _ => None,
    }
}

const EXPECTED: &str = "nom, prénom et classe sont attendues, séparées par ; ou ,";

/// Parses a whole file. Only the file's shape is checked here (encoding,
/// header, quoting); the rows themselves are checked by the book, all of
/// them before anything is written. Line numbers are the file's.
pub fn parse_pupils(bytes: &[u8]) -> Result<Vec<PupilInput>, String> {
    let (text, _) = decode(bytes)?;
    let Some(header) = text.lines().find(|l| !l.trim().is_empty()) else {
        return Err(format!(
            "le fichier est vide : une ligne d'en-tête est attendue ({EXPECTED})"
        ));
    };
    let delimiter = sniff_delimiter(header).ok_or_else(|| {
        format!(
            "en-tête « {} » : une seule colonne lue ({EXPECTED})",
            header.trim()
        )
    })?;
    check_quotes(&text, delimiter, LineBreaks::Refused)?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| format!("en-tête : {e}"))?
        .clone();
    let mut positions = [None; 3];
    for (index, name) in headers.iter().enumerate() {
        if let Some(column) = column_of(name) {
            let slot = &mut positions[column as usize];
            if slot.is_none() {
                *slot = Some(index);
            }
        }
    }
    let names = ["nom", "prénom", "classe"];
    if let Some(missing) = (0..3).find(|i| positions[*i].is_none()) {
        let read: Vec<&str> = headers.iter().map(str::trim).collect();
        return Err(format!(
            "en-tête (ligne 1) : colonne « {} » introuvable (colonnes lues : {}) : {EXPECTED}",
            names[missing],
            read.join(", ")
        ));
    }
    let [Some(nom), Some(prenom), Some(classe)] = positions else {
        unreachable!("every column was found above");
    };
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| match e.position() {
            Some(p) => format!("ligne {} : {e}", p.line()),
            None => e.to_string(),
        })?;
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let field = |i: usize| record.get(i).unwrap_or("").to_string();
        rows.push(PupilInput {
            line: record.position().map_or(0, |p| p.line() as usize),
            nom: field(nom),
            prenom: field(prenom),
            classe: field(classe),
        });
    }
    if rows.is_empty() {
        return Err("aucun élève dans le fichier : il n'a que la ligne d'en-tête".into());
    }
    Ok(rows)
}

/// Reads and parses a file.
pub fn read_pupils(path: &Path) -> Result<Vec<PupilInput>, String> {
    let bytes = std::fs::read(path)
        .map_err(|e| format!("lecture impossible : {}", crate::store::french_io(&e)))?;
    parse_pupils(&bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_matched_loosely() {
        assert_eq!(column_of(" Prénom "), Some(Column::Prenom));
        assert_eq!(column_of("NOM"), Some(Column::Nom));
        assert_eq!(column_of("Nom de l'élève"), Some(Column::Nom));
        assert_eq!(column_of("CLASSE"), Some(Column::Classe));
        assert_eq!(column_of("date de naissance"), None);
    }

    #[test]
    fn separators_are_sniffed() {
        assert_eq!(sniff_delimiter("nom;prénom;classe"), Some(b';'));
        assert_eq!(sniff_delimiter("classe,nom,prénom"), Some(b','));
        assert_eq!(sniff_delimiter("nom\tprénom\tclasse"), Some(b'\t'));
        assert_eq!(sniff_delimiter("nom"), None);
    }
}
