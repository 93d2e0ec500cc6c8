//! Drawing of the Écritures screen: the header with the four balances and the
//! two ledger panes. Only the rows in view are turned into table rows.

use super::ledger_cache::Ledger;
use super::ledgers::{Ledgers, Pane};
use crate::domain::ledger::{LedgerRow, RowDetail, RowStatus};
use crate::domain::{Account, EntryKind, Exercice, Money, MoneyKey};
use crate::ui::action::Action;
use crate::ui::keymap::{self, Context};
use crate::ui::widgets::cells::truncate;
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState};

/// What the header shows.
pub struct Header<'a> {
    pub coop: &'a str,
    pub exercice: Exercice,
    pub demo: bool,
    pub ledgers: &'a Ledgers,
}

/// Three rows: the coop and exercice, then each money account and its balance.
pub fn draw_header(frame: &mut Frame, area: Rect, header: &Header) {
    let [title_row, accounts_row] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(2),
    ]));
    let mut title = vec![
        Span::styled(format!(" {} ", header.coop), theme::title()),
        Span::raw(format!("· exercice {}", header.exercice)),
    ];
    if header.demo {
        title.push(Span::styled("  [DÉMO : données fictives]", theme::error()));
    }
    frame.render_widget(Line::from(title), title_row);
    let cells =
        accounts_row.layout::<4>(&Layout::horizontal([Constraint::Ratio(1, 4); 4]).spacing(1));
    for (key, cell) in MoneyKey::ALL.into_iter().zip(cells) {
        let shown = [
            header.ledgers.panes[0].account,
            header.ledgers.panes[1].account,
        ]
        .contains(&key);
        let width = cell.width as usize;
        let label_style = if shown {
            theme::title()
        } else {
            theme::label()
        };
        let balance = header.ledgers.balance(key);
        let amount_style = if balance.is_negative() {
            theme::money_out()
        } else {
            Style::new()
        };
        let lines = vec![
            Line::styled(truncate(key.label(), width), label_style).centered(),
            Line::styled(truncate(&balance.fr(), width), amount_style).centered(),
        ];
        frame.render_widget(Paragraph::new(lines), cell);
    }
}

/// The two panes side by side.
pub fn draw_panes(frame: &mut Frame, area: Rect, ledgers: &Ledgers, chart: &[Account]) {
    let halves = area.layout::<2>(&Layout::horizontal([Constraint::Ratio(1, 2); 2]));
    for (i, half) in halves.into_iter().enumerate() {
        draw_pane(frame, half, ledgers, i, chart);
    }
}

/// Column sets, from the narrowest.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Columns {
    /// jj/mm, pièce, libellé, signed amount, balance.
    Compact,
    /// jj/mm, pièce, libellé, catégorie, signed amount, balance.
    Medium,
    /// jj/mm/aaaa, pièce, libellé, catégorie, recette, dépense, solde.
    Full,
}

fn columns_for(width: u16) -> Columns {
    match width {
        0..54 => Columns::Compact,
        54..76 => Columns::Medium,
        _ => Columns::Full,
    }
}

fn draw_pane(frame: &mut Frame, area: Rect, ledgers: &Ledgers, i: usize, chart: &[Account]) {
    let pane = &ledgers.panes[i];
    let ledger = ledgers.ledger(pane.account);
    let focused = ledgers.focus == i;
    let total = ledger.len();
    let shown = pane.visible_len(ledger);
    let count = if pane.visible.is_some() {
        format!(" {shown}/{total} ")
    } else {
        format!(" {total} ligne{} ", if total > 1 { "s" } else { "" })
    };
    let title_style = if focused {
        theme::border_focused()
    } else {
        theme::title()
    };
    let borders = if i == 0 {
        Borders::TOP | Borders::BOTTOM | Borders::RIGHT
    } else {
        Borders::TOP | Borders::BOTTOM
    };
    let mut block = Block::new()
        .borders(borders)
        .border_style(if focused {
            theme::border_focused()
        } else {
            theme::border()
        })
        .title(Line::styled(
            format!(" {} ", pane.account.label()),
            title_style,
        ))
        .title(Line::from(count).right_aligned());
    let selected_row = ledger.row(pane.row_index(pane.cursor.selected()));
    if let Some(row) = &selected_row {
        let width = area.width.saturating_sub(4) as usize;
        block = block.title_bottom(Line::styled(
            truncate(&details(row, chart), width),
            theme::note(),
        ));
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let with_filter = pane.editing_filter || pane.has_filter();
    let [table_area, filter_area] = inner.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(u16::from(with_filter)),
    ]));
    if with_filter {
        draw_filter(frame, filter_area, pane, focused);
    }
    if shown == 0 {
        let text = if total == 0 {
            "Aucune écriture sur ce compte.\nn : nouvelle écriture".to_string()
        } else {
            "Aucune ligne ne correspond au filtre.".to_string()
        };
        let [middle] = table_area
            .layout(&Layout::vertical([Constraint::Length(2)]).flex(ratatui::layout::Flex::Center));
        frame.render_widget(Paragraph::new(text).style(theme::note()).centered(), middle);
        return;
    }
    draw_table(frame, table_area, pane, ledger, focused);
}

fn details(row: &LedgerRow, chart: &[Account]) -> String {
    let category = chart
        .iter()
        .find(|a| a.code == row.category)
        .map_or(row.category.clone(), Account::display);
    let status = match row.status {
        RowStatus::Cancelled => " · annulée",
        _ => "",
    };
    format!(" {} · {} · {}{status} ", row.piece, row.label, category)
}

