//! The tabs of the main screen, in the order of the tab bar.

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
}
