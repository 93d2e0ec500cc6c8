//! What the entry, transfer and setup forms share: errors by field, the
//! frame around the fields, scrolling to the focused field.

use crate::domain::{Field, FieldError};
use crate::ui::widgets::cells::wrap;
use crate::ui::widgets::field::FieldView;
use crate::ui::widgets::popup_place::clear_popup;
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Padding};
use tui_input::{Input, InputRequest};

/// What the app must do after a key in a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    Save,
    Close,
    Help,
}

/// Errors shown under the fields, several per field possible.
#[derive(Debug, Clone, Default)]
pub struct Errors(pub Vec<FieldError>);

impl Errors {
    /// Every message for a field, joined.
    pub fn text(&self, field: Field) -> Option<String> {
        let parts: Vec<&str> = self
            .0
            .iter()
            .filter(|e| e.field == field)
            .map(|e| e.message.as_str())
            .collect();
        (!parts.is_empty()).then(|| parts.join(" ; "))
    }

    pub fn set(&mut self, field: Field, message: Option<String>) {
        self.0.retain(|e| e.field != field);
        if let Some(message) = message {
            self.0.push(FieldError::new(field, message));
        }
    }

    pub fn first(&self) -> Option<Field> {
        self.0.first().map(|e| e.field)
    }
}

/// Which errors a form shows. A field's error is the domain's check of what
/// is typed (the same check the books run), once the field is checked: the
/// cursor left it filled in, or Entrée was pressed. A refusal of the books
/// that the domain alone does not give (a pièce already used, the caisse
/// below zero) stays until its field changes.
#[derive(Debug, Clone, Default)]
pub struct Checks {
    checked: Vec<Field>,
    /// Entrée was pressed: every field is checked.
    pub tried: bool,
    from_book: Vec<FieldError>,
}

impl Checks {
    /// From now on the field's error follows what is typed.
    pub fn check(&mut self, field: Field) {
        if !self.checked.contains(&field) {
            self.checked.push(field);
        }
    }

    pub fn is_checked(&self, field: Field) -> bool {
        self.tried || self.checked.contains(&field)
    }

    /// The books refused the request; `domain` is what the domain's check
    /// of the same request finds.
    pub fn refused(&mut self, errors: &[FieldError], domain: &[FieldError]) {
        self.tried = true;
        self.from_book = errors
            .iter()
            .filter(|e| !domain.contains(e))
            .cloned()
            .collect();
    }

    /// The field's value changed: the books' refusal about it goes.
    pub fn changed(&mut self, field: Field) {
        self.from_book.retain(|e| e.field != field);
    }

    /// The errors to show, given the domain's check of what is typed now.
    pub fn shown(&self, domain: &[FieldError]) -> Errors {
        let mut shown: Vec<FieldError> = domain
            .iter()
            .filter(|e| self.is_checked(e.field))
            .cloned()
            .collect();
        shown.extend(self.from_book.iter().cloned());
        Errors(shown)
    }
}

/// Applies a keystroke to an input; true if its text changed.
pub fn type_into(input: &mut Input, request: InputRequest) -> bool {
    input.handle(request).is_some_and(|c| c.value)
}

/// Draws a custom row in the rectangle it is given.
pub type DrawRow<'a> = Box<dyn Fn(&mut Frame, Rect) + 'a>;

/// Typing into a proposed value (a date, a pièce number): the first
/// character typed after the cursor arrives replaces it, like a spreadsheet
/// cell; moving or deleting first edits it instead.
pub fn type_over(input: &mut Input, request: InputRequest, fresh: &mut bool) -> bool {
    if std::mem::take(fresh) && matches!(request, InputRequest::InsertChar(_)) {
        input.reset();
    }
    type_into(input, request)
}

