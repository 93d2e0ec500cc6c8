//! Payments read from AssoConnect exports, one row per AssoConnect id.

use crate::domain::Money;
use crate::domain::online::{PaymentRow, PaymentStatus};
use crate::store::entries::parse_iso_date;
use crate::store::{Result, StoreError};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

/// A payment as stored, with the ids of what the books did of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPayment {
    pub id: i64,
    pub batch_id: i64,
    pub ext_id: String,
    pub date: NaiveDate,
    pub payer: String,
    pub form: String,
    pub amount: Money,
    pub fee: Money,
    pub status: PaymentStatus,
    pub payout: Option<String>,
    pub campaign_id: Option<i64>,
    pub entry_id: Option<i64>,
    pub linked: bool,
    pub contribution_id: Option<i64>,
    pub fee_entry_id: Option<i64>,
    pub refund_entry_id: Option<i64>,
    pub fee_refund_entry_id: Option<i64>,
    pub to_assign: bool,
    pub assigned_none: bool,
}

impl StoredPayment {
    /// Counted in the books: paid (not refunded) and on Collectes en ligne.
    pub fn is_counted(&self) -> bool {
        self.status == PaymentStatus::Paid && self.entry_id.is_some()
    }
}

const SELECT: &str = "SELECT id, batch_id, ext_id, date, payer, form, amount_cents, fee_cents,
        status, payout_ref, campaign_id, entry_id, linked, contribution_id, fee_entry_id,
        refund_entry_id, fee_refund_entry_id, to_assign, assigned_none
     FROM online_payment";

fn read(row: &rusqlite::Row) -> rusqlite::Result<(StoredPayment, String, String)> {
    Ok((
        StoredPayment {
            id: row.get(0)?,
            batch_id: row.get(1)?,
            ext_id: row.get(2)?,
            date: NaiveDate::MIN,
            payer: row.get(4)?,
            form: row.get(5)?,
            amount: Money::from_cents(row.get(6)?),
            fee: Money::from_cents(row.get(7)?),
            status: PaymentStatus::Paid,
            payout: row.get(9)?,
            campaign_id: row.get(10)?,
            entry_id: row.get(11)?,
            linked: row.get(12)?,
            contribution_id: row.get(13)?,
            fee_entry_id: row.get(14)?,
            refund_entry_id: row.get(15)?,
            fee_refund_entry_id: row.get(16)?,
            to_assign: row.get(17)?,
            assigned_none: row.get(18)?,
        },
        row.get(3)?,
        row.get(8)?,
    ))
}

fn finish((mut p, date, status): (StoredPayment, String, String)) -> Result<StoredPayment> {
    p.date = parse_iso_date(&date)?;
    p.status = PaymentStatus::from_key(&status)
        .ok_or_else(|| StoreError::Corrupt(format!("statut de paiement « {status} »")))?;
    Ok(p)
}

fn load(
    conn: &Connection,
    filter: &str,
    value: rusqlite::types::Value,
) -> Result<Vec<StoredPayment>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE {filter} ORDER BY date, id"))?;
    let raws = stmt
        .query_map([value], read)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    raws.into_iter().map(finish).collect()
}

/// Every payment, oldest first.
pub fn all(conn: &Connection) -> Result<Vec<StoredPayment>> {
    load(conn, "1 = ?1", 1.into())
}

pub fn one(conn: &Connection, id: i64) -> Result<Option<StoredPayment>> {
    Ok(load(conn, "id = ?1", id.into())?.pop())
}

pub fn by_ext_id(conn: &Connection, ext_id: &str) -> Result<Option<StoredPayment>> {
    Ok(load(conn, "ext_id = ?1", ext_id.to_string().into())?.pop())
}

/// The payments of one payout, oldest first.
pub fn of_payout(conn: &Connection, reference: &str) -> Result<Vec<StoredPayment>> {
    load(conn, "payout_ref = ?1", reference.to_string().into())
}

/// Whether a contribution is already the one of a payment.
pub fn holds_contribution(conn: &Connection, contribution_id: i64) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM online_payment WHERE contribution_id = ?1",
            [contribution_id],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// What the import decided for a new payment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Booked {
    pub campaign_id: Option<i64>,
    pub entry_id: Option<i64>,
    pub linked: bool,
    pub contribution_id: Option<i64>,
    pub to_assign: bool,
}

