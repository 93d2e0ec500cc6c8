//! The two small forms of the Rapprochement tab: the entry a bank line
//! shows (category picked among the charges for a debit, the produits for
//! a credit; label proposed from the bank's), and the statement check (a
//! date and the balance printed on the statement), whose answer replaces
//! the form. A refusal stays in the form, under the field it names.

use super::confirm::Confirm;
use super::reader::{Lines, Reader};
use crate::book::Book;
use crate::domain::bank::{BankLine, StatementCheck};
use crate::domain::reconcile::proposed_category;
use crate::domain::{
    Account, AccountKind, EntryKind, Field, Money, MoneyKey, format_date, parse_date,
};
use crate::store::StoreError;
use crate::ui::action::Action;
use crate::ui::component::{Component, Effect};
use crate::ui::keymap::Context;
use crate::ui::widgets::category_picker::{CategoryPicker, candidates, code_of};
use crate::ui::widgets::cells::{amount_cell, cell};
use crate::ui::widgets::form::{Kind, TypedForm};
use crate::ui::widgets::form_frame::draw_form;
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

const LABEL_WIDTH: u16 = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Id {
    Category,
    Label,
    Date,
    Balance,
}

impl Id {
    fn field(self) -> Field {
        match self {
            Id::Category => Field::Categorie,
            Id::Label => Field::Libelle,
            Id::Date => Field::Date,
            Id::Balance => Field::Montant,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Purpose {
    Create { line: i64 },
    Statement { account: MoneyKey },
}

pub struct LineForm {
    purpose: Purpose,
    title: String,
    about: String,
    pub form: TypedForm<Id>,
    picker: CategoryPicker,
}

impl LineForm {
    /// The entry of a bank line: a dépense for a debit, a recette for a
    /// credit, on the line's account, numbered on saving.
    pub fn create(line: &BankLine, book: &Book) -> Self {
        let (kind, category) = if line.amount.is_negative() {
            (EntryKind::Depense, AccountKind::Charge)
        } else {
            (EntryKind::Recette, AccountKind::Produit)
        };
        let what = if kind == EntryKind::Depense {
            "Une dépense"
        } else {
            "Une recette"
        };
        let piece = book
            .next_piece(kind)
            .map(|p| format!(", pièce {p}"))
            .unwrap_or_default();
        let about = format!(
            "Ligne du {} : {} ({}). {what} sur le {}{piece}, datée du jour de la ligne, rapprochée d'elle ; libellé proposé d'après le relevé, modifiable.",
            format_date(line.date),
            line.label,
            line.amount.fr(),
            line.account.label(),
        );
        let label: String = line.label.chars().take(200).collect();
        let proposed = proposed_category(&line.label, line.amount, book.chart());
        let mut form = TypedForm::default().field(
            Id::Category,
            "Catégorie",
            proposed.unwrap_or_default(),
            Kind::Picker(category),
        );
        if proposed.is_some() {
            // Typing replaces the proposed code.
            form = form.proposed();
        }
        let form = form
            .note(match (proposed, category) {
                (Some(_), _) => "proposée : frais bancaires (modifiable)",
                (None, AccountKind::Charge) => "6… (une charge)",
                (None, _) => "7… (un produit)",
            })
            .field(Id::Label, "Libellé", &label, Kind::Text);
        LineForm {
            purpose: Purpose::Create { line: line.id },
            title: "Créer l'écriture de la ligne".into(),
            about,
            form,
            picker: CategoryPicker {
                open: true,
                selected: 0,
            },
        }
    }

    /// The statement check of `account`, the date proposed.
    pub fn statement(account: MoneyKey, date: chrono::NaiveDate) -> Self {
        let form = TypedForm::default()
            .field(Id::Date, "Date du relevé", &format_date(date), Kind::Date)
            .proposed()
            .note("jj/mm/aaaa")
            .field(Id::Balance, "Solde du relevé", "", Kind::Money)
            .note("tel qu'imprimé, ex. 1 234,56 ou -12,50");
        LineForm {
            purpose: Purpose::Statement { account },
            title: format!("Pointer le relevé du {}", account.label()),
            about: "Le solde que le relevé donne à cette date : l'écart avec les écritures rapprochées doit être 0,00 €.".into(),
            form,
            picker: CategoryPicker::default(),
        }
    }

    fn category_kind(&self) -> Option<AccountKind> {
        match self.form.focused()?.kind {
            Kind::Picker(kind) => Some(kind),
            _ => None,
        }
    }

    fn picker_open(&self) -> bool {
        self.picker.open && self.category_kind().is_some()
    }

    fn query(&self) -> String {
        self.form
            .focused()
            .map(|f| f.input.value().to_string())
            .unwrap_or_default()
    }

    fn move_focus(&mut self, step: isize, chart: &[Account]) {
        self.form.move_focus(step);
        if let Some(kind) = self.category_kind() {
            let code = code_of(&self.query()).to_string();
            self.picker.open = !chart.iter().any(|a| a.kind == kind && a.code == code);
            self.picker.selected = 0;
        }
    }

    fn pick(&mut self, chart: &[Account]) {
        let Some(kind) = self.category_kind() else {
            return;
        };
        let code = candidates(chart, kind, &self.query())
            .get(self.picker.selected)
            .map(|a| a.code.clone());
        self.picker.open = false;
        if let (Some(code), Some(id)) = (code, self.form.focused_id()) {
            self.form.set(id, &code);
            self.move_focus(1, chart);
        }
    }

    fn refused(&mut self, error: &StoreError) {
        self.picker.open = false;
        let StoreError::Field(errors) = error else {
            self.form.clear_errors();
            self.form.message = Some(error.to_string());
            return;
        };
        let ids: Vec<Id> = self.form.fields.iter().map(|f| f.id).collect();
        self.form.refused(
            errors.0.iter().map(|e| (e.field, e.message.clone())),
            |field| ids.iter().copied().find(|id| id.field() == field),
            |field, message| format!("{} : {message}", field.label()),
        );
    }

    fn save(&mut self, book: &mut Book) -> Effect {
        match self.purpose.clone() {
            Purpose::Create { line } => {
                let code = self.form.value(Id::Category);
                let label = self.form.value(Id::Label);
                match book.create_from_line(line, &code, Some(&label)) {
                    Ok(id) => {
                        let piece = book
                            .entry(id)
                            .ok()
                            .flatten()
                            .map(|e| format!(" {}", e.piece))
                            .unwrap_or_default();
                        Effect::Batch(vec![
                            Effect::Close,
                            Effect::info(format!(
                                "Écriture{piece} créée et rapprochée de la ligne : « {label} »"
                            )),
                            Effect::Changed,
                        ])
                    }
                    Err(e) => {
                        self.refused(&e);
                        Effect::Done
                    }
                }
            }
            Purpose::Statement { account } => {
                self.form.clear_errors();
                let date = parse_date(self.form.raw(Id::Date), book.exercice());
                let balance = Money::parse(self.form.raw(Id::Balance));
                if let Err(e) = &date {
                    self.form.set_error(Id::Date, &e.to_string());
                }
                if let Err(e) = &balance {
                    self.form.set_error(Id::Balance, &e.to_string());
                }
                let (Ok(date), Ok(balance)) = (date, balance) else {
                    self.form.focus_first_error();
                    return Effect::Done;
                };
                match book.check_statement(account, date, balance) {
                    Ok(check) => Effect::Batch(vec![
                        Effect::Close,
                        Effect::open(Reader::new("Relevé pointé", Lines(check_lines(&check)))),
                        Effect::Changed,
                    ]),
                    Err(e) => {
                        self.refused(&e);
                        Effect::Done
                    }
                }
            }
        }
    }
}

/// The statement check as lines: the four balances, then the entries not
/// yet on the statement (the CRF needs them).
pub fn check_lines(c: &StatementCheck) -> Vec<Line<'static>> {
    // The amounts in the column of the entries' amounts below.
    let row =
        |label: &str, amount: Money| format!("{} {}", cell(label, 52), amount_cell(amount, 13));
    let mut lines = vec![
        Line::styled(
            format!("Relevé du {} au {}", c.account.label(), format_date(c.date)),
            theme::title(),
        ),
        Line::raw(""),
        Line::raw(row("Solde des écritures à cette date", c.books)),
        Line::raw(row("Solde rapproché (lignes pointées)", c.reconciled)),
        Line::raw(row("Solde du relevé", c.statement)),
        Line::styled(
            row("Écart (relevé − rapproché)", c.difference),
            if c.difference.is_zero() {
                theme::money_in()
            } else {
                theme::error()
            },
        ),
        Line::raw(""),
    ];
    if c.not_on_statement.is_empty() {
        lines.push(Line::raw(
            "Toutes les écritures à cette date sont sur le relevé.",
        ));
    } else {
        lines.push(Line::styled(
            format!(
                "Écritures absentes du relevé ({}) :",
                c.not_on_statement.len()
            ),
            theme::title(),
        ));
        for b in &c.not_on_statement {
            lines.push(Line::raw(format!(
                "  {} {} {} {}",
                cell(&b.piece, 5),
                format_date(b.date),
                cell(&b.label, 34),
                amount_cell(b.amount, 12)
            )));
        }
    }
    lines
}

impl Component for LineForm {
    fn contexts(&self) -> Vec<Context> {
        let mut contexts = Vec::new();
        if self.picker_open() {
            contexts.push(Context::Picker);
        }
        contexts.push(Context::Form);
        contexts
    }

    fn help_contexts(&self) -> Vec<Context> {
        vec![Context::Form, Context::Picker]
    }

    fn accepts_text(&self) -> bool {
        true
    }

    fn update(&mut self, action: Action, book: &mut Book) -> Effect {
        if action == Action::Yes {
            return Effect::Close;
        }
        let picking = self.picker_open();
        match action {
            Action::Up if picking => self.picker.up(),
            Action::Down if picking => {
                let len = self
                    .category_kind()
                    .map_or(0, |k| candidates(book.chart(), k, &self.query()).len());
                self.picker.down(len);
            }
            Action::Submit if picking => self.pick(book.chart()),
            Action::Submit => return self.save(book),
            Action::Close if picking => self.picker.open = false,
            Action::Close if self.form.is_dirty() => return Effect::open(Confirm::discard()),
            Action::Close => return Effect::Close,
            Action::Help => return Effect::Help,
            Action::NextField => self.move_focus(1, book.chart()),
            Action::PrevField => self.move_focus(-1, book.chart()),
            Action::Type(request) => {
                let category = self.category_kind().is_some();
                if self.form.type_text(request) && category {
                    self.picker.reopen();
                }
            }
            _ => {}
        }
        Effect::Done
    }

    fn draw(&self, frame: &mut Frame, area: Rect, book: &Book) {
        let chart = book.chart();
        let (items, focus) = self.form.items(&self.about, chart, LABEL_WIDTH);
        let drawn = draw_form(frame, area, &self.title, &items, focus);
        if self.picker_open()
            && let (Some(row), Some(kind)) = (drawn.focused_row, self.category_kind())
        {
            let list = candidates(chart, kind, &self.query());
            let anchor = Rect {
                x: row.x + LABEL_WIDTH,
                width: row.width.saturating_sub(LABEL_WIDTH),
                ..row
            };
            self.picker.draw(frame, anchor, drawn.inner, &list);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bank::BookLine;
    use chrono::NaiveDate;

    fn text(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.to_string().trim_end().to_string())
            .collect()
    }

    #[test]
    fn a_statement_check_shows_its_balances_and_the_entries_missing() {
        let date = NaiveDate::from_ymd_opt(2024, 9, 30).unwrap();
        let mut check = StatementCheck {
            account: MoneyKey::Pro,
            date,
            statement: Money::from_cents(115_510),
            books: Money::from_cents(115_060),
            reconciled: Money::from_cents(115_510),
            difference: Money::ZERO,
            not_on_statement: vec![BookLine {
                entry_id: 4,
                piece: "D003".into(),
                date,
                amount: Money::from_cents(-450),
                label: "Frais de tenue de compte".into(),
                cheque_no: None,
                matched_to: None,
            }],
        };
        let lines = check_lines(&check);
        let shown = text(&lines);
        assert_eq!(shown[0], "Relevé du Compte Pro au 30/09/2024");
        assert_eq!(
            shown[2],
            format!(
                "{:<52} {:>13}",
                "Solde des écritures à cette date", "1 150,60 €"
            )
        );
        assert_eq!(
            shown[5],
            format!("{:<52} {:>13}", "Écart (relevé − rapproché)", "0,00 €")
        );
        // The amounts end in the column of the entries' amounts.
        assert_eq!(
            shown[2].chars().count(),
            shown[8].chars().count(),
            "{shown:?}"
        );
        assert_eq!(lines[5].style, theme::money_in(), "green at 0,00 €");
        assert_eq!(shown[7], "Écritures absentes du relevé (1) :");
        assert!(shown[8].contains("D003  30/09/2024 Frais de tenue de compte"));
        check.difference = Money::from_cents(-450);
        check.not_on_statement.clear();
        let lines = check_lines(&check);
        assert_eq!(lines[5].style, theme::error());
        assert_eq!(
            text(&lines)[7],
            "Toutes les écritures à cette date sont sur le relevé."
        );
    }
}