/// One thing drawn in a form, one or more rows high.
pub enum Item<'a> {
    Field(FieldView<'a>),
    /// A line of text (wrapped), e.g. "reste à ventiler 20,00 €".
    Text(Line<'a>),
    /// A custom row drawn by the caller's closure (split rows).
    Custom(u16, DrawRow<'a>),
    /// An error drawn as under a field, after this many columns (under a
    /// ventilation row, aligned with its values).
    Error(u16, String),
}

impl Item<'_> {
    fn height(&self, width: u16) -> u16 {
        match self {
            Item::Field(f) => f.height(width),
            Item::Text(line) => wrap(&line.to_string(), width as usize).len().max(1) as u16,
            Item::Custom(h, _) => *h,
            Item::Error(indent, text) => {
                error_lines(text, width.saturating_sub(*indent)).len() as u16
            }
        }
    }
}

/// An error's lines at this width, as under a field: "✗ " then indented.
fn error_lines(text: &str, width: u16) -> Vec<String> {
    let lines = wrap(text, width.saturating_sub(2).max(1) as usize);
    lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| format!("{}{line}", if i == 0 { "✗ " } else { "  " }))
        .collect()
}

/// Where a form was drawn: its inner area and the focused item's first row.
pub struct Drawn {
    pub inner: Rect,
    pub focused_row: Option<Rect>,
}

/// The centred box of a list popup (files, imports, payments): up to 100
/// columns and 24 rows.
pub fn popup_area(area: Rect) -> Rect {
    let width = area.width.saturating_sub(4).min(100);
    let height = area.height.saturating_sub(2).min(24);
    area.centered(Constraint::Length(width), Constraint::Length(height))
}

/// The centred box a form takes: up to 100 columns, as high as it needs.
pub fn form_area(area: Rect, items: &[Item]) -> Rect {
    let width = area.width.min(100);
    let inner_width = width.saturating_sub(4);
    let needed: u16 = items.iter().map(|i| i.height(inner_width)).sum::<u16>() + 4;
    let height = needed.clamp(12, area.height.max(1)).min(area.height);
    area.centered(Constraint::Length(width), Constraint::Length(height))
}

/// Draws the form's box and its items, scrolled so the focused item shows.
pub fn draw_form(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    items: &[Item],
    focus: usize,
) -> Drawn {
    let popup = form_area(area, items);
    clear_popup(frame.buffer_mut(), popup, area);
    let block = Block::bordered()
        .title(Line::styled(format!(" {title} "), theme::title()))
        .border_style(theme::border_focused())
        .padding(Padding::new(1, 1, 1, 0));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let heights: Vec<u16> = items.iter().map(|i| i.height(inner.width)).collect();
    let mut start = 0;
    let focus = focus.min(items.len().saturating_sub(1));
    while start < focus && heights[start..=focus].iter().sum::<u16>() > inner.height {
        start += 1;
    }
    let mut y = inner.y;
    let mut focused_row = None;
    for (index, item) in items.iter().enumerate().skip(start) {
        let height = heights[index].min(inner.bottom().saturating_sub(y));
        if height == 0 {
            break;
        }
        let rect = Rect {
            x: inner.x,
            y,
            width: inner.width,
            height,
        };
        if index == focus {
            focused_row = Some(Rect { height: 1, ..rect });
        }
        match item {
            Item::Field(field) => field.draw(frame, rect),
            Item::Text(line) => {
                let text = line.to_string();
                for (i, part) in wrap(&text, inner.width as usize)
                    .into_iter()
                    .enumerate()
                    .take(height as usize)
                {
                    let row = Rect {
                        y: y + i as u16,
                        height: 1,
                        ..rect
                    };
                    frame.render_widget(Line::styled(part, line.style), row);
                }
            }
            Item::Custom(_, draw) => draw(frame, rect),
            Item::Error(indent, text) => {
                let room = rect.width.saturating_sub(*indent);
                for (i, part) in error_lines(text, room)
                    .into_iter()
                    .enumerate()
                    .take(height as usize)
                {
                    let row = Rect {
                        x: rect.x + indent,
                        y: y + i as u16,
                        width: room,
                        height: 1,
                    };
                    frame.render_widget(Line::styled(part, theme::error()), row);
                }
            }
        }
        y += height;
    }
    Drawn { inner, focused_row }
}