/// Stores a new payment of `batch`; returns its id.
pub fn insert(
    tx: &Transaction,
    batch: i64,
    row: &PaymentRow,
    booked: &Booked,
    now: &str,
) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO online_payment (batch_id, ext_id, date, payer, form, amount_cents,
            fee_cents, status, payout_ref, campaign_id, entry_id, linked, contribution_id,
            to_assign, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        batch,
        row.ext_id,
        row.date.to_string(),
        row.payer,
        row.form,
        row.amount.cents(),
        row.fee.cents(),
        row.status.key(),
        row.payout,
        booked.campaign_id,
        booked.entry_id,
        booked.linked,
        booked.contribution_id,
        booked.to_assign,
        now
    ])?;
    Ok(tx.last_insert_rowid())
}

pub fn set_fee_entry(tx: &Transaction, id: i64, entry: i64) -> Result<()> {
    tx.execute(
        "UPDATE online_payment SET fee_entry_id = ?2 WHERE id = ?1",
        params![id, entry],
    )?;
    Ok(())
}

/// A known payment now refunded: its status and the entries that cancel it.
pub fn set_refunded(
    tx: &Transaction,
    id: i64,
    refund_entry: Option<i64>,
    fee_refund_entry: Option<i64>,
) -> Result<()> {
    tx.execute(
        "UPDATE online_payment SET status = 'rembourse', refund_entry_id = ?2,
            fee_refund_entry_id = ?3, to_assign = 0 WHERE id = ?1",
        params![id, refund_entry, fee_refund_entry],
    )?;
    Ok(())
}

pub fn set_payout(tx: &Transaction, id: i64, payout: Option<&str>) -> Result<()> {
    tx.execute(
        "UPDATE online_payment SET payout_ref = ?2 WHERE id = ?1",
        params![id, payout],
    )?;
    Ok(())
}

/// The user's attribution: a contribution, or none.
pub fn set_assigned(tx: &Transaction, id: i64, contribution: Option<i64>) -> Result<()> {
    tx.execute(
        "UPDATE online_payment SET contribution_id = ?2, to_assign = 0,
            assigned_none = (?2 IS NULL) WHERE id = ?1",
        params![id, contribution],
    )?;
    Ok(())
}

/// An online contribution recorded by hand that a payment may be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub contribution_id: i64,
    pub campaign_id: i64,
    pub entry_id: i64,
    pub date: NaiveDate,
    pub pupil_nom: String,
}

/// The online contributions of `amount` dated `from..=to`, not cancelled,
/// not already a payment's, oldest first.
pub fn link_candidates(
    conn: &Connection,
    amount: Money,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Candidate>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.campaign_id, c.entry_id, c.date, p.nom FROM contribution c
         JOIN pupil p ON p.id = c.pupil_id
         WHERE c.channel = 'en-ligne' AND c.amount_cents = ?1 AND c.date BETWEEN ?2 AND ?3
           AND c.entry_id IS NOT NULL AND c.cancelled_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM entry r WHERE r.reverses = c.entry_id)
           AND NOT EXISTS (SELECT 1 FROM online_payment o WHERE o.contribution_id = c.id)
         ORDER BY c.date, c.id",
    )?;
    let raws = stmt
        .query_map(
            params![amount.cents(), from.to_string(), to.to_string()],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                ))
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    raws.into_iter()
        .map(
            |(contribution_id, campaign_id, entry_id, date, pupil_nom)| {
                Ok(Candidate {
                    contribution_id,
                    campaign_id,
                    entry_id,
                    date: parse_iso_date(&date)?,
                    pupil_nom,
                })
            },
        )
        .collect()
}

/// The payments counted and not yet given a fee entry.
pub fn fees_to_book(conn: &Connection) -> Result<Vec<StoredPayment>> {
    load(
        conn,
        "status = 'paye' AND entry_id IS NOT NULL AND fee_entry_id IS NULL AND fee_cents > ?1",
        0.into(),
    )
}
