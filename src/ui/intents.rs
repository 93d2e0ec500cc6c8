//! Ledger actions that open a popup: a new entry or transfer, an edit, the
//! question before a cancellation. Rows that cannot change are refused with
//! the reason on the status line, before any form opens.

use super::app::{App, Popup};
use super::screens::entry_form::EntryForm;
use super::screens::transfer_form::{TransferForm, usual_destination};
use super::widgets::confirm::Confirm;
use crate::domain::entry_request::{EntryRequest, TransferRequest};
use crate::domain::{EntryKind, format_date};

impl App {
    pub(super) fn new_entry(&mut self) {
        let Some(main) = self.main() else { return };
        let book = &main.book;
        let account = main.ledgers.focused().account;
        let proposals = book
            .next_piece(EntryKind::Recette)
            .and_then(|r| Ok((r, book.next_piece(EntryKind::Depense)?)));
        match proposals {
            Ok(proposals) => {
                let date = format_date(book.default_date());
                let request = EntryRequest::blank(EntryKind::Depense, account, &date, &proposals.1);
                let form = EntryForm::new(request, book.exercice(), None, proposals);
                self.popups.push(Popup::Entry(Box::new(form)));
            }
            Err(e) => self.fail(e.to_string()),
        }
    }

    pub(super) fn new_transfer(&mut self) {
        let Some(main) = self.main() else { return };
        let from = main.ledgers.focused().account;
        let other = main.ledgers.panes[1 - main.ledgers.focus].account;
        let to = if other != from {
            other
        } else {
            usual_destination(from)
        };
        match main.book.next_piece(EntryKind::Virement) {
            Ok(piece) => {
                let date = format_date(main.book.default_date());
                let label = String::new();
                let request = TransferRequest {
                    date,
                    from,
                    to,
                    amount: String::new(),
                    label,
                    piece,
                };
                let form = TransferForm::new(request, main.book.exercice(), None);
                self.popups.push(Popup::Transfer(Box::new(form)));
            }
            Err(e) => self.fail(e.to_string()),
        }
    }

    pub(super) fn edit_selected(&mut self) {
        let Some(main) = self.main() else { return };
        let Some(row) = main.ledgers.selected_row() else {
            return;
        };
        let id = row.entry_id;
        let entry = match main.book.editable(id) {
            Ok(entry) => entry,
            Err(e) => return self.fail(e.to_string()),
        };
        let chart = main.book.chart();
        let editing = Some((id, entry.piece.clone()));
        let exercice = main.book.exercice();
        let popup = if entry.kind == EntryKind::Virement {
            TransferRequest::from_entry(&entry, chart)
                .map(|r| Popup::Transfer(Box::new(TransferForm::new(r, exercice, editing))))
        } else {
            let proposals = (entry.piece.clone(), entry.piece.clone());
            EntryRequest::from_entry(&entry, chart)
                .map(|r| Popup::Entry(Box::new(EntryForm::new(r, exercice, editing, proposals))))
        };
        match popup {
            Some(popup) => self.popups.push(popup),
            None => self.fail(format!(
                "{} ne peut pas être relue pour modification",
                entry.piece
            )),
        }
    }

    pub(super) fn ask_cancel(&mut self) {
        let Some(main) = self.main() else { return };
        let Some(row) = main.ledgers.selected_row() else {
            return;
        };
        if let Err(e) = main.book.changeable(row.entry_id) {
            return self.fail(e.to_string());
        }
        let confirm = Confirm::cancel_entry(row.entry_id, &row.piece, &row.label);
        self.popups.push(Popup::Confirm(confirm));
    }
}
