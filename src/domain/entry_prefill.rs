//! Requests prefilled for a new entry, or from a stored entry to edit it.

use super::accounts::{Account, MoneyKey};
use super::dates::format_date;
use super::entry::{Entry, EntryKind, PaymentMode};
use super::entry_request::{EntryRequest, SplitInput, TransferRequest};

impl EntryRequest {
    /// An empty recette or dépense on `account`, dated `date`, numbered `piece`.
    pub fn blank(kind: EntryKind, account: MoneyKey, date: &str, piece: &str) -> Self {
        EntryRequest {
            date: date.to_string(),
            kind,
            account,
            amount: String::new(),
            label: String::new(),
            mode: Some(PaymentMode::default_for(account)),
            splits: vec![SplitInput::default()],
            piece: piece.to_string(),
            cheque_no: String::new(),
        }
    }

    /// The request that would rebuild a stored recette or dépense (to edit it).
    pub fn from_entry(entry: &Entry, chart: &[Account]) -> Option<Self> {
        if !matches!(entry.kind, EntryKind::Recette | EntryKind::Depense) {
            return None;
        }
        let money = entry.lines.iter().find_map(|l| {
            chart
                .iter()
                .find(|a| a.code == l.account_code)
                .and_then(|a| a.money_key)
                .map(|k| (k, l.amount))
        })?;
        let splits: Vec<SplitInput> = entry
            .category_lines(chart)
            .map(|l| SplitInput {
                code: l.account_code.clone(),
                amount: l.amount.abs().fr_plain(),
            })
            .collect();
        Some(EntryRequest {
            date: format_date(entry.date),
            kind: entry.kind,
            account: money.0,
            amount: money.1.abs().fr_plain(),
            label: entry.label.clone(),
            mode: entry.mode,
            splits,
            piece: entry.piece.clone(),
            cheque_no: entry.cheque_no.clone().unwrap_or_default(),
        })
    }
}

impl TransferRequest {
    /// The request that would rebuild a stored virement (to edit it).
    pub fn from_entry(entry: &Entry, chart: &[Account]) -> Option<Self> {
        if entry.kind != EntryKind::Virement {
            return None;
        }
        let key_of = |code: &str| {
            chart
                .iter()
                .find(|a| a.code == code)
                .and_then(|a| a.money_key)
        };
        let from = entry.lines.iter().find(|l| l.amount.is_negative())?;
        let to = entry.lines.iter().find(|l| l.amount.is_positive())?;
        Some(TransferRequest {
            date: format_date(entry.date),
            from: key_of(&from.account_code)?,
            to: key_of(&to.account_code)?,
            amount: to.amount.fr_plain(),
            label: entry.label.clone(),
            piece: entry.piece.clone(),
        })
    }
}
