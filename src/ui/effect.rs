//! What an `Effect` carries: a status message, what to show after a change.

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
