//! Files only: `import` reads the user's files (chart of accounts, checklist
//! template, pupils), `export` writes ledgers and contributions as CSV.

pub mod export;
pub mod import;

// The paths these modules had before `import/` and `export/`, and before the
// demo year and the generator moved to `book`: kept so that callers compile
// unchanged. Remove once every caller names the new path.
pub use crate::book::{demo, generate};
pub use export::contributions as contributions_csv;
pub use import::{
    chart as chart_csv, checklist as checklist_csv, french_csv, pupils as pupils_csv, sniff,
};
