//! The arrêté de caisse form: how many of each note and coin, the total,
//! the Caisse in the books and the difference, live. (Skeleton: the type
//! the Clôture tab opens; the form is to fill.)

use crate::book::Book;
use crate::ui::action::Action;
use crate::ui::component::{Component, Effect};
use crate::ui::keymap::Context;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear, Paragraph};

#[derive(Debug, Default)]
pub struct CashCountForm {}

impl CashCountForm {
    pub fn new(book: &Book) -> CashCountForm {
        let _ = book;
        CashCountForm {}
    }
}

impl Component for CashCountForm {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::Form]
    }

    fn update(&mut self, action: Action, _book: &mut Book) -> Effect {
        match action {
            Action::Close => Effect::Close,
            _ => Effect::Done,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, _book: &Book) {
        frame.render_widget(Clear, area);
        frame.render_widget(
            Paragraph::new("Arrêté de caisse : pas encore disponible")
                .block(Block::bordered().title(" Arrêté de caisse ")),
            area,
        );
    }
}
