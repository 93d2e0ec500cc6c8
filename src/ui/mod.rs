//! The full-screen application (ratatui + crossterm, synchronous).
//!
//! Keys go through `keymap` (one table per context, which also feeds the hint
//! bar and the help) to an `Action`; `App::update` carries it out through the
//! `Book`; screens draw from a read-only view of the state, over ledger rows
//! cached after each change (never queried while drawing).

pub mod action;
pub mod app;
mod draw;
mod intents;
pub mod keymap;
mod popups;
pub mod screens;
pub mod widgets;

pub use action::Action;
pub use app::App;

use crate::book::{Book, Clock};
use ratatui::crossterm::event::{self, Event};
use std::path::PathBuf;

/// How the application starts: open books, or an empty database to set up.
pub enum Start {
    Ready(Book),
    NeedsSetup(rusqlite::Connection),
}

/// What the application shows about its files.
#[derive(Debug, Clone, Default)]
pub struct RunInfo {
    pub db_path: PathBuf,
    pub backup_dir: PathBuf,
    /// "Sauvegarde faite : …" or a warning, shown on the status line at start.
    pub backup_note: Option<String>,
    /// The demo year (fictitious data): the header says so.
    pub demo: bool,
}

/// Runs the application until the user quits. The terminal is restored on
/// quit, on error and on panic (ratatui's hook).
pub fn run(start: Start, info: RunInfo) -> anyhow::Result<()> {
    let mut app = App::new(start, info, Clock::System);
    let mut terminal = ratatui::try_init()?;
    let result = (|| -> anyhow::Result<()> {
        while !app.should_quit() {
            terminal.draw(|frame| app.draw(frame))?;
            if app.after_draw() {
                terminal.draw(|frame| app.draw(frame))?;
            }
            match event::read()? {
                Event::Key(key) => app.handle_key(key),
                Event::Resize(..) => terminal.autoresize()?,
                _ => {}
            }
        }
        Ok(())
    })();
    ratatui::restore();
    result
}
