//! Tabs that later issues fill: a short note of what each will do.

use crate::ui::widgets::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// The five tabs of the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Ecritures,
    Participations,
    Rapprochement,
    Migration,
    Cloture,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Ecritures,
        Tab::Participations,
        Tab::Rapprochement,
        Tab::Migration,
        Tab::Cloture,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Ecritures => "Écritures",
            Tab::Participations => "Participations",
            Tab::Rapprochement => "Rapprochement",
            Tab::Migration => "Migration",
            Tab::Cloture => "Clôture",
        }
    }

    /// What the tab will do, for its placeholder.
    pub fn promise(self) -> &'static str {
        match self {
            Tab::Ecritures => "",
            Tab::Participations => {
                "les participations des familles : qui a versé quoi, par classe et par projet, en espèces ou en ligne."
            }
            Tab::Rapprochement => {
                "le rapprochement bancaire : relevé du Compte Pro et versements AssoConnect pointés face aux écritures."
            }
            Tab::Migration => {
                "le passage de La Banque Postale à AssoConnect et au Compte Pro : étapes à cocher, virement du solde LBP."
            }
            Tab::Cloture => {
                "la clôture au 31 août : arrêté de caisse, compte rendu financier (CRF) et report à nouveau."
            }
        }
    }
}

/// "Arrive bientôt : …" in the middle of the tab.
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
