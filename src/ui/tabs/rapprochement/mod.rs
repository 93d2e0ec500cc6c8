//! The Rapprochement tab: the account's bank lines on the left, the books'
//! lines on the right, suggestions marked, the selection's total and its
//! difference to the current line always in the footer. Each change goes
//! through the `Book` (one transaction), then the tab loads again; a
//! refusal goes to the status line, next to the pane it concerns.

pub mod panes;
pub mod state;
pub mod view;

use crate::book::Book;
use crate::domain::format_date;
use crate::store::Result;
use crate::ui::action::Action;
use crate::ui::component::{Component, Effect, Loaded};
use crate::ui::keymap::{self, Context};
use crate::ui::popups::batches::BatchList;
use crate::ui::popups::confirm::Confirm;
use crate::ui::popups::file_picker::FilePicker;
use crate::ui::popups::payments::PaymentList;
use crate::ui::popups::payouts::payouts_view;
use crate::ui::popups::reconcile_form::LineForm;
use crate::ui::widgets::cells::count;
use ratatui::Frame;
use ratatui::layout::Rect;
use state::{Pane, Reconcile};
use std::path::PathBuf;
use view::draw_reconcile;

/// A question asked, waiting for its yes.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Asked {
    AcceptAll,
    Unmatch(i64),
    /// These payments as the payout of that bank line.
    Payout(i64, Vec<i64>),
}

pub struct RapprochementTab {
    pub reconcile: Reconcile,
    loaded: Loaded,
    asked: Option<Asked>,
    /// Where the import file picker opens.
    import_folder: PathBuf,
}

impl RapprochementTab {
    pub fn new(import_folder: PathBuf) -> Self {
        RapprochementTab {
            reconcile: Reconcile::default(),
            loaded: Loaded::default(),
            asked: None,
            import_folder,
        }
    }

    /// After a change: loaded again, and what was done said.
    fn changed(&mut self, book: &Book, text: String) -> Effect {
        match self.reload(book) {
            Ok(()) => Effect::Batch(vec![Effect::info(text), Effect::Changed]),
            Err(e) => Effect::error(e.to_string()),
        }
    }

    fn reload(&mut self, book: &Book) -> Result<()> {
        self.reconcile.reload(book)?;
        self.loaded.mark(book);
        Ok(())
    }

