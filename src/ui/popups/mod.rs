//! The popups over a tab: each is a component the App stacks; the top one
//! takes the keys. They know nothing of the tabs: a tab gives a popup what
//! it needs when it opens it, and hears back through effects.

pub mod batches;
pub mod cash_count;
pub mod chart;
pub mod chart_form;
pub mod closing;
pub mod confirm;
pub mod entry_form;
pub mod exercices;
pub mod export_files;
pub mod file_picker;
pub mod heading_field;
pub mod help;
pub mod ledger_form;
pub mod mark_also;
pub mod part_form;
pub mod payments;
pub mod payouts;
pub mod reader;
pub mod reconcile_form;
pub mod settings;
pub mod step_input;
pub mod transfer_form;
