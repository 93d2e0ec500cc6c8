//! The two panes of the Rapprochement tab: the statement's bank lines on
//! the left, the books' lines on the same account on the right. Rows are
//! cut by display width; meaning never rests on colour alone (✓ matched,
//! ≈ suggested, • marked).

use super::state::{Pane, Reconcile};
use crate::domain::MoneyKey;
use crate::domain::bank::{BankLine, BookLine, LineState};
use crate::ui::action::Action;
use crate::ui::keymap::{self, Context};
use crate::ui::widgets::cells::{amount_cell, cell, count, truncate, wrap};
use crate::ui::widgets::list_cursor::ListCursor;
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr;

const AMOUNT: usize = 11;
const STATE: usize = 7;

fn day(date: chrono::NaiveDate) -> String {
    date.format("%d/%m").to_string()
}

fn amount_style(amount: crate::domain::Money) -> Style {
    if amount.is_negative() {
        theme::money_out()
    } else {
        theme::money_in()
    }
}

fn block(title: String, bottom: String, focused: bool) -> Block<'static> {
    Block::bordered()
        .title(Line::styled(title, theme::title()))
        .title_bottom(Line::styled(bottom, theme::note()).right_aligned())
        .border_style(if focused {
            theme::border_focused()
        } else {
            theme::border()
        })
}

/// The bottom of a pane: the whole label of the row under the cursor when
/// its column cut it (at 80 columns), else the legend.
fn bottom_text(legend: &str, current: Option<&str>, label_width: usize, width: usize) -> String {
    match current {
        Some(text) if UnicodeWidthStr::width(text) > label_width && width > 4 => {
            format!(" {} ", truncate(text, width - 4))
        }
        _ => truncate(legend, width),
    }
}

/// What to do when a pane is empty, wrapped in it.
fn empty(frame: &mut Frame, area: Rect, text: &str) {
    let lines: Vec<Line> = wrap(text, area.width.max(1) as usize)
        .into_iter()
        .map(|l| Line::styled(l, theme::note()))
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// Where the statement comes from, for the empty pane.
fn source(account: MoneyKey) -> &'static str {
    match account {
        MoneyKey::Lbp => "le relevé de l'Ancien compte LBP téléchargé depuis La Banque Postale",
        _ => "le relevé du Compte Pro téléchargé depuis AssoConnect",
    }
}

/// "sur le Compte Pro", "sur l'Ancien compte LBP".
pub fn on_account(account: MoneyKey) -> String {
    match account {
        MoneyKey::Lbp => format!("sur l'{}", account.label()),
        _ => format!("sur le {}", account.label()),
    }
}

/// Rows scrolled so that the cursor's row shows; the cursor's row is
/// reversed in the focused pane, underlined in the other.
fn draw_rows(
    frame: &mut Frame,
    area: Rect,
    rows: Vec<Line<'static>>,
    cursor: &ListCursor,
    focused: bool,
) {
    let height = area.height as usize;
    let first = cursor.first_row(cursor.selected(), height);
    for (n, line) in rows.into_iter().enumerate().skip(first).take(height) {
        let row = Rect {
            y: area.y + (n - first) as u16,
            height: 1,
            ..area
        };
        let line = if n == cursor.selected() {
            let style = if focused {
                theme::selected()
            } else {
                theme::selected_unfocused()
            };
            line.patch_style(style)
        } else {
            line
        };
        frame.render_widget(line, row);
    }
}

fn line_state(r: &Reconcile, line: &BankLine) -> (String, Style) {
    match &line.state {
        LineState::Matched(pieces) => (format!("✓ {}", pieces.join("+")), Style::new()),
        LineState::ToMatch => match r.suggestion_of_line(line.id) {
            Some(s) => {
                let piece = r.book_line(s.entry_id).map_or("?", |b| b.piece.as_str());
                (format!("≈ {piece}"), theme::label_focused())
            }
            None => (String::new(), Style::new()),
        },
    }
}

