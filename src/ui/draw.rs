//! Drawing the whole screen from the state: too-small message, tab bar,
//! the stage, the popups over it, the status line and the hint bar.

use super::app::{App, Popup, Stage};
use super::screens::ledger_view::{Header, draw_header, draw_panes};
use super::screens::migration::draw_migration;
use super::screens::participations::draw_participations;
use super::screens::placeholder::{Placeholder, Tab};
use super::widgets::hint_bar::HintBar;
use super::widgets::theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

fn too_small(frame: &mut Frame, area: Rect) {
    let text = format!(
        "Agrandissez le terminal : {MIN_WIDTH}×{MIN_HEIGHT} au moins\n(actuellement {}×{})",
        area.width, area.height
    );
    let [middle] = area.layout(&Layout::vertical([Constraint::Length(3)]).flex(Flex::Center));
    frame.render_widget(
        Paragraph::new(text).centered().wrap(Wrap { trim: true }),
        middle,
    );
}

fn tab_bar(active: Tab) -> Line<'static> {
    let mut spans = Vec::new();
    for (i, tab) in Tab::ALL.into_iter().enumerate() {
        let style = if tab == active {
            theme::tab_active()
        } else {
            theme::tab()
        };
        spans.push(Span::styled(format!(" {} {} ", i + 1, tab.title()), style));
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

impl App {
    /// Draws the current state; never queries the database.
    pub fn draw(&self, frame: &mut Frame) {
        let area = frame.area();
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            too_small(frame, area);
            return;
        }
        let [top, body, status, hints] = area.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ]));
        let db_path = self.info.db_path.display().to_string();
        match &self.stage {
            Stage::Setup(setup, _) => {
                frame.render_widget(
                    Line::styled(" coopcompta · première ouverture", theme::title()),
                    top,
                );
                setup.draw(frame, body, &db_path);
            }
            Stage::Failed(message) => {
                let text = format!("Impossible de continuer : {message}\n\nq pour quitter");
                frame.render_widget(
                    Paragraph::new(text)
                        .style(theme::error())
                        .wrap(Wrap { trim: true }),
                    body,
                );
            }
            Stage::Main(main) => {
                frame.render_widget(tab_bar(main.tab), top);
                let [header, content] = body.layout(&Layout::vertical([
                    Constraint::Length(3),
                    Constraint::Fill(1),
                ]));
                let coop = &main.book.coop().name;
                let view = Header {
                    coop,
                    exercice: main.book.exercice(),
                    demo: self.info.demo,
                    ledgers: &main.ledgers,
                };
                draw_header(frame, header, &view);
                if main.tab == Tab::Ecritures {
                    draw_panes(frame, content, &main.ledgers, main.book.chart());
                } else if main.tab == Tab::Migration {
                    draw_migration(frame, content, &main.migration);
                } else if main.tab == Tab::Participations {
                    draw_participations(frame, content, &main.participations, main.book.chart());
                } else {
                    frame.render_widget(Placeholder(main.tab), content);
                }
            }
        }
        let chart = match &self.stage {
            Stage::Main(main) => main.book.chart(),
            _ => &[],
        };
        let backup_dir = self.info.backup_dir.display().to_string();
        for popup in &self.popups {
            match popup {
                Popup::Entry(form) => form.draw(frame, body, chart),
                Popup::Transfer(form) => form.draw(frame, body),
                Popup::Confirm(confirm) => frame.render_widget(confirm, body),
                Popup::Help(help) => help.draw(frame, body, &db_path, &backup_dir),
                Popup::StepHelp(help) => {
                    if let Stage::Main(main) = &self.stage {
                        help.draw(frame, body, &main.migration);
                    }
                }
                Popup::StepInput(input) => input.draw(frame, body),
                Popup::PartForm(form) => form.draw(frame, body, chart),
                Popup::Chart(list) => list.draw(frame, body, chart),
                Popup::ChartForm(form) => form.draw(frame, body),
            }
        }
        if let Some(message) = &self.status {
            let style = if message.error {
                theme::error()
            } else {
                theme::status()
            };
            let prefix = if message.error { "✗ " } else { "" };
            frame.render_widget(
                Line::styled(format!(" {prefix}{}", message.text), style),
                status,
            );
        }
        let contexts = self.contexts();
        frame.render_widget(
            HintBar {
                contexts: &contexts,
            },
            hints,
        );
    }
}
