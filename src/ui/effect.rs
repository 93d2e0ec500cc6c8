//! What a component asks of the App after an action: the App carries it out
//! (opens or closes a popup, shows a message, reloads stale copies of the
//! books, quits). `Ignored` is the "not handled" answer: the App then tries
//! the next level (popup → tab → global keys).

use super::component::Component;

/// A message on the status line; `error` draws it as a problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// After a change, what to put the cursor on (every tab and popup hears
/// it; each takes what concerns it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Focus {
    /// An entry in the ledger panes.
    Entry(i64),
    /// A step of the migration checklist, and the status text (else the
    /// step's new state is said).
    Step { key: String, text: Option<String> },
    /// A campaign just created: the campaigns list shows it.
    Campaign(i64),
    /// A pupil just added (as typed), and what else the books did.
    Pupil {
        nom: String,
        prenom: String,
        class: String,
        created: String,
    },
    /// A category of the chart of accounts.
    Code(String),
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
    pub fn from_result<E: std::fmt::Display>(result: Result<Effect, E>) -> Effect {
        result.unwrap_or_else(|e| Effect::error(e.to_string()))
    }
}
