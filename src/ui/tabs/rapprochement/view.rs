//! The Rapprochement tab on screen: the header (account, last statement,
//! what is left), the two panes, and the footer with the selection's total
//! against the current line.

use super::panes::{draw_books, draw_lines};
use super::state::Reconcile;
use crate::domain::{Money, format_date};
use crate::ui::action::Action;
use crate::ui::keymap::{self, Context};
use crate::ui::widgets::cells::{self, count, truncate};
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

fn header(r: &Reconcile, width: usize) -> [Line<'static>; 2] {
    let key = keymap::key_of(Context::Reconcile, Action::CycleAccount);
    let label = r.account.label().to_string();
    let statements: Vec<String> = match r.last_statement {
        Some((date, balance)) => vec![
            format!(
                "dernier relevé pointé : {} au {}",
                balance.fr(),
                format_date(date)
            ),
            format!("relevé pointé au {} : {}", format_date(date), balance.fr()),
        ],
        None => vec![format!(
            "aucun relevé pointé ({} pour pointer)",
            keymap::key_of(Context::Reconcile, Action::Statement)
        )],
    };
    // The longest wording that fits; at 80 columns the shorter ones.
    let hints = [format!(" ({key} : autre compte)"), format!(" ({key})")];
    let (hint, statement) = hints
        .iter()
        .flat_map(|h| statements.iter().map(move |s| (h, s)))
        .find(|(h, s)| cells::width(&label) + cells::width(h) + 3 + cells::width(s) <= width)
        .unwrap_or((&hints[0], &statements[0]));
    let first = Line::from(vec![
        Span::styled(label, theme::title()),
        Span::styled(hint.clone(), theme::note()),
        Span::raw(truncate(&format!(" · {statement}"), width)),
    ]);
    let mut second = format!(
        "{}, {}",
        count(
            r.lines_to_match(),
            "ligne à rapprocher",
            "lignes à rapprocher"
        ),
        count(
            r.books_without_line(),
            "écriture sans ligne",
            "écritures sans ligne"
        )
    );
    let sure = r.unambiguous();
    if sure > 0 {
        let sure = format!(" · {}", count(sure, "suggestion sûre", "suggestions sûres"));
        let how = format!(
            " ({} : tout accepter)",
            keymap::key_of(Context::Reconcile, Action::AcceptAll)
        );
        second.push_str(&sure);
        if cells::width(&second) + cells::width(&how) <= width {
            second.push_str(&how);
        }
    }
    [first, Line::raw(truncate(&second, width))]
}

/// "Sélection : 2 écritures, total -74,90 € — ligne -74,90 € — écart 0,00 €".
fn footer(r: &Reconcile) -> Line<'static> {
    let marked = r.marked();
    let mut spans = vec![Span::raw(format!(
        "Sélection : {}, total {}",
        count(marked.len(), "écriture", "écritures"),
        r.marked_total().fr()
    ))];
    match (r.current_line(), r.gap()) {
        (Some(line), _) if line.is_matched() => {
            let pieces = match &line.state {
                crate::domain::bank::LineState::Matched(p) => p.join(", "),
                _ => String::new(),
            };
            spans.push(Span::styled(
                format!(" — ligne {} déjà rapprochée ({pieces})", line.amount.fr()),
                theme::note(),
            ));
        }
        (Some(line), Some(gap)) => {
            spans.push(Span::raw(format!(" — ligne {} — écart ", line.amount.fr())));
            let style = if gap == Money::ZERO {
                theme::money_in()
            } else {
                theme::error()
            };
            spans.push(Span::styled(gap.fr(), style));
        }
        _ => spans.push(Span::styled(
            " — aucune ligne du relevé choisie",
            theme::note(),
        )),
    }
    Line::from(spans)
}

pub fn draw_reconcile(frame: &mut Frame, area: Rect, r: &Reconcile) {
    let [top, middle, bottom] = area.layout(&Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    let [first, second] = top.layout(&Layout::vertical([Constraint::Length(1); 2]));
    let [one, two] = header(r, area.width as usize);
    frame.render_widget(one, first);
    frame.render_widget(two, second);
    let [left, right] = middle.layout(&Layout::horizontal([
        Constraint::Percentage(52),
        Constraint::Percentage(48),
    ]));
    draw_lines(frame, left, r);
    draw_books(frame, right, r);
    frame.render_widget(footer(r), bottom);
}
