//! Reconciliation tables: import batches, bank lines and their matches,
//! statement balances.

pub mod batches;
pub mod lines;
