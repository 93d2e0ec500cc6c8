//! The application: it only routes. Keys become actions through the keymap;
//! an action goes to the popup on top (popups are modal), else to the shown
//! tab, and what the tab does not handle to the global keys (quit, help,
//! tabs). Components answer with an [`Effect`] that the App carries out.
//! Nothing here needs a terminal, so tests drive it directly.

use super::action::Action;
use super::chrome;
use super::component::Effect;
use super::component::{Component, Role};
pub use super::effect::Status;
use super::keymap::{self, Context};
use super::popups::help::Help;
use super::setup::{SetupDone, SetupStage};
use super::start::{RunInfo, Start};
use super::tabs::{Tab, Tabs};
use crate::book::{Book, Clock};
use crate::store::StoreError;
use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyEvent, KeyEventKind};
use ratatui::layout::{Constraint, Layout};

/// What fills the screen.
enum Stage {
    /// First launch: the form and the empty database it will fill.
    Setup(Box<SetupStage>),
    Main(Box<Main>),
    /// Something went wrong that the user cannot fix from here.
    Failed(String),
}

/// The books open on the main screen, the tabs, the popups over them.
struct Main {
    book: Book,
    tabs: Tabs,
    popups: Vec<Box<dyn Component>>,
}

impl Main {
    fn open(book: Book, info: &RunInfo) -> Result<Main, StoreError> {
        let tabs = Tabs::open(&book, info.import_folder(), info.export_folder())?;
        Ok(Main {
            book,
            tabs,
            popups: Vec::new(),
        })
    }

    /// The component the keyboard is on: the top popup, else the tab.
    fn top(&self) -> &dyn Component {
        match self.popups.last() {
            Some(popup) => popup.as_ref(),
            None => self.tabs.current(),
        }
    }

    /// The books changed: what is on screen reloads if its copy is stale.
    fn refresh(&mut self) -> crate::store::Result<()> {
        self.tabs.refresh(&self.book)?;
        for popup in &mut self.popups {
            popup.refresh(&self.book)?;
        }
        Ok(())
    }
}

pub struct App {
    info: RunInfo,
    clock: Clock,
    stage: Stage,
    status: Option<Status>,
    quit: bool,
    /// The last frame drawn was too small to show the screen: keys other
    /// than quitting are ignored (they would reach a hidden form).
    too_small: std::cell::Cell<bool>,
}

