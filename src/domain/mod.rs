//! The bookkeeping rules, pure Rust: no database, no terminal.

pub mod accounts;
pub mod bank;
pub mod cash_count;
pub mod closing;
pub mod crf;
pub mod dates;
pub mod entry;
pub mod entry_prefill;
pub mod entry_request;
pub mod fast_hash;
pub mod field;
pub mod ledger;
pub mod money;
pub mod online;
pub mod opening;
pub mod participation;
pub mod piece;
pub mod reconcile;
pub mod warning;

pub use accounts::{Account, AccountKind, ChartRow, MoneyKey};
pub use dates::{Exercice, format_date, parse_date};
pub use entry::{Entry, EntryKind, Line, NewEntry, PaymentMode};
pub use field::{Field, FieldError, FieldErrors};
pub use money::{Money, MoneyError};
pub mod checklist;
pub mod closest;
pub mod text;
