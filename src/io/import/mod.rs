//! Reading the user's files: the chart of accounts, the checklist template,
//! the pupils list; `sniff` decodes a file's text before any of them parses it,
//! `quotes` refuses a quote left open.

pub mod assoconnect;
pub mod bank;
pub mod chart;
pub mod checklist;
pub mod pupils;
pub mod quotes;
pub mod sniff;
pub mod table;

/// A CSV reading error in French, naming the line when it is known.
pub fn french_csv(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("{len} colonnes au lieu de {expected_len} (un « ; » en trop ou en moins ?)")
        }
        csv::ErrorKind::Utf8 { .. } => "texte non UTF-8 : enregistrez le fichier en UTF-8".into(),
        csv::ErrorKind::Io(e) => crate::store::french_io(e),
        _ => format!("fichier CSV illisible ({error})"),
    }
}
