//! The main screen's state: two panes, each showing one money account's
//! ledger, over rows cached at load and after each change (never in draw).

use crate::domain::ledger::{LedgerRow, row_matches};
use crate::domain::{Account, Money, MoneyKey};
use crate::ui::action::Action;
use std::cell::Cell;
use tui_input::Input;

/// One account's cached ledger and the widths of its columns.
#[derive(Debug, Default)]
pub struct Ledger {
    pub rows: Vec<LedgerRow>,
    pub balance: Money,
    pub piece_width: usize,
    pub amount_width: usize,
    pub in_width: usize,
    pub out_width: usize,
    pub balance_width: usize,
}

impl Ledger {
    fn new(rows: Vec<LedgerRow>) -> Self {
        let len = |m: Money| m.fr_plain().chars().count();
        let max = |f: &dyn Fn(&LedgerRow) -> usize| rows.iter().map(f).max().unwrap_or(0);
        Ledger {
            balance: rows.last().map(|r| r.balance).unwrap_or_default(),
            piece_width: max(&|r| r.piece.chars().count()),
            amount_width: max(&|r| len(r.amount) + usize::from(r.amount.is_positive())),
            in_width: max(&|r| r.money_in().map_or(0, len)),
            out_width: max(&|r| r.money_out().map_or(0, len)),
            balance_width: max(&|r| len(r.balance)),
            rows,
        }
    }
}

/// What one pane shows and where it is.
#[derive(Debug)]
pub struct Pane {
    pub account: MoneyKey,
    /// Index into the visible rows.
    pub selected: usize,
    pub filter: Input,
    pub editing_filter: bool,
    /// Indices of the rows matching the filter; `None` without a filter.
    pub visible: Option<Vec<usize>>,
    /// First visible row and height, kept by the last draw.
    pub offset: Cell<usize>,
    pub page: Cell<usize>,
}

impl Pane {
    fn new(account: MoneyKey) -> Self {
        Pane {
            account,
            selected: 0,
            filter: Input::default(),
            editing_filter: false,
            visible: None,
            offset: Cell::new(0),
            page: Cell::new(10),
        }
    }

    pub fn visible_len(&self, ledger: &Ledger) -> usize {
        self.visible.as_ref().map_or(ledger.rows.len(), Vec::len)
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

    fn refilter(&mut self, ledger: &Ledger, chart: &[Account]) {
        let query = self.filter.value().trim();
        self.visible = (!query.is_empty()).then(|| {
            ledger
                .rows
                .iter()
                .enumerate()
                .filter(|(_, r)| row_matches(r, query, chart))
                .map(|(i, _)| i)
                .collect()
        });
        self.selected = self.visible_len(ledger).saturating_sub(1);
    }

    fn select_entry(&mut self, ledger: &Ledger, id: i64) -> bool {
        let found = (0..self.visible_len(ledger)).find(|&n| {
            ledger
                .rows
                .get(self.row_index(n))
                .is_some_and(|r| r.entry_id == id)
        });
        if let Some(n) = found {
            self.selected = n;
        }
        found.is_some()
    }
}

static EMPTY: Ledger = Ledger {
    rows: Vec::new(),
    balance: Money::ZERO,
    piece_width: 0,
    amount_width: 0,
    in_width: 0,
    out_width: 0,
    balance_width: 0,
};

fn find(ledgers: &[(MoneyKey, Ledger)], key: MoneyKey) -> &Ledger {
    ledgers
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(&EMPTY, |(_, l)| l)
}

/// The Écritures screen: cached ledgers of the four accounts and two panes.
#[derive(Debug)]
pub struct Ledgers {
    ledgers: Vec<(MoneyKey, Ledger)>,
    pub panes: [Pane; 2],
    pub focus: usize,
}

impl Ledgers {
    pub fn new(data: Vec<(MoneyKey, Vec<LedgerRow>)>) -> Self {
        let mut screen = Ledgers {
            ledgers: Vec::new(),
            panes: [Pane::new(MoneyKey::Caisse), Pane::new(MoneyKey::Pro)],
            focus: 0,
        };
        screen.set_data(data);
        for pane in &mut screen.panes {
            let len = screen
                .ledgers
                .iter()
                .find(|(k, _)| *k == pane.account)
                .map_or(0, |(_, l)| l.rows.len());
            pane.selected = len.saturating_sub(1);
        }
        screen
    }

    fn set_data(&mut self, data: Vec<(MoneyKey, Vec<LedgerRow>)>) {
        self.ledgers = data
            .into_iter()
            .map(|(k, rows)| (k, Ledger::new(rows)))
            .collect();
    }

    pub fn ledger(&self, key: MoneyKey) -> &Ledger {
        find(&self.ledgers, key)
    }

    /// The ledger and the pane `i`, borrowed together.
    fn pane_mut(&mut self, i: usize) -> (&Ledger, &mut Pane) {
        let pane = &mut self.panes[i];
        (find(&self.ledgers, pane.account), pane)
    }

    pub fn balance(&self, key: MoneyKey) -> Money {
        self.ledger(key).balance
    }

