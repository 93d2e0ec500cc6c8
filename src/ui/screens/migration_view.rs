//! What the Migration tab says about one step (its help, prerequisites,
//! what the books say, its note), and the two popups over the tab: a step's
//! help and the one-line input (note, date, new step).

use super::form::{type_into, type_over};
use super::migration::Migration;
use crate::domain::checklist::StepView;
use crate::ui::action::Action;
use crate::ui::widgets::cells::wrap;
use crate::ui::widgets::field::{FieldValue, FieldView};
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};
use std::cell::Cell;
use tui_input::Input;

/// The short lines under a step's title: what it waits for, what the books
/// say, its note.
pub fn detail_parts(view: &StepView) -> Vec<String> {
    let mut parts = Vec::new();
    if view.is_waiting() {
        let titles: Vec<&str> = view.waiting_for.iter().map(|(_, t)| t.as_str()).collect();
        parts.push(format!("attend : {}", titles.join(" ; ")));
    }
    if view.derived {
        let detail = view.detail.as_deref().unwrap_or("rien pour l'instant");
        parts.push(if view.manual {
            format!("réglé à la main · les comptes : {detail}")
        } else {
            format!("d'après les comptes : {detail}")
        });
    }
    if !view.note.is_empty() {
        parts.push(format!("note : {}", view.note));
    }
    parts
}

fn heading(text: &str) -> Line<'static> {
    Line::styled(text.to_string(), theme::title())
}

/// `text` wrapped to `width`, each line after `indent`.
fn wrapped(
    text: &str,
    indent: usize,
    width: usize,
    style: ratatui::style::Style,
) -> Vec<Line<'static>> {
    let pad = " ".repeat(indent);
    wrap(text, width.saturating_sub(indent).max(10))
        .into_iter()
        .map(|l| Line::styled(format!("{pad}{l}"), style))
        .collect()
}

/// A list of other steps: status, then title.
fn step_rows(migration: &Migration, keys: &[&str], width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for key in keys {
        let (status, title) = match (migration.view(key), migration.step(key)) {
            (Some(v), _) => (v.status_text(), v.title.clone()),
            (None, Some(s)) => ("masquée".to_string(), s.title.clone()),
            (None, None) => ("inconnue".to_string(), (*key).to_string()),
        };
        let status = format!("  {status:<18} ");
        let indent = status.chars().count();
        let room = width.saturating_sub(indent).max(10);
        for (i, part) in wrap(&title, room).into_iter().enumerate() {
            let head = if i == 0 {
                status.clone()
            } else {
                " ".repeat(indent)
            };
            lines.push(Line::from(format!("{head}{part}")));
        }
    }
    lines
}

/// Everything about a step, wrapped to `width`: the help popup and the
/// side pane of a wide screen.
pub fn step_lines(migration: &Migration, key: &str, width: usize) -> Vec<Line<'static>> {
    let (Some(view), Some(step)) = (migration.view(key), migration.step(key)) else {
        return vec![Line::from(
            "Étape introuvable : elle a peut-être été masquée.",
        )];
    };
    let mut lines = wrapped(&view.title, 0, width, theme::title());
    let mut state = format!("État : {}", view.status_text());
    if view.urgent {
        state.push_str(" · urgent : d'autres étapes en dépendent");
    }
    if view.derived && view.manual {
        state.push_str(" · réglé à la main");
    } else if view.derived {
        state.push_str(" · d'après les comptes");
    }
    lines.extend(wrapped(&state, 0, width, theme::label_focused()));
    lines.push(Line::from(""));
    let help = if step.help.is_empty() {
        "Étape ajoutée par vous : pas d'aide, notez ce qu'il faut faire avec m."
    } else {
        step.help.as_str()
    };
    lines.extend(wrapped(help, 0, width, ratatui::style::Style::new()));
    if !step.prerequisites.is_empty() {
        lines.push(Line::from(""));
        lines.push(heading("Il faut d'abord :"));
        let keys: Vec<&str> = step.prerequisites.iter().map(String::as_str).collect();
        lines.extend(step_rows(migration, &keys, width));
    }
    let unlocks: Vec<&str> = migration
        .steps
        .iter()
        .filter(|s| !s.hidden && s.prerequisites.iter().any(|p| p == key))
        .map(|s| s.key.as_str())
        .collect();
    if !unlocks.is_empty() {
        lines.push(Line::from(""));
        lines.push(heading("Elle débloque :"));
        lines.extend(step_rows(migration, &unlocks, width));
    }
    if view.derived {
        lines.push(Line::from(""));
        lines.push(heading("Ce que disent les comptes :"));
        let detail = view.detail.as_deref().unwrap_or("rien pour l'instant");
        lines.extend(wrapped(detail, 2, width, ratatui::style::Style::new()));
        if view.manual {
            let text = "État réglé à la main : r pour suivre de nouveau les comptes.";
            lines.extend(wrapped(text, 2, width, theme::note()));
        }
    }
    lines.push(Line::from(""));
    lines.push(heading("Note :"));
    if view.note.is_empty() {
        lines.extend(wrapped(
            "aucune (m pour en écrire une)",
            2,
            width,
            theme::note(),
        ));
    } else {
        lines.extend(wrapped(&view.note, 2, width, ratatui::style::Style::new()));
    }
    lines
}

