//! The CRF heading field of the chart form: a text input over the known
//! headings. Typing narrows them (accents and case aside, the one folding
//! of `domain::text`); ↑/↓ highlight one and Entrée takes it; a heading
//! that matches none is shown as "nouvelle rubrique". The book maps a
//! typed variant to the known spelling anyway, so what is saved never
//! makes a second heading beside a known one.

use crate::domain::text::fold;
use crate::ui::action::Action;
use crate::ui::keymap::{self, Context};
use crate::ui::widgets::cells::truncate;
use crate::ui::widgets::form_frame::type_into;
use crate::ui::widgets::theme;
use ratatui::text::{Line, Span};
use tui_input::Input;

/// Known headings listed under the field at most.
const SHOWN: usize = 5;

#[derive(Debug)]
pub struct HeadingField {
    pub input: Input,
    known: Vec<String>,
    selected: usize,
    /// Typed or moved since the last pick: Entrée takes the highlighted
    /// heading instead of saving.
    touched: bool,
}

impl HeadingField {
    pub fn new(value: &str, known: Vec<String>) -> Self {
        HeadingField {
            input: Input::new(value.to_string()),
            known,
            selected: 0,
            touched: false,
        }
    }

    pub fn value(&self) -> &str {
        self.input.value()
    }

    /// The known headings that match what is typed; the one it spells
    /// (accents aside) first.
    pub fn matches(&self) -> Vec<&str> {
        let typed = fold(self.value().trim());
        let mut found: Vec<&str> = self
            .known
            .iter()
            .map(String::as_str)
            .filter(|h| fold(h).contains(&typed))
            .collect();
        found.sort_by_key(|h| fold(h) != typed);
        found
    }

    /// The known heading this text is (accents and case aside).
    fn known_as(&self) -> Option<&str> {
        let typed = fold(self.value().trim());
        self.known
            .iter()
            .find(|h| fold(h) == typed)
            .map(String::as_str)
    }

    /// Something typed that no known heading is.
    pub fn is_new(&self) -> bool {
        !self.value().trim().is_empty() && self.known_as().is_none()
    }

    /// The highlighted heading, if Entrée would take it.
    pub fn pending(&self) -> Option<&str> {
        let highlighted = *self.matches().get(self.selected)?;
        (self.touched && highlighted != self.value().trim()).then_some(highlighted)
    }

    /// Keys of the field, before the form's.
    pub fn contexts(&self) -> Vec<Context> {
        let mut contexts = Vec::new();
        if self.pending().is_some() {
            contexts.push(Context::HeadingPick);
        }
        if !self.matches().is_empty() {
            contexts.push(Context::HeadingList);
        }
        contexts
    }

    /// `None` if the action is not the field's; else whether the text
    /// changed (moving, taking, typing).
    pub fn update(&mut self, action: Action) -> Option<bool> {
        let len = self.matches().len();
        match action {
            // The first move highlights the first heading; up from it
            // keeps the text as typed.
            Action::Up if len > 0 => {
                if self.selected == 0 {
                    self.touched = !self.touched;
                } else {
                    self.selected -= 1;
                }
            }
            Action::Down if len > 0 => {
                if self.touched {
                    self.selected = (self.selected + 1).min(len - 1);
                }
                self.touched = true;
            }
            Action::Submit => {
                let taken = self.pending()?.to_string();
                self.input = Input::new(taken);
                self.selected = 0;
                self.touched = false;
                return Some(true);
            }
            Action::Type(request) => {
                let changed = type_into(&mut self.input, request);
                if changed {
                    // An emptied field means no heading: nothing to take.
                    self.selected = 0;
                    self.touched = !self.value().trim().is_empty();
                }
                return Some(changed);
            }
            _ => return None,
        }
        Some(false)
    }

    /// What the typed text will be saved as, when no heading is taken.
    fn note(&self) -> Option<String> {
        let typed = self.value().trim();
        if self.pending().is_some() {
            return self.is_new().then(|| {
                format!(
                    "{} en haut : garder « {typed} » (nouvelle rubrique)",
                    keymap::key_of(Context::HeadingList, Action::Up),
                )
            });
        }
        if self.is_new() {
            return Some(format!("« {typed} » : nouvelle rubrique"));
        }
        match self.known_as() {
            Some(known) if known != typed => Some(format!("enregistrée comme « {known} »")),
            _ => None,
        }
    }

    /// The known headings under the field (when it has the focus), after
    /// `indent` columns and within `width`, the highlighted one marked.
    pub fn lines(&self, indent: usize, width: usize) -> Vec<Line<'static>> {
        let pad = " ".repeat(indent);
        let width = width.saturating_sub(indent);
        let matches = self.matches();
        let start = self.selected.saturating_sub(SHOWN - 1);
        let mut lines: Vec<Line> = matches
            .iter()
            .enumerate()
            .skip(start)
            .take(SHOWN)
            .map(|(i, h)| {
                let text = truncate(h, width.saturating_sub(2));
                if i == self.selected && self.touched {
                    Line::from(vec![
                        Span::raw(pad.clone()),
                        Span::styled(format!("▸ {text}"), theme::selected()),
                    ])
                } else {
                    Line::from(vec![
                        Span::raw(pad.clone()),
                        Span::styled(format!("  {text}"), theme::note()),
                    ])
                }
            })
            .collect();
        let more = matches.len().saturating_sub(start + SHOWN);
        if more > 0 {
            let others = if more > 1 { "autres" } else { "autre" };
            lines.push(Line::from(vec![
                Span::raw(pad.clone()),
                Span::styled(
                    truncate(&format!("… et {more} {others}"), width),
                    theme::note(),
                ),
            ]));
        }
        if let Some(text) = self.note() {
            lines.push(Line::from(vec![
                Span::raw(pad),
                Span::styled(truncate(&text, width), theme::note()),
            ]));
        }
        lines
    }
}
