//! The Participations tab with a cheque received, and moving between its
//! views (shared by `ui_participations_views` and `ui_participations_cheques`).

use super::ui::*;
use coopcompta::book::Book;
use coopcompta::domain::participation::{Channel, ContributionLine, EnvelopeRequest};
use coopcompta::ui::App;
use ratatui::crossterm::event::KeyCode;

/// `participations_book()` with a cheque of 15,00 € for DUPOND Léa and
/// 12,00 € in cash for DUPUIS Noé, received on 14/10/2024.
pub fn with_a_cheque() -> Book {
    let mut book = participations_book();
    let campaign = book.campaigns().unwrap()[0].id;
    let pupils = book.pupils().unwrap();
    let id = |nom: &str| pupils.iter().find(|p| p.nom == nom).unwrap();
    let line = |nom: &str, amount: &str, channel| ContributionLine {
        pupil_id: id(nom).id,
        amount: amount.into(),
        channel,
        payer: String::new(),
    };
    book.record_envelope(&EnvelopeRequest {
        campaign_id: campaign,
        class_id: id("Dupond").class_id,
        date: "14/10/2024".into(),
        lines: vec![
            line("Dupond", "15", Channel::Cheque),
            line("Dupuis", "12", Channel::Especes),
        ],
    })
    .unwrap();
    book
}

/// Tab until the view whose title is highlighted in the bar.
pub fn view(app: &mut App, times: usize) {
    for _ in 0..times {
        key(app, KeyCode::Tab);
    }
}
