//! The arrêté de caisse: the euro notes and coins counted in the cash box,
//! their total, and the difference with the Caisse balance in the books.
//! (Skeleton: the types every part shares; parsing and checks to fill.)

use super::money::Money;
use chrono::NaiveDate;

/// The euro notes and coins, in cents, largest first: 500 € … 5 €, 2 € … 1 c.
pub const DENOMINATIONS: [i64; 15] = [
    50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10, 5, 2, 1,
];

/// How many of one note or coin were counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counted {
    /// The value of the note or coin, in cents (one of [`DENOMINATIONS`]).
    pub cents: i64,
    pub count: u32,
}

/// What the user asks to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CashCountRequest {
    pub date: NaiveDate,
    /// Who counted (free text, may be empty).
    pub counted_by: String,
    /// The notes and coins counted (those not given count zero).
    pub counts: Vec<Counted>,
    /// Book the difference as an adjustment with this reason (a charge or
    /// a produit exceptionnel). `None`: record the count only.
    pub adjust: Option<String>,
}

/// A recorded count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CashCount {
    pub id: i64,
    pub date: NaiveDate,
    pub counted_by: String,
    pub counts: Vec<Counted>,
    pub counted: Money,
    /// The Caisse balance in the books at the end of that day, when counted.
    pub books: Money,
    /// The pièce of the adjustment entry, when the difference was booked.
    pub adjustment: Option<String>,
    pub reason: String,
}

impl CashCount {
    /// Counted − books: positive when the box holds more than the books say.
    pub fn difference(&self) -> Money {
        self.counted - self.books
    }
}

/// The total of the notes and coins counted.
pub fn total(counts: &[Counted]) -> Money {
    Money::from_cents(
        counts
            .iter()
            .map(|c| c.cents.saturating_mul(i64::from(c.count)))
            .fold(0i64, i64::saturating_add),
    )
}
