//! Participations des familles: classes and pupils, campaigns (appels à
//! participation), contributions by channel, cheques to give back, and the
//! régies d'avance of class coops. Pure rules, no database.
//!
//! Messages returned here are French and start with the field they concern
//! ("Montant de DUPONT Léa : …"); the book turns them into refusals.

pub mod campaign;
pub mod contribution;
pub mod matching;
pub mod pupils;
pub mod regie;
pub mod view;

pub use campaign::{Campaign, CampaignRequest, CheckedCampaign};
pub use contribution::{
    Channel, CheckedEnvelope, CheckedLine, Contribution, ContributionLine, EnvelopeRequest,
};
pub use pupils::{NewPupil, Pupil, PupilInput, SchoolClass};
pub use regie::{RegieBalance, RegieKind, RegieMove, RegieRequest};
pub use view::{CampaignView, ChannelTotals, ClassView, NO_PARTICIPATION, PupilLine};

/// Lower case, without accents, words separated by one space: the key names
/// are compared on ("Dupont  Léa" and "DUPONT Lea" are the same).
pub fn name_key(text: &str) -> String {
    let folded: String = crate::domain::accounts::fold(text)
        .chars()
        .map(|c| match c {
            'á' | 'ã' | 'å' => 'a',
            'í' | 'ì' => 'i',
            'ó' | 'ò' | 'õ' | 'ø' => 'o',
            'ú' => 'u',
            'ñ' => 'n',
            'ý' | 'ÿ' => 'y',
            'æ' => 'a',
            other => other,
        })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Trims and collapses inner spaces: "  de la  Tour " → "de la Tour".
pub fn clean_text(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
