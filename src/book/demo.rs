//! The demo school year shipped in `sample-data/`, loaded through the same
//! code paths as the user's own entries.

use super::{Book, Clock, SetupRequest, create_book};
use crate::domain::entry_request::{EntryRequest, TransferRequest, parse_split};
use crate::domain::participation::{
    CampaignRequest, Channel, ContributionLine, EnvelopeRequest, RegieKind, RegieRequest,
};
use crate::domain::{EntryKind, Exercice, Money, MoneyKey, PaymentMode};
use crate::io::import::chart::default_chart;
use crate::store::StoreError;
use rusqlite::Connection;

pub const DEMO_YEAR: &str = include_str!("../../sample-data/annee-demo-2024-2025.csv");
pub const DEMO_PUPILS: &str = include_str!("../../sample-data/eleves-demo.csv");
pub const DEMO_PAYMENTS: &[u8] = include_bytes!("../../sample-data/demo-paiements-assoconnect.csv");
pub const DEMO_PRO_STATEMENT: &[u8] =
    include_bytes!("../../sample-data/demo-releve-compte-pro.csv");
pub const DEMO_LBP_STATEMENT: &[u8] = include_bytes!("../../sample-data/demo-releve-lbp.csv");
pub const DEMO_COOP: &str = "Coopérative scolaire OCCE de l'école des Tilleuls";
pub const DEMO_EXERCICE: Exercice = Exercice { start_year: 2024 };

/// One row of the demo file, checked.
enum DemoRow {
    Opening(MoneyKey, Money),
    Entry(EntryRequest),
    Transfer(TransferRequest),
}

fn parse_rows(text: &str) -> Result<Vec<DemoRow>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let line = index + 2;
        let bad = |what: String| format!("année de démonstration, ligne {line} : {what}");
        let record = record.map_err(|e| bad(crate::io::import::french_csv(&e)))?;
        let f = |i: usize| record.get(i).unwrap_or("").trim().to_string();
        let account = MoneyKey::parse(&f(1)).ok_or_else(|| bad(format!("compte « {} »", f(1))))?;
        let kind = EntryKind::parse(&f(2)).ok_or_else(|| bad(format!("nature « {} »", f(2))))?;
        let mode = match f(5).as_str() {
            "" => None,
            m => Some(PaymentMode::parse(m).ok_or_else(|| bad(format!("mode « {m} »")))?),
        };
        rows.push(match kind {
            EntryKind::Ouverture => DemoRow::Opening(
                account,
                Money::parse(&f(3)).map_err(|e| bad(e.to_string()))?,
            ),
            EntryKind::Virement => DemoRow::Transfer(TransferRequest {
                date: f(0),
                from: account,
                to: MoneyKey::parse(&f(7)).ok_or_else(|| bad(format!("vers « {} »", f(7))))?,
                amount: f(3),
                label: f(4),
                piece: f(8),
            }),
            EntryKind::Recette | EntryKind::Depense => DemoRow::Entry(EntryRequest {
                date: f(0),
                kind,
                account,
                amount: f(3),
                label: f(4),
                mode,
                splits: f(6).split('|').map(parse_split).collect(),
                piece: f(8),
                cheque_no: String::new(),
            }),
        });
    }
    Ok(rows)
}

/// Creates the demo coop in an empty database and records its year.
pub fn load_demo(conn: Connection, clock: Clock) -> Result<Book, StoreError> {
    let rows = parse_rows(DEMO_YEAR).map_err(StoreError::Refused)?;
    let openings = rows
        .iter()
        .filter_map(|r| match r {
            DemoRow::Opening(key, amount) => Some((*key, *amount)),
            _ => None,
        })
        .collect();
    let request = SetupRequest {
        coop_name: DEMO_COOP.to_string(),
        exercice: DEMO_EXERCICE,
        openings,
    };
    let mut book = create_book(conn, &request, &default_chart(), clock)?;
    for row in &rows {
        let result = match row {
            DemoRow::Opening(..) => continue,
            DemoRow::Entry(request) => book.add_entry(request),
            DemoRow::Transfer(request) => book.add_transfer(request),
        };
        result.map_err(|e| {
            let date = match row {
                DemoRow::Entry(r) => r.date.clone(),
                DemoRow::Transfer(r) => r.date.clone(),
                DemoRow::Opening(..) => String::new(),
            };
            StoreError::Refused(format!("année de démonstration, opération du {date} : {e}"))
        })?;
    }
    load_demo_participations(&mut book)?;
    load_demo_statements(&mut book)?;
    Ok(book)
}

