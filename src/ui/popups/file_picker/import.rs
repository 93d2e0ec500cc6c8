//! After a file is picked: what it is (a Compte Pro statement, a La Banque
//! Postale statement, an AssoConnect payments export). Entrée reads it
//! whole and imports it as one batch; the summary replaces the popup. A
//! file that cannot be read or is refused writes nothing and says why here.

use crate::book::Book;
use crate::book::reconcile::{BankImportSummary, PaymentImportSummary};
use crate::domain::{MoneyKey, format_date};
use crate::io::import::assoconnect::{PaymentColumns, read_payments};
use crate::io::import::bank::{BankOptions, read_bank};
use crate::ui::action::Action;
use crate::ui::component::{Component, Effect};
use crate::ui::keymap::{self, Context};
use crate::ui::popups::reader::{Lines, Reader};
use crate::ui::widgets::cells::{count, wrap};
use crate::ui::widgets::form_frame::popup_area;
use crate::ui::widgets::popup_place::clear_popup;
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};
use std::path::PathBuf;

/// What a file can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Statement(MoneyKey),
    Payments,
}

pub const KINDS: [FileKind; 3] = [
    FileKind::Statement(MoneyKey::Pro),
    FileKind::Statement(MoneyKey::Lbp),
    FileKind::Payments,
];

impl FileKind {
    pub fn label(self) -> &'static str {
        match self {
            FileKind::Statement(MoneyKey::Lbp) => {
                "relevé de l'Ancien compte LBP (La Banque Postale)"
            }
            FileKind::Statement(_) => "relevé du Compte Pro (AssoConnect, Swan)",
            FileKind::Payments => "paiements en ligne AssoConnect (export des paiements)",
        }
    }

    /// A guess from the file's name; the user corrects it.
    fn guess(name: &str) -> usize {
        let name = crate::domain::text::fold(name);
        if ["paiement", "payment", "transaction"]
            .iter()
            .any(|w| name.contains(w))
        {
            2
        } else if ["lbp", "banque postale", "banquepostale", "ccp"]
            .iter()
            .any(|w| name.contains(w))
        {
            1
        } else {
            0
        }
    }
}

pub struct ImportKind {
    path: PathBuf,
    name: String,
    pub choice: usize,
    /// Why the last try imported nothing.
    problem: Option<String>,
}

