//! The table of one ledger pane: only the rows in view become table rows.
//! Wide panes show one line per entry, the libellé and the catégorie
//! sharing the room by what the rows in view hold; a narrow pane (an 80
//! column terminal) shows two lines per entry, the catégorie under the
//! libellé, the pièce under the date and the balance under the amount.

use super::ledger_cache::Ledger;
use super::ledgers::Pane;
use crate::domain::ledger::{LedgerRow, RowDetail, RowStatus};
use crate::domain::{EntryKind, Money};
use crate::ui::widgets::cells::{truncate, width};
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Cell, Row, Table, TableState};

/// Column sets, from the narrowest.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Columns {
    /// Two lines per entry: jj/mm over the pièce, the libellé over the
    /// catégorie, the signed amount over the balance.
    Compact,
    /// jj/mm, pièce, libellé, catégorie, signed amount, balance.
    Medium,
    /// jj/mm/aaaa, pièce, libellé, catégorie, recette, dépense, solde.
    Full,
}

pub fn columns_for(width: u16) -> Columns {
    match width {
        0..54 => Columns::Compact,
        54..76 => Columns::Medium,
        _ => Columns::Full,
    }
}

/// Lines each entry takes.
fn lines_per_row(columns: Columns) -> usize {
    if columns == Columns::Compact { 2 } else { 1 }
}

/// The libellé as the table writes it (a cancelled entry says so).
fn label_text(row: &LedgerRow) -> String {
    match row.status {
        RowStatus::Cancelled => format!("annulée · {}", row.label),
        _ => row.label.clone(),
    }
}

/// Shares `room` columns between two columns whose cells (header
/// included) are `left` and `right` wide: the fewest cells cut, then the
/// most characters shown; when everything fits, the left column (the
/// libellé) takes what is left over.
pub fn share(room: usize, left: &[usize], right: &[usize]) -> (usize, usize) {
    let want_right = right.iter().copied().max().unwrap_or(0);
    let want_left = left.iter().copied().max().unwrap_or(0);
    if want_left + want_right <= room {
        return (room - want_right, want_right);
    }
    let score = |l: usize| {
        let r = room - l;
        let cut =
            left.iter().filter(|w| **w > l).count() + right.iter().filter(|w| **w > r).count();
        let shown: usize = left.iter().map(|w| (*w).min(l)).sum::<usize>()
            + right.iter().map(|w| (*w).min(r)).sum::<usize>();
        (std::cmp::Reverse(shown), cut)
    };
    // Each column keeps at least two fifths of the room (or all it
    // needs): a few long texts never leave the other column unreadable.
    let floor = room * 2 / 5;
    let low = want_left.min(floor);
    let high = room - want_right.min(floor);
    let best = (low..=high)
        .rev()
        .min_by_key(|l| score(*l))
        .unwrap_or(room / 2);
    (best, room - best)
}

/// Widths of the columns of one pane at one size.
struct Widths {
    columns: Columns,
    piece: usize,
    label: usize,
    category: usize,
    constraints: Vec<Constraint>,
}

