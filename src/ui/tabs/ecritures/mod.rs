//! The Écritures tab: two ledger panes and the balances of the header. Its
//! keys move, filter and switch accounts; the ones that change the books
//! open a popup (a new entry or transfer, an edit, the question before a
//! cancellation). Rows that cannot change are refused with the reason on
//! the status line, before any form opens.

pub mod ledger_cache;
pub mod ledgers;
pub mod table;
pub mod view;

use crate::book::Book;
use crate::domain::entry_request::{EntryRequest, TransferRequest};
use crate::domain::ledger::RowStatus;
use crate::domain::{EntryKind, format_date};
use crate::store::Result;
use crate::ui::action::Action;
use crate::ui::component::Effect;
use crate::ui::component::{Component, Loaded};
use crate::ui::effect::Focus;
use crate::ui::keymap::{self, Context};
use crate::ui::popups::chart::ChartList;
use crate::ui::popups::confirm::Confirm;
use crate::ui::popups::entry_form::EntryForm;
use crate::ui::popups::exercices::mark as exercice_mark;
use crate::ui::popups::export_files::ExportFiles;
use crate::ui::popups::ledger_form::LedgerForm;
use crate::ui::popups::settings::Settings;
use crate::ui::popups::transfer_form::{TransferForm, usual_destination};
use ledgers::Ledgers;
use ratatui::Frame;
use ratatui::layout::Rect;
use view::{Header, draw_header, draw_panes};

pub struct Ecritures {
    pub ledgers: Ledgers,
    loaded: Loaded,
    /// What the question open over the tab asked about.
    asked: Option<Asked>,
    /// Where its files are written (see `RunInfo::export_folder`).
    pub export_folder: std::path::PathBuf,
    /// What the header says of the exercice shown when it is not the one
    /// being kept ("clôturé, lecture seule").
    exercice_mark: Option<&'static str>,
}

/// A question the tab asked; `Action::Yes` carries it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Asked {
    Cancel(i64),
    Restore(i64),
}

impl Ecritures {
    pub fn load(book: &Book) -> Result<Ecritures> {
        let mut loaded = Loaded::default();
        loaded.mark(book);
        Ok(Ecritures {
            ledgers: Ledgers::load(book)?,
            loaded,
            asked: None,
            export_folder: std::path::PathBuf::new(),
            exercice_mark: exercice_mark(book)?,
        })
    }

    /// The coop, the exercice and the four balances, above every tab.
    pub fn draw_header(&self, frame: &mut Frame, area: Rect, book: &Book, demo: bool) {
        let view = Header {
            coop: &book.coop().name,
            exercice: book.exercice(),
            mark: self.exercice_mark,
            demo,
            ledgers: &self.ledgers,
        };
        draw_header(frame, area, &view);
    }

    fn new_entry(&self, book: &Book) -> Effect {
        let account = self.ledgers.focused().account;
        let proposals = book
            .next_piece(EntryKind::Recette)
            .and_then(|r| Ok((r, book.next_piece(EntryKind::Depense)?)));
        match proposals {
            Ok(proposals) => {
                let date = format_date(book.default_date());
                let request = EntryRequest::blank(EntryKind::Depense, account, &date, &proposals.1);
                let form = EntryForm::new(request, book.exercice(), None, proposals);
                Effect::open(LedgerForm::entry(form))
            }
            Err(e) => Effect::error(e.to_string()),
        }
    }

    fn new_transfer(&self, book: &Book) -> Effect {
        let from = self.ledgers.focused().account;
        let other = self.ledgers.panes[1 - self.ledgers.focus].account;
        let to = if other != from {
            other
        } else {
            usual_destination(from)
        };
        match book.next_piece(EntryKind::Virement) {
            Ok(piece) => {
                let request = TransferRequest {
                    date: format_date(book.default_date()),
                    from,
                    to,
                    amount: String::new(),
                    label: String::new(),
                    piece,
                };
                let form = TransferForm::new(request, book.exercice(), None);
                Effect::open(LedgerForm::transfer(form))
            }
            Err(e) => Effect::error(e.to_string()),
        }
    }

    fn edit_selected(&self, book: &Book) -> Effect {
        let Some(row) = self.ledgers.selected_row() else {
            return Effect::Done;
        };
        if row.kind == EntryKind::Ouverture && row.status == RowStatus::Active {
            // The report à nouveau changes in the settings.
            return Self::open_settings(book);
        }
        let id = row.entry_id;
        let entry = match book.editable(id) {
            Ok(entry) => entry,
            Err(e) => return Effect::error(e.to_string()),
        };
        let chart = book.chart();
        let editing = Some((id, entry.piece.clone()));
        let exercice = book.exercice();
        let form = if entry.kind == EntryKind::Virement {
            TransferRequest::from_entry(&entry, chart)
                .map(|r| LedgerForm::transfer(TransferForm::new(r, exercice, editing)))
        } else {
            let proposals = (entry.piece.clone(), entry.piece.clone());
            EntryRequest::from_entry(&entry, chart)
                .map(|r| LedgerForm::entry(EntryForm::new(r, exercice, editing, proposals)))
        };
        match form {
            Some(form) => Effect::open(form),
            None => Effect::error(format!(
                "{} ne peut pas être relue pour modification",
                entry.piece
            )),
        }
    }

