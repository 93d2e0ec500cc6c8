//! All the integration tests, in one crate: a change relinks one test
//! binary, not one per file. Each former `tests/<name>.rs` is a module;
//! shared helpers live in `support`.

mod support;

mod book;
mod book_rules;
mod book_write_path;
mod check;
mod checklist;
mod cli;
mod cli_behaviour;
mod cli_messages;
mod crash;
mod files_safety;
mod import_files;
mod import_refusals_cli;
mod ledger_props;
mod money_props;
mod participation_errors;
mod participations;
mod participations_cli;
mod participations_import;
mod participations_props;
mod participations_regie;
mod reconcile_bank;
mod reconcile_bank_cli;
mod reconcile_online;
mod reconcile_online_cli;
mod reconcile_props;
mod store;
mod store_upgrades;
mod text_input;
mod ui_chart;
mod ui_cloture;
mod ui_form_traps;
mod ui_forms;
mod ui_ledgers;
mod ui_main;
mod ui_migration;
mod ui_participations;
mod ui_participations_views;
mod ui_rapprochement;
mod ui_rapprochement_imports;
mod ui_rapprochement_popups;
mod ui_robustness;
mod ui_setup;
mod walkthrough_fixes;