    fn key(action: Action) -> &'static str {
        keymap::key_of(Context::Reconcile, action)
    }

    fn line_key(action: Action) -> &'static str {
        keymap::key_of(Context::ReconcileLine, action)
    }

    /// The current bank line, for what needs one; else the refusal.
    fn need_line(&self) -> std::result::Result<&crate::domain::bank::BankLine, Effect> {
        self.reconcile.current_line().ok_or_else(|| {
            Effect::error(if self.reconcile.lines.is_empty() {
                format!(
                    "Aucune ligne de relevé : {} pour importer le relevé",
                    Self::key(Action::Import)
                )
            } else {
                "Aucune ligne du relevé choisie".to_string()
            })
        })
    }

    fn accept_suggestion(&mut self, book: &mut Book) -> Effect {
        let line = match self.need_line() {
            Ok(line) => line.clone(),
            Err(effect) => return effect,
        };
        if let crate::domain::bank::LineState::Matched(pieces) = &line.state {
            return Effect::error(format!(
                "Ligne du {} déjà rapprochée ({}) : {} pour défaire",
                format_date(line.date),
                pieces.join(", "),
                Self::line_key(Action::Unmatch)
            ));
        }
        let Some(entry) = self.reconcile.suggested_entry() else {
            if let Some(effect) = self.ask_payout(book, &line) {
                return effect;
            }
            return Effect::error(format!(
                "Pas de suggestion : marquez ({}) puis {}, ou {} pour créer l'écriture",
                Self::key(Action::ToggleMark),
                Self::key(Action::MatchMarked),
                Self::line_key(Action::CreateFromLine)
            ));
        };
        let piece = self.reconcile.pieces_of(&[entry]);
        match book.match_line(line.id, &[entry]) {
            Ok(()) => self.changed(
                book,
                format!(
                    "Ligne du {} ({}) rapprochée de {piece}",
                    format_date(line.date),
                    line.amount.fr()
                ),
            ),
            Err(e) => Effect::error(format!("Suggestion non acceptée : {e}")),
        }
    }

    fn match_marked(&mut self, book: &mut Book) -> Effect {
        let line = match self.need_line() {
            Ok(line) => line.clone(),
            Err(effect) => return effect,
        };
        if line.is_matched() {
            return Effect::error(format!(
                "Ligne du {} déjà rapprochée : {} pour défaire d'abord",
                format_date(line.date),
                Self::line_key(Action::Unmatch)
            ));
        }
        let entries: Vec<i64> = self.reconcile.marked().iter().map(|b| b.entry_id).collect();
        if entries.is_empty() {
            return Effect::error(format!(
                "Aucune écriture marquée : {} sur les écritures du volet de droite",
                Self::key(Action::ToggleMark)
            ));
        }
        let gap = self.reconcile.gap().unwrap_or_default();
        if !gap.is_zero() {
            return Effect::error(format!(
                "Écart de {} : les écritures marquées font {}, la ligne {} ; rien n'est rapproché",
                gap.fr(),
                self.reconcile.marked_total().fr(),
                line.amount.fr()
            ));
        }
        let pieces = self.reconcile.pieces_of(&entries);
        match book.match_line(line.id, &entries) {
            Ok(()) => {
                self.reconcile.book_cursor.clear_marks();
                self.changed(
                    book,
                    format!(
                        "Ligne du {} ({}) rapprochée de {pieces}",
                        format_date(line.date),
                        line.amount.fr()
                    ),
                )
            }
            Err(e) => Effect::error(format!("Rapprochement refusé : {e}")),
        }
    }

    fn toggle_mark(&mut self) -> Effect {
        let Some(b) = self.reconcile.current_book() else {
            return Effect::error(format!(
                "Aucune écriture {} à marquer",
                panes::on_account(self.reconcile.account)
            ));
        };
        if b.matched_to.is_some() {
            return Effect::error(format!(
                "{} est déjà rapprochée d'une ligne du relevé",
                b.piece
            ));
        }
        let id = b.entry_id;
        self.reconcile.book_cursor.toggle(id);
        if self.reconcile.focus == Pane::Books {
            let len = self.reconcile.books.len();
            self.reconcile.book_cursor.navigate(Action::Down, len);
        }
        Effect::Done
    }

    fn ask_accept_all(&mut self) -> Effect {
        let n = self.reconcile.unambiguous();
        if n == 0 {
            let account = panes::on_account(self.reconcile.account);
            return Effect::error(if self.reconcile.suggestions.is_empty() {
                format!("Aucune suggestion {account} : rien à accepter")
            } else {
                format!(
                    "Aucune suggestion sûre {account} : acceptez les ≈ une à une ({})",
                    Self::line_key(Action::AcceptSuggestion)
                )
            });
        }
        self.asked = Some(Asked::AcceptAll);
        Effect::open(Confirm {
            question: format!(
                "Accepter {} {} ? Chaque ligne du relevé sera rapprochée de l'écriture proposée.",
                if n == 1 {
                    "la suggestion sûre".to_string()
                } else {
                    format!("les {n} suggestions sûres")
                },
                panes::on_account(self.reconcile.account)
            ),
            enter_says_yes: false,
        })
    }

    /// A Compte Pro credit with no entry: the AssoConnect payments whose
    /// sum net of fees makes it, if any, proposed as its payout.
    fn ask_payout(&mut self, book: &Book, line: &crate::domain::bank::BankLine) -> Option<Effect> {
        if self.reconcile.account != crate::domain::MoneyKey::Pro || line.amount.is_negative() {
            return None;
        }
        let ids = book.payout_proposal(line.id).ok().flatten()?;
        if ids.is_empty() {
            return None;
        }
        let question = format!(
            "Aucune écriture pour la ligne du {} ({}), mais {} AssoConnect pas encore versés font ce montant, frais déduits. Les grouper en versement reçu sur cette ligne ? Le virement Collectes en ligne → Compte Pro sera passé et rapproché.",
            format_date(line.date),
            line.amount.fr(),
            count(ids.len(), "paiement", "paiements")
        );
        self.asked = Some(Asked::Payout(line.id, ids));
        Some(Effect::open(Confirm {
            question,
            enter_says_yes: false,
        }))
    }

    fn ask_unmatch(&mut self) -> Effect {
        let line = match self.need_line() {
            Ok(line) => line.clone(),
            Err(effect) => return effect,
        };
        let crate::domain::bank::LineState::Matched(pieces) = &line.state else {
            return Effect::error(format!(
                "La ligne du {} n'est pas rapprochée",
                format_date(line.date)
            ));
        };
        self.asked = Some(Asked::Unmatch(line.id));
        Effect::open(Confirm {
            question: format!(
                "Défaire le rapprochement de la ligne du {} « {} » ({}) avec {} ? Les écritures restent, la ligne redevient à rapprocher.",
                format_date(line.date),
                line.label,
                line.amount.fr(),
                pieces.join(", ")
            ),
            enter_says_yes: false,
        })
    }

    fn answered(&mut self, book: &mut Book) -> Effect {
        match self.asked.take() {
            Some(Asked::AcceptAll) => match book.reconcile_auto(self.reconcile.account) {
                Ok(summary) => self.changed(
                    book,
                    format!(
                        "{} · {} à rapprocher",
                        count(summary.matched, "ligne rapprochée", "lignes rapprochées"),
                        summary.unmatched_lines
                    ),
                ),
                Err(e) => Effect::error(format!("Suggestions non acceptées : {e}")),
            },
            Some(Asked::Unmatch(line)) => match book.unmatch_line(line) {
                Ok(()) => self.changed(
                    book,
                    "Rapprochement défait : la ligne est à rapprocher".into(),
                ),
                Err(e) => Effect::error(format!("Rapprochement non défait : {e}")),
            },
            Some(Asked::Payout(line, ids)) => match book.accept_payout(line, &ids) {
                Ok(_) => self.changed(
                    book,
                    format!(
                        "Versement reconnu : {} groupés, virement passé et rapproché",
                        count(ids.len(), "paiement", "paiements")
                    ),
                ),
                Err(e) => Effect::error(format!("Versement non reconnu : {e}")),
            },
            None => Effect::Done,
        }
    }

    fn create_from_line(&self, book: &Book) -> Effect {
        let line = match self.need_line() {
            Ok(line) => line,
            Err(effect) => return effect,
        };
        if line.is_matched() {
            return Effect::error(format!(
                "Ligne du {} déjà rapprochée : rien à créer",
                format_date(line.date)
            ));
        }
        Effect::open(LineForm::create(line, book))
    }

    fn statement(&self, book: &Book) -> Effect {
        let date = self
            .reconcile
            .lines
            .iter()
            .map(|l| l.date)
            .max()
            .unwrap_or_else(|| book.clock().today());
        Effect::open(LineForm::statement(self.reconcile.account, date))
    }
}