fn draw_filter(frame: &mut Frame, area: Rect, pane: &Pane, focused: bool) {
    let value = pane.filter.value();
    if pane.editing_filter {
        let prefix = "Filtre : ";
        let width = (area.width as usize)
            .saturating_sub(prefix.len() + 1)
            .max(1);
        let scroll = pane.filter.visual_scroll(width);
        let shown: String = value.chars().skip(scroll).collect();
        frame.render_widget(
            Line::from(vec![
                Span::styled(prefix, theme::label_focused()),
                Span::styled(shown, theme::input()),
            ]),
            area,
        );
        if focused {
            let x = area.x
                + prefix.chars().count() as u16
                + pane.filter.visual_cursor().saturating_sub(scroll) as u16;
            frame.set_cursor_position(Position::new(x.min(area.right().saturating_sub(1)), area.y));
        }
    } else {
        let text = format!(
            "Filtre : {value}  ({} pour changer, {} pour effacer)",
            keymap::key_of(Context::Ledgers, Action::Filter),
            keymap::key_of(Context::Ledgers, Action::ClearFilter)
        );
        frame.render_widget(
            Line::styled(truncate(&text, area.width as usize), theme::note()),
            area,
        );
    }
}

fn signed(m: Money) -> String {
    if m.is_positive() {
        format!("+{}", m.fr_plain())
    } else {
        m.fr_plain()
    }
}

fn right(text: String, style: Style) -> Cell<'static> {
    Cell::from(Line::styled(text, style).right_aligned())
}

fn amount_style(m: Money) -> Style {
    if m.is_negative() {
        theme::money_out()
    } else {
        theme::money_in()
    }
}

/// Widths of the columns of one pane at one size.
struct Widths {
    columns: Columns,
    piece: usize,
    label: usize,
    category: usize,
    constraints: Vec<Constraint>,
}

fn widths(columns: Columns, ledger: &Ledger, window: &[LedgerRow], width: u16) -> Widths {
    let widest = window
        .iter()
        .map(|r| r.piece.chars().count())
        .max()
        .unwrap_or(0);
    let piece = widest.clamp(5, if columns == Columns::Full { 10 } else { 6 });
    let date = if columns == Columns::Full { 10 } else { 5 };
    let category = match columns {
        Columns::Compact => 0,
        Columns::Medium => 11,
        Columns::Full => 12,
    };
    let balance = ledger.balance_width.max(5);
    let mut fixed = vec![date, piece];
    let mut after = Vec::new();
    if columns != Columns::Compact {
        after.push(category);
    }
    if columns == Columns::Full {
        after.push(ledger.in_width.max(7));
        after.push(ledger.out_width.max(7));
    } else {
        after.push(ledger.amount_width.max(7));
    }
    after.push(balance);
    let used: usize = fixed.iter().chain(after.iter()).sum::<usize>() + fixed.len() + after.len();
    let label = (width as usize).saturating_sub(used).max(4);
    fixed.push(label);
    fixed.extend(after);
    let constraints = fixed
        .into_iter()
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

fn draw_table(frame: &mut Frame, area: Rect, pane: &Pane, ledger: &Ledger, focused: bool) {
    let height = area.height.saturating_sub(1) as usize;
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
    let widths = widths(columns_for(area.width), ledger, &window, area.width);
    let mut header = vec![
        Cell::from("Date"),
        Cell::from("Pièce"),
        Cell::from("Libellé"),
    ];
    if widths.columns != Columns::Compact {
        header.push(Cell::from("Catégorie"));
    }
    if widths.columns == Columns::Full {
        header.push(right("Recette".into(), Style::new()));
        header.push(right("Dépense".into(), Style::new()));
    } else {
        header.push(right("Montant".into(), Style::new()));
    }
    header.push(right("Solde".into(), Style::new()));

    let rows: Vec<Row> = window.iter().map(|row| table_row(row, &widths)).collect();
    let highlight = if focused {
        theme::selected()
    } else {
        theme::selected_unfocused()
    };
    let table = Table::new(rows, widths.constraints.clone())
        .header(Row::new(header).style(theme::header_cell()))
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
        status: RowStatus::Active,
    };
    Some(LedgerRow::from_parts(point, &detail))
}

fn table_row(row: &LedgerRow, widths: &Widths) -> Row<'static> {
    let columns = widths.columns;
    let date = if columns == Columns::Full {
        row.date.format("%d/%m/%Y")
    } else {
        row.date.format("%d/%m")
    };
    let label = match row.status {
        RowStatus::Cancelled => format!("annulée · {}", row.label),
        _ => row.label.clone(),
    };
    let row_style = match row.status {
        RowStatus::Active => Style::new(),
        RowStatus::Cancelled => theme::cancelled(),
        RowStatus::Reversal => theme::reversal(),
    };
    let mut cells = vec![
        Cell::from(date.to_string()),
        Cell::from(truncate(&row.piece, widths.piece)),
        Cell::from(truncate(&label, widths.label)),
    ];
    if columns != Columns::Compact {
        cells.push(Cell::from(truncate(&row.category, widths.category)));
    }
    if columns == Columns::Full {
        cells.push(right(
            row.money_in().map(Money::fr_plain).unwrap_or_default(),
            theme::money_in(),
        ));
        cells.push(right(
            row.money_out().map(Money::fr_plain).unwrap_or_default(),
            theme::money_out(),
        ));
    } else {
        cells.push(right(signed(row.amount), amount_style(row.amount)));
    }
    let balance_style = if row.balance.is_negative() {
        theme::money_out()
    } else {
        Style::new()
    };
    cells.push(right(row.balance.fr_plain(), balance_style));
    Row::new(cells).style(row_style)
}
