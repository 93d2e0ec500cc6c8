//! Where a popup sits over the screen under it: its own area is cleared, and
//! so is a margin of one cell around it (inside the area the popup was given),
//! so that its border never runs beside a border or a text of the screen
//! under it (a popup one column inside a chart's frame would look like a
//! doubled border).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};

/// Clears `popup` and one cell around it, within `area`.
pub fn clear_popup(buf: &mut Buffer, popup: Rect, area: Rect) {
    let x = popup.x.saturating_sub(1).max(area.x);
    let y = popup.y.saturating_sub(1).max(area.y);
    let right = popup.right().saturating_add(1).min(area.right());
    let bottom = popup.bottom().saturating_add(1).min(area.bottom());
    let margin = Rect {
        x,
        y,
        width: right.saturating_sub(x),
        height: bottom.saturating_sub(y),
    };
    Clear.render(margin.intersection(*buf.area()), buf);
}

#[cfg(test)]
mod tests {
    use super::clear_popup;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;

    fn cleared(popup: Rect, area: Rect) -> Vec<String> {
        let mut buf = Buffer::filled(Rect::new(0, 0, 8, 5), ratatui::buffer::Cell::new("x"));
        clear_popup(&mut buf, popup, area);
        (0..5)
            .map(|y| (0..8).map(|x| buf[(x, y)].symbol()).collect())
            .collect()
    }

    #[test]
    fn a_popup_is_cleared_with_a_margin_of_one_cell_inside_its_area() {
        assert_eq!(
            cleared(Rect::new(3, 2, 2, 1), Rect::new(0, 0, 8, 5)),
            ["xxxxxxxx", "xx    xx", "xx    xx", "xx    xx", "xxxxxxxx"]
        );
        // The margin stops at the area's edges.
        assert_eq!(
            cleared(Rect::new(1, 1, 6, 3), Rect::new(1, 1, 6, 3)),
            ["xxxxxxxx", "x      x", "x      x", "x      x", "xxxxxxxx"]
        );
    }
}
