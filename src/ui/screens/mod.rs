//! One module per screen; each draws from a read-only view of its state.

pub mod chart;
pub mod chart_form;
pub mod entry_form;
pub mod form;
pub mod help;
pub mod ledger_cache;
pub mod ledger_view;
pub mod ledgers;
pub mod migration;
mod migration_actions;
pub mod migration_view;
pub mod participations;
mod participations_actions;
pub mod participations_campaigns;
pub mod participations_envelope;
mod participations_envelope_lines;
mod participations_envelope_view;
pub mod participations_form;
mod participations_form_actions;
pub mod participations_lists;
pub mod placeholder;
pub mod setup;
pub mod transfer_form;
