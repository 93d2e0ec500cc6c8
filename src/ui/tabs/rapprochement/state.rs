//! What the Rapprochement tab shows, as last loaded: the account's bank
//! lines and the books' lines on it, the suggestions, the last statement
//! balance; the two cursors (marks on the books' side) and the filter.
//! Loaded when the tab is shown and after each change, never while drawing.

use crate::book::Book;
use crate::domain::bank::{BankLine, BookLine};
use crate::domain::reconcile::{Suggestion, selection_gap};
use crate::domain::{Money, MoneyKey};
use crate::store::Result;
use crate::ui::widgets::list_cursor::ListCursor;
use chrono::NaiveDate;

/// The pane with the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    Lines,
    Books,
}

#[derive(Debug)]
pub struct Reconcile {
    /// Compte Pro or Ancien compte LBP.
    pub account: MoneyKey,
    /// Every bank line of the account, in the order shown: to match first
    /// (oldest first), then the matched ones.
    pub lines: Vec<BankLine>,
    /// The books' lines on the account: not matched first, then matched.
    pub books: Vec<BookLine>,
    pub suggestions: Vec<Suggestion>,
    pub last_statement: Option<(NaiveDate, Money)>,
    /// Only the lines still to match.
    pub only_unmatched: bool,
    pub focus: Pane,
    pub line_cursor: ListCursor,
    /// Its marks are entry ids.
    pub book_cursor: ListCursor,
}

impl Default for Reconcile {
    fn default() -> Self {
        Reconcile {
            account: MoneyKey::Pro,
            lines: Vec::new(),
            books: Vec::new(),
            suggestions: Vec::new(),
            last_statement: None,
            only_unmatched: false,
            focus: Pane::Lines,
            line_cursor: ListCursor::with_page(10),
            book_cursor: ListCursor::with_page(10),
        }
    }
}

impl Reconcile {
    /// Loads the account again; the cursors stay on the same line and
    /// entry when they are still listed, marks of vanished entries go.
    pub fn reload(&mut self, book: &Book) -> Result<()> {
        let before = self.current_line().map(|l| (l.id, l.is_matched()));
        let entry_id = self.current_book().map(|b| b.entry_id);
        let mut lines = book.bank_lines(self.account)?;
        lines.sort_by_key(|l| (l.is_matched(), l.date, l.id));
        let mut books = book.book_lines(self.account)?;
        books.sort_by_key(|b| (b.matched_to.is_some(), b.date, b.entry_id));
        self.lines = lines;
        self.books = books;
        self.suggestions = book.suggestions(self.account)?;
        self.last_statement = book.last_statement(self.account)?;
        let open: Vec<i64> = self
            .books
            .iter()
            .filter(|b| b.matched_to.is_none())
            .map(|b| b.entry_id)
            .collect();
        self.book_cursor.keep_marks(open);
        // A line just matched goes to the end: the cursor then stays on
        // its row, where the next line to match has come.
        let line_id = before.and_then(|(id, was_matched)| {
            let now_matched = self.lines.iter().any(|l| l.id == id && l.is_matched());
            (was_matched || !now_matched).then_some(id)
        });
        let shown: Vec<i64> = self.shown_lines().iter().map(|l| l.id).collect();
        let at = line_id
            .and_then(|id| shown.iter().position(|l| *l == id))
            .unwrap_or(self.line_cursor.selected());
        self.line_cursor.select(at);
        self.line_cursor.clamp(shown.len());
        let at = entry_id
            .and_then(|id| self.books.iter().position(|b| b.entry_id == id))
            .unwrap_or(self.book_cursor.selected());
        self.book_cursor.select(at);
        self.book_cursor.clamp(self.books.len());
        Ok(())
    }

    /// The other bank account; cursors and marks start again.
    pub fn switch_account(&mut self) {
        self.account = match self.account {
            MoneyKey::Pro => MoneyKey::Lbp,
            _ => MoneyKey::Pro,
        };
        self.line_cursor.select(0);
        self.book_cursor.select(0);
        self.book_cursor.clear_marks();
    }

    /// The bank lines shown, with the filter.
    pub fn shown_lines(&self) -> Vec<&BankLine> {
        self.lines
            .iter()
            .filter(|l| !self.only_unmatched || !l.is_matched())
            .collect()
    }

    pub fn current_line(&self) -> Option<&BankLine> {
        self.shown_lines().get(self.line_cursor.selected()).copied()
    }

    pub fn current_book(&self) -> Option<&BookLine> {
        self.books.get(self.book_cursor.selected())
    }

    pub fn suggestion_of_line(&self, line: i64) -> Option<&Suggestion> {
        self.suggestions.iter().find(|s| s.line_id == line)
    }

    pub fn suggestion_of_entry(&self, entry: i64) -> Option<&Suggestion> {
        self.suggestions.iter().find(|s| s.entry_id == entry)
    }

    pub fn book_line(&self, entry: i64) -> Option<&BookLine> {
        self.books.iter().find(|b| b.entry_id == entry)
    }

    /// The entry suggested for the current bank line.
    pub fn suggested_entry(&self) -> Option<i64> {
        let line = self.current_line()?;
        self.suggestion_of_line(line.id).map(|s| s.entry_id)
    }

    pub fn unambiguous(&self) -> usize {
        self.suggestions.iter().filter(|s| s.unambiguous).count()
    }

    pub fn lines_to_match(&self) -> usize {
        self.lines.iter().filter(|l| !l.is_matched()).count()
    }

    pub fn books_without_line(&self) -> usize {
        self.books.iter().filter(|b| b.matched_to.is_none()).count()
    }

    /// The marked entries, in the order of the list.
    pub fn marked(&self) -> Vec<&BookLine> {
        self.books
            .iter()
            .filter(|b| self.book_cursor.is_marked(b.entry_id))
            .collect()
    }

    pub fn marked_total(&self) -> Money {
        self.marked().iter().map(|b| b.amount).sum()
    }

    /// What the marked entries leave to find against the current line.
    pub fn gap(&self) -> Option<Money> {
        let line = self.current_line()?;
        let amounts: Vec<Money> = self.marked().iter().map(|b| b.amount).collect();
        Some(selection_gap(line.amount, &amounts))
    }

    /// The pièces of the entries, as the user reads them.
    pub fn pieces_of(&self, entries: &[i64]) -> String {
        entries
            .iter()
            .filter_map(|id| self.book_line(*id).map(|b| b.piece.clone()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}