pub fn draw_lines(frame: &mut Frame, area: Rect, r: &Reconcile) {
    let focused = r.focus == Pane::Lines;
    let shown = r.shown_lines();
    let title = if r.only_unmatched {
        let long = format!(
            " Relevé {} : {} à rapprocher sur {} ",
            r.account.label(),
            shown.len(),
            r.lines.len()
        );
        // At 80 columns the account is in the header already.
        if UnicodeWidthStr::width(long.as_str()) + 2 <= area.width as usize {
            long
        } else {
            format!(" À rapprocher : {} sur {} ", shown.len(), r.lines.len())
        }
    } else {
        format!(
            " Relevé {} : {} ",
            r.account.label(),
            count(r.lines.len(), "ligne", "lignes")
        )
    };
    let row_text = |line: &BankLine| {
        [line.label.as_str(), line.reference.as_str()]
            .iter()
            .filter(|t| !t.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let width = area.width.saturating_sub(2) as usize;
    let states: Vec<(String, Style)> = shown.iter().map(|line| line_state(r, line)).collect();
    // Wide enough for "✓ D001+D002" when the pane has room; a quarter of
    // it at most, so the label keeps the rest.
    let state_width = states
        .iter()
        .map(|(s, _)| UnicodeWidthStr::width(s.as_str()))
        .max()
        .unwrap_or(0)
        .clamp(STATE, (width / 4).max(STATE));
    let label_width = width.saturating_sub(2 + 5 + 1 + 1 + AMOUNT + 1 + state_width);
    let current = shown.get(r.line_cursor.selected()).map(|l| row_text(l));
    let bottom = bottom_text(
        " ✓ rapprochée · ≈ suggestion ",
        current.as_deref().filter(|_| focused),
        label_width,
        width,
    );
    let block = block(title, bottom, focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if shown.is_empty() {
        let text = if r.lines.is_empty() {
            format!(
                "Aucun relevé importé : {} pour importer {}.",
                keymap::key_of(Context::Reconcile, Action::Import),
                source(r.account)
            )
        } else {
            format!(
                "Toutes les lignes sont rapprochées ({} pour les voir toutes).",
                keymap::key_of(Context::Reconcile, Action::ToggleFilter)
            )
        };
        empty(frame, inner, &text);
        return;
    }
    let rows = shown
        .iter()
        .zip(states)
        .enumerate()
        .map(|(i, (line, (state, state_style)))| {
            let marker = match (i == r.line_cursor.selected(), focused) {
                (true, true) => "▸ ",
                (true, false) => "› ",
                _ => "  ",
            };
            let text = row_text(line);
            Line::from(vec![
                Span::raw(format!(
                    "{marker}{} {} ",
                    day(line.date),
                    cell(&text, label_width)
                )),
                Span::styled(amount_cell(line.amount, AMOUNT), amount_style(line.amount)),
                Span::raw(" "),
                Span::styled(cell(&state, state_width), state_style),
            ])
        })
        .collect();
    draw_rows(frame, inner, rows, &r.line_cursor, focused);
}

fn book_row(r: &Reconcile, i: usize, b: &BookLine, label_width: usize) -> Line<'static> {
    let focused = r.focus == Pane::Books;
    let cursor = match (i == r.book_cursor.selected(), focused) {
        (true, true) => "▸",
        (true, false) => "›",
        _ => " ",
    };
    let mark = if r.book_cursor.is_marked(b.entry_id) {
        "•"
    } else {
        " "
    };
    let suggested = r.suggested_entry() == Some(b.entry_id);
    let state = if b.matched_to.is_some() {
        "✓"
    } else if suggested {
        "≈"
    } else {
        " "
    };
    let style = if suggested {
        theme::label_focused()
    } else {
        Style::new()
    };
    Line::from(vec![
        Span::styled(
            format!(
                "{cursor}{mark}{} {} {} ",
                cell(&b.piece, 4),
                day(b.date),
                cell(&b.label, label_width)
            ),
            style,
        ),
        Span::styled(amount_cell(b.amount, AMOUNT), amount_style(b.amount)),
        Span::styled(format!(" {state}"), style),
    ])
}

pub fn draw_books(frame: &mut Frame, area: Rect, r: &Reconcile) {
    let focused = r.focus == Pane::Books;
    let title = format!(" Écritures {} : {} ", r.account.label(), r.books.len());
    let bottom = format!(
        " • marquée ({}) · ✓ rapprochée ",
        keymap::key_of(Context::Reconcile, Action::ToggleMark)
    );
    let width = area.width.saturating_sub(2) as usize;
    let label_width = width.saturating_sub(2 + 4 + 1 + 5 + 1 + 1 + AMOUNT + 2);
    let current = r
        .books
        .get(r.book_cursor.selected())
        .map(|b| b.label.as_str())
        .filter(|_| focused);
    let block = block(
        title,
        bottom_text(&bottom, current, label_width, width),
        focused,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if r.books.is_empty() {
        empty(
            frame,
            inner,
            &format!(
                "Aucune écriture {} cet exercice (report à nouveau mis à part) : elles se saisissent dans l'onglet Écritures, ou {} depuis une ligne du relevé.",
                on_account(r.account),
                keymap::key_of(Context::ReconcileLine, Action::CreateFromLine)
            ),
        );
        return;
    }
    let rows = r
        .books
        .iter()
        .enumerate()
        .map(|(i, b)| book_row(r, i, b, label_width))
        .collect();
    draw_rows(frame, inner, rows, &r.book_cursor, focused);
}
