//! Shared set-up of the participations tests: a coop with a few classes,
//! pupils and a campaign, and counters of what a refused action must leave.

#![allow(dead_code)]

use coopcompta::book::Book;
use coopcompta::domain::participation::{
    CampaignRequest, Channel, ContributionLine, Pupil, PupilInput,
};
use coopcompta::domain::{Exercice, MoneyKey};
use coopcompta::store::{self, StoreError};

pub const EX: Exercice = Exercice { start_year: 2024 };

pub use super::book::{balances, count};
pub use super::clock;

/// Caisse 50,00 and Compte Pro 1 000,00 at the opening; no pupils.
pub fn empty_book() -> Book {
    super::new_coop(
        store::open_in_memory().unwrap(),
        "Coopérative scolaire de l'école des Lilas",
        EX,
        &[(MoneyKey::Caisse, 5_000), (MoneyKey::Pro, 100_000)],
        clock(),
    )
}

pub fn input(nom: &str, prenom: &str, classe: &str) -> PupilInput {
    PupilInput {
        line: 0,
        nom: nom.into(),
        prenom: prenom.into(),
        classe: classe.into(),
    }
}

/// Two classes (CE1-B: 4 pupils, CP-A: 2) and the campaign "Sortie zoo"
/// (12,00 € suggested, category 7062, both classes).
pub fn book() -> Book {
    let mut book = empty_book();
    book.import_pupils(&[
        input("Dupond", "Léa", "CE1-B"),
        input("Martin", "Hugo", "CE1-B"),
        input("Lefèvre", "Théo", "CE1-B"),
        input("Le Goff", "Anaïs", "CE1-B"),
        input("Dupont", "Lea", "CP-A"),
        input("Martin", "Jade", "CP-A"),
    ])
    .unwrap();
    book.add_campaign(&CampaignRequest {
        name: "Sortie zoo".into(),
        suggested: "12".into(),
        category: "7062".into(),
        ..CampaignRequest::default()
    })
    .unwrap();
    book
}

pub fn campaign_id(book: &Book) -> i64 {
    book.campaigns().unwrap()[0].id
}

pub fn class_id(book: &Book, name: &str) -> i64 {
    book.classes()
        .unwrap()
        .into_iter()
        .find(|c| c.name == name)
        .unwrap()
        .id
}

pub fn pupil(book: &Book, display: &str) -> Pupil {
    book.pupils()
        .unwrap()
        .into_iter()
        .find(|p| p.display() == display)
        .unwrap()
}

pub fn line(book: &Book, display: &str, amount: &str, channel: Channel) -> ContributionLine {
    ContributionLine {
        pupil_id: pupil(book, display).id,
        amount: amount.into(),
        channel,
        payer: String::new(),
    }
}

/// Everything a refused action must leave as it was.
#[derive(Debug, PartialEq, Eq)]
pub struct State {
    pub rows: Vec<(&'static str, i64)>,
    pub balances: Vec<String>,
}

pub fn state(book: &Book) -> State {
    let tables = [
        "entry",
        "entry_line",
        "audit",
        "school_class",
        "family",
        "pupil",
        "campaign",
        "campaign_class",
        "contribution",
        "regie_move",
    ];
    State {
        rows: tables.iter().map(|t| (*t, count(book, t))).collect(),
        balances: balances(book),
    }
}

pub fn refusal<T: std::fmt::Debug>(result: Result<T, StoreError>) -> String {
    match result {
        Err(StoreError::Refused(message)) => message,
        Err(StoreError::Field(errors)) => errors.to_string(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}
