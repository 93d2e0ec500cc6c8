//! Files in and out: the chart of accounts, the demo year, ledger exports.

pub mod chart_csv;
pub mod checklist_csv;
pub mod contributions_csv;
pub mod demo;
pub mod export;
pub mod generate;
pub mod pupils_csv;
