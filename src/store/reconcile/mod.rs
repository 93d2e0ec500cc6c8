//! Reconciliation tables: import batches, bank lines and their matches,
//! statement balances, undoing a batch.

pub mod batches;
pub mod lines;
pub mod matches;
pub mod statements;
pub mod undo;