fn widths(columns: Columns, ledger: &Ledger, window: &[LedgerRow], room: u16) -> Widths {
    let widest = |f: &dyn Fn(&LedgerRow) -> usize| window.iter().map(f).max().unwrap_or(0);
    let balance = ledger.balance_width.max(5);
    if columns == Columns::Compact {
        let first = widest(&|r| width(&r.piece)).clamp(5, 6);
        let last = ledger.amount_width.max(balance).max(7);
        let text = (room as usize).saturating_sub(first + last + 2).max(4);
        return Widths {
            columns,
            piece: first,
            label: text,
            category: text,
            constraints: [first, text, last]
                .into_iter()
                .map(|w| Constraint::Length(w as u16))
                .collect(),
        };
    }
    let full = columns == Columns::Full;
    let piece = widest(&|r| width(&r.piece)).clamp(5, if full { 10 } else { 6 });
    let date = if full { 10 } else { 5 };
    let amounts = if full {
        vec![ledger.in_width.max(7), ledger.out_width.max(7), balance]
    } else {
        vec![ledger.amount_width.max(7), balance]
    };
    let spacing = 3 + amounts.len();
    let used = date + piece + amounts.iter().sum::<usize>() + spacing;
    let room = (room as usize).saturating_sub(used);
    let mut labels: Vec<usize> = window.iter().map(|r| width(&label_text(r))).collect();
    labels.push(width("Libellé"));
    let mut categories: Vec<usize> = window.iter().map(|r| width(&r.category_name())).collect();
    categories.push(width("Catégorie"));
    let (label, category) = share(room, &labels, &categories);
    let (label, category) = (label.max(4), category.max(4));
    let constraints = [date, piece, label, category]
        .into_iter()
        .chain(amounts)
        .map(|w| Constraint::Length(w as u16))
        .collect();
    Widths {
        columns,
        piece,
        label,
        category,
        constraints,
    }
}

fn signed(m: Money) -> String {
    if m.is_positive() {
        format!("+{}", m.fr_plain())
    } else {
        m.fr_plain()
    }
}

fn right(text: String, style: Style) -> Line<'static> {
    Line::styled(text, style).right_aligned()
}

fn amount_style(m: Money) -> Style {
    if m.is_negative() {
        theme::money_out()
    } else {
        theme::money_in()
    }
}

fn balance_style(m: Money) -> Style {
    if m.is_negative() {
        theme::money_out()
    } else {
        Style::new()
    }
}

fn header(columns: Columns) -> Row<'static> {
    let cells: Vec<Cell> = match columns {
        Columns::Compact => vec![
            Cell::from(Text::from(vec![Line::from("Date"), Line::from("Pièce")])),
            Cell::from(Text::from(vec![
                Line::from("Libellé"),
                Line::from("Catégorie"),
            ])),
            Cell::from(Text::from(vec![
                right("Montant".into(), Style::new()),
                right("Solde".into(), Style::new()),
            ])),
        ],
        Columns::Medium => vec![
            Cell::from("Date"),
            Cell::from("Pièce"),
            Cell::from("Libellé"),
            Cell::from("Catégorie"),
            Cell::from(right("Montant".into(), Style::new())),
            Cell::from(right("Solde".into(), Style::new())),
        ],
        Columns::Full => vec![
            Cell::from("Date"),
            Cell::from("Pièce"),
            Cell::from("Libellé"),
            Cell::from("Catégorie"),
            Cell::from(right("Recette".into(), Style::new())),
            Cell::from(right("Dépense".into(), Style::new())),
            Cell::from(right("Solde".into(), Style::new())),
        ],
    };
    Row::new(cells)
        .style(theme::header_cell())
        .height(lines_per_row(columns) as u16)
}

pub fn draw_table(frame: &mut Frame, area: Rect, pane: &Pane, ledger: &Ledger, focused: bool) {
    let columns = columns_for(area.width);
    let lines = lines_per_row(columns);
    let height = (area.height as usize).saturating_sub(lines) / lines;
    if height == 0 {
        return;
    }
    let len = pane.visible_len(ledger);
    let cursor = &pane.cursor;
    let offset = cursor
        .first_row(cursor.selected(), height)
        .min(len.saturating_sub(height));
    cursor.set_offset(offset);

    let window: Vec<LedgerRow> = (offset..(offset + height).min(len))
        .map(|n| pane.row_index(n))
        .filter_map(|i| ledger.row(i).or_else(|| placeholder(ledger, i)))
        .collect();
    let widths = widths(columns, ledger, &window, area.width);
    let rows: Vec<Row> = window.iter().map(|row| table_row(row, &widths)).collect();
    let highlight = if focused {
        theme::selected()
    } else {
        theme::selected_unfocused()
    };
    let table = Table::new(rows, widths.constraints.clone())
        .header(header(columns))
        .column_spacing(1)
        .row_highlight_style(highlight);
    let mut state =
        TableState::default().with_selected(Some(pane.cursor.selected().saturating_sub(offset)));
    frame.render_stateful_widget(table, area, &mut state);
}

