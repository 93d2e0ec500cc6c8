//! Drawing the Participations tab: the bar of its views, then the view
//! (`campaigns.rs`, `lists.rs`, the quick entry in `envelope/`).

use super::state::{Participations, View};
use crate::domain::Account;
use crate::ui::action::Action;
use crate::ui::keymap::{self, Context};
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

/// The bar of the views, the active one highlighted.
fn view_bar(active: View, width: u16) -> Line<'static> {
    let short = width < 100;
    let open = keymap::key_of(Context::Participations, Action::OpenEnvelope);
    let mut spans = vec![Span::raw(" ")];
    for view in View::ALL {
        let style = if view == active {
            theme::tab_active()
        } else {
            theme::tab()
        };
        let title = if short { view.short() } else { view.title() };
        if view == View::Envelope {
            spans.push(Span::styled(format!(" {open} "), theme::key()));
        }
        spans.push(Span::styled(format!(" {title} "), style));
        spans.push(Span::raw(" "));
    }
    if width >= 130 {
        spans.push(Span::styled(
            format!(
                " {} : vue suivante · {open} : saisir une enveloppe",
                keymap::key_of(Context::Participations, Action::NextView)
            ),
            theme::note(),
        ));
    }
    Line::from(spans)
}

/// The whole tab: the bar of views, then the view.
pub fn draw_participations(
    frame: &mut Frame,
    area: Rect,
    participations: &Participations,
    chart: &[Account],
) {
    let [bar, rest] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    frame.render_widget(view_bar(participations.view, area.width), bar);
    match participations.view {
        View::Campaigns if participations.detail => {
            super::campaigns::draw_detail(frame, rest, participations, chart)
        }
        View::Campaigns => super::campaigns::draw_list(frame, rest, participations, chart),
        View::Envelope => participations.envelope.draw(frame, rest, chart),
        View::Cheques => super::lists::draw_cheques(frame, rest, participations),
        View::Regies => super::lists::draw_regies(frame, rest, participations),
        View::Pupils => super::lists::draw_pupils(frame, rest, participations),
    }
}