    pub fn focused(&self) -> &Pane {
        &self.panes[self.focus]
    }

    /// The row under the cursor in the focused pane.
    pub fn selected_row(&self) -> Option<&LedgerRow> {
        let pane = self.focused();
        self.ledger(pane.account)
            .rows
            .get(pane.row_index(pane.selected))
    }

    /// New data after a change; the cursor goes to `entry` if given (into
    /// whichever pane can show it), else stays where it was.
    pub fn reload(
        &mut self,
        data: Vec<(MoneyKey, Vec<LedgerRow>)>,
        chart: &[Account],
        entry: Option<i64>,
    ) {
        let kept: Vec<Option<i64>> = self
            .panes
            .iter()
            .map(|p| {
                self.ledger(p.account)
                    .rows
                    .get(p.row_index(p.selected))
                    .map(|r| r.entry_id)
            })
            .collect();
        self.set_data(data);
        for (i, id) in kept.into_iter().enumerate() {
            self.refresh_pane(i, chart, id);
        }
        if let Some(id) = entry {
            self.show_entry(id, chart);
        }
    }

    fn refresh_pane(&mut self, i: usize, chart: &[Account], keep: Option<i64>) {
        let (ledger, pane) = self.pane_mut(i);
        let selected = pane.selected;
        pane.refilter(ledger, chart);
        let found = keep.is_some_and(|id| pane.select_entry(ledger, id));
        if !found {
            pane.selected = selected.min(pane.visible_len(ledger).saturating_sub(1));
        }
    }

    /// Puts the cursor on an entry: in the focused pane if it shows it, else
    /// the other pane, else the focused pane switches to an account that has it.
    pub fn show_entry(&mut self, id: i64, chart: &[Account]) {
        let has = |l: &Ledger| l.rows.iter().any(|r| r.entry_id == id);
        let order = [self.focus, 1 - self.focus];
        for i in order {
            if has(self.ledger(self.panes[i].account)) {
                self.focus = i;
                self.clear_filter_if_hidden(i, chart, id);
                return;
            }
        }
        if let Some(key) = self.ledgers.iter().find(|(_, l)| has(l)).map(|(k, _)| *k) {
            let pane = &mut self.panes[self.focus];
            pane.account = key;
            pane.filter = Input::default();
            self.refresh_pane(self.focus, chart, Some(id));
        }
    }

    fn clear_filter_if_hidden(&mut self, i: usize, chart: &[Account], id: i64) {
        let (ledger, pane) = self.pane_mut(i);
        if !pane.select_entry(ledger, id) {
            pane.filter = Input::default();
            pane.refilter(ledger, chart);
            pane.select_entry(ledger, id);
        }
    }

    /// Moves, switches panes or accounts. Returns false if the action is not
    /// one of the screen's.
    pub fn update(&mut self, action: Action, chart: &[Account]) -> bool {
        let focus = self.focus;
        let (ledger, pane) = self.pane_mut(focus);
        let last = pane.visible_len(ledger).saturating_sub(1);
        let page = pane.page.get().max(1);
        match action {
            Action::FocusOther => self.focus = 1 - focus,
            Action::FocusLeft => self.focus = 0,
            Action::FocusRight => self.focus = 1,
            Action::Up => pane.selected = pane.selected.saturating_sub(1),
            Action::Down => pane.selected = (pane.selected + 1).min(last),
            Action::PageUp => pane.selected = pane.selected.saturating_sub(page),
            Action::PageDown => pane.selected = (pane.selected + page).min(last),
            Action::Home => pane.selected = 0,
            Action::End => pane.selected = last,
            Action::CycleAccount => self.cycle_account(chart),
            Action::Filter => pane.editing_filter = true,
            Action::ClearFilter => self.set_filter(Input::default(), chart),
            _ => return false,
        }
        true
    }

    fn cycle_account(&mut self, chart: &[Account]) {
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
        let pane = &mut self.panes[self.focus];
        pane.account = next;
        pane.filter = Input::default();
        pane.selected = usize::MAX;
        pane.offset.set(0);
        self.refresh_pane(self.focus, chart, None);
    }

    fn set_filter(&mut self, filter: Input, chart: &[Account]) {
        let pane = &mut self.panes[self.focus];
        pane.filter = filter;
        pane.editing_filter = false;
        self.refresh_pane(self.focus, chart, None);
    }

    /// Keys while the filter line is being typed.
    pub fn update_filter(&mut self, action: Action, chart: &[Account]) {
        match action {
            Action::Submit => self.panes[self.focus].editing_filter = false,
            Action::Close => self.set_filter(Input::default(), chart),
            Action::Type(request) => {
                let mut filter = self.panes[self.focus].filter.clone();
                if filter.handle(request).is_some_and(|c| c.value) {
                    self.set_filter(filter, chart);
                    self.panes[self.focus].editing_filter = true;
                } else {
                    self.panes[self.focus].filter = filter;
                }
            }
            _ => {}
        }
    }

    pub fn editing_filter(&self) -> bool {
        self.focused().editing_filter
    }
}
