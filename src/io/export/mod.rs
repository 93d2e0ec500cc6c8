//! Writing files: the ledger, the cahier de comptabilité, an hledger
//! journal and a campaign's contributions, as CSV in the `std` or `fr` form
//! of [`format`] (and xlsx for the cahier). Writers are pure: they are fed
//! row by row and know nothing of the store.

pub mod cahier;
pub mod cahier_xlsx;
pub mod contributions;
pub mod crf;
pub mod csv_rows;
pub mod format;
pub mod hledger;
pub mod ledger;
pub mod new_file;
pub mod xlsx_cells;

pub use format::{CsvFormat, neutralise};
pub use ledger::{LedgerCsv, write_ledger};
