//! A labelled form field on one line (a tui-input text or a choice), with its
//! error, if any, wrapped under it.

use super::cells::{self, truncate, wrap};
use super::theme;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use tui_input::Input;

/// What the field holds.
pub enum FieldValue<'a> {
    Text(&'a Input),
    /// A proposed text that the first typed character replaces (drawn
    /// highlighted, like a selection).
    Proposed(&'a Input),
    Choice(&'a str),
}

pub struct FieldView<'a> {
    pub label: &'a str,
    pub value: FieldValue<'a>,
    pub focused: bool,
    pub error: Option<&'a str>,
    /// Grey text after the value (e.g. the picked category's name).
    pub note: Option<&'a str>,
    pub label_width: u16,
}

/// A one-line text input, underlined over its whole width, scrolled so the
/// cursor shows; puts the terminal cursor in it when focused.
pub fn draw_input(frame: &mut Frame, area: Rect, input: &Input, focused: bool) {
    draw_text_input(frame, area, input, focused, false);
}

fn draw_text_input(frame: &mut Frame, area: Rect, input: &Input, focused: bool, proposed: bool) {
    let width = area.width as usize;
    if width == 0 {
        return;
    }
    let inner = width.saturating_sub(1).max(1);
    let scroll = input.visual_scroll(inner);
    let shown: String = input.value().chars().skip(scroll).take(inner).collect();
    let pad = width.saturating_sub(cells::width(&shown));
    let style = if proposed && focused {
        theme::selected()
    } else {
        theme::input()
    };
    frame.render_widget(
        Line::from(vec![
            Span::styled(shown, style),
            Span::styled(" ".repeat(pad), theme::input()),
        ]),
        area,
    );
    if focused {
        let x = area.x + input.visual_cursor().saturating_sub(scroll).min(inner) as u16;
        frame.set_cursor_position(Position::new(x, area.y));
    }
}

impl FieldView<'_> {
    fn error_lines(&self, width: u16) -> Vec<String> {
        let text_width = width.saturating_sub(self.label_width + 2) as usize;
        self.error.map(|e| wrap(e, text_width)).unwrap_or_default()
    }

    /// Rows the field takes at this width: its line and its error.
    pub fn height(&self, width: u16) -> u16 {
        1 + self.error_lines(width).len() as u16
    }

    /// Draws the field in `area` (its first row is the field's line) and puts
    /// the cursor in it when it is the focused text field.
    pub fn draw(&self, frame: &mut Frame, area: Rect) {
        if area.height == 0 || area.width <= self.label_width {
            return;
        }
        let label_style = if self.focused {
            theme::label_focused()
        } else {
            theme::label()
        };
        let marker = if self.focused { "▸ " } else { "  " };
        let label = truncate(self.label, self.label_width.saturating_sub(2) as usize);
        let line_area = Rect { height: 1, ..area };
        let value_x = area.x + self.label_width;
        let value_width = area.width - self.label_width;
        frame.render_widget(
            Line::from(vec![
                Span::styled(marker, label_style),
                Span::styled(label, label_style),
            ]),
            line_area,
        );
        let value_area = Rect {
            x: value_x,
            width: value_width,
            ..line_area
        };
        match &self.value {
            FieldValue::Text(input) | FieldValue::Proposed(input) => {
                let proposed = matches!(self.value, FieldValue::Proposed(_));
                let box_width = match self.note {
                    Some(_) => (value_width / 2).min(16),
                    None => value_width,
                };
                let box_area = Rect {
                    width: box_width,
                    ..value_area
                };
                draw_text_input(frame, box_area, input, self.focused, proposed);
                if let Some(note) = self.note {
                    let room = value_width.saturating_sub(box_width + 1);
                    let note_area = Rect {
                        x: value_x + box_width + 1,
                        width: room,
                        ..value_area
                    };
                    frame.render_widget(
                        Line::styled(truncate(note, room as usize), theme::note()),
                        note_area,
                    );
                }
            }
            FieldValue::Choice(text) => {
                let (left, right) = if self.focused {
                    ("◂ ", " ▸")
                } else {
                    ("", "")
                };
                let mut spans = vec![
                    Span::styled(left, label_style),
                    Span::styled(
                        text.to_string(),
                        if self.focused {
                            theme::title()
                        } else {
                            Style::new()
                        },
                    ),
                    Span::styled(right, label_style),
                ];
                if let Some(note) = self.note {
                    spans.push(Span::styled(format!("  {note}"), theme::note()));
                }
                frame.render_widget(Line::from(spans), value_area);
            }
        }
        for (i, text) in self.error_lines(area.width).into_iter().enumerate() {
            let y = area.y + 1 + i as u16;
            if y >= area.bottom() {
                break;
            }
            let row = Rect {
                x: value_x,
                y,
                width: value_width,
                height: 1,
            };
            let prefix = if i == 0 { "✗ " } else { "  " };
            frame.render_widget(
                Line::from(Span::styled(format!("{prefix}{text}"), theme::error())),
                row,
            );
        }
    }
}
