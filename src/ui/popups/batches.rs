//! The list of imports, newest first; one can be undone (asked first, the
//! question names the file and what will go). Undoing is one transaction:
//! the import's lines, payments, entries and matches go, the import stays
//! listed as undone.

use super::confirm::Confirm;
use crate::book::Book;
use crate::domain::MoneyKey;
use crate::domain::bank::{Batch, BatchKind};
use crate::store::Result;
use crate::ui::action::Action;
use crate::ui::component::{Component, Effect, Loaded};
use crate::ui::keymap::{self, Context};
use crate::ui::widgets::cells::{cell, count, truncate, wrap};
use crate::ui::widgets::form_frame::popup_area;
use crate::ui::widgets::list_cursor::ListCursor;
use crate::ui::widgets::popup_place::clear_popup;
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

pub struct BatchList {
    batches: Vec<Batch>,
    cursor: ListCursor,
    loaded: Loaded,
    /// The batch whose undoing was asked.
    asked: Option<i64>,
    problem: Option<String>,
}

/// `aaaa-mm-jjThh:mm:ss` as "jj/mm/aaaa hh:mm".
/// What an import brought: lines of a statement, payments of an export.
fn brought(batch: &Batch) -> String {
    match batch.kind {
        BatchKind::AssoConnect => count(batch.imported, "paiement", "paiements"),
        BatchKind::Bank(_) => count(batch.imported, "ligne", "lignes"),
    }
}

fn when(stamp: &str) -> String {
    chrono::NaiveDateTime::parse_from_str(stamp, "%Y-%m-%dT%H:%M:%S")
        .map(|t| t.format("%d/%m/%Y %H:%M").to_string())
        .unwrap_or_else(|_| stamp.to_string())
}

impl BatchList {
    pub fn load(book: &Book) -> Result<BatchList> {
        let mut list = BatchList {
            batches: Vec::new(),
            cursor: ListCursor::with_page(10),
            loaded: Loaded::default(),
            asked: None,
            problem: None,
        };
        list.reload(book)?;
        Ok(list)
    }

    fn reload(&mut self, book: &Book) -> Result<()> {
        self.batches = book.batches()?;
        self.cursor.clamp(self.batches.len());
        self.loaded.mark(book);
        Ok(())
    }

    fn ask(&mut self) -> Effect {
        let Some(batch) = self.batches.get(self.cursor.selected()) else {
            return Effect::Done;
        };
        if let Some(undone) = &batch.undone_at {
            self.problem = Some(format!(
                "L'import n° {} est déjà annulé (le {})",
                batch.id,
                when(undone)
            ));
            return Effect::Done;
        }
        self.asked = Some(batch.id);
        Effect::open(Confirm {
            question: format!(
                "Annuler l'import n° {} « {} » ({}, du {}) ? Ce qu'il a apporté sera retiré : {}, les écritures et les rapprochements qu'il a créés ; l'import restera listé comme annulé. Les écritures saisies à la main restent.",
                batch.id,
                batch.file_name,
                batch.kind.label(),
                when(&batch.imported_at),
                brought(batch)
            ),
            enter_says_yes: false,
        })
    }

    fn undo(&mut self, book: &mut Book) -> Effect {
        let Some(id) = self.asked.take() else {
            return Effect::Done;
        };
        match book.undo_batch(id) {
            Ok(s) => {
                self.problem = None;
                if let Err(e) = self.reload(book) {
                    return Effect::error(e.to_string());
                }
                // Only what the import had brought is named.
                let removed: Vec<String> = [
                    (s.lines, "ligne", "lignes"),
                    (s.payments, "paiement", "paiements"),
                    (s.entries, "écriture", "écritures"),
                    (s.matches, "rapprochement", "rapprochements"),
                ]
                .into_iter()
                .filter(|(n, _, _)| *n > 0)
                .map(|(n, one, many)| count(n, one, many))
                .collect();
                let text = if removed.is_empty() {
                    format!("Import n° {id} annulé (il n'avait rien laissé dans les comptes)")
                } else {
                    format!("Import n° {id} annulé, retirés : {}", removed.join(", "))
                };
                Effect::Batch(vec![Effect::info(text), Effect::Changed])
            }
            Err(e) => {
                self.problem = Some(format!("Import n° {id} non annulé : {e}"));
                Effect::Done
            }
        }
    }
}

