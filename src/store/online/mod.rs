//! AssoConnect tables: payments with what the books did of them, the
//! changes a later import made to known payments, payouts, and the
//! campaigns an import created.

pub mod changes;
pub mod payments;
pub mod payouts;

pub use changes::undo_batch;
