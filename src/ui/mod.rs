//! The full-screen application (ratatui + crossterm, synchronous).
//!
//! Keys go through `keymap` (one table per context, which also feeds the hint
//! bar and the help) to an `Action`; the `App` routes it to the popup on top,
//! the shown tab or the global keys. Tabs (`tabs/`) and popups (`popups/`)
//! are components: they carry the action out through the `Book` and answer
//! with an `Effect`; they draw from `&self` over copies loaded after each
//! change (never queried while drawing), reloaded when the books' generation
//! moved on. `widgets/` holds what they share.

pub mod action;
pub mod app;
mod chrome;
pub mod component;
pub mod effect;
pub mod keymap;
pub mod popups;
pub mod setup;
mod start;
pub mod tabs;
pub mod widgets;

pub use action::Action;
pub use app::App;
pub use start::{RunInfo, Start};

use crate::book::Clock;
use ratatui::crossterm::event::{self, Event};
use std::sync::Arc;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

/// Runs the application until the user quits. The terminal is restored on
/// quit, on error, on panic (ratatui's hook), and on SIGTERM or SIGHUP (the
/// signal sets a flag; the loop sees it and leaves as on `q`).
pub fn run(start: Start, info: RunInfo) -> anyhow::Result<()> {
    let stop = stop_on_signals()?;
    let mut app = App::new(start, info, Clock::System);
    let mut terminal = ratatui::try_init()?;
    let waiting = Arc::new(AtomicBool::new(false));
    watch_terminal(Arc::clone(&waiting));
    let result = event_loop(&mut app, &mut terminal, &stop, |timeout| {
        waiting.store(true, Ordering::SeqCst);
        let event = match event::poll(timeout) {
            Ok(true) => event::read().map(Some),
            Ok(false) => Ok(None),
            Err(e) => Err(e),
        };
        waiting.store(false, Ordering::SeqCst);
        event
    });
    ratatui::restore();
    result
}

/// crossterm 0.29 reads a terminal that was closed for ever (each read
/// gives 0 bytes and its loop never breaks): the loop would then never see
/// SIGHUP's flag, and the program would spin, holding the base's lock. A
/// watcher ends the program when the terminal is gone while the loop waits
/// for a key (never in the middle of an action: each one is committed or
/// not, whole).
fn watch_terminal(waiting: Arc<AtomicBool>) {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() {
        return;
    }
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(TICK);
            if !std::io::stdin().is_terminal() && waiting.load(Ordering::SeqCst) {
                std::process::exit(128 + signal_hook::consts::SIGHUP);
            }
        }
    });
}

/// A flag raised by SIGTERM (`kill`, a shutdown) or SIGHUP (the terminal
/// window closed).
pub fn stop_on_signals() -> std::io::Result<Arc<AtomicBool>> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
        signal_hook::flag::register_usize(signal, Arc::clone(last_signal()), signal as usize)?;
    }
    Ok(stop)
}

/// The last SIGTERM or SIGHUP caught by the flags above (0: none).
fn last_signal() -> &'static Arc<AtomicUsize> {
    static LAST: OnceLock<Arc<AtomicUsize>> = OnceLock::new();
    LAST.get_or_init(|| Arc::new(AtomicUsize::new(0)))
}

/// The signal that stopped the application, if one did: the program then
/// exits with 128 + its number, as a shell expects.
pub fn stop_signal() -> Option<i32> {
    match last_signal().load(Ordering::Relaxed) {
        0 => None,
        n => i32::try_from(n).ok(),
    }
}

/// How long the loop waits for a key before looking at the stop flag.
const TICK: Duration = Duration::from_millis(200);

/// Draws, waits for the next event (at most [`TICK`] at a time), hands it to
/// the app; leaves when the app quits or `stop` is raised.
pub fn event_loop<B: ratatui::backend::Backend>(
    app: &mut App,
    terminal: &mut ratatui::Terminal<B>,
    stop: &AtomicBool,
    mut next_event: impl FnMut(Duration) -> std::io::Result<Option<Event>>,
) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    while !app.should_quit() {
        terminal.draw(|frame| app.draw(frame))?;
        if app.after_draw() {
            terminal.draw(|frame| app.draw(frame))?;
        }
        let event = loop {
            if stop.load(Ordering::Relaxed) {
                return Ok(());
            }
            if let Some(event) = next_event(TICK)? {
                break event;
            }
        };
        match event {
            Event::Key(key) => app.handle_key(key),
            Event::Resize(..) => terminal.autoresize()?,
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;

    fn setup_app() -> App {
        let conn = crate::store::open_in_memory().expect("db");
        App::new(Start::NeedsSetup(conn), RunInfo::default(), Clock::System)
    }

    #[test]
    fn the_loop_leaves_when_the_stop_flag_is_raised() {
        let mut app = setup_app();
        let mut terminal = ratatui::Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        let stop = AtomicBool::new(false);
        let mut waits = 0;
        let result = event_loop(&mut app, &mut terminal, &stop, |timeout| {
            assert_eq!(timeout, TICK);
            waits += 1;
            if waits == 3 {
                stop.store(true, Ordering::Relaxed);
            }
            Ok(None)
        });
        assert!(result.is_ok());
        assert_eq!(waits, 3, "the flag is looked at after each wait");
        assert!(!app.should_quit(), "left by the flag, not by a key");
    }

    #[test]
    fn sigterm_and_sighup_raise_the_flag_instead_of_killing() {
        let stop = stop_on_signals().expect("handlers");
        assert!(!stop.load(Ordering::Relaxed));
        signal_hook::low_level::raise(signal_hook::consts::SIGTERM).expect("raise");
        assert!(stop.load(Ordering::Relaxed));
        let hup = stop_on_signals().expect("handlers");
        signal_hook::low_level::raise(signal_hook::consts::SIGHUP).expect("raise");
        assert!(hup.load(Ordering::Relaxed));
    }
}
