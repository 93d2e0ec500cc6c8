//! The year-end files to write: Entrée writes the chosen one into the
//! export folder (the Documents folder, else beside the base) as a new
//! file (never over another: "crf-2024-2025 (2).html"), and the status
//! line shows its full path.

use crate::book::Book;
use crate::book::year_end::ExportKind;
use crate::domain::Exercice;
use crate::io::export::new_file::{Failed, write_new};
use crate::store::StoreError;
use crate::ui::action::Action;
use crate::ui::component::{Component, Effect};
use crate::ui::keymap::{self, Context};
use crate::ui::widgets::cells::{cell, count, truncate_left};
use crate::ui::widgets::popup_place::clear_popup;
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use std::path::PathBuf;

#[derive(Debug)]
pub struct ExportFiles {
    exercice: Exercice,
    kinds: Vec<ExportKind>,
    cursor: usize,
    folder: PathBuf,
}

impl ExportFiles {
    pub fn new(exercice: Exercice, kinds: Vec<ExportKind>, folder: PathBuf) -> ExportFiles {
        ExportFiles {
            exercice,
            kinds,
            cursor: 0,
            folder,
        }
    }

    /// The ledger files only (the Écritures tab).
    pub fn ledger(exercice: Exercice, folder: PathBuf) -> ExportFiles {
        let kinds = ExportKind::ALL
            .into_iter()
            .filter(|k| matches!(k, ExportKind::Ledger(_) | ExportKind::Hledger))
            .collect();
        ExportFiles::new(exercice, kinds, folder)
    }

    fn write(&self, book: &Book) -> Effect {
        let Some(&kind) = self.kinds.get(self.cursor) else {
            return Effect::Done;
        };
        let name = kind.file_name(self.exercice);
        match write_new(&self.folder, &name, |out| {
            book.export(kind, self.exercice, out)
        }) {
            Ok((path, rows)) => Effect::Batch(vec![
                Effect::Close,
                Effect::info(format!(
                    "Fichier écrit ({}) : {}",
                    {
                        let (one, many) = kind.counted();
                        count(rows, one, many)
                    },
                    path.display()
                )),
            ]),
            Err(Failed::Io { path, source }) => Effect::error(format!(
                "{} non écrit : {}",
                kind.title(),
                StoreError::Io {
                    path: path.display().to_string(),
                    source,
                }
            )),
            Err(Failed::Write(e)) => Effect::error(format!("{} non écrit : {e}", kind.title())),
        }
    }
}

impl Component for ExportFiles {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::ExportFiles]
    }

    fn update(&mut self, action: Action, book: &mut Book) -> Effect {
        let last = self.kinds.len().saturating_sub(1);
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(last),
            Action::Home => self.cursor = 0,
            Action::End => self.cursor = last,
            Action::Submit => return self.write(book),
            Action::Close => return Effect::Close,
            Action::Help => return Effect::Help,
            _ => {}
        }
        Effect::Done
    }

    fn draw(&self, frame: &mut Frame, area: Rect, _book: &Book) {
        let width = area.width.saturating_sub(4).min(96);
        let inner_width = width.saturating_sub(2) as usize;
        let name_width = self
            .kinds
            .iter()
            .map(|k| k.file_name(self.exercice).chars().count())
            .max()
            .unwrap_or(0);
        let title_max = self
            .kinds
            .iter()
            .map(|k| k.title().chars().count())
            .max()
            .unwrap_or(0);
        // Narrow: the titles alone, the chosen file's name under the list.
        let names = title_max + name_width + 4 <= inner_width;
        let title_width = if names {
            title_max
        } else {
            inner_width.saturating_sub(2)
        };
        let mut body = vec![Line::from(vec![
            Span::styled("Dossier : ", theme::label()),
            Span::raw(truncate_left(
                &self.folder.display().to_string(),
                inner_width.saturating_sub(10),
            )),
        ])];
        body.push(Line::from(""));
        for (i, kind) in self.kinds.iter().enumerate() {
            let mut text = format!(
                "{} {}",
                if i == self.cursor { "›" } else { " " },
                cell(kind.title(), title_width),
            );
            if names {
                text.push_str(&format!("  {}", kind.file_name(self.exercice)));
            }
            let style = if i == self.cursor {
                theme::selected()
            } else {
                ratatui::style::Style::default()
            };
            body.push(Line::styled(text, style));
        }
        body.push(Line::from(""));
        if !names && let Some(kind) = self.kinds.get(self.cursor) {
            body.push(Line::from(vec![
                Span::styled("Fichier : ", theme::label()),
                Span::raw(kind.file_name(self.exercice)),
            ]));
        }
        body.push(Line::styled(
            format!(
                "{} : écrire le fichier ; un fichier du même nom n'est jamais remplacé (« (2) » est ajouté)",
                keymap::key_of(Context::ExportFiles, Action::Submit)
            ),
            theme::note(),
        ));
        let height = (body.len() as u16 + 3).min(area.height);
        let popup = area.centered(Constraint::Length(width), Constraint::Length(height));
        clear_popup(frame.buffer_mut(), popup, area);
        let block = Block::bordered()
            .title(format!(" Fichiers de l'exercice {} ", self.exercice))
            .border_style(theme::border_focused());
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        frame.render_widget(
            Paragraph::new(body).wrap(ratatui::widgets::Wrap { trim: false }),
            inner,
        );
    }
}
