//! The Graphique view: receipts and expenses per month (grouped bars) and
//! the balance of every money account together at each month's end (a
//! line), with French month labels and a legend. Amounts become whole
//! euros here, for drawing only.

use crate::domain::Money;
use crate::domain::crf::Crf;
use crate::ui::widgets::theme;
use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::symbols;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Bar, BarChart, BarGroup, Block, Chart, Dataset, GraphType};

/// The short French name of a month (1 = janvier).
pub fn month_label(month: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc",
    ];
    NAMES[(month.clamp(1, 12) - 1) as usize]
}

fn receipts_style() -> Style {
    Style::default().fg(Color::Green)
}

fn expenses_style() -> Style {
    Style::default().fg(Color::Red)
}

fn euros(amount: Money) -> u64 {
    (amount.cents().max(0) / 100) as u64
}

/// "1 234 €": whole euros, for the axes.
fn whole(euros: i64) -> String {
    Money::from_cents(euros * 100).fr().replace(",00 €", " €")
}

pub fn draw(frame: &mut Frame, area: Rect, crf: &Crf) {
    if crf.months.is_empty() {
        frame.render_widget(Line::styled("Aucun mois à montrer", theme::note()), area);
        return;
    }
    let [bars, line] = area.layout(&Layout::vertical([
        Constraint::Percentage(55),
        Constraint::Percentage(45),
    ]));
    draw_bars(frame, bars, crf);
    draw_balance(frame, line, crf);
}

fn draw_bars(frame: &mut Frame, area: Rect, crf: &Crf) {
    let highest = crf
        .months
        .iter()
        .map(|m| euros(m.receipts).max(euros(m.expenses)))
        .max()
        .unwrap_or(0);
    let legend = Line::from(vec![
        Span::raw(format!(
            " Recettes et dépenses par mois (max. {}) : ",
            whole(highest as i64)
        )),
        Span::styled("█ recettes", receipts_style()),
        Span::raw("  "),
        Span::styled("█ dépenses", expenses_style()),
        Span::raw(" "),
    ]);
    let block = Block::bordered()
        .title(legend)
        .border_style(theme::border());
    let inner = block.inner(area);
    let months = crf.months.len().max(1) as u16;
    // Two bars and a gap per month.
    let group = (inner.width / months).max(3);
    let bar_width = ((group - 1) / 2).clamp(1, 6);
    let chart = crf.months.iter().fold(
        BarChart::default()
            .block(block)
            .bar_width(bar_width)
            .bar_gap(0)
            .group_gap(group.saturating_sub(2 * bar_width)),
        |chart, month| {
            let bars = [
                Bar::default()
                    .value(euros(month.receipts))
                    .text_value(String::new())
                    .style(receipts_style()),
                Bar::default()
                    .value(euros(month.expenses))
                    .text_value(String::new())
                    .style(expenses_style()),
            ];
            chart.data(
                BarGroup::default()
                    .label(Line::from(month_label(month.first_day.month())).centered())
                    .bars(&bars),
            )
        },
    );
    frame.render_widget(chart, area);
}

fn draw_balance(frame: &mut Frame, area: Rect, crf: &Crf) {
    let points: Vec<(f64, f64)> = crf
        .months
        .iter()
        .enumerate()
        .map(|(i, m)| (i as f64, (m.balance.cents() / 100) as f64))
        .collect();
    let low = crf
        .months
        .iter()
        .map(|m| m.balance.cents() / 100)
        .min()
        .unwrap_or(0)
        .min(0);
    let high = crf
        .months
        .iter()
        .map(|m| m.balance.cents() / 100)
        .max()
        .unwrap_or(0)
        .max(1);
    let dataset = Dataset::default()
        .name("solde")
        .marker(symbols::Marker::Braille)
        .graph_type(GraphType::Line)
        .style(Style::default().fg(Color::Cyan))
        .data(&points);
    let last = (crf.months.len().saturating_sub(1)).max(1) as f64;
    // Every month when there is room, else the first and the last (the
    // axis spaces its labels evenly: only these two fall on their month).
    let label = |m: &crate::domain::crf::Month| Line::from(month_label(m.first_day.month()));
    let x_labels: Vec<Line> = if area.width >= 100 {
        crf.months.iter().map(label).collect()
    } else {
        vec![
            label(&crf.months[0]),
            label(&crf.months[crf.months.len() - 1]),
        ]
    };
    let chart = Chart::new(vec![dataset])
        .block(
            Block::bordered()
                .title(" Solde de tous les comptes en fin de mois ")
                .border_style(theme::border()),
        )
        // The title names the one line: a legend box would hide its start.
        .legend_position(None)
        .x_axis(
            Axis::default()
                .bounds([0.0, last])
                .labels(x_labels)
                .style(theme::note()),
        )
        .y_axis(
            Axis::default()
                .bounds([low as f64, high as f64])
                .labels(vec![
                    Line::from(whole(low)),
                    Line::from(whole((low + high) / 2)),
                    Line::from(whole(high)),
                ])
                .style(theme::note()),
        );
    frame.render_widget(chart, area);
}
