//! The Clôture tab: the compte rendu financier of the exercice shown, in
//! views (compte de fonctionnement, bilan, rapprochement au 31/08,
//! annexes, graphique), and the year-end actions: the arrêté de caisse,
//! the closing (what is missing, then the closing itself) and the files.
//! If the books cannot give the CRF, the tab says why, plainly.

pub mod chart;
pub mod report;
pub mod view;

use crate::book::Book;
use crate::domain::crf::Crf;
use crate::store::Result;
use crate::ui::action::Action;
use crate::ui::component::{Component, Effect, Loaded};
use crate::ui::keymap::Context;
use crate::ui::popups::cash_count::CashCountForm;
use crate::ui::popups::closing::ClosingPopup;
use crate::ui::popups::export_files::ExportFiles;
use crate::ui::widgets::cells::wrap;
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use std::path::PathBuf;
pub use view::{CrfView, View};

pub struct ClotureTab {
    /// The CRF, or why the books could not give it.
    crf: std::result::Result<CrfView, String>,
    /// The view asked for, kept while the CRF cannot be shown.
    view: View,
    /// A CRF given (tests, a preview): never reloaded from the books.
    fixed: bool,
    loaded: Loaded,
    /// Where the files are written.
    export_folder: PathBuf,
}

impl ClotureTab {
    pub fn new(export_folder: PathBuf) -> ClotureTab {
        ClotureTab {
            crf: Err(String::new()),
            view: View::default(),
            fixed: false,
            loaded: Loaded::default(),
            export_folder,
        }
    }

    /// The tab showing this CRF, whatever the books say.
    pub fn with_crf(crf: Crf, export_folder: PathBuf) -> ClotureTab {
        ClotureTab {
            crf: Ok(CrfView::new(crf)),
            view: View::default(),
            fixed: true,
            loaded: Loaded::default(),
            export_folder,
        }
    }

    pub fn view(&self) -> View {
        self.view
    }

    fn reload(&mut self, book: &Book) {
        self.loaded.mark(book);
        if self.fixed {
            return;
        }
        self.crf = match (
            book.crf(book.exercice()),
            std::mem::replace(&mut self.crf, Err(String::new())),
        ) {
            (Ok(crf), Ok(mut shown)) => {
                shown.replace(crf);
                Ok(shown)
            }
            (Ok(crf), Err(_)) => {
                let mut shown = CrfView::new(crf);
                shown.show(self.view);
                Ok(shown)
            }
            (Err(e), _) => Err(e.to_string()),
        };
    }

    fn switch(&mut self, view: View) -> Effect {
        self.view = view;
        if let Ok(shown) = &mut self.crf {
            shown.show(view);
        }
        Effect::Done
    }
}

/// Why a closed exercice (shown read-only) takes no count and no second
/// closing, said before any form opens, with the way back.
fn closed_message(action: Action, exercice: crate::domain::Exercice) -> String {
    let what = if action == Action::CashCount {
        format!("l'exercice {exercice} est clôturé : sa caisse ne se compte plus")
    } else {
        format!("l'exercice {exercice} est déjà clôturé")
    };
    format!(
        "{what} ({} : afficher l'exercice en cours)",
        crate::ui::keymap::key_of(Context::Global, Action::SwitchExercice)
    )
}

fn is_own(action: Action) -> bool {
    Context::Cloture
        .bindings()
        .iter()
        .any(|b| b.action == action)
}

impl Component for ClotureTab {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::Cloture, Context::Global]
    }

    fn update(&mut self, action: Action, book: &mut Book) -> Effect {
        if !is_own(action) {
            return Effect::Ignored;
        }
        if let Ok(shown) = &mut self.crf
            && shown.navigate(action)
        {
            return Effect::Done;
        }
        let exercice = match &self.crf {
            Ok(shown) => shown.crf.exercice,
            Err(_) => book.exercice(),
        };
        match action {
            Action::NextView => self.switch(self.view.next()),
            Action::PrevView => self.switch(self.view.prev()),
            Action::CashCount | Action::CloseExercice => match book.is_closed(exercice) {
                Ok(true) => Effect::error(closed_message(action, exercice)),
                Ok(false) if action == Action::CashCount => Effect::open(CashCountForm::new(book)),
                Ok(false) => {
                    Effect::from_result(ClosingPopup::load(book, exercice).map(Effect::open))
                }
                Err(e) => Effect::error(e.to_string()),
            },
            Action::Export => Effect::open(ExportFiles::new(
                exercice,
                crate::book::year_end::ExportKind::ALL.to_vec(),
                self.export_folder.clone(),
            )),
            _ => Effect::Done,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, _book: &Book) {
        match &self.crf {
            Ok(shown) => shown.draw(frame, area),
            Err(message) => {
                let width = area.width.saturating_sub(2).max(1) as usize;
                let mut lines = vec![Line::styled(
                    "Compte rendu financier indisponible",
                    theme::title(),
                )];
                lines.extend(
                    wrap(message, width)
                        .into_iter()
                        .map(|l| Line::styled(l, theme::error())),
                );
                frame.render_widget(Paragraph::new(lines), area);
            }
        }
    }

    fn refresh(&mut self, book: &Book) -> Result<()> {
        if self.loaded.is_stale(book) {
            self.reload(book);
        }
        Ok(())
    }
}