fn by_status(list: &[(String, usize)]) -> String {
    list.iter()
        .map(|(status, n)| format!("{status} : {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a statement import did, for the summary popup.
pub fn bank_summary(account: MoneyKey, name: &str, s: &BankImportSummary) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::styled(
            format!("Relevé {} : {name}", account.label()),
            theme::title(),
        ),
        Line::raw(""),
    ];
    if s.batch.is_none() {
        lines.push(Line::raw(format!(
            "Rien de nouveau : {} déjà importées, rien n'a été écrit.",
            count(s.duplicates, "ligne était", "lignes étaient")
        )));
    } else {
        lines.push(Line::raw(format!(
            "{}, {} (doublons laissés de côté).",
            count(s.imported, "ligne importée", "lignes importées"),
            count(s.duplicates, "déjà connue", "déjà connues")
        )));
        if s.matched > 0 {
            lines.push(Line::raw(format!(
                "{} au passage.",
                count(s.matched, "ligne rapprochée", "lignes rapprochées")
            )));
        }
    }
    if s.outside_exercice > 0 {
        lines.push(Line::raw(format!(
            "{} hors de l'exercice en cours, non {}.",
            count(s.outside_exercice, "ligne", "lignes"),
            if s.outside_exercice == 1 {
                "importée"
            } else {
                "importées"
            }
        )));
    }
    if s.skipped > 0 {
        lines.push(Line::raw(format!(
            "{} non comptabilisées, non importées ({}).",
            count(s.skipped, "ligne", "lignes"),
            by_status(&s.not_booked)
        )));
    }
    if let Some(statement) = s.statement {
        lines.push(Line::raw(format!(
            "Solde du relevé : {} au {}.",
            statement.balance.fr(),
            format_date(statement.date)
        )));
        if let (Some(implied), Some(books)) = (s.implied_opening, s.books_opening) {
            let style = if implied == books {
                theme::money_in()
            } else {
                theme::error()
            };
            lines.push(Line::styled(
                format!(
                    "Solde d'ouverture que le relevé implique : {} ; dans les comptes : {}.",
                    implied.fr(),
                    books.fr()
                ),
                style,
            ));
        }
    }
    lines
}

/// What an AssoConnect import did.
pub fn payments_summary(name: &str, s: &PaymentImportSummary) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::styled(format!("Paiements AssoConnect : {name}"), theme::title()),
        Line::raw(""),
    ];
    if s.batch.is_none() {
        lines.push(Line::raw(format!(
            "Rien de nouveau : {} déjà importés, rien n'a été écrit.",
            count(s.duplicates, "paiement était", "paiements étaient")
        )));
        return lines;
    }
    lines.push(Line::raw(format!(
        "{} : {}, {} à une participation déjà saisie, {}.",
        count(s.payments, "paiement", "paiements"),
        count(s.recorded, "enregistré", "enregistrés"),
        count(s.linked, "relié", "reliés"),
        count(s.refunded, "remboursé", "remboursés")
    )));
    lines.push(Line::raw(format!(
        "{}, frais AssoConnect passés : {}.",
        count(s.payouts, "versement", "versements"),
        s.fees.fr()
    )));
    if s.duplicates > 0 {
        lines.push(Line::raw(format!(
            "{} (laissés de côté).",
            count(s.duplicates, "déjà connu", "déjà connus")
        )));
    }
    if !s.not_counted.is_empty() {
        lines.push(Line::raw(format!(
            "Non comptés : {}.",
            by_status(&s.not_counted)
        )));
    }
    if s.to_assign > 0 {
        lines.push(Line::styled(
            format!(
                "{} : {} pour choisir l'élève.",
                count(s.to_assign, "paiement à attribuer", "paiements à attribuer"),
                keymap::key_of(Context::Reconcile, Action::Payments)
            ),
            theme::label_focused(),
        ));
    }
    lines
}

impl ImportKind {
    pub fn new(path: PathBuf, name: &str) -> Self {
        ImportKind {
            path,
            name: name.to_string(),
            choice: FileKind::guess(name),
            problem: None,
        }
    }

    fn kind(&self) -> FileKind {
        KINDS[self.choice % KINDS.len()]
    }

    /// Reads, parses and imports; the summary's lines, or why not.
    fn run(&self, book: &mut Book) -> Result<Vec<Line<'static>>, String> {
        let bytes = std::fs::read(&self.path)
            .map_err(|e| format!("fichier illisible : {}", crate::store::french_io(&e)))?;
        match self.kind() {
            FileKind::Statement(account) => {
                let file = read_bank(&bytes, &BankOptions::default())?;
                let summary = book
                    .import_bank(account, &self.name, &bytes, &file)
                    .map_err(|e| e.to_string())?;
                Ok(bank_summary(account, &self.name, &summary))
            }
            FileKind::Payments => {
                let file = read_payments(&bytes, &PaymentColumns::default())?;
                let summary = book
                    .import_payments(&self.name, &bytes, &file)
                    .map_err(|e| e.to_string())?;
                Ok(payments_summary(&self.name, &summary))
            }
        }
    }
}

