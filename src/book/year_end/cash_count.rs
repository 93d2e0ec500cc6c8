//! Recording an arrêté de caisse, listing them. A count compares the notes
//! and coins in the box with the Caisse in the books at the end of that
//! day; a difference may be booked as an adjustment (a charge or a produit
//! exceptionnel on the Caisse), in the same transaction as the count.

use crate::book::Book;
use crate::book::write::{Audit, Writing};
use crate::domain::cash_count::{self, CashCount, CashCountRequest};
use crate::domain::entry_request::{EntryRequest, SplitInput, build_entry};
use crate::domain::{
    AccountKind, ChartRow, EntryKind, Exercice, Field, FieldError, FieldErrors, Money, MoneyKey,
    PaymentMode, format_date,
};
use crate::store::{self, Result, StoreError};
use chrono::NaiveDate;

/// The category an adjustment goes to: money missing is a charge
/// exceptionnelle, money found a produit exceptionnel.
struct AdjustmentCategory {
    code: &'static str,
    label: &'static str,
    kind: AccountKind,
    entry: EntryKind,
}

const MISSING: AdjustmentCategory = AdjustmentCategory {
    code: "671",
    label: "Charges exceptionnelles",
    kind: AccountKind::Charge,
    entry: EntryKind::Depense,
};

const FOUND: AdjustmentCategory = AdjustmentCategory {
    code: "771",
    label: "Produits exceptionnels",
    kind: AccountKind::Produit,
    entry: EntryKind::Recette,
};

/// The request checked: who counted and the reason cleaned.
struct Checked {
    counted_by: String,
    reason: Option<String>,
}

impl Book {
    /// The Caisse balance in the books at the end of `date`.
    pub fn caisse_at(&self, date: NaiveDate) -> Result<Money> {
        caisse_in(self.conn(), Exercice::of(date), date, self.chart())
    }

    /// Records a count (and, with `adjust`, books the difference), as one
    /// action.
    pub fn record_cash_count(&mut self, request: &CashCountRequest) -> Result<CashCount> {
        let exercice = self.exercice();
        let checked = self.check_count(request)?;
        let request = CashCountRequest {
            counted_by: checked.counted_by,
            ..request.clone()
        };
        let reason = checked.reason;
        let (id, created_category) = self.write(exercice, |w| record_in(w, &request, reason))?;
        if created_category {
            self.reload_chart()?;
        }
        store::cash_counts::load_one(self.conn(), id)?
            .ok_or_else(|| StoreError::Corrupt("arrêté de caisse introuvable".into()))
    }

    /// The counts of an exercice, oldest first.
    pub fn cash_counts(&self, exercice: Exercice) -> Result<Vec<CashCount>> {
        store::cash_counts::list(self.conn(), exercice)
    }

    /// The last count of an exercice (the latest date), if any.
    pub fn last_cash_count(&self, exercice: Exercice) -> Result<Option<CashCount>> {
        store::cash_counts::last(self.conn(), exercice)
    }

    /// Every field of the request, checked before anything is written.
    fn check_count(&self, request: &CashCountRequest) -> Result<Checked> {
        let exercice = self.exercice();
        let mut errors = Vec::new();
        let date = request.date;
        if !exercice.contains(date) {
            errors.push(crate::domain::entry_request::outside_exercice(
                date, exercice,
            ));
        } else if date > self.clock().today() {
            errors.push(FieldError::new(
                Field::Date,
                format!(
                    "« {} » est dans le futur : une caisse se compte au plus tard aujourd'hui ({})",
                    format_date(date),
                    format_date(self.clock().today())
                ),
            ));
        }
        if let Err(e) = cash_count::check_counts(&request.counts) {
            errors.push(e);
        }
        let counted_by = cash_count::check_who(&request.counted_by)
            .map_err(|e| errors.push(e))
            .unwrap_or_default();
        let reason = match &request.adjust {
            Some(reason) => cash_count::check_reason(reason)
                .map_err(|e| errors.push(e))
                .ok(),
            None => None,
        };
        if !errors.is_empty() {
            return Err(FieldErrors(errors).into());
        }
        Ok(Checked { counted_by, reason })
    }
}

