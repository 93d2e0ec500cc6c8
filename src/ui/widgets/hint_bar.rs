//! The bottom line: the main keys of the current context, from the keymap.

use super::theme;
use crate::ui::keymap::{Context, hints};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub struct HintBar<'a> {
    pub contexts: &'a [Context],
}

impl Widget for HintBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut spans = Vec::new();
        let mut used = 0usize;
        let width = area.width as usize;
        for binding in hints(self.contexts) {
            let key = format!(" {} ", binding.shown);
            let desc = format!(" {} ", binding.desc);
            let len = key.chars().count() + desc.chars().count();
            if used + len > width {
                break;
            }
            used += len;
            spans.push(Span::styled(key, theme::key()));
            spans.push(Span::raw(desc));
        }
        Line::from(spans).render(area, buf);
    }
}
