//! Tables of the participations des familles (migration 3): classes,
//! families, pupils, campaigns, contributions, régies d'avance.

pub mod campaigns;
pub mod contributions;
pub mod pupils;
pub mod regie;
pub mod rekey;

use super::Result;

/// Reads a stored `YYYY-MM-DD` that may be NULL.
pub(crate) fn optional_date(text: Option<String>) -> Result<Option<chrono::NaiveDate>> {
    text.map(|t| super::entries::parse_iso_date(&t)).transpose()
}