fn is_own(action: Action) -> bool {
    [Context::Reconcile, Context::ReconcileLine]
        .iter()
        .flat_map(|c| c.bindings())
        .any(|b| b.action == action)
        || action == Action::Yes
}

impl Component for RapprochementTab {
    fn contexts(&self) -> Vec<Context> {
        match self.reconcile.focus {
            Pane::Lines => vec![Context::ReconcileLine, Context::Reconcile, Context::Global],
            Pane::Books => vec![Context::Reconcile, Context::Global],
        }
    }

    fn help_contexts(&self) -> Vec<Context> {
        vec![Context::ReconcileLine, Context::Reconcile, Context::Global]
    }

    fn update(&mut self, action: Action, book: &mut Book) -> Effect {
        if !is_own(action) {
            return Effect::Ignored;
        }
        let r = &mut self.reconcile;
        let moved = match r.focus {
            Pane::Lines => {
                let len = r.shown_lines().len();
                r.line_cursor.navigate(action, len)
            }
            Pane::Books => r.book_cursor.navigate(action, r.books.len()),
        };
        if moved {
            return Effect::Done;
        }
        match action {
            Action::FocusOther => {
                r.focus = match r.focus {
                    Pane::Lines => Pane::Books,
                    Pane::Books => Pane::Lines,
                };
                Effect::Done
            }
            Action::FocusLeft => {
                r.focus = Pane::Lines;
                Effect::Done
            }
            Action::FocusRight => {
                r.focus = Pane::Books;
                Effect::Done
            }
            Action::ToggleFilter => {
                r.only_unmatched = !r.only_unmatched;
                r.line_cursor.select(0);
                Effect::info(if r.only_unmatched {
                    "Seulement les lignes à rapprocher"
                } else {
                    "Toutes les lignes du relevé"
                })
            }
            Action::CycleAccount => {
                r.switch_account();
                let account = match r.account {
                    crate::domain::MoneyKey::Lbp => format!("de l'{}", r.account.label()),
                    other => format!("du {}", other.label()),
                };
                match self.reload(book) {
                    Ok(()) => Effect::info(format!("Rapprochement {account}")),
                    Err(e) => Effect::error(e.to_string()),
                }
            }
            Action::ToggleMark => self.toggle_mark(),
            Action::AcceptSuggestion => self.accept_suggestion(book),
            Action::MatchMarked => self.match_marked(book),
            Action::AcceptAll => self.ask_accept_all(),
            Action::Unmatch => self.ask_unmatch(),
            Action::Yes => self.answered(book),
            Action::CreateFromLine => self.create_from_line(book),
            Action::Statement => self.statement(book),
            Action::Import => Effect::open(FilePicker::open(self.import_folder.clone())),
            Action::Batches => Effect::from_result(BatchList::load(book).map(Effect::open)),
            Action::Payouts => Effect::from_result(payouts_view(book).map(Effect::open)),
            Action::Payments => Effect::from_result(PaymentList::load(book).map(Effect::open)),
            _ => Effect::Done,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, _book: &Book) {
        draw_reconcile(frame, area, &self.reconcile);
    }

    fn refresh(&mut self, book: &Book) -> Result<()> {
        if self.loaded.is_stale(book) {
            self.reload(book)?;
        }
        Ok(())
    }
}
