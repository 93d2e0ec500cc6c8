//! Drawing of the entry form: fields, ventilation rows with the live
//! "reste à ventiler", the category picker over the focused code field.

use super::{EntryForm, Slot};
use crate::domain::entry_request::remaining_to_split;
use crate::domain::{Account, EntryKind, PaymentMode};
use crate::ui::action::Action;
use crate::ui::keymap::{self, Context};
use crate::ui::widgets::category_picker::{candidates, code_of};
use crate::ui::widgets::cells::truncate;
use crate::ui::widgets::field::{FieldValue, FieldView, draw_input};
use crate::ui::widgets::form_frame::{Item, draw_form};
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use tui_input::Input;

const LABEL_WIDTH: u16 = 20;

/// Where the code, the category's name and the part go in a ventilation row.
fn split_columns(rect: Rect) -> [Rect; 3] {
    let rest = rect.width.saturating_sub(LABEL_WIDTH);
    let amount_w = 12.min(rest);
    let code_w = 10.min(rest.saturating_sub(amount_w + 1));
    let note_w = rest.saturating_sub(code_w + amount_w + 2);
    let x = rect.x + LABEL_WIDTH;
    let at = |x: u16, width: u16| Rect { x, width, ..rect };
    [
        at(x, code_w),
        at(x + code_w + 1, note_w),
        at(x + code_w + note_w + 2, amount_w),
    ]
}

/// The headings over the ventilation rows.
fn draw_split_header(frame: &mut Frame, rect: Rect) {
    let [code, name, part] = split_columns(rect);
    for (text, area) in [("Code", code), ("Catégorie", name), ("Part (€)", part)] {
        frame.render_widget(Span::styled(text, theme::note()), area);
    }
}

/// One ventilation row: code, the category's name, the part of the amount.
fn draw_split_row(frame: &mut Frame, rect: Rect, row: (usize, &Input, &Input, &str), focus: Slot) {
    let (i, code, amount, note) = row;
    let focused = matches!(focus, Slot::SplitCode(j) | Slot::SplitAmount(j) if j == i);
    let (marker, style) = if focused {
        ("▸ ", theme::label_focused())
    } else {
        ("  ", theme::label())
    };
    let label = Rect {
        width: LABEL_WIDTH.min(rect.width),
        ..rect
    };
    frame.render_widget(
        Span::styled(format!("{marker}Ventilation {}", i + 1), style),
        label,
    );
    let [code_rect, note_rect, amount_rect] = split_columns(rect);
    draw_input(frame, code_rect, code, focus == Slot::SplitCode(i));
    let note_text = truncate(note, note_rect.width as usize);
    frame.render_widget(Span::styled(note_text, theme::note()), note_rect);
    draw_input(frame, amount_rect, amount, focus == Slot::SplitAmount(i));
}

impl EntryForm {
    /// What is left to ventilate, as the live line shows it.
    fn remaining_line(&self) -> String {
        let parts: Vec<&str> = self.splits.iter().map(|s| s.1.value()).collect();
        match remaining_to_split(self.amount.value(), &parts) {
            // "Complète" only when nothing else is wrong with the lines.
            Some(rest) if rest.is_zero() && self.lines.iter().all(|l| l.is_ok()) => {
                "Ventilation complète : reste à ventiler 0,00 €".into()
            }
            Some(rest) => format!("Reste à ventiler {}", rest.fr()),
            None => "Reste à ventiler : saisissez le montant et les parts".into(),
        }
    }

    fn title(&self) -> String {
        match &self.editing {
            Some((_, piece)) => format!("Modifier l'écriture {piece}"),
            None => "Nouvelle recette ou dépense".into(),
        }
    }