impl Component for ImportKind {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::ImportKind]
    }

    fn update(&mut self, action: Action, book: &mut Book) -> Effect {
        let len = KINDS.len();
        match action {
            Action::Close => Effect::Close,
            Action::Help => Effect::Help,
            Action::ChoicePrev => {
                self.choice = (self.choice + len - 1) % len;
                self.problem = None;
                Effect::Done
            }
            Action::ChoiceNext => {
                self.choice = (self.choice + 1) % len;
                self.problem = None;
                Effect::Done
            }
            Action::Submit => match self.run(book) {
                Ok(lines) => Effect::Batch(vec![
                    Effect::Close,
                    Effect::Close,
                    Effect::open(Reader::new("Import terminé", Lines(lines))),
                    Effect::Changed,
                ]),
                Err(problem) => {
                    self.problem = Some(problem);
                    Effect::Done
                }
            },
            _ => Effect::Done,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, _book: &Book) {
        let popup = popup_area(area);
        clear_popup(frame.buffer_mut(), popup, area);
        let block = Block::bordered()
            .title(Line::styled(" Importer un fichier ", theme::title()))
            .border_style(theme::border_focused());
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        let width = inner.width as usize;
        let key = |action| keymap::key_of(Context::ImportKind, action);
        let mut lines: Vec<Line> = wrap(&format!("Fichier : {}", self.name), width)
            .into_iter()
            .map(Line::raw)
            .collect();
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!(
                "Ce fichier est ({}/{} pour changer) :",
                key(Action::ChoicePrev),
                key(Action::ChoiceNext)
            ),
            theme::label(),
        ));
        for (i, kind) in KINDS.iter().enumerate() {
            let line = format!(
                "{} {}",
                if i == self.choice { "▸" } else { " " },
                kind.label()
            );
            lines.push(if i == self.choice {
                Line::styled(line, theme::selected())
            } else {
                Line::raw(line)
            });
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!(
                "{} pour importer (tout ou rien : une ligne illisible et rien n'est écrit) · {} pour revenir",
                key(Action::Submit),
                key(Action::Close)
            ),
            theme::note(),
        ));
        if let Some(problem) = &self.problem {
            lines.push(Line::raw(""));
            for part in wrap(&format!("✗ Rien n'a été importé : {problem}"), width) {
                lines.push(Line::styled(part, theme::error()));
            }
        }
        frame.render_widget(
            Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
            inner,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Money;
    use crate::domain::bank::StatementBalance;
    use chrono::NaiveDate;

    fn text(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn a_statement_summary_says_what_came_in_and_what_did_not() {
        let summary = BankImportSummary {
            batch: Some(3),
            imported: 12,
            duplicates: 1,
            skipped: 3,
            not_booked: vec![("en attente".into(), 2), ("annulée".into(), 1)],
            matched: 4,
            statement: Some(StatementBalance {
                date: NaiveDate::from_ymd_opt(2024, 9, 30).unwrap(),
                balance: Money::from_cents(123_456),
            }),
            implied_opening: Some(Money::from_cents(81_237)),
            books_opening: Some(Money::from_cents(81_237)),
            outside_exercice: 2,
            note: None,
        };
        assert_eq!(
            text(&bank_summary(MoneyKey::Lbp, "releve.csv", &summary)),
            vec![
                "Relevé Ancien compte LBP : releve.csv",
                "",
                "12 lignes importées, 1 déjà connue (doublons laissés de côté).",
                "4 lignes rapprochées au passage.",
                "2 lignes hors de l'exercice en cours, non importées.",
                "3 lignes non comptabilisées, non importées (en attente : 2, annulée : 1).",
                "Solde du relevé : 1 234,56 € au 30/09/2024.",
                "Solde d'ouverture que le relevé implique : 812,37 € ; dans les comptes : 812,37 €.",
            ]
        );
        let nothing = BankImportSummary {
            duplicates: 12,
            ..Default::default()
        };
        assert_eq!(
            text(&bank_summary(MoneyKey::Pro, "releve.csv", &nothing))[2],
            "Rien de nouveau : 12 lignes étaient déjà importées, rien n'a été écrit."
        );
    }

    #[test]
    fn a_payments_summary_points_to_the_payments_to_attribute() {
        let summary = PaymentImportSummary {
            batch: Some(4),
            payments: 10,
            recorded: 7,
            linked: 2,
            refunded: 1,
            to_assign: 2,
            payouts: 2,
            fees: Money::from_cents(420),
            ..Default::default()
        };
        assert_eq!(
            text(&payments_summary("paiements.csv", &summary))[2..],
            [
                "10 paiements : 7 enregistrés, 2 reliés à une participation déjà saisie, 1 remboursé.",
                "2 versements, frais AssoConnect passés : 4,20 €.",
                "2 paiements à attribuer : a pour choisir l'élève.",
            ]
        );
    }

    #[test]
    fn the_kind_is_guessed_from_the_name() {
        assert_eq!(FileKind::guess("export-paiements-2024.csv"), 2);
        assert_eq!(FileKind::guess("Relevé_LBP_septembre.csv"), 1);
        assert_eq!(FileKind::guess("releve-compte-pro.csv"), 0);
    }
}
