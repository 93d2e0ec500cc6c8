//! coopcompta: parse the arguments, then run a headless command or the
//! full-screen application. Nothing else lives here.

use clap::error::ErrorKind;
use coopcompta::cli::{
    self, CliError,
    args::{Cli, Command, french_usage_error},
};
use coopcompta::domain::text::printable;
use std::io::Write;
use std::process::ExitCode;

mod launch;

fn main() -> ExitCode {
    let raw: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let args = match Cli::try_parse_french_from(raw.clone()) {
        Ok(args) => args,
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            e.exit()
        }
        Err(e) => {
            eprintln!("coopcompta : {}", printable(&french_usage_error(&e, &raw)));
            return ExitCode::from(2);
        }
    };
    let db = args
        .db
        .clone()
        .unwrap_or_else(coopcompta::store::default_db_path);
    let result = match args.command {
        None => launch::app(&db, false),
        Some(Command::Demo { no_tui }) => launch::demo(args.db.as_deref(), no_tui),
        Some(command) => {
            let mut out = std::io::stdout().lock();
            let done = cli::run(&db, command, &mut out)
                .and_then(|()| out.flush().map_err(cli::stdout_error));
            match done {
                // `coopcompta pupils list | head -2`: the reader has what it
                // wanted; end quietly, as a closed pipe is no error.
                Err(CliError::OutputClosed) => return ExitCode::SUCCESS,
                other => other.map_err(|e| e.to_string()),
            }
        }
    };
    let code = match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            // The message may quote what the user typed or a file name:
            // never an escape sequence to the terminal.
            eprintln!("coopcompta : {}", printable(&message));
            ExitCode::FAILURE
        }
    };
    // The full screen closed on SIGTERM or SIGHUP (after restoring the
    // terminal): 128 + the signal's number, as if the signal had ended it.
    match coopcompta::ui::stop_signal().and_then(|n| u8::try_from(128 + n).ok()) {
        Some(signalled) => ExitCode::from(signalled),
        None => code,
    }
}