/// The help of one step, over the tab.
#[derive(Debug)]
pub struct StepHelp {
    pub key: String,
    pub scroll: usize,
    max_scroll: Cell<usize>,
}

impl StepHelp {
    pub fn new(key: &str) -> Self {
        StepHelp {
            key: key.to_string(),
            scroll: 0,
            max_scroll: Cell::new(0),
        }
    }

    pub fn scroll_by(&mut self, step: isize) {
        self.scroll = self
            .scroll
            .saturating_add_signed(step)
            .min(self.max_scroll.get());
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, migration: &Migration) {
        let width = area.width.saturating_sub(4).min(90);
        let lines = step_lines(migration, &self.key, width.saturating_sub(4) as usize);
        let height = (lines.len() as u16 + 2).min(area.height);
        let popup = area.centered(Constraint::Length(width), Constraint::Length(height));
        frame.render_widget(Clear, popup);
        let visible = height.saturating_sub(2) as usize;
        let max_scroll = lines.len().saturating_sub(visible);
        self.max_scroll.set(max_scroll);
        let scroll = self.scroll.min(max_scroll);
        let bottom = if max_scroll > 0 {
            " ↑/↓ pour défiler · Échap pour fermer "
        } else {
            " Échap pour fermer "
        };
        let block = Block::bordered()
            .title(Line::styled(" Étape de la migration ", theme::title()))
            .title_bottom(Line::from(bottom).right_aligned())
            .border_style(theme::border_focused())
            .padding(ratatui::widgets::Padding::horizontal(1));
        let shown: Vec<Line> = lines.into_iter().skip(scroll).collect();
        frame.render_widget(Paragraph::new(shown).block(block), popup);
    }
}

/// What the one-line input is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Note,
    DoneOn,
    Add,
}

/// A one-line input over the tab: a step's note, the date it was done, the
/// title of a new step.
#[derive(Debug)]
pub struct StepInput {
    pub purpose: Purpose,
    /// The step it is about (empty for a new step) and its title.
    pub key: String,
    pub title: String,
    pub input: Input,
    /// The proposed text is replaced by the first character typed.
    fresh: bool,
    pub error: Option<String>,
}

impl StepInput {
    pub fn new(purpose: Purpose, key: &str, title: &str, text: &str) -> Self {
        StepInput {
            purpose,
            key: key.to_string(),
            title: title.to_string(),
            input: Input::new(text.to_string()),
            fresh: purpose == Purpose::DoneOn,
            error: None,
        }
    }

    pub fn value(&self) -> &str {
        self.input.value()
    }

    /// Typed text; other actions are the app's (Entrée, Échap).
    pub fn update(&mut self, action: Action) {
        if let Action::Type(request) = action {
            self.error = None;
            if self.purpose == Purpose::DoneOn {
                type_over(&mut self.input, request, &mut self.fresh);
            } else {
                type_into(&mut self.input, request);
            }
        }
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect) {
        let (heading, label, about) = match self.purpose {
            Purpose::Note => ("Note de l'étape", "Note", self.title.as_str()),
            Purpose::DoneOn => ("Étape faite le…", "Fait le", self.title.as_str()),
            Purpose::Add => (
                "Nouvelle étape",
                "Titre",
                "Elle s'ajoute en fin de liste ; son aide se met dans sa note (m).",
            ),
        };
        let width = area.width.saturating_sub(4).min(72);
        let text_width = width.saturating_sub(4) as usize;
        let about = wrap(about, text_width);
        let errors = self
            .error
            .as_deref()
            .map(|e| wrap(&format!("✗ {e}"), text_width))
            .unwrap_or_default();
        let height = (about.len() + errors.len() + 5) as u16;
        let popup = area.centered(
            Constraint::Length(width),
            Constraint::Length(height.min(area.height)),
        );
        frame.render_widget(Clear, popup);
        let block = Block::bordered()
            .title(Line::styled(format!(" {heading} "), theme::title()))
            .title_bottom(
                Line::from(" Entrée pour enregistrer · Échap pour annuler ").right_aligned(),
            )
            .border_style(theme::border_focused())
            .padding(ratatui::widgets::Padding::horizontal(1));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        let row = |i: usize| Rect {
            y: inner.y + i as u16,
            height: 1,
            ..inner
        };
        let mut y = 0;
        for text in &about {
            if y < inner.height as usize {
                frame.render_widget(Line::styled(text.clone(), theme::note()), row(y));
            }
            y += 1;
        }
        y += 1;
        if y < inner.height as usize {
            let value = if self.fresh {
                FieldValue::Proposed(&self.input)
            } else {
                FieldValue::Text(&self.input)
            };
            let field = FieldView {
                label,
                value,
                focused: true,
                error: None,
                note: (self.purpose == Purpose::DoneOn).then_some("jj/mm/aaaa"),
                label_width: 11,
            };
            field.draw(frame, row(y));
        }
        for text in errors {
            y += 1;
            if y < inner.height as usize {
                frame.render_widget(Line::styled(text, theme::error()), row(y));
            }
        }
    }
}