impl App {
    pub fn new(start: Start, info: RunInfo, clock: Clock) -> App {
        let stage = match start {
            Start::Ready(book) => match Main::open(book, &info) {
                Ok(main) => Stage::Main(Box::new(main)),
                Err(e) => Stage::Failed(e.to_string()),
            },
            Start::NeedsSetup(conn) => Stage::Setup(Box::new(SetupStage::new(conn, clock))),
        };
        let status = info.backup_note.clone().map(|note| Status {
            error: !note.starts_with("Sauvegarde faite"),
            text: note,
        });
        App {
            info,
            clock,
            stage,
            status,
            quit: false,
            too_small: std::cell::Cell::new(false),
        }
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

    /// Shows `component` as the tab `tab` (not Écritures), and that tab:
    /// tests draw a tab over data made by hand this way.
    pub fn replace_tab(&mut self, tab: Tab, component: Box<dyn Component>) {
        if let Stage::Main(main) = &mut self.stage {
            main.tabs.replace(tab, component);
            main.tabs.active = tab;
        }
    }

    /// Opens a popup over the screen, as a tab would.
    pub fn open_popup(&mut self, popup: Box<dyn Component>) {
        self.apply(Effect::Open(popup));
    }

    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    fn fail(&mut self, text: String) {
        self.status = Some(Status { text, error: true });
    }

    /// After a draw: loads the texts of rows the draw showed without them
    /// (first frame, a taller terminal). True if the screen should be drawn
    /// again.
    pub fn after_draw(&mut self) -> bool {
        let Stage::Main(main) = &mut self.stage else {
            return false;
        };
        match main.tabs.ecritures.after_draw(&main.book) {
            Ok(loaded) => loaded,
            Err(e) => {
                self.fail(e.to_string());
                true
            }
        }
    }

    /// Whether a yes/no question is on screen.
    pub fn is_asking(&self) -> bool {
        match &self.stage {
            Stage::Setup(setup) => setup.is_asking(),
            Stage::Main(main) => main
                .popups
                .last()
                .is_some_and(|p| p.role() == Role::Question),
            Stage::Failed(_) => false,
        }
    }

    /// Whether a form (entry or transfer) is open.
    pub fn form_open(&self) -> bool {
        match &self.stage {
            Stage::Main(main) => main.popups.iter().any(|p| p.role() == Role::EntryForm),
            _ => false,
        }
    }

    /// The keymap contexts where the keyboard is now, first served first.
    pub fn contexts(&self) -> Vec<Context> {
        match &self.stage {
            Stage::Setup(setup) => setup.contexts(),
            Stage::Main(main) => main.top().contexts(),
            Stage::Failed(_) => vec![Context::Global],
        }
    }

    fn accepts_text(&self) -> bool {
        match &self.stage {
            Stage::Setup(setup) => setup.accepts_text(),
            Stage::Main(main) => main.top().accepts_text(),
            Stage::Failed(_) => false,
        }
    }

    /// A key from the terminal: through the keymap, else typed text.
    pub fn handle_key(&mut self, key: KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        if self.too_small.get() && !chrome::quits_when_too_small(&self.contexts(), &key) {
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

    /// Routes an action: popup (modal) → tab → global keys.
    pub fn update(&mut self, action: Action) {
        match &mut self.stage {
            Stage::Setup(setup) => match setup.update(action, self.clock, &self.info) {
                SetupDone::Stay => {}
                SetupDone::Quit => self.quit = true,
                SetupDone::Created(book) => {
                    self.stage = match Main::open(book, &self.info) {
                        Ok(main) => {
                            self.status = Some(Status {
                                text: SetupStage::created_text(),
                                error: false,
                            });
                            Stage::Main(Box::new(main))
                        }
                        Err(e) => Stage::Failed(e.to_string()),
                    }
                }
                SetupDone::Failed(message) => self.stage = Stage::Failed(message),
            },
            Stage::Failed(_) => {
                if action == Action::Quit {
                    self.quit = true;
                }
            }
            Stage::Main(main) => {
                let effect = if let Some(popup) = main.popups.last_mut() {
                    popup.update(action, &mut main.book)
                } else {
                    self.status = None;
                    match main.tabs.current_mut().update(action, &mut main.book) {
                        Effect::Ignored => Self::global(main, action),
                        effect => effect,
                    }
                };
                self.apply(effect);
            }
        }
    }

    /// The keys of every screen: quit, help, tabs.
    fn global(main: &mut Main, action: Action) -> Effect {
        match action {
            Action::Quit => Effect::Quit,
            Action::Help => Effect::Help,
            Action::SwitchExercice => Effect::from_result(
                super::popups::exercices::ExercicePicker::load(&main.book).map(Effect::open),
            ),
            Action::Tab(i) => {
                main.tabs.active = Tab::ALL.get(i as usize).copied().unwrap_or(Tab::Ecritures);
                // Shown: it reloads if the books changed since.
                Effect::from_result(
                    main.tabs
                        .current_mut()
                        .refresh(&main.book)
                        .map(|()| Effect::Done),
                )
            }
            _ => Effect::Ignored,
        }
    }

    /// Carries out an effect; false if a reload failed (the rest of a batch
    /// is then left, the error on the status line).
    fn apply(&mut self, effect: Effect) -> bool {
        let Stage::Main(main) = &mut self.stage else {
            return true;
        };
        match effect {
            Effect::Ignored | Effect::Done => {}
            Effect::Open(popup) => main.popups.push(popup),
            Effect::Close => {
                main.popups.pop();
            }
            Effect::Confirmed | Effect::Pass(_) => {
                let action = match effect {
                    Effect::Pass(action) => action,
                    _ => Action::Yes,
                };
                main.popups.pop();
                let Main { book, tabs, popups } = &mut **main;
                let top: &mut dyn Component = match popups.last_mut() {
                    Some(popup) => popup.as_mut(),
                    None => tabs.current_mut(),
                };
                let answer = top.update(action, book);
                return self.apply(answer);
            }
            Effect::Help => {
                let help = Help::new(main.top().help_contexts(), &self.info);
                main.popups.push(Box::new(help));
            }
            Effect::Status(status) => self.status = Some(status),
            Effect::ClearStatus => self.status = None,
            Effect::Changed => {
                if let Err(e) = main.refresh() {
                    self.fail(e.to_string());
                    return false;
                }
            }
            Effect::Show(focus) => {
                let book = &main.book;
                let answers: Vec<Effect> = main
                    .tabs
                    .all_mut()
                    .map(|tab| tab.show(&focus, book))
                    .chain(main.popups.iter_mut().map(|p| p.show(&focus, book)))
                    .collect();
                return self.apply(Effect::Batch(answers));
            }
            Effect::Quit => self.quit = true,
            Effect::Batch(effects) => {
                for effect in effects {
                    if !self.apply(effect) {
                        return false;
                    }
                }
            }
        }
        true
    }

    /// Draws the current state; never queries the database.
    pub fn draw(&self, frame: &mut Frame) {
        let rows = chrome::rows(frame);
        self.too_small.set(rows.is_none());
        let Some(rows) = rows else {
            return;
        };
        match &self.stage {
            Stage::Setup(setup) => {
                chrome::setup_title(frame, rows.top);
                let db_path = self.info.db_path.display().to_string();
                setup.draw(frame, rows.body, &db_path);
            }
            Stage::Failed(message) => {
                let quit = keymap::key_of(Context::Global, Action::Quit);
                chrome::failed(frame, rows.body, message, quit);
            }
            Stage::Main(main) => {
                frame.render_widget(chrome::tab_bar(main.tabs.active), rows.top);
                let [header, content] = rows.body.layout(&Layout::vertical([
                    Constraint::Length(3),
                    Constraint::Fill(1),
                ]));
                let book = &main.book;
                main.tabs
                    .ecritures
                    .draw_header(frame, header, book, self.info.demo);
                main.tabs.current().draw(frame, content, book);
                for popup in &main.popups {
                    popup.draw(frame, rows.body, book);
                }
            }
        }
        if let Some(message) = &self.status {
            let popup = matches!(&self.stage, Stage::Main(main) if !main.popups.is_empty());
            chrome::status_line(frame, rows.status, message, !popup);
        }
        chrome::hint_bar(frame, rows.hints, &self.contexts());
    }
}
