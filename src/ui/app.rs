//! The application state and its update. Keys become actions through the
//! keymap; actions go to the top popup first, then the screen, then the
//! global keys. Nothing here needs a terminal, so tests drive it directly.

use super::action::Action;
use super::keymap::{self, Context};
use super::screens::chart::ChartList;
use super::screens::chart_form::ChartForm;
use super::screens::entry_form::EntryForm;
use super::screens::help::Help;
use super::screens::ledgers::Ledgers;
use super::screens::migration::Migration;
use super::screens::migration_view::{StepHelp, StepInput};
use super::screens::participations::Participations;
use super::screens::participations_form::PartForm;
use super::screens::placeholder::Tab;
use super::screens::setup::{Setup, Submitted};
use super::screens::transfer_form::TransferForm;
use super::widgets::confirm::Confirm;
use super::{RunInfo, Start};
use crate::book::{Book, Clock};
use crate::store::StoreError;
use ratatui::crossterm::event::{Event, KeyEvent, KeyEventKind};
use rusqlite::Connection;

/// What fills the screen.
pub(super) enum Stage {
    /// First launch: the form and the empty database it will fill.
    Setup(Box<Setup>, Option<Connection>),
    Main(Box<Main>),
    /// Something went wrong that the user cannot fix from here.
    Failed(String),
}

/// The books open on the main screen.
pub(super) struct Main {
    pub book: Book,
    pub ledgers: Ledgers,
    pub tab: Tab,
    /// The checklist, loaded when its tab is shown.
    pub migration: Migration,
    /// Campaigns, envelopes, cheques, régies, pupils: loaded when shown.
    pub participations: Participations,
}

pub(super) enum Popup {
    Entry(Box<EntryForm>),
    Transfer(Box<TransferForm>),
    Confirm(Confirm),
    Help(Help),
    /// A migration step's help.
    StepHelp(StepHelp),
    /// A one-line input over the Migration tab.
    StepInput(StepInput),
    /// A small form over the Participations tab.
    PartForm(Box<PartForm>),
    /// The chart of accounts over the Écritures tab, and its small form.
    Chart(Box<ChartList>),
    ChartForm(Box<ChartForm>),
}

/// A message on the status line; `error` draws it as a problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

pub struct App {
    pub(super) info: RunInfo,
    pub(super) clock: Clock,
    pub(super) stage: Stage,
    pub(super) popups: Vec<Popup>,
    pub(super) status: Option<Status>,
    quit: bool,
}

impl Main {
    fn open(book: Book) -> Result<Main, StoreError> {
        let ledgers = Ledgers::load(&book)?;
        Ok(Main {
            book,
            ledgers,
            tab: Tab::Ecritures,
            migration: Migration::default(),
            participations: Participations::default(),
        })
    }

    pub(super) fn reload(&mut self, entry: Option<i64>) -> Result<(), StoreError> {
        self.ledgers.reload(&self.book, entry)
    }
}

fn info_status(text: String, error: bool) -> Option<Status> {
    Some(Status { text, error })
}

impl App {
    pub fn new(start: Start, info: RunInfo, clock: Clock) -> App {
        let stage = match start {
            Start::Ready(book) => match Main::open(book) {
                Ok(main) => Stage::Main(Box::new(main)),
                Err(e) => Stage::Failed(e.to_string()),
            },
            Start::NeedsSetup(conn) => Stage::Setup(Box::new(Setup::new(clock)), Some(conn)),
        };
        let status = info.backup_note.clone().and_then(|note| {
            let error = !note.starts_with("Sauvegarde faite");
            info_status(note, error)
        });
        App {
            info,
            clock,
            stage,
            popups: Vec::new(),
            status,
            quit: false,
        }
    }

