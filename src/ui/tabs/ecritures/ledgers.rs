//! The main screen's state: two panes, each showing one money account's
//! ledger. Data is (re)loaded by `update` and `reload`, never while drawing.

use super::ledger_cache::{Ledger, Totals};
use crate::book::Book;
use crate::domain::ledger::LedgerRow;
use crate::domain::{Money, MoneyKey};
use crate::store::Result;
use crate::ui::action::Action;
use crate::ui::widgets::list_cursor::ListCursor;
use std::sync::LazyLock;
use tui_input::Input;

/// What one pane shows and where it is.
#[derive(Debug)]
pub struct Pane {
    pub account: MoneyKey,
    /// Index into the visible rows; a page is the table's last height.
    pub cursor: ListCursor,
    pub filter: Input,
    pub editing_filter: bool,
    /// Indices of the rows matching the filter; `None` without a filter.
    pub visible: Option<Vec<usize>>,
    /// What the rows kept by the filter add up to.
    pub totals: Totals,
}

impl Pane {
    fn new(account: MoneyKey) -> Self {
        Pane {
            account,
            cursor: ListCursor::with_page(30),
            filter: Input::default(),
            editing_filter: false,
            visible: None,
            totals: Totals::default(),
        }
    }

    pub fn visible_len(&self, ledger: &Ledger) -> usize {
        self.visible.as_ref().map_or(ledger.len(), Vec::len)
    }

    /// Index in the ledger of the n-th visible row.
    pub fn row_index(&self, n: usize) -> usize {
        self.visible
            .as_ref()
            .map_or(n, |v| v.get(n).copied().unwrap_or(usize::MAX))
    }

    pub fn has_filter(&self) -> bool {
        !self.filter.value().trim().is_empty()
    }

    fn last(&self, ledger: &Ledger) -> usize {
        self.visible_len(ledger).saturating_sub(1)
    }

    /// Recomputes the rows matching the filter; the cursor goes to `keep`
    /// if it is still visible, else to the last row.
    fn refilter(&mut self, ledger: &mut Ledger, book: &Book, keep: Option<i64>) -> Result<()> {
        let query = self.filter.value().trim().to_string();
        self.visible = if query.is_empty() {
            None
        } else {
            Some(ledger.matching(book, self.account, &query)?)
        };
        self.totals = self
            .visible
            .as_ref()
            .map(|v| ledger.totals(v))
            .unwrap_or_default();
        let found = keep.and_then(|id| {
            let index = ledger.position(id)?;
            match &self.visible {
                None => Some(index),
                Some(v) => v.iter().position(|i| *i == index),
            }
        });
        let at = found.unwrap_or_else(|| self.last(ledger));
        self.cursor.select(at);
        Ok(())
    }

    /// Loads the texts of the rows that can show at the next draw.
    fn prefetch(&self, ledger: &mut Ledger, book: &Book) -> Result<bool> {
        let page = self.cursor.page().max(1);
        let selected = self.cursor.selected();
        let from = selected.saturating_sub(page);
        let to = (selected + page + 1).min(self.visible_len(ledger));
        let indices: Vec<usize> = (from..to).map(|n| self.row_index(n)).collect();
        ledger.fetch(book, self.account, indices.into_iter())
    }
}

/// The Écritures screen: the balances of the four accounts, the ledgers of
/// the accounts shown (loaded when first shown) and two panes.
#[derive(Debug)]
pub struct Ledgers {
    balances: Vec<(MoneyKey, Money)>,
    ledgers: Vec<(MoneyKey, Ledger)>,
    pub panes: [Pane; 2],
    pub focus: usize,
}

static EMPTY: LazyLock<Ledger> = LazyLock::new(Ledger::default);

impl Ledgers {
    /// Loads the four ledgers; each pane starts on its last row.
    pub fn load(book: &Book) -> Result<Ledgers> {
        let mut screen = Ledgers {
            balances: Vec::new(),
            ledgers: Vec::new(),
            panes: [Pane::new(MoneyKey::Caisse), Pane::new(MoneyKey::Pro)],
            focus: 0,
        };
        screen.load_data(book)?;
        for i in 0..2 {
            let last = screen
                .ledger(screen.panes[i].account)
                .len()
                .saturating_sub(1);
            screen.panes[i].cursor.select(last);
        }
        screen.prefetch(book)?;
        Ok(screen)
    }

    /// Balances of the four accounts and the ledgers of the two panes.
    fn load_data(&mut self, book: &Book) -> Result<()> {
        self.balances = book.balances(book.exercice(), None)?;
        self.ledgers.clear();
        for i in 0..2 {
            self.ensure_loaded(book, self.panes[i].account)?;
        }
        Ok(())
    }

    fn ensure_loaded(&mut self, book: &Book, key: MoneyKey) -> Result<()> {
        if !self.ledgers.iter().any(|(k, _)| *k == key) {
            self.ledgers.push((key, Ledger::load(book, key)?));
        }
        Ok(())
    }

    pub fn ledger(&self, key: MoneyKey) -> &Ledger {
        self.ledgers
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(&EMPTY, |(_, l)| l)
    }

    /// The pane `i` and its ledger, borrowed together.
    fn parts(&mut self, i: usize) -> (&mut Pane, &mut Ledger) {
        let key = self.panes[i].account;
        let at = match self.ledgers.iter().position(|(k, _)| *k == key) {
            Some(at) => at,
            None => {
                self.ledgers.push((key, Ledger::default()));
                self.ledgers.len() - 1
            }
        };
        (&mut self.panes[i], &mut self.ledgers[at].1)
    }

