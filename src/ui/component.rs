//! What every tab and popup is to the App: the key contexts it offers
//! (they feed the hint bar and the help), whether it takes typed text, an
//! update that answers with an [`Effect`], a draw from `&self`, and a reload
//! when the books changed since its copy was loaded.
//!
//! An [`Effect`] is what a component asks of the App after an action: the
//! App carries it out (opens or closes a popup, shows a message, reloads
//! stale copies of the books, quits). `Ignored` is the "not handled"
//! answer: the App then tries the next level (popup → tab → global keys).

use super::action::Action;
use super::effect::{Focus, Status};
use super::keymap::Context;
use crate::book::Book;
use crate::store::Result;
use ratatui::Frame;
use ratatui::layout::Rect;

/// What a popup is, for the App's questions (`is_asking`, `form_open`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Question,
    /// The entry or transfer form.
    EntryForm,
    Other,
}

pub trait Component {
    /// The keymap contexts where the keyboard is now, first served first.
    fn contexts(&self) -> Vec<Context>;

    /// Every context of the component, for the help popup.
    fn help_contexts(&self) -> Vec<Context> {
        self.contexts()
    }

    /// Whether keys that no binding takes are typed text.
    fn accepts_text(&self) -> bool {
        false
    }

    fn update(&mut self, action: Action, book: &mut Book) -> Effect;

    /// Draws from the state only; never queries the database.
    fn draw(&self, frame: &mut Frame, area: Rect, book: &Book);

    /// Loads again what it shows if the books changed since (its copy is
    /// older than `book.generation()`).
    fn refresh(&mut self, _book: &Book) -> Result<()> {
        Ok(())
    }

    /// After a change: puts the cursor on what it concerns, if anything.
    fn show(&mut self, _focus: &Focus, _book: &Book) -> Effect {
        Effect::Done
    }

    /// After a draw: loads what the draw found missing; true to draw again.
    fn after_draw(&mut self, _book: &Book) -> Result<bool> {
        Ok(false)
    }

    fn role(&self) -> Role {
        Role::Other
    }
}

/// The generation of the books a copy was loaded at.
#[derive(Debug, Default, Clone, Copy)]
pub struct Loaded(Option<u64>);

impl Loaded {
    pub fn is_stale(&self, book: &Book) -> bool {
        self.0 != Some(book.generation())
    }

    pub fn mark(&mut self, book: &Book) {
        self.0 = Some(book.generation());
    }
}

pub enum Effect {
    /// Not handled: the next level gets the action.
    Ignored,
    /// Handled; nothing else to do.
    Done,
    /// Opens a popup over the screen.
    Open(Box<dyn Component>),
    /// Closes the popup that answered.
    Close,
    /// A question answered yes: it closes and the one under it gets
    /// `Action::Yes` (the one that asked knows what it asked).
    Confirmed,
    /// Closes the popup that answered and gives the action to the one
    /// under it (a step's key pressed in the step's help).
    Pass(Action),
    /// Opens the help of the screen under the keyboard.
    Help,
    Status(Status),
    ClearStatus,
    /// The books changed: copies loaded before reload.
    Changed,
    Show(Focus),
    Quit,
    Batch(Vec<Effect>),
}

impl Effect {
    pub fn info(text: impl Into<String>) -> Effect {
        Effect::Status(Status {
            text: text.into(),
            error: false,
        })
    }

    pub fn error(text: impl Into<String>) -> Effect {
        Effect::Status(Status {
            text: text.into(),
            error: true,
        })
    }

    pub fn open(popup: impl Component + 'static) -> Effect {
        Effect::Open(Box::new(popup))
    }

    /// `Done` for a handled action, `Ignored` otherwise.
    pub fn handled(yes: bool) -> Effect {
        if yes { Effect::Done } else { Effect::Ignored }
    }

    /// A status from a result: the error's text if it failed.
    pub fn from_result<E: std::fmt::Display>(result: std::result::Result<Effect, E>) -> Effect {
        result.unwrap_or_else(|e| Effect::error(e.to_string()))
    }
}
