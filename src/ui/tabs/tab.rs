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