    pub fn balance(&self, key: MoneyKey) -> Money {
        self.balances
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, m)| *m)
            .unwrap_or_default()
    }

    pub fn focused(&self) -> &Pane {
        &self.panes[self.focus]
    }

    pub fn editing_filter(&self) -> bool {
        self.focused().editing_filter
    }

    /// The row under the cursor in the focused pane.
    pub fn selected_row(&self) -> Option<LedgerRow> {
        let pane = self.focused();
        self.ledger(pane.account)
            .row(pane.row_index(pane.cursor.selected()))
    }

    fn selected_id(&self, i: usize) -> Option<i64> {
        let pane = &self.panes[i];
        self.ledger(pane.account)
            .points
            .get(pane.row_index(pane.cursor.selected()))
            .map(|p| p.entry_id)
    }

    /// Loads the texts around each pane's cursor (a page either way).
    /// Returns whether anything was missing.
    pub fn prefetch(&mut self, book: &Book) -> Result<bool> {
        let mut loaded = false;
        for i in 0..2 {
            let (pane, ledger) = self.parts(i);
            loaded |= pane.prefetch(ledger, book)?;
        }
        Ok(loaded)
    }

    /// Everything again after a change; the cursor goes to `entry` if given
    /// (in whichever pane can show it), else stays on the same entry.
    pub fn reload(&mut self, book: &Book, entry: Option<i64>) -> Result<()> {
        let kept = [self.selected_id(0), self.selected_id(1)];
        self.load_data(book)?;
        for (i, keep) in kept.into_iter().enumerate() {
            let (pane, ledger) = self.parts(i);
            pane.refilter(ledger, book, keep)?;
        }
        if let Some(id) = entry {
            self.show_entry(book, id)?;
        }
        self.prefetch(book).map(|_| ())
    }

    /// Puts the cursor on an entry: in the focused pane if its account has
    /// it, else the other pane, else the focused pane switches account. A
    /// filter that hides the entry is cleared.
    pub fn show_entry(&mut self, book: &Book, id: i64) -> Result<()> {
        let has = |l: &Ledger| l.position(id).is_some();
        let target = [self.focus, 1 - self.focus]
            .into_iter()
            .find(|i| has(self.ledger(self.panes[*i].account)));
        let i = match target {
            Some(i) => i,
            None => {
                let Some(key) = book.money_account_of(id)? else {
                    return Ok(());
                };
                self.ensure_loaded(book, key)?;
                self.panes[self.focus].account = key;
                self.panes[self.focus].filter = Input::default();
                self.focus
            }
        };
        self.focus = i;
        let (pane, ledger) = self.parts(i);
        pane.refilter(ledger, book, Some(id))?;
        if pane.selected_is_not(ledger, id) {
            pane.filter = Input::default();
            pane.refilter(ledger, book, Some(id))?;
        }
        Ok(())
    }

    /// Moves, switches panes or accounts. Returns false if the action is not
    /// one of the screen's.
    pub fn update(&mut self, action: Action, book: &Book) -> Result<bool> {
        let focus = self.focus;
        let (pane, ledger) = self.parts(focus);
        let len = pane.visible_len(ledger);
        if pane.cursor.navigate(action, len) {
            self.prefetch(book)?;
            return Ok(true);
        }
        match action {
            Action::FocusOther => self.focus = 1 - focus,
            Action::FocusLeft => self.focus = 0,
            Action::FocusRight => self.focus = 1,
            Action::CycleAccount => self.cycle_account(book)?,
            Action::Filter => pane.editing_filter = true,
            Action::ClearFilter => {
                pane.filter = Input::default();
                pane.refilter(ledger, book, None)?;
            }
            _ => return Ok(false),
        }
        self.prefetch(book)?;
        Ok(true)
    }

    fn cycle_account(&mut self, book: &Book) -> Result<()> {
        let other = self.panes[1 - self.focus].account;
        let current = self.panes[self.focus].account;
        let start = MoneyKey::ALL
            .iter()
            .position(|k| *k == current)
            .unwrap_or(0);
        let next = (1..=MoneyKey::ALL.len())
            .map(|step| MoneyKey::ALL[(start + step) % MoneyKey::ALL.len()])
            .find(|k| *k != other)
            .unwrap_or(current);
        self.ensure_loaded(book, next)?;
        let focus = self.focus;
        let (pane, _) = self.parts(focus);
        pane.account = next;
        pane.filter = Input::default();
        pane.cursor.set_offset(0);
        let (pane, ledger) = self.parts(focus);
        pane.refilter(ledger, book, None)
    }

    /// Keys while the filter line is being typed: the rows narrow as you type.
    /// False if the action is not one of the filter line's.
    pub fn update_filter(&mut self, action: Action, book: &Book) -> Result<bool> {
        let focus = self.focus;
        let (pane, ledger) = self.parts(focus);
        match action {
            Action::Submit => pane.editing_filter = false,
            Action::Close => {
                pane.editing_filter = false;
                pane.filter = Input::default();
                pane.refilter(ledger, book, None)?;
            }
            Action::Type(request) => {
                if pane.filter.handle(request).is_some_and(|c| c.value) {
                    pane.refilter(ledger, book, None)?;
                }
            }
            _ => return Ok(false),
        }
        self.prefetch(book).map(|_| true)
    }
}

impl Pane {
    fn selected_is_not(&self, ledger: &Ledger, id: i64) -> bool {
        ledger
            .points
            .get(self.row_index(self.cursor.selected()))
            .is_none_or(|p| p.entry_id != id)
    }
}