    fn text<'a>(
        &self,
        label: &'a str,
        slot: Slot,
        input: &'a Input,
        note: Option<&'a str>,
        error: Option<&'a str>,
    ) -> Item<'a> {
        let value = if self.fresh && self.focus == slot {
            FieldValue::Proposed(input)
        } else {
            FieldValue::Text(input)
        };
        Item::Field(FieldView {
            label,
            value,
            focused: self.focus == slot,
            error,
            note,
            label_width: LABEL_WIDTH,
        })
    }

    fn choice<'a>(
        &self,
        label: &'a str,
        slot: Slot,
        text: &'a str,
        note: Option<&'a str>,
        error: Option<&'a str>,
    ) -> Item<'a> {
        let value = FieldValue::Choice(text);
        Item::Field(FieldView {
            label,
            value,
            focused: self.focus == slot,
            error,
            note,
            label_width: LABEL_WIDTH,
        })
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, chart: &[Account]) {
        let errors: Vec<(Slot, Option<String>)> = self
            .slots()
            .into_iter()
            .map(|s| (s, self.error_for(s)))
            .collect();
        let error = |slot: Slot| {
            errors
                .iter()
                .find(|(s, _)| *s == slot)
                .and_then(|(_, e)| e.as_deref())
        };
        let name_of = |text: &str| {
            chart
                .iter()
                .find(|a| a.code == code_of(text))
                .map(|a| a.label.as_str())
        };
        let nature_note = if self.kind == EntryKind::Recette {
            "argent qui entre"
        } else {
            "argent qui sort"
        };
        let notes: Vec<String> = self
            .splits
            .iter()
            .map(|(code, _)| name_of(code.value()).unwrap_or("").to_string())
            .collect();
        let mut rows: Vec<(Option<Slot>, Item)> = vec![
            (
                Some(Slot::Date),
                self.text("Date", Slot::Date, &self.date, None, error(Slot::Date)),
            ),
            (
                Some(Slot::Nature),
                self.choice(
                    "Nature",
                    Slot::Nature,
                    self.kind.label(),
                    Some(nature_note),
                    error(Slot::Nature),
                ),
            ),
            (
                Some(Slot::Piece),
                self.text(
                    "N° de pièce",
                    Slot::Piece,
                    &self.piece,
                    None,
                    error(Slot::Piece),
                ),
            ),
            (
                Some(Slot::Account),
                self.choice(
                    "Compte",
                    Slot::Account,
                    self.account.label(),
                    None,
                    error(Slot::Account),
                ),
            ),
            (
                Some(Slot::Amount),
                self.text(
                    "Montant (€)",
                    Slot::Amount,
                    &self.amount,
                    None,
                    error(Slot::Amount),
                ),
            ),
            (
                Some(Slot::Label),
                self.text(
                    "Libellé",
                    Slot::Label,
                    &self.label,
                    None,
                    error(Slot::Label),
                ),
            ),
            (
                Some(Slot::Mode),
                self.choice(
                    "Mode de paiement",
                    Slot::Mode,
                    self.mode.label(),
                    None,
                    error(Slot::Mode),
                ),
            ),
        ];
        if self.mode == PaymentMode::Cheque {
            rows.push((
                Some(Slot::Cheque),
                self.text(
                    "N° de chèque",
                    Slot::Cheque,
                    &self.cheque,
                    None,
                    error(Slot::Cheque),
                ),
            ));
        }
        if self.splits.is_empty() {
            let note =
                name_of(self.category.value()).or(Some("tapez un code ou un mot (ex. sortie)"));
            rows.push((
                Some(Slot::Category),
                self.text(
                    "Catégorie",
                    Slot::Category,
                    &self.category,
                    note,
                    error(Slot::Category),
                ),
            ));
            rows.push((
                None,
                Item::Text(Line::styled(
                    format!(
                        "{} : ventiler sur plusieurs catégories",
                        keymap::key_of(Context::Split, Action::AddSplit)
                    ),
                    theme::note(),
                )),
            ));
        } else {
            rows.push((None, Item::Custom(1, Box::new(draw_split_header))));
            for (i, (code, amount)) in self.splits.iter().enumerate() {
                let focus = self.focus;
                let slot = if focus == Slot::SplitAmount(i) {
                    Slot::SplitAmount(i)
                } else {
                    Slot::SplitCode(i)
                };
                let note = notes[i].as_str();
                let draw = move |frame: &mut Frame, rect: Rect| {
                    draw_split_row(frame, rect, (i, code, amount, note), focus)
                };
                rows.push((Some(slot), Item::Custom(1, Box::new(draw))));
                // The code being searched in the open list: not an error yet.
                let searching = self.picker_open() && self.focus == Slot::SplitCode(i);
                let line_errors: Vec<String> = self
                    .lines
                    .get(i)
                    .filter(|_| !searching)
                    .map(|l| l.errors().map(|e| e.message.clone()).collect())
                    .unwrap_or_default();
                if !line_errors.is_empty() {
                    rows.push((None, Item::Error(LABEL_WIDTH, line_errors.join(" ; "))));
                }
            }
            let failed = !self.whole.is_empty();
            let style = if failed {
                theme::error()
            } else {
                theme::status()
            };
            rows.push((None, Item::Text(Line::styled(self.remaining_line(), style))));
            if failed {
                rows.push((
                    None,
                    Item::Text(Line::styled(
                        format!("✗ {}", self.whole.join(" ; ")),
                        theme::error(),
                    )),
                ));
            }
        }
        if let Some(message) = &self.message {
            rows.push((
                None,
                Item::Text(Line::styled(format!("✗ {message}"), theme::error())),
            ));
        }
        let focus_index = rows
            .iter()
            .position(|(slot, _)| *slot == Some(self.focus))
            .unwrap_or(0);
        let items: Vec<Item> = rows.into_iter().map(|(_, item)| item).collect();
        let drawn = draw_form(frame, area, &self.title(), &items, focus_index);
        if self.picker_open()
            && let (Some(row), Some(query)) = (drawn.focused_row, self.code_input())
        {
            let list = candidates(chart, self.wanted(), query.value());
            let anchor = Rect {
                x: row.x + LABEL_WIDTH,
                width: row.width.saturating_sub(LABEL_WIDTH),
                ..row
            };
            self.picker.draw(frame, anchor, drawn.inner, &list);
        }
    }
}