impl Component for BatchList {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::Batches]
    }

    fn update(&mut self, action: Action, book: &mut Book) -> Effect {
        if self.cursor.navigate(action, self.batches.len()) {
            return Effect::Done;
        }
        match action {
            Action::Close => Effect::Close,
            Action::Help => Effect::Help,
            Action::UndoBatch => self.ask(),
            Action::Yes => self.undo(book),
            _ => Effect::Done,
        }
    }

    fn refresh(&mut self, book: &Book) -> Result<()> {
        if self.loaded.is_stale(book) {
            self.reload(book)?;
        }
        Ok(())
    }

    fn draw(&self, frame: &mut Frame, area: Rect, _book: &Book) {
        let popup = popup_area(area);
        clear_popup(frame.buffer_mut(), popup, area);
        let key = |action| keymap::key_of(Context::Batches, action);
        let block = Block::bordered()
            .title(Line::styled(" Imports ", theme::title()))
            .title_bottom(
                Line::from(format!(
                    " {} annuler l'import · {} fermer ",
                    key(Action::UndoBatch),
                    key(Action::Close)
                ))
                .right_aligned(),
            )
            .border_style(theme::border_focused());
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        let width = inner.width as usize;
        let mut lines: Vec<Line> = Vec::new();
        if self.batches.is_empty() {
            let text = format!(
                "Aucun import : {} dans l'onglet pour importer un relevé ou les paiements AssoConnect.",
                keymap::key_of(Context::Reconcile, Action::Import)
            );
            lines.extend(
                wrap(&text, width)
                    .into_iter()
                    .map(|l| Line::styled(l, theme::note())),
            );
        }
        // Narrow: the day without the time, the kind in short, so that
        // the file's name can be read.
        let narrow = width < 23 + 16 + 24 + 30;
        let (when_width, kind_width) = if narrow { (10, 11) } else { (16, 24) };
        let kind = |k: BatchKind| match (narrow, k) {
            (true, BatchKind::Bank(MoneyKey::Lbp)) => "relevé LBP".to_string(),
            (true, BatchKind::Bank(_)) => "Compte Pro".to_string(),
            (true, BatchKind::AssoConnect) => "AssoConnect".to_string(),
            (false, k) => k.label(),
        };
        let file_width = width.saturating_sub(2 + 5 + 1 + when_width + kind_width + 11 + 4);
        let height = inner.height.saturating_sub(2) as usize;
        let first = self.cursor.first_row(self.cursor.selected(), height);
        for (i, b) in self.batches.iter().enumerate().skip(first).take(height) {
            let selected = i == self.cursor.selected();
            let state = match &b.undone_at {
                Some(_) => "annulé".to_string(),
                None => brought(b),
            };
            let text = format!(
                "{}n° {} {} {} {} {}",
                if selected { "▸ " } else { "  " },
                cell(&b.id.to_string(), 3),
                cell(
                    &when(&b.imported_at)
                        .chars()
                        .take(when_width)
                        .collect::<String>(),
                    when_width
                ),
                cell(&kind(b.kind), kind_width),
                cell(&b.file_name, file_width),
                state
            );
            let style = match (selected, b.undone_at.is_some()) {
                (true, _) => theme::selected(),
                (false, true) => theme::cancelled(),
                _ => ratatui::style::Style::new(),
            };
            lines.push(Line::styled(truncate(&text, width), style));
        }
        if let Some(problem) = &self.problem {
            lines.push(Line::raw(""));
            lines.extend(
                wrap(&format!("✗ {problem}"), width)
                    .into_iter()
                    .map(|l| Line::styled(l, theme::error())),
            );
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }
}
