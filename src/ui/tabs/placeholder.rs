//! Tabs that later issues fill: a short note of what each will do.

use super::tab::Tab;
use crate::book::Book;
use crate::ui::action::Action;
use crate::ui::component::Component;
use crate::ui::component::Effect;
use crate::ui::keymap::Context;
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// "Arrive bientôt : …" in the middle of the tab.
#[derive(Debug, Clone, Copy)]
pub struct Placeholder(pub Tab);

impl Widget for Placeholder {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = area.width.saturating_sub(4).min(70);
        let [column] =
            area.layout(&Layout::horizontal([Constraint::Length(width)]).flex(Flex::Center));
        let [middle] = column.layout(&Layout::vertical([Constraint::Length(5)]).flex(Flex::Center));
        let lines = vec![
            Line::styled(
                format!("Arrive bientôt : {}", self.0.title()),
                theme::title(),
            ),
            Line::from(""),
            Line::styled(
                format!("Cet onglet gérera {}", self.0.promise()),
                theme::note(),
            ),
        ];
        Paragraph::new(lines)
            .centered()
            .wrap(Wrap { trim: true })
            .render(middle, buf);
    }
}

impl Component for Placeholder {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::Global]
    }

    fn update(&mut self, _action: Action, _book: &mut Book) -> Effect {
        Effect::Ignored
    }

    fn draw(&self, frame: &mut Frame, area: Rect, _book: &Book) {
        frame.render_widget(Placeholder(self.0), area);
    }
}
