//! Drawing the Migration tab: the progress gauge, the list of steps (urgent
//! first) and, on a wide screen, the selected step's help beside it.

use super::state::Migration;
use super::step_text::{detail_parts, step_lines};
use crate::domain::checklist::{StepStatus, StepView, progress_percent};
use crate::ui::action::Action;
use crate::ui::keymap::{self, Context};
use crate::ui::widgets::cells::{truncate, wrap};
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, LineGauge, List, ListItem, ListState, Paragraph};

/// Width of the status column ("fait le 02/09/2024"), at least.
const STATUS_WIDTH: usize = 18;

/// Width of the status column: wider if a status needs it ("fait
/// (d'après la suite)").
fn status_width(views: &[StepView]) -> usize {
    views
        .iter()
        .map(|v| v.status_text().chars().count())
        .max()
        .unwrap_or(0)
        .max(STATUS_WIDTH)
}
/// From this width the selected step's help shows beside the list.
const SIDE_BY_SIDE: u16 = 120;

/// "à faire", "urgent · en cours"…, with its style.
fn status_spans(view: &StepView, status_width: usize) -> Vec<Span<'static>> {
    let text = view.status_text();
    let style = match view.status {
        StepStatus::Fait => theme::status(),
        StepStatus::SansObjet => theme::note(),
        _ if view.is_waiting() => theme::label(),
        StepStatus::EnCours => theme::label_focused(),
        StepStatus::AFaire => Style::new(),
    };
    if view.urgent {
        let pad = status_width.saturating_sub(text.chars().count() + 9);
        vec![
            Span::styled("urgent", theme::error()),
            Span::raw(" · "),
            Span::styled(format!("{text}{} ", " ".repeat(pad)), style),
        ]
    } else {
        vec![Span::styled(format!("{text:<status_width$} "), style)]
    }
}

/// One step of the list: status and title, then what it waits for, what the
/// books say and its note, wrapped under the title.
fn item(view: &StepView, width: usize, status_width: usize) -> ListItem<'static> {
    let title_width = width.saturating_sub(status_width + 1).max(10);
    let mut first = status_spans(view, status_width);
    let title_style = if view.urgent {
        theme::title()
    } else {
        Style::new()
    };
    first.push(Span::styled(
        truncate(&view.title, title_width),
        title_style,
    ));
    let mut lines = vec![Line::from(first)];
    let indent = " ".repeat(status_width + 1);
    for part in detail_parts(view) {
        for text in wrap(&part, title_width).into_iter().take(2) {
            lines.push(Line::styled(format!("{indent}{text}"), theme::note()));
        }
    }
    ListItem::new(lines)
}

/// "Migration : 5 étapes réglées sur 15 ━━━━──── 33 %".
fn draw_gauge(frame: &mut Frame, area: Rect, migration: &Migration) {
    let settled = migration.settled_count();
    let total = migration.views.len();
    let steps = if settled > 1 {
        "étapes réglées"
    } else {
        "étape réglée"
    };
    let text = format!(" Migration : {settled} {steps} sur {total} ");
    let percent = progress_percent(&migration.views);
    let [label, gauge] = area.layout(&Layout::horizontal([
        Constraint::Length(text.chars().count() as u16 + 1),
        Constraint::Fill(1),
    ]));
    frame.render_widget(Line::styled(text, theme::title()), label);
    let gauge = Rect {
        width: gauge.width.saturating_sub(1),
        ..gauge
    };
    frame.render_widget(
        LineGauge::default()
            .ratio(f64::from(percent.min(100)) / 100.0)
            .label(format!("{percent} %"))
            .filled_symbol(ratatui::symbols::line::THICK_HORIZONTAL)
            .filled_style(theme::status())
            .unfilled_style(theme::border()),
        gauge,
    );
}

/// The whole tab: the gauge, then the list (and, on a wide screen, the
/// selected step's help beside it).
pub fn draw_migration(frame: &mut Frame, area: Rect, migration: &Migration) {
    let [gauge, rest] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    draw_gauge(frame, gauge, migration);
    let (list_area, side) = if area.width >= SIDE_BY_SIDE {
        let [list, side] = rest.layout(&Layout::horizontal([
            Constraint::Percentage(55),
            Constraint::Fill(1),
        ]));
        (list, Some(side))
    } else {
        (rest, None)
    };
    draw_list(frame, list_area, migration);
    if let (Some(side), Some(view)) = (side, migration.selected_view()) {
        let block = Block::new()
            .borders(Borders::TOP | Borders::LEFT)
            .border_style(theme::border())
            .title(Line::styled(" Aide de l'étape ", theme::title()));
        let inner = block.inner(side);
        let lines = step_lines(migration, &view.key, inner.width.saturating_sub(1) as usize);
        frame.render_widget(Paragraph::new(lines).block(block), side);
    }
}

fn draw_list(frame: &mut Frame, area: Rect, migration: &Migration) {
    let hidden = migration.hidden_count();
    let mut block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme::border())
        .title(Line::styled(
            " Étapes : urgentes, à faire, en attente, réglées ",
            theme::title(),
        ));
    let mut counts = Vec::new();
    if !migration.views.is_empty() {
        counts.push(format!(
            "{}/{}",
            migration.cursor.selected() + 1,
            migration.views.len()
        ));
    }
    match hidden {
        0 => {}
        1 => counts.push("1 masquée".into()),
        n => counts.push(format!("{n} masquées")),
    }
    if !counts.is_empty() {
        let text = format!(" {} ", counts.join(" · "));
        block = block.title(Line::styled(text, theme::note()).right_aligned());
    }
    let inner = block.inner(area);
    if migration.views.is_empty() {
        let text = format!(
            "Aucune étape affichée : {} pour en ajouter une.",
            keymap::key_of(Context::Migration, Action::AddStep)
        );
        frame.render_widget(
            Paragraph::new(Line::styled(text, theme::note())).block(block),
            area,
        );
        return;
    }
    let width = inner.width.saturating_sub(2) as usize;
    let status_width = status_width(&migration.views);
    let items: Vec<ListItem> = migration
        .views
        .iter()
        .map(|v| item(v, width, status_width))
        .collect();
    let heights: Vec<usize> = items.iter().map(ListItem::height).collect();
    let list = List::new(items)
        .block(block)
        .highlight_symbol("▸ ")
        .highlight_style(theme::selected());
    let mut state = ListState::default()
        .with_offset(migration.cursor.offset())
        .with_selected(Some(migration.cursor.selected()));
    frame.render_stateful_widget(list, area, &mut state);
    migration.cursor.set_offset(state.offset());
    let mut used = 0;
    let shown = heights[state.offset()..]
        .iter()
        .take_while(|h| {
            used += **h;
            used <= inner.height as usize
        })
        .count();
    migration.cursor.set_page(shown.max(1));
}