/// The Caisse balance at the end of `date` (0 without a Caisse account).
fn caisse_in(
    conn: &rusqlite::Connection,
    exercice: Exercice,
    date: NaiveDate,
    chart: &[crate::domain::Account],
) -> Result<Money> {
    Ok(store::ledger::balances(conn, exercice, Some(date), chart)?
        .into_iter()
        .find(|(key, _)| *key == MoneyKey::Caisse)
        .map_or(Money::ZERO, |(_, amount)| amount))
}

/// Inside the transaction: the books' balance, the adjustment when asked
/// and needed, the count. Returns the count's id and whether a category
/// was added to the chart.
fn record_in(
    w: &Writing<'_>,
    request: &CashCountRequest,
    reason: Option<String>,
) -> Result<((i64, bool), Audit)> {
    let books = caisse_in(w.tx, w.exercice, request.date, w.chart)?;
    let counted = cash_count::total(&request.counts);
    let difference = counted - books;
    let mut adjustment = None;
    let mut created = false;
    let mut booked = String::new();
    if let Some(reason) = reason.as_deref()
        && !difference.is_zero()
    {
        let (id, added, audit) = adjust(w, request.date, difference, reason)?;
        adjustment = Some(id);
        created = added;
        booked = format!(" ; ajustement : {}", audit.after.unwrap_or_default());
    }
    let id = store::cash_counts::insert(
        w.tx,
        w.exercice,
        &store::cash_counts::NewCount {
            request,
            books,
            adjustment_entry_id: adjustment,
            reason: if adjustment.is_some() {
                reason.as_deref().unwrap_or("")
            } else {
                ""
            },
        },
        w.now,
    )?;
    let audit = Audit::new("ajout", "arrete_caisse")
        .id(Some(id))
        .after(format!(
            "arrêté de caisse du {} ; compté {} ({}) ; livres {} ; écart {}{}{booked}",
            format_date(request.date),
            counted.fr(),
            cash_count::detail(&request.counts),
            books.fr(),
            difference.fr(),
            if request.counted_by.is_empty() {
                String::new()
            } else {
                format!(" ; compté par {}", request.counted_by)
            },
        ));
    Ok(((id, created), audit))
}

/// Books `difference` on the Caisse: missing cash a dépense on 671, cash
/// found a recette on 771 (the category added if the chart lacks it).
fn adjust(
    w: &Writing<'_>,
    date: NaiveDate,
    difference: Money,
    reason: &str,
) -> Result<(i64, bool, Audit)> {
    let category = if difference.is_negative() {
        MISSING
    } else {
        FOUND
    };
    let mut added = false;
    let mut chart = w.chart.to_vec();
    let mut shown_again = false;
    match store::accounts::hidden_of(w.tx, category.code)? {
        Some(false) => {}
        // A category the user hid is used as it is, and shown again: the
        // adjustment must stay visible and editable in the books.
        Some(true) => {
            store::accounts::unhide(w.tx, category.code)?;
            chart = store::accounts::load_chart(w.tx)?;
            added = true;
            shown_again = true;
        }
        None => {
            store::accounts::insert_chart(
                w.tx,
                &[ChartRow {
                    code: category.code.into(),
                    label: category.label.into(),
                    kind: category.kind,
                    money_key: None,
                    crf_heading: Some(category.label.into()),
                }],
            )?;
            chart = store::accounts::load_chart(w.tx)?;
            added = true;
        }
    }
    let label = format!(
        "Écart d'arrêté de caisse du {} : {reason}",
        format_date(date)
    );
    let request = EntryRequest {
        date: format_date(date),
        kind: category.entry,
        account: MoneyKey::Caisse,
        amount: difference.abs().std(),
        label,
        mode: Some(PaymentMode::Especes),
        splits: vec![SplitInput {
            code: category.code.into(),
            amount: String::new(),
        }],
        piece: store::entries::next_piece(w.tx, w.exercice, category.entry)?,
        cheque_no: String::new(),
    };
    let entry = build_entry(&request, &chart, w.exercice)?;
    let (id, mut audit) = crate::book::insert_checked(w, &entry, "ecriture")?;
    if shown_again && let Some(after) = audit.after.as_mut() {
        after.push_str(&format!(
            " ; catégorie {} réaffichée dans le plan comptable",
            category.code
        ));
    }
    Ok((id, added, audit))
}
