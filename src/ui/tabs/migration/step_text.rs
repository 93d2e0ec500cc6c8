//! What the Migration tab says about one step: its help, prerequisites,
//! what the books say, its note (in the list, the side pane of a wide
//! screen and the step's help popup).

use super::state::Migration;
use crate::domain::checklist::StepView;
use crate::ui::action::Action;
use crate::ui::keymap::{self, Context};
use crate::ui::widgets::cells::wrap;
use crate::ui::widgets::theme;
use ratatui::text::Line;

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
    let key_of = |action| keymap::key_of(Context::Migration, action);
    let own_help = format!(
        "Étape ajoutée par vous : pas d'aide, notez ce qu'il faut faire avec {}.",
        key_of(Action::StepNote)
    );
    let help = if step.help.is_empty() {
        own_help.as_str()
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
            let text = format!(
                "État réglé à la main : {} pour suivre de nouveau les comptes.",
                key_of(Action::ResetStep)
            );
            lines.extend(wrapped(&text, 2, width, theme::note()));
        }
    }
    lines.push(Line::from(""));
    lines.push(heading("Note :"));
    if view.note.is_empty() {
        lines.extend(wrapped(
            &format!("aucune ({} pour en écrire une)", key_of(Action::StepNote)),
            2,
            width,
            theme::note(),
        ));
    } else {
        lines.extend(wrapped(&view.note, 2, width, ratatui::style::Style::new()));
    }
    lines
}

/// A step's text for the help popup: a copy of the checklist as loaded.
pub struct StepDoc {
    pub migration: Migration,
    pub key: String,
}

impl crate::ui::popups::reader::Document for StepDoc {
    fn lines(&self, width: usize) -> Vec<Line<'static>> {
        step_lines(&self.migration, &self.key, width)
    }
}