    fn ask_cancel(&mut self, book: &Book) -> Effect {
        let Some(row) = self.ledgers.selected_row() else {
            return Effect::Done;
        };
        if row.kind == EntryKind::Ouverture && row.status == RowStatus::Active {
            return Effect::error(format!(
                "le report à nouveau ne s'annule pas : {} (réglages) pour corriger les soldes d'ouverture",
                keymap::key_of(Context::Ledgers, Action::Settings)
            ));
        }
        if let Err(e) = book.changeable(row.entry_id) {
            return Effect::error(e.to_string());
        }
        self.asked = Some(Asked::Cancel(row.entry_id));
        Effect::open(Confirm::cancel_entry(&row.piece, &row.label))
    }

    fn open_settings(book: &Book) -> Effect {
        match Settings::open(book) {
            Ok(settings) => Effect::open(settings),
            Err(e) => Effect::error(e.to_string()),
        }
    }

    /// Asks before restoring the selected cancelled entry: its pièce, the
    /// new one's and what it does to the account. Refusals come first.
    fn ask_restore(&mut self, book: &Book) -> Effect {
        let Some(row) = self.ledgers.selected_row() else {
            return Effect::Done;
        };
        let entry = match book.restorable(row.entry_id) {
            Ok(entry) => entry,
            Err(e) => return Effect::error(e.to_string()),
        };
        let piece = match book.next_piece(entry.kind) {
            Ok(piece) => piece,
            Err(e) => return Effect::error(e.to_string()),
        };
        let account = self.ledgers.focused().account;
        let balance = self.ledgers.balance(account);
        let amount = row.amount;
        let what = if amount.is_negative() {
            format!("{} de {}", entry.kind.label().to_lowercase(), -amount)
        } else {
            format!("{} de {}", entry.kind.label().to_lowercase(), amount)
        };
        let effect = format!(
            "Une nouvelle écriture {piece} sera passée au {} : {what} sur {} (solde {balance} → {}).",
            format_date(entry.date),
            account.label(),
            balance + amount
        );
        self.asked = Some(Asked::Restore(row.entry_id));
        Effect::open(Confirm::restore_entry(&row.piece, &row.label, &effect))
    }

    /// The user said yes to restoring `id`.
    fn restore(book: &mut Book, id: i64) -> Effect {
        match book.restore_cancelled(id) {
            Ok(new) => {
                let piece_of = |i: i64| {
                    book.entry(i)
                        .ok()
                        .flatten()
                        .map(|e| e.piece)
                        .unwrap_or_default()
                };
                let text = format!("{} rétablie par {}", piece_of(id), piece_of(new));
                Effect::Batch(vec![
                    Effect::info(text),
                    Effect::Changed,
                    Effect::Show(Focus::Entry(new)),
                ])
            }
            Err(e) => Effect::error(e.to_string()),
        }
    }

    /// The user said yes to cancelling `id`.
    fn cancel(book: &mut Book, id: i64) -> Effect {
        match book.cancel_entry(id) {
            Ok(reversal) => {
                let piece_of = |i: i64| {
                    book.entry(i)
                        .ok()
                        .flatten()
                        .map(|e| e.piece)
                        .unwrap_or_default()
                };
                let text = format!(
                    "{} annulée par {} ({} sur la ligne annulée pour la rétablir)",
                    piece_of(id),
                    piece_of(reversal),
                    keymap::key_of(Context::Ledgers, Action::Restore)
                );
                Effect::Batch(vec![
                    Effect::info(text),
                    Effect::Changed,
                    Effect::Show(Focus::Entry(id)),
                ])
            }
            Err(e) => Effect::error(e.to_string()),
        }
    }
}

impl Component for Ecritures {
    fn contexts(&self) -> Vec<Context> {
        if self.ledgers.editing_filter() {
            vec![Context::Filter]
        } else {
            vec![Context::Ledgers, Context::Global]
        }
    }

    fn help_contexts(&self) -> Vec<Context> {
        vec![Context::Ledgers, Context::Filter, Context::Global]
    }

    fn accepts_text(&self) -> bool {
        self.ledgers.editing_filter()
    }

    fn update(&mut self, action: Action, book: &mut Book) -> Effect {
        match action {
            Action::NewEntry => self.new_entry(book),
            Action::NewTransfer => self.new_transfer(book),
            Action::Edit => self.edit_selected(book),
            Action::CancelEntry => self.ask_cancel(book),
            Action::Chart => Effect::open(ChartList::default()),
            Action::Restore => self.ask_restore(book),
            Action::Settings => Self::open_settings(book),
            Action::Export => Effect::open(ExportFiles::ledger(
                book.exercice(),
                self.export_folder.clone(),
            )),
            Action::Yes => match self.asked.take() {
                Some(Asked::Cancel(id)) => Self::cancel(book, id),
                Some(Asked::Restore(id)) => Self::restore(book, id),
                None => Effect::Done,
            },
            _ if self.ledgers.editing_filter() => Effect::from_result(
                self.ledgers
                    .update_filter(action, book)
                    .map(Effect::handled),
            ),
            other => Effect::from_result(self.ledgers.update(other, book).map(Effect::handled)),
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, _book: &Book) {
        draw_panes(frame, area, &self.ledgers);
    }

    fn refresh(&mut self, book: &Book) -> Result<()> {
        if self.loaded.is_stale(book) {
            self.ledgers.reload(book, None)?;
            self.exercice_mark = exercice_mark(book)?;
            self.loaded.mark(book);
        }
        Ok(())
    }

    fn show(&mut self, focus: &Focus, book: &Book) -> Effect {
        match focus {
            Focus::Entry(id) => Effect::from_result(
                self.ledgers
                    .show_entry(book, *id)
                    .and_then(|()| self.ledgers.prefetch(book))
                    .map(|_| Effect::Done),
            ),
            _ => Effect::Done,
        }
    }

    fn after_draw(&mut self, book: &Book) -> Result<bool> {
        self.ledgers.prefetch(book)
    }
}
