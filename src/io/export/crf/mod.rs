//! The compte rendu financier as files: CSV (`std` and `fr`), a printable
//! HTML page and an xlsx workbook. Pure writers: they take the computed
//! [`Crf`](crate::domain::crf::Crf) and the coop's name.

pub mod csv;
pub mod html;
pub mod xlsx;
mod xlsx_annexes;

pub use self::csv::write_csv;
pub use self::html::write_html;
pub use self::xlsx::write_xlsx;

use crate::domain::crf::Crf;

/// The line of the check, in words.
pub fn check_words(crf: &Crf) -> &'static str {
    if crf.balanced() {
        "vérifié"
    } else {
        "ÉCART : les comptes ne sont pas équilibrés"
    }
}

/// Said of a bank account whose statement of the exercice was never
/// imported: nothing could be pointed, so no entry is listed.
pub const NOT_IMPORTED: &str =
    "Aucun relevé de l'exercice importé : les écritures n'ont pas été pointées.";

/// `Septembre 2024`.
pub fn month_name(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let name = crate::domain::dates::month_name(date.month());
    let mut chars = name.chars();
    let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
    format!(
        "{}{} {}",
        first.unwrap_or_default(),
        chars.as_str(),
        date.year()
    )
}
