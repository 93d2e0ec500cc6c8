//! The help popup: every key of the screen under it, read from the keymap,
//! then where the database and its automatic backups are.

use crate::store::backup::KEEP;
use crate::ui::keymap::{Binding, Context, Key};
use crate::ui::widgets::cells::truncate;
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use std::cell::Cell;

#[derive(Debug)]
pub struct Help {
    pub contexts: Vec<Context>,
    pub scroll: usize,
    /// Lines that do not fit, known after a draw (to stop scrolling).
    max_scroll: Cell<usize>,
}

/// How a key is written for the user.
pub fn key_name(key: &Key) -> String {
    match key.code {
        KeyCode::Char(' ') => "Espace".to_string(),
        KeyCode::Char(c) if key.mods.contains(KeyModifiers::CONTROL) => {
            format!("Ctrl+{}", c.to_ascii_uppercase())
        }
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Entrée".into(),
        KeyCode::Esc => "Échap".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Maj+Tab".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgPréc".into(),
        KeyCode::PageDown => "PgSuiv".into(),
        KeyCode::Home => "Début".into(),
        KeyCode::End => "Fin".into(),
        KeyCode::Delete => "Suppr".into(),
        KeyCode::Backspace => "Retour arrière".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    }
}

/// All the keys of a binding, or its short form when there are many.
fn keys_text(binding: &Binding) -> String {
    if binding.keys.len() > 3 {
        return binding.shown.to_string();
    }
    binding
        .keys
        .iter()
        .map(key_name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// `text` cut from the left to `width` characters ("…/fin/du/chemin").
fn truncate_left(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count <= width || width == 0 {
        return text.to_string();
    }
    let tail: String = text.chars().skip(count - width + 1).collect();
    format!("…{tail}")
}

impl Help {
    pub fn new(contexts: Vec<Context>) -> Self {
        Help {
            contexts,
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

    fn lines(&self, db_path: &str, backup_dir: &str, width: usize) -> Vec<Line<'static>> {
        let path =
            |p: &str| Line::from(format!("    {}", truncate_left(p, width.saturating_sub(4))));
        let mut lines = vec![
            Line::styled("Fichiers".to_string(), theme::title()),
            Line::from("  Base de données :"),
            path(db_path),
            Line::from(format!(
                "  Sauvegardes automatiques (à chaque ouverture, {} gardées) :",
                KEEP
            )),
            path(backup_dir),
        ];
        for context in &self.contexts {
            lines.push(Line::styled(context.title().to_string(), theme::title()));
            for binding in context.bindings() {
                lines.push(Line::from(vec![
                    Span::styled(
                        format!("  {:<18}", keys_text(binding)),
                        theme::label_focused(),
                    ),
                    Span::raw(binding.desc.to_string()),
                ]));
            }
        }
        lines
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, db_path: &str, backup_dir: &str) {
        let width = area.width.min(100);
        let lines = self.lines(db_path, backup_dir, width.saturating_sub(2) as usize);
        let height = (lines.len() as u16 + 2).min(area.height);
        let popup = area.centered(Constraint::Length(width), Constraint::Length(height));
        frame.render_widget(Clear, popup);
        let visible = height.saturating_sub(2) as usize;
        let max_scroll = lines.len().saturating_sub(visible);
        self.max_scroll.set(max_scroll);
        let scroll = self.scroll.min(max_scroll);
        let more = if max_scroll > 0 {
            " ↑/↓ pour défiler "
        } else {
            ""
        };
        let block = Block::bordered()
            .title(Line::styled(
                " Aide : touches de cet écran ",
                theme::title(),
            ))
            .title_bottom(Line::from(more).right_aligned())
            .border_style(theme::border_focused());
        let inner_width = width.saturating_sub(2) as usize;
        let shown: Vec<Line> = lines
            .into_iter()
            .skip(scroll)
            .map(|line| {
                let text = line.to_string();
                if text.chars().count() > inner_width {
                    Line::styled(truncate(&text, inner_width), line.style)
                } else {
                    line
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(shown).block(block), popup);
    }
}
