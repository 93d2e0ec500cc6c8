//! Shared by the Clôture tests: a CRF made by hand (the books' own CRF
//! comes from another part), realistic and balanced, the app showing it,
//! and a closing list's points.

use super::ui::{book, clock, info};
use chrono::NaiveDate;
use coopcompta::domain::cash_count::{CashCount, Counted};
use coopcompta::domain::closing::{Blocker, BlockerKey};
use coopcompta::domain::crf::{
    AccountYear, BankAtYearEnd, ChequeOut, Crf, CrfHeading, CrfLine, Month, NotOnStatement, Subsidy,
};
use coopcompta::domain::{Exercice, Money, MoneyKey};
use coopcompta::ui::tabs::Tab;
use coopcompta::ui::tabs::cloture::ClotureTab;
use coopcompta::ui::{App, RunInfo, Start};
use std::path::Path;

pub fn eur(text: &str) -> Money {
    Money::parse(text).unwrap()
}

pub fn date(d: u32, m: u32, y: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn line(code: &str, label: &str, amount: &str) -> CrfLine {
    CrfLine {
        code: code.into(),
        label: label.into(),
        amount: eur(amount),
    }
}

pub fn heading(name: &str, lines: Vec<CrfLine>) -> CrfHeading {
    CrfHeading {
        heading: name.into(),
        total: lines.iter().map(|l| l.amount).sum(),
        lines,
    }
}

pub fn account(
    key: MoneyKey,
    code: &str,
    opening: &str,
    receipts: &str,
    expenses: &str,
    t_in: &str,
    t_out: &str,
) -> AccountYear {
    let (opening, receipts, expenses, t_in, t_out) = (
        eur(opening),
        eur(receipts),
        eur(expenses),
        eur(t_in),
        eur(t_out),
    );
    AccountYear {
        key,
        code: code.into(),
        label: key.label().into(),
        opening,
        receipts,
        expenses,
        transfers_in: t_in,
        transfers_out: t_out,
        closing: opening + receipts - expenses + t_in - t_out,
    }
}

/// A year of a small school coop, consistent: opening + result = closing.
pub fn crf() -> Crf {
    let charges = vec![
        heading(
            "Achats de produits pour activités éducatives",
            vec![
                line("6063", "Fournitures et petit matériel", "412,80"),
                line("6068", "Achats pour les activités", "1 250,00"),
            ],
        ),
        heading(
            "Sorties et transports",
            vec![line("6251", "Transports (car, train)", "980,00")],
        ),
        heading(
            "Cotisations et assurance OCCE",
            vec![
                line("62810008", "Cotisation OCCE", "215,60"),
                line("61681008", "Assurance OCCE", "88,40"),
            ],
        ),
    ];
    let produits = vec![
        heading(
            "Participations des familles",
            vec![
                line("75620008", "Participation volontaire", "1 845,00"),
                line("7062", "Sorties scolaires (familles)", "960,00"),
            ],
        ),
        heading(
            "Subventions",
            vec![line("7410", "Subvention de la mairie", "450,00")],
        ),
        heading("Ventes", vec![line("7070", "Photos scolaires", "610,00")]),
    ];
    let total_charges = charges.iter().map(|h| h.total).sum();
    let total_produits = produits.iter().map(|h| h.total).sum();
    // Result: 3 865,00 − 2 946,80 = 918,20.
    let accounts = vec![
        account(
            MoneyKey::Caisse,
            "530",
            "150,00",
            "1 205,00",
            "262,80",
            "0",
            "900,00",
        ),
        account(
            MoneyKey::Pro,
            "512",
            "2 340,50",
            "1 840,00",
            "2 574,00",
            "1 400,00",
            "0",
        ),
        account(MoneyKey::EnLigne, "5171", "0", "820,00", "0", "0", "500,00"),
    ];
    // Money accounts: opening 2 490,50, closing 3 518,70 (+1 028,20: the
    // result, 50,00 advanced to a régie, 160,00 collected for the OCCE);
    // régie 467: 0 → 50,00; owed to the OCCE 1680: 0 → 160,00.
    // Net: 2 490,50 → 3 408,70 = 2 490,50 + 918,20.
    let months = (0..12)
        .map(|i| {
            let month = (8 + i) % 12 + 1;
            let year = if month >= 9 { 2024 } else { 2025 };
            let receipts = [900, 420, 310, 260, 180, 240, 200, 150, 380, 520, 300, 5][i as usize];
            let expenses = [640, 210, 180, 350, 120, 90, 260, 310, 280, 420, 66, 20][i as usize];
            Month {
                first_day: date(1, month, year),
                receipts: Money::from_cents(receipts * 100),
                expenses: Money::from_cents(expenses * 100),
                balance: Money::from_cents((2490 + 100 * i as i64) * 100),
            }
        })
        .collect();
    Crf {
        others: Vec::new(),
        exercice: Exercice::new(2024),
        charges,
        produits,
        total_charges,
        total_produits,
        accounts,
        regies_opening: Money::ZERO,
        regies_closing: eur("50,00"),
        regies_advanced: Money::ZERO,
        occe_owed_opening: Money::ZERO,
        occe_owed_closing: eur("160,00"),
        in_transit: vec![(
            "Collectes en ligne pas encore versées sur le Compte Pro".into(),
            eur("320,00"),
        )],
        banks: vec![BankAtYearEnd {
            account: MoneyKey::Pro,
            books: eur("3 006,50"),
            statement: Some(eur("2 956,50")),
            imported: true,
            not_on_statement: vec![
                NotOnStatement {
                    account: MoneyKey::Pro,
                    piece: "D045".into(),
                    date: date(28, 8, 2025),
                    label: "Chèque n° 0012 Librairie du Centre".into(),
                    amount: eur("-45,00"),
                },
                NotOnStatement {
                    account: MoneyKey::Pro,
                    piece: "V012".into(),
                    date: date(29, 8, 2025),
                    label: "Dépôt des espèces".into(),
                    amount: eur("95,00"),
                },
            ],
        }],
        last_cash_count: Some(CashCount {
            id: 1,
            date: date(29, 8, 2025),
            counted_by: "Mme Durand".into(),
            counts: vec![
                Counted {
                    cents: 2_000,
                    count: 3,
                },
                Counted {
                    cents: 500,
                    count: 20,
                },
                Counted {
                    cents: 100,
                    count: 32,
                },
                Counted {
                    cents: 20,
                    count: 1,
                },
            ],
            counted: eur("192,20"),
            books: eur("192,20"),
            adjustment: None,
            reason: String::new(),
        }),
        subsidies: vec![Subsidy {
            code: "7410".into(),
            grantor: "Subvention de la mairie".into(),
            amount: eur("450,00"),
        }],
        cheques_out: vec![ChequeOut {
            date: date(12, 9, 2024),
            pupil: "DUPOND Léa (CE1-B)".into(),
            payer: "M. Dupond".into(),
            amount: eur("12,00"),
        }],
        months,
    }
}

pub fn exports_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// The folder the snapshots show (nothing is written there).
pub const DOCUMENTS: &str = "/home/directrice/Documents";

/// The app on the Clôture tab showing the hand-made CRF; files go to `dir`.
pub fn on_crf(dir: &Path) -> App {
    showing(crf(), dir)
}

/// The app on the Clôture tab showing `crf`; files go to `dir`.
pub fn showing(crf: Crf, dir: &Path) -> App {
    let info = RunInfo {
        export_dir: Some(dir.to_path_buf()),
        ..info()
    };
    let mut app = App::new(Start::Ready(book()), info, clock());
    app.replace_tab(
        Tab::Cloture,
        Box::new(ClotureTab::with_crf(crf, dir.to_path_buf())),
    );
    app
}

/// Two points missing before the closing, neither overridden.
pub fn blockers() -> Vec<Blocker> {
    vec![
        Blocker {
            key: BlockerKey::CashCount,
            what: "aucun arrêté de caisse entre le 15/08/2025 et le 31/08/2025".into(),
            overridden: None,
        },
        Blocker {
            key: BlockerKey::Cheques,
            what: "2 chèques de familles à rendre (24,00 €)".into(),
            overridden: None,
        },
    ]
}
