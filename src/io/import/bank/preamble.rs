//! The lines before the header row: La Banque Postale's export states the
//! account, its type, the currency, a date and the balance at that date
//! (`Date ;15/10/2025`, `Solde (EUROS) ;1 234,56`). A balance and its date
//! found there become the statement's stated balance.

use crate::domain::bank::StatementBalance;
use crate::domain::text::shown;
use crate::io::import::table::values::{AmountError, parse_amount, parse_date};
use crate::io::import::table::{Row, header_key};

/// The balance the preamble states, if it states both a balance and a date
/// (`Solde au 15/10/2025 ;…` gives both on one line).
pub fn stated_balance(preamble: &[Row]) -> Result<Option<StatementBalance>, String> {
    let mut balance = None;
    let mut date = None;
    for row in preamble {
        let Some(name) = row.cells.first() else {
            continue;
        };
        let key = header_key(name);
        let value = row.cells[1..]
            .iter()
            .find(|c| !c.is_empty())
            .map(String::as_str)
            .unwrap_or("");
        if key.starts_with("solde") {
            let amount = parse_amount(value).map_err(|e| {
                let why = match e {
                    AmountError::TooManyDecimals => "plus de deux décimales",
                    _ => "illisible",
                };
                format!(
                    "ligne {} : solde « {} » {why} : attendu un nombre comme 1 234,56",
                    row.line,
                    shown(value)
                )
            })?;
            balance = Some(amount);
            if let Some(on) = name.split_whitespace().find_map(|w| parse_date(w, None)) {
                date = Some(on);
            }
        } else if matches!(key.as_str(), "date" | "date du solde" | "date du releve") {
            date = Some(parse_date(value, None).ok_or_else(|| {
                format!(
                    "ligne {} : date du relevé « {} » illisible : attendu une date comme 15/10/2025",
                    row.line,
                    shown(value)
                )
            })?);
        }
    }
    Ok(match (balance, date) {
        (Some(balance), Some(date)) => Some(StatementBalance { date, balance }),
        _ => None,
    })
}