    pub(super) fn quit_now(&mut self) {
        self.quit = true;
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The open books, once set up.
    pub fn book(&self) -> Option<&Book> {
        match &self.stage {
            Stage::Main(main) => Some(&main.book),
            _ => None,
        }
    }

    /// After a draw: loads the texts of rows the draw showed without them
    /// (first frame, a taller terminal). True if the screen should be drawn
    /// again.
    pub fn after_draw(&mut self) -> bool {
        let Stage::Main(main) = &mut self.stage else {
            return false;
        };
        match main.ledgers.prefetch(&main.book) {
            Ok(loaded) => loaded,
            Err(e) => {
                self.fail(e.to_string());
                true
            }
        }
    }

    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    /// Whether a yes/no question is on screen.
    pub fn is_asking(&self) -> bool {
        matches!(self.popups.last(), Some(Popup::Confirm(_)))
    }

    /// Whether a form (entry or transfer) is open.
    pub fn form_open(&self) -> bool {
        self.popups
            .iter()
            .any(|p| matches!(p, Popup::Entry(_) | Popup::Transfer(_)))
    }

    /// The keymap contexts where the keyboard is now, first served first.
    pub fn contexts(&self) -> Vec<Context> {
        match self.popups.last() {
            Some(Popup::Entry(form)) => return form.contexts(),
            Some(Popup::Transfer(form)) => return form.contexts(),
            Some(Popup::Confirm(c)) if c.enter_says_yes() => return vec![Context::ConfirmEnter],
            Some(Popup::Confirm(_)) => return vec![Context::Confirm],
            Some(Popup::Help(_) | Popup::StepHelp(_)) => return vec![Context::Help],
            Some(Popup::StepInput(_)) => return vec![Context::Line],
            Some(Popup::PartForm(form)) => return form.contexts(),
            Some(Popup::Chart(list)) => return list.contexts(),
            Some(Popup::ChartForm(form)) => return form.contexts(),
            None => {}
        }
        match &self.stage {
            Stage::Setup(..) => vec![Context::Setup],
            Stage::Failed(_) => vec![Context::Global],
            Stage::Main(main) if main.tab == Tab::Ecritures && main.ledgers.editing_filter() => {
                vec![Context::Filter]
            }
            Stage::Main(main) if main.tab == Tab::Ecritures => {
                vec![Context::Ledgers, Context::Global]
            }
            Stage::Main(main) if main.tab == Tab::Migration => {
                vec![Context::Migration, Context::Global]
            }
            Stage::Main(main) if main.tab == Tab::Participations => main.participations.contexts(),
            Stage::Main(_) => vec![Context::Global],
        }
    }

    /// Every context of the screen under the help popup.
    fn help_contexts(&self) -> Vec<Context> {
        match self.popups.last() {
            Some(Popup::Entry(_)) => vec![
                Context::Form,
                Context::Choice,
                Context::Split,
                Context::Picker,
            ],
            Some(Popup::Transfer(_)) => vec![Context::Form, Context::Choice],
            Some(Popup::StepInput(_)) => vec![Context::Line],
            Some(Popup::PartForm(_)) => vec![Context::Form, Context::Picker],
            Some(Popup::Chart(_)) => vec![Context::Chart, Context::ChartList, Context::Filter],
            Some(Popup::ChartForm(_)) => vec![Context::Form, Context::Choice],
            _ => match &self.stage {
                Stage::Setup(..) => vec![Context::Setup],
                Stage::Main(main) if main.tab == Tab::Ecritures => {
                    vec![Context::Ledgers, Context::Filter, Context::Global]
                }
                Stage::Main(main) if main.tab == Tab::Migration => {
                    vec![Context::Migration, Context::Global]
                }
                Stage::Main(main) if main.tab == Tab::Participations => {
                    main.participations.help_contexts()
                }
                _ => vec![Context::Global],
            },
        }
    }

    fn accepts_text(&self) -> bool {
        match self.popups.last() {
            Some(
                Popup::Entry(_)
                | Popup::Transfer(_)
                | Popup::StepInput(_)
                | Popup::PartForm(_)
                | Popup::Chart(_)
                | Popup::ChartForm(_),
            ) => true,
            Some(_) => false,
            None => match &self.stage {
                Stage::Setup(..) => true,
                Stage::Main(main) if main.tab == Tab::Participations => {
                    main.participations.accepts_text()
                }
                Stage::Main(main) => main.ledgers.editing_filter(),
                Stage::Failed(_) => false,
            },
        }
    }

    /// A key from the terminal: through the keymap, else typed text.
    pub fn handle_key(&mut self, key: KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        let action = keymap::resolve(&self.contexts(), &key).or_else(|| {
            self.accepts_text()
                .then(|| tui_input::backend::crossterm::to_input_request(&Event::Key(key)))
                .flatten()
                .map(Action::Type)
        });
        if let Some(action) = action {
            self.update(action);
        }
    }

    pub fn update(&mut self, action: Action) {
        if !self.popups.is_empty() {
            self.update_popup(action);
            return;
        }
        match &mut self.stage {
            Stage::Setup(..) => self.update_setup(action),
            Stage::Main(_) => self.update_main(action),
            Stage::Failed(_) => {
                if action == Action::Quit {
                    self.quit = true;
                }
            }
        }
    }

    pub(super) fn open_help(&mut self) {
        let contexts = self.help_contexts();
        self.popups.push(Popup::Help(Help::new(contexts)));
    }

    fn update_setup(&mut self, action: Action) {
        let Stage::Setup(setup, conn) = &mut self.stage else {
            return;
        };
        match action {
            Action::Help => self.open_help(),
            Action::Close if setup.is_dirty() => {
                self.popups.push(Popup::Confirm(Confirm::quit_setup()))
            }
            Action::Close => self.quit = true,
            Action::Submit => {
                let Some(connection) = conn.as_mut() else {
                    return;
                };
                if let Submitted::Created = setup.submit(connection, self.clock) {
                    let Some(connection) = conn.take() else {
                        return;
                    };
                    self.stage = match Book::load(connection, self.clock).and_then(Main::open) {
                        Ok(main) => {
                            self.status = info_status(
                                "Coopérative créée : n pour saisir la première écriture".into(),
                                false,
                            );
                            Stage::Main(Box::new(main))
                        }
                        Err(e) => Stage::Failed(e.to_string()),
                    };
                }
            }
            other => setup.update(other),
        }
    }

    fn update_main(&mut self, action: Action) {
        let Stage::Main(main) = &mut self.stage else {
            return;
        };
        self.status = None;
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.open_help(),
            Action::Tab(i) => {
                let tab = Tab::ALL.get(i as usize).copied().unwrap_or(Tab::Ecritures);
                main.tab = tab;
                if tab == Tab::Migration {
                    self.show_migration();
                }
                if tab == Tab::Participations {
                    self.show_participations();
                }
            }
            _ if main.tab == Tab::Migration => self.update_migration(action),
            _ if main.tab == Tab::Participations => self.update_participations(action),
            _ if main.tab != Tab::Ecritures => {}
            Action::NewEntry => self.new_entry(),
            Action::NewTransfer => self.new_transfer(),
            Action::Edit => self.edit_selected(),
            Action::CancelEntry => self.ask_cancel(),
            Action::Chart => self.open_chart(),
            _ if main.ledgers.editing_filter() => {
                if let Err(e) = main.ledgers.update_filter(action, &main.book) {
                    self.fail(e.to_string());
                }
            }
            other => {
                if let Err(e) = main.ledgers.update(other, &main.book) {
                    self.fail(e.to_string());
                }
            }
        }
    }

    pub(super) fn main(&mut self) -> Option<&mut Main> {
        match &mut self.stage {
            Stage::Main(main) => Some(main),
            _ => None,
        }
    }

    pub(super) fn fail(&mut self, text: String) {
        self.status = info_status(text, true);
    }
}
