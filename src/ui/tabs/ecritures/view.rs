//! Drawing of the Écritures screen: the header with the four balances and the
//! two ledger panes. Only the rows in view are turned into table rows.

use super::ledger_cache::Totals;
use super::ledgers::{Ledgers, Pane};
use super::table::draw_table;
use crate::domain::ledger::{LedgerRow, RowStatus};
use crate::domain::{Exercice, MoneyKey};
use crate::ui::action::Action;
use crate::ui::keymap::{self, Context};
use crate::ui::widgets::cells::{truncate, width};
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// What the header shows.
pub struct Header<'a> {
    pub coop: &'a str,
    pub exercice: Exercice,
    /// Said after the exercice when it is not the one being kept.
    pub mark: Option<&'static str>,
    pub demo: bool,
    pub ledgers: &'a Ledgers,
}

/// Three rows: the coop and exercice, then each money account and its balance.
pub fn draw_header(frame: &mut Frame, area: Rect, header: &Header) {
    let [title_row, accounts_row] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(2),
    ]));
    let exercice = format!("· exercice {}", header.exercice);
    let mark = header.mark.map(|m| format!(" — {m}"));
    // A mark on the exercice shown is never cut: the coop's name is.
    let coop = match &mark {
        Some(mark) => truncate(
            header.coop,
            (title_row.width as usize).saturating_sub(width(&exercice) + width(mark) + 2),
        ),
        None => header.coop.to_string(),
    };
    let mut title = vec![
        Span::styled(format!(" {coop} "), theme::title()),
        Span::raw(exercice),
    ];
    if let Some(mark) = mark {
        title.push(Span::styled(mark, theme::error()));
    }
    if header.demo {
        // Never cut to "[DÉMO :": the short mark when the long one does not fit.
        let used: usize = title.iter().map(|s| s.width()).sum();
        let long = "  [DÉMO : données fictives]";
        let mark = if used + long.chars().count() <= title_row.width as usize {
            long
        } else {
            "  [DÉMO]"
        };
        title.push(Span::styled(mark, theme::error()));
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
pub fn draw_panes(frame: &mut Frame, area: Rect, ledgers: &Ledgers) {
    let halves = area.layout::<2>(&Layout::horizontal([Constraint::Ratio(1, 2); 2]));
    for (i, half) in halves.into_iter().enumerate() {
        draw_pane(frame, half, ledgers, i);
    }
    draw_details(frame, area, halves, ledgers);
}

/// The selected entry of each pane on its bottom border; when the focused
/// one's does not fit in its pane, it takes the whole width.
fn draw_details(frame: &mut Frame, area: Rect, halves: [Rect; 2], ledgers: &Ledgers) {
    if area.height == 0 {
        return;
    }
    let texts = [0, 1].map(|i| {
        let pane = &ledgers.panes[i];
        ledgers
            .ledger(pane.account)
            .row(pane.row_index(pane.cursor.selected()))
            .map(|row| details(&row))
    });
    let focus = ledgers.focus;
    let room = |r: Rect| r.width.saturating_sub(4) as usize;
    let y = area.bottom() - 1;
    let mut put = |text: &str, x: u16, room: usize| {
        let line = truncate(text, room);
        let rect = Rect::new(x, y, width(&line) as u16, 1).intersection(area);
        frame.render_widget(Line::styled(line, theme::note()), rect);
    };
    match &texts[focus] {
        Some(text) if width(text) > room(halves[focus]) => put(text, area.x, room(area)),
        _ => {
            for (i, text) in texts.iter().enumerate() {
                if let Some(text) = text {
                    put(text, halves[i].x, room(halves[i]));
                }
            }
        }
    }
}

fn draw_pane(frame: &mut Frame, area: Rect, ledgers: &Ledgers, i: usize) {
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
    let block = Block::new()
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
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let with_filter = pane.editing_filter || pane.has_filter();
    let [table_area, filter_area, totals_area] = inner.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(u16::from(with_filter)),
        Constraint::Length(u16::from(pane.visible.is_some())),
    ]));
    if with_filter {
        draw_filter(frame, filter_area, pane, focused);
    }
    if pane.visible.is_some() {
        draw_totals(frame, totals_area, &pane.totals);
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

/// The selected entry in full: pièce, libellé, its whole ventilation.
fn details(row: &LedgerRow) -> String {
    let status = match row.status {
        RowStatus::Cancelled => format!(
            " · annulée ({} : rétablir)",
            keymap::key_of(Context::Ledgers, Action::Restore)
        ),
        _ => String::new(),
    };
    format!(
        " {} · {} · {}{status} ",
        row.piece,
        row.label,
        row.ventilation()
    )
}

/// What the rows kept by the filter add up to, in words if they fit.
fn draw_totals(frame: &mut Frame, area: Rect, totals: &Totals) {
    let (money_in, money_out) = (totals.money_in.fr_plain(), totals.money_out.fr_plain());
    let net = totals.net();
    let net = if net.is_positive() {
        format!("+{}", net.fr_plain())
    } else {
        net.fr_plain()
    };
    let left_out = match totals.left_out {
        0 => String::new(),
        1 => " (hors 1 annulée)".to_string(),
        n => format!(" (hors {n} annulées)"),
    };
    let long =
        format!("Total : recettes {money_in} · dépenses {money_out} · solde {net}{left_out}");
    let mut short = Vec::new();
    if !totals.money_in.is_zero() {
        short.push(format!("Rec. {money_in}"));
    }
    if !totals.money_out.is_zero() {
        short.push(format!("Dép. {money_out}"));
    }
    short.push(format!("Solde {net}"));
    let text = if width(&long) <= area.width as usize {
        long
    } else {
        short.join(" · ")
    };
    frame.render_widget(
        Line::styled(truncate(&text, area.width as usize), theme::title()),
        area,
    );
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
