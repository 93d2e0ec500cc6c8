//! Writing files: the ledger and a campaign's contributions, as CSV in the
//! `std` or `fr` form of [`format`].

pub mod contributions;
pub mod crf;
pub mod format;
pub mod ledger;

pub use format::{CsvFormat, neutralise};
pub use ledger::{LedgerExportRow, ledger_export_rows, write_ledger};
