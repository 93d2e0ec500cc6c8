//! Headless commands of the bank reconciliation: statement imports,
//! batches, bank lines, matching, statement check. Machine output as
//! key<TAB>value lines, amounts as `-12.50`.

use super::CliError;
use super::args::Command;
use std::io::Write;
use std::path::Path;

/// Runs one reconciliation command, printing its result lines.
pub fn run(_db: &Path, _command: Command, _out: &mut dyn Write) -> Result<(), CliError> {
    Err(CliError::Input("commande pas encore disponible".into()))
}