/// The files a mandataire downloads at the end of August, imported as the
/// Rapprochement tab would: the AssoConnect payments (late payments, one to
/// attribute, a refund, a payout announced), then the two bank statements,
/// matched where the suggestions are unambiguous, and the Compte Pro
/// statement's balance at 31 August pointed.
fn load_demo_statements(book: &mut Book) -> Result<(), StoreError> {
    use crate::io::import::{assoconnect, bank};
    let refused =
        |file: &str, e: String| StoreError::Refused(format!("démonstration, {file} : {e}"));
    let name = "demo-paiements-assoconnect.csv";
    let payments = assoconnect::read_payments(DEMO_PAYMENTS, &Default::default())
        .map_err(|e| refused(name, e))?;
    book.import_payments(name, DEMO_PAYMENTS, &payments)?;
    for (key, name, bytes) in [
        (MoneyKey::Lbp, "demo-releve-lbp.csv", DEMO_LBP_STATEMENT),
        (
            MoneyKey::Pro,
            "demo-releve-compte-pro.csv",
            DEMO_PRO_STATEMENT,
        ),
    ] {
        let file = bank::read_bank(bytes, &Default::default()).map_err(|e| refused(name, e))?;
        book.import_bank(key, name, bytes, &file)?;
    }
    // The Compte Pro statement's closing balance, as printed: the card fee
    // abroad is the 1,20 € left to explain.
    let closing = chrono::NaiveDate::from_ymd_opt(2025, 8, 31)
        .ok_or_else(|| StoreError::Refused("démonstration : date du relevé".into()))?;
    book.check_statement(MoneyKey::Pro, closing, Money::from_cents(209_226))?;
    Ok(())
}

/// The school's pupils, a trip paid by envelope, online and by a cheque to
/// give back, and a class régie not yet settled: every Participations view
/// has something to show.
fn load_demo_participations(book: &mut Book) -> Result<(), StoreError> {
    let pupils = crate::io::import::pupils::parse_pupils(DEMO_PUPILS.as_bytes())
        .map_err(StoreError::Refused)?;
    book.import_pupils(&pupils)?;
    let campaign = book.add_campaign(&CampaignRequest {
        name: "Sortie au zoo (GS, CP)".into(),
        suggested: "8".into(),
        category: "7062".into(),
        classes: vec!["GS".into(), "CP".into()],
        starts_on: "05/05/2025".into(),
        ends_on: "23/05/2025".into(),
    })?;
    let class_id = |book: &Book, name: &str| -> Result<i64, StoreError> {
        book.classes()?
            .into_iter()
            .find(|c| c.name == name)
            .map(|c| c.id)
            .ok_or_else(|| {
                StoreError::Refused(format!("classe {name} absente de la démonstration"))
            })
    };
    let line = |book: &Book, name: &str, class: &str, channel: Channel, payer: &str| {
        book.find_pupil(name, Some(class))
            .map(|p| ContributionLine {
                pupil_id: p.id,
                amount: "8".into(),
                channel,
                payer: payer.into(),
            })
    };
    let cp = EnvelopeRequest {
        campaign_id: campaign,
        class_id: class_id(book, "CP")?,
        date: "12/05/2025".into(),
        lines: vec![
            line(book, "FONTAINE Rose", "CP", Channel::Especes, "")?,
            line(book, "CHEVALIER Adam", "CP", Channel::Especes, "")?,
            line(book, "BLANC Gabin", "CP", Channel::Especes, "")?,
        ],
    };
    book.record_envelope(&cp)?;
    let gs = EnvelopeRequest {
        campaign_id: campaign,
        class_id: class_id(book, "GS")?,
        date: "14/05/2025".into(),
        lines: vec![
            line(book, "MOREL Jules", "GS", Channel::EnLigne, "")?,
            line(
                book,
                "GIRARD Chloé",
                "GS",
                Channel::Cheque,
                "M. et Mme Girard",
            )?,
        ],
    };
    book.record_envelope(&gs)?;
    let cm2 = class_id(book, "CM2")?;
    book.set_class_teacher(cm2, "Mme Lefort")?;
    let regie = |kind, date: &str, amount: &str| RegieRequest {
        class_id: cm2,
        kind,
        date: date.into(),
        amount: amount.into(),
        receipt_no: "7".into(),
        label: "Papeterie pour le journal de classe".into(),
        category: "606".into(),
        piece: String::new(),
    };
    book.record_regie(&regie(RegieKind::Avance, "02/06/2025", "30"))?;
    book.record_regie(&regie(RegieKind::Depense, "10/06/2025", "18,40"))?;
    Ok(())
}
