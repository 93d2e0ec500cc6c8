//! Files only: `import` reads the user's files (chart of accounts, checklist
//! template, pupils), `export` writes ledgers and contributions as CSV.

pub mod export;
pub mod import;

// Old paths kept only for the two folders still naming them; remove each
// once its callers name the new path:
// `chart_csv` (src/ui/screens/setup.rs, src/cli/mod.rs), `checklist_csv` and
// `sniff` (src/cli/checklist.rs), `french_csv` (src/cli/output.rs),
// `pupils_csv` (src/cli/participations/school.rs), `contributions_csv`
// (src/cli/participations.rs).
pub use export::contributions as contributions_csv;
pub use import::{
    chart as chart_csv, checklist as checklist_csv, french_csv, pupils as pupils_csv, sniff,
};
