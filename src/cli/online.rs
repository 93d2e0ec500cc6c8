//! Headless commands of the AssoConnect payments: import, payouts, payments
//! and their attribution to pupils.

use super::CliError;
use super::args::Command;
use std::io::Write;
use std::path::Path;

/// Runs one AssoConnect command, printing its result lines.
pub fn run(_db: &Path, _command: Command, _out: &mut dyn Write) -> Result<(), CliError> {
    Err(CliError::Input("commande pas encore disponible".into()))
}
