//! Files only: `import` reads the user's files (chart of accounts, checklist
//! template, pupils), `export` writes ledgers and contributions as CSV.

pub mod export;
pub mod import;
