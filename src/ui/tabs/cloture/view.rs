//! The CRF on screen: a line naming the views (the shown one highlighted),
//! then the view, scrolled where it is longer than the screen.

use super::chart;
use super::report;
use crate::domain::crf::Crf;
use crate::ui::action::Action;
use crate::ui::keymap::{self, Context};
use crate::ui::widgets::scroll::Scroll;
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The views of the tab, in the order Tab goes through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Fonctionnement,
    Bilan,
    Rapprochement,
    Annexes,
    Graphique,
}

impl View {
    pub const ALL: [View; 5] = [
        View::Fonctionnement,
        View::Bilan,
        View::Rapprochement,
        View::Annexes,
        View::Graphique,
    ];

    pub fn title(self) -> &'static str {
        match self {
            View::Fonctionnement => "Compte de fonctionnement",
            View::Bilan => "Bilan",
            View::Rapprochement => "Rapprochement au 31/08",
            View::Annexes => "Annexes",
            View::Graphique => "Graphique",
        }
    }

    /// A shorter name, for 80 columns.
    fn short(self) -> &'static str {
        match self {
            View::Fonctionnement => "Fonctionnement",
            View::Rapprochement => "Rapprochement",
            other => other.title(),
        }
    }

    fn index(self) -> usize {
        View::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }

    pub fn next(self) -> View {
        View::ALL[(self.index() + 1) % View::ALL.len()]
    }

    pub fn prev(self) -> View {
        View::ALL[(self.index() + View::ALL.len() - 1) % View::ALL.len()]
    }
}

/// A CRF, the view shown and how far it is scrolled.
#[derive(Debug, Clone)]
pub struct CrfView {
    pub crf: Crf,
    pub view: View,
    scroll: Scroll,
}

impl CrfView {
    pub fn new(crf: Crf) -> CrfView {
        CrfView {
            crf,
            view: View::default(),
            scroll: Scroll::default(),
        }
    }

    /// Another CRF of the same exercice keeps the view and the scroll.
    pub fn replace(&mut self, crf: Crf) {
        if crf.exercice != self.crf.exercice {
            self.scroll.reset();
        }
        self.crf = crf;
    }

    pub fn show(&mut self, view: View) {
        self.view = view;
        self.scroll.reset();
    }

    /// Scrolls the view; false if the action is not a move.
    pub fn navigate(&mut self, action: Action) -> bool {
        self.scroll.navigate(action)
    }

    pub fn lines(&self, width: usize) -> Vec<Line<'static>> {
        match self.view {
            View::Fonctionnement => report::fonctionnement(&self.crf, width),
            View::Bilan => report::bilan(&self.crf, width),
            View::Rapprochement => report::rapprochement(&self.crf, width),
            View::Annexes => report::annexes(&self.crf, width),
            View::Graphique => Vec::new(),
        }
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect) {
        let [top, body] = area.layout(&Layout::vertical([
            Constraint::Length(2),
            Constraint::Fill(1),
        ]));
        frame.render_widget(view_bar(self.view, area.width as usize), top);
        let [body] = body.layout(&Layout::horizontal([Constraint::Fill(1)]).horizontal_margin(1));
        if self.view == View::Graphique {
            chart::draw(frame, body, &self.crf);
            return;
        }
        let lines = self.lines(body.width as usize);
        // Longer than the screen: the last row says where the view is.
        let more = lines.len() > body.height as usize;
        let height = (body.height as usize).saturating_sub(usize::from(more));
        let scroll = self.scroll.fit(lines.len(), height);
        let max = self.scroll.max();
        let [text, foot] = body.layout(&Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(u16::from(more)),
        ]));
        frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), text);
        if more {
            let keys = format!(
                "{}/{}",
                keymap::key_of(Context::Cloture, Action::Up),
                keymap::key_of(Context::Cloture, Action::Down)
            );
            let where_ = if scroll >= max {
                "fin".to_string()
            } else {
                format!("suite : {keys}")
            };
            frame.render_widget(
                Line::styled(format!("… {where_}"), theme::note()).right_aligned(),
                foot,
            );
        }
    }
}

/// "Compte de fonctionnement · Bilan · …" with the shown one highlighted,
/// and the key that goes to the next.
fn view_bar(shown: View, width: usize) -> Paragraph<'static> {
    let key = keymap::key_of(Context::Cloture, Action::NextView);
    let long: usize = View::ALL
        .iter()
        .map(|v| v.title().chars().count() + 3)
        .sum();
    let mut spans = Vec::new();
    for view in View::ALL {
        let name = if long + 12 <= width {
            view.title()
        } else {
            view.short()
        };
        let style = if view == shown {
            theme::tab_active()
        } else {
            theme::tab()
        };
        spans.push(Span::styled(format!(" {name} "), style));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::styled(format!("({key})"), theme::note()));
    Paragraph::new(vec![Line::from(spans), Line::from("")])
}