/// A row whose texts are not loaded (should not happen: `update` loads
/// them around the cursor); drawn with its amounts and "…".
fn placeholder(ledger: &Ledger, index: usize) -> Option<LedgerRow> {
    let point = ledger.points.get(index)?;
    let detail = RowDetail {
        piece: "…".into(),
        label: "…".into(),
        kind: EntryKind::Recette,
        category: String::new(),
        parts: Vec::new(),
        status: RowStatus::Active,
    };
    Some(LedgerRow::from_parts(point, &detail))
}

fn row_style(row: &LedgerRow) -> Style {
    match row.status {
        RowStatus::Active => Style::new(),
        RowStatus::Cancelled => theme::cancelled(),
        RowStatus::Reversal => theme::reversal(),
    }
}

fn table_row(row: &LedgerRow, widths: &Widths) -> Row<'static> {
    let label = label_text(row);
    let category = row.category_name();
    if widths.columns == Columns::Compact {
        let date = row.date.format("%d/%m").to_string();
        let cells = vec![
            Cell::from(Text::from(vec![
                Line::from(date),
                Line::styled(truncate(&row.piece, widths.piece), theme::note()),
            ])),
            Cell::from(Text::from(vec![
                Line::from(truncate(&label, widths.label)),
                Line::styled(truncate(&category, widths.category), theme::note()),
            ])),
            Cell::from(Text::from(vec![
                right(signed(row.amount), amount_style(row.amount)),
                right(row.balance.fr_plain(), balance_style(row.balance)),
            ])),
        ];
        return Row::new(cells).style(row_style(row)).height(2);
    }
    let date = if widths.columns == Columns::Full {
        row.date.format("%d/%m/%Y")
    } else {
        row.date.format("%d/%m")
    };
    let mut cells = vec![
        Cell::from(date.to_string()),
        Cell::from(truncate(&row.piece, widths.piece)),
        Cell::from(truncate(&label, widths.label)),
        Cell::from(truncate(&category, widths.category)),
    ];
    if widths.columns == Columns::Full {
        cells.push(Cell::from(right(
            row.money_in().map(Money::fr_plain).unwrap_or_default(),
            theme::money_in(),
        )));
        cells.push(Cell::from(right(
            row.money_out().map(Money::fr_plain).unwrap_or_default(),
            theme::money_out(),
        )));
    } else {
        cells.push(Cell::from(right(
            signed(row.amount),
            amount_style(row.amount),
        )));
    }
    cells.push(Cell::from(right(
        row.balance.fr_plain(),
        balance_style(row.balance),
    )));
    Row::new(cells).style(row_style(row))
}

#[cfg(test)]
mod tests {
    use super::share;

    #[test]
    fn the_room_goes_where_the_text_is() {
        assert_eq!(
            share(60, &[20, 7], &[25, 9]),
            (35, 25),
            "both fit: the libellé takes the rest"
        );
        assert_eq!(
            share(30, &[40, 7], &[10, 9]),
            (20, 10),
            "a short catégorie keeps its width"
        );
        assert_eq!(
            share(30, &[8, 7], &[40, 9]),
            (8, 22),
            "a short libellé keeps its width"
        );
        // One long catégorie does not take the room the others need.
        assert_eq!(share(58, &[26, 31, 17, 7], &[16, 37, 12, 9]), (31, 27));
        assert_eq!(share(58, &[26, 31, 7], &[77, 20, 9]), (31, 27));
        // Neither column falls below two fifths of the room.
        assert_eq!(
            share(38, &[26, 31, 17, 26, 7], &[16, 37, 12, 45, 9]),
            (22, 16)
        );
    }
}
