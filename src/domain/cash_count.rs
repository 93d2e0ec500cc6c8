//! The arrêté de caisse: the euro notes and coins counted in the cash box,
//! their total, and the difference with the Caisse balance in the books.
//! Parsing of a typed count (`20x3`, `0,50x4`), the checks every count
//! passes, and the detail string kept in the database (`2000x3 50x4`).

use super::field::{Field, FieldError};
use super::ledger::LedgerPoint;
use super::money::Money;
use super::text::{self, shown};
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

impl Counted {
    /// What these notes or coins are worth together.
    pub fn amount(&self) -> Money {
        Money::from_cents(self.cents.saturating_mul(i64::from(self.count)))
    }
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

/// The balance at the end of `date` of a ledger's points (sorted by date,
/// each with its running balance); zero before the first.
pub fn balance_at(points: &[LedgerPoint], date: NaiveDate) -> Money {
    let after = points.partition_point(|p| p.date <= date);
    after
        .checked_sub(1)
        .map_or(Money::ZERO, |last| points[last].balance)
}

/// The total of the notes and coins counted.
pub fn total(counts: &[Counted]) -> Money {
    Money::from_cents(
        counts
            .iter()
            .map(|c| c.amount().cents())
            .fold(0i64, i64::saturating_add),
    )
}

/// Most notes or coins of one value in a count (a school's cash box).
pub const MAX_PIECES: u32 = 100_000;

/// Longest "who counted".
pub const MAX_WHO: usize = text::MAX_NAME;

/// Longest reason of an adjustment (it goes into the entry's label, after
/// « Écart d'arrêté de caisse du jj/mm/aaaa : »).
pub const MAX_REASON: usize = 150;

/// What the values accepted are, for the messages.
const EXPECTED: &str = "billets 500 … 5 €, pièces 2 € … 0,01 €";

/// A note or coin's value for people: `20 €`, `0,50 €`.
pub fn value_name(cents: i64) -> String {
    if cents % 100 == 0 {
        format!("{} €", cents / 100)
    } else {
        Money::from_cents(cents).fr()
    }
}

/// `le billet de 20 €`, `la pièce de 0,50 €`.
pub fn denomination_name(cents: i64) -> String {
    if cents >= 500 {
        format!("le billet de {}", value_name(cents))
    } else {
        format!("la pièce de {}", value_name(cents))
    }
}

/// « compté » for a note, « comptée » for a coin.
fn counted_word(cents: i64) -> &'static str {
    if cents >= 500 { "compté" } else { "comptée" }
}

/// A count as the CLI types it: `20x3`, `0,50x4`, `0.01x7` (the value in
/// euros, comma or point, then `x` and how many).
pub fn parse_count(input: &str) -> Result<Counted, FieldError> {
    let raw = input.trim();
    let error = |message: String| FieldError::new(Field::Comptage, message);
    let Some((value, count)) = raw.rsplit_once(['x', 'X', '×']) else {
        return Err(error(format!(
            "« {} » : VALEURxNOMBRE attendu (ex. 20x3 pour trois billets de 20 €, 0,50x4 pour quatre pièces de 0,50 €)",
            shown(raw)
        )));
    };
    let value = value.trim();
    let cents = Money::parse(value)
        .ok()
        .filter(|m| !m.is_negative())
        .map(Money::cents)
        .ok_or_else(|| {
            error(format!(
                "« {} » : « {} » n'est pas une valeur en euros ({EXPECTED})",
                shown(raw),
                shown(value)
            ))
        })?;
    if !DENOMINATIONS.contains(&cents) {
        return Err(error(format!(
            "« {} » : {} n'est ni un billet ni une pièce en euros ({EXPECTED})",
            shown(raw),
            value_name(cents)
        )));
    }
    let count = count.trim();
    let not_whole = || {
        error(format!(
            "« {} » : « {} » n'est pas un nombre entier positif ou nul (combien de billets ou de pièces de {}, ex. {}x3)",
            shown(raw),
            shown(count),
            value_name(cents),
            value.replace(' ', "")
        ))
    };
    if count.is_empty() || !count.chars().all(|c| c.is_ascii_digit()) {
        return Err(not_whole());
    }
    let count = count
        .parse::<u64>()
        .ok()
        .and_then(|n| u32::try_from(n).ok())
        .filter(|n| *n <= MAX_PIECES)
        .ok_or_else(|| {
            error(format!(
                "« {} » : {} billets ou pièces, c'est trop (au plus 100 000 d'une même valeur)",
                shown(raw),
                shown(count)
            ))
        })?;
    Ok(Counted { cents, count })
}

/// Several typed counts: each parsed, no value given twice.
pub fn parse_counts<S: AsRef<str>>(inputs: &[S]) -> Result<Vec<Counted>, FieldError> {
    let mut counts: Vec<(Counted, &str)> = Vec::new();
    for input in inputs {
        let input = input.as_ref();
        let counted = parse_count(input)?;
        if let Some((_, first)) = counts.iter().find(|(c, _)| c.cents == counted.cents) {
            return Err(FieldError::new(
                Field::Comptage,
                format!(
                    "« {} » : {} est déjà {} (« {} ») : donnez chaque valeur une seule fois",
                    shown(input.trim()),
                    denomination_name(counted.cents),
                    counted_word(counted.cents),
                    shown(first.trim())
                ),
            ));
        }
        counts.push((counted, input));
    }
    Ok(counts.into_iter().map(|(c, _)| c).collect())
}

/// The checks every recorded count passes (the form builds counts itself):
/// known values, each once, not too many.
pub fn check_counts(counts: &[Counted]) -> Result<(), FieldError> {
    for (i, c) in counts.iter().enumerate() {
        if !DENOMINATIONS.contains(&c.cents) {
            return Err(FieldError::new(
                Field::Comptage,
                format!(
                    "{} n'est ni un billet ni une pièce en euros ({EXPECTED})",
                    value_name(c.cents)
                ),
            ));
        }
        if c.count > MAX_PIECES {
            return Err(FieldError::new(
                Field::Comptage,
                format!(
                    "{} : {} billets ou pièces, c'est trop (au plus 100 000 d'une même valeur)",
                    value_name(c.cents),
                    c.count
                ),
            ));
        }
        if counts[..i].iter().any(|o| o.cents == c.cents) {
            return Err(FieldError::new(
                Field::Comptage,
                format!(
                    "{} est {} deux fois : donnez chaque valeur une seule fois",
                    denomination_name(c.cents),
                    counted_word(c.cents)
                ),
            ));
        }
    }
    Ok(())
}

/// The counts as kept in SQL: `5000x2 2000x3`, largest first, zero counts
/// left out.
pub fn detail(counts: &[Counted]) -> String {
    let mut kept: Vec<Counted> = counts.iter().copied().filter(|c| c.count > 0).collect();
    kept.sort_by_key(|c| std::cmp::Reverse(c.cents));
    kept.iter()
        .map(|c| format!("{}x{}", c.cents, c.count))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads back a detail string written by [`detail`]; the error names the
/// part that is not `CENTSxCOUNT`.
pub fn parse_detail(text: &str) -> Result<Vec<Counted>, String> {
    text.split_whitespace()
        .map(|part| {
            let bad = || format!("détail d'arrêté de caisse « {} »", shown(part));
            let (cents, count) = part.split_once('x').ok_or_else(bad)?;
            let cents: i64 = cents.parse().map_err(|_| bad())?;
            let count: u32 = count.parse().map_err(|_| bad())?;
            if !DENOMINATIONS.contains(&cents) {
                return Err(bad());
            }
            Ok(Counted { cents, count })
        })
        .collect()
}

/// Who counted: free text, may be empty, no control character.
pub fn check_who(input: &str) -> Result<String, FieldError> {
    text::clean_text(Field::ComptePar, input, MAX_WHO)
}

/// The reason of an adjustment: required.
pub fn check_reason(input: &str) -> Result<String, FieldError> {
    text::required_text(
        Field::Motif,
        input,
        MAX_REASON,
        "vide : expliquez l'écart (ex. « erreur de rendu de monnaie à la kermesse »)",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn c(cents: i64, count: u32) -> Counted {
        Counted { cents, count }
    }

    #[test]
    fn parses_values_with_comma_or_point() {
        assert_eq!(parse_count("20x3"), Ok(c(2000, 3)));
        assert_eq!(parse_count("0,50x4"), Ok(c(50, 4)));
        assert_eq!(parse_count("500x1"), Ok(c(50_000, 1)));
        assert_eq!(parse_count("0.01x7"), Ok(c(1, 7)));
        assert_eq!(parse_count(" 2X0 "), Ok(c(200, 0)));
    }

    #[test]
    fn refuses_what_is_not_a_note_or_a_coin() {
        assert_eq!(
            parse_count("3x2").unwrap_err().to_string(),
            "Comptage : « 3x2 » : 3 € n'est ni un billet ni une pièce en euros (billets 500 … 5 €, pièces 2 € … 0,01 €)"
        );
        assert_eq!(
            parse_count("0,30x2").unwrap_err().message,
            "« 0,30x2 » : 0,30 € n'est ni un billet ni une pièce en euros (billets 500 … 5 €, pièces 2 € … 0,01 €)"
        );
        assert_eq!(
            parse_count("abcx2").unwrap_err().message,
            "« abcx2 » : « abc » n'est pas une valeur en euros (billets 500 … 5 €, pièces 2 € … 0,01 €)"
        );
        assert_eq!(
            parse_count("20").unwrap_err().message,
            "« 20 » : VALEURxNOMBRE attendu (ex. 20x3 pour trois billets de 20 €, 0,50x4 pour quatre pièces de 0,50 €)"
        );
    }

    #[test]
    fn refuses_a_count_that_is_not_whole() {
        for (input, count) in [("20x-1", "-1"), ("20x1,5", "1,5"), ("20x", "")] {
            assert_eq!(
                parse_count(input).unwrap_err().message,
                format!(
                    "« {input} » : « {count} » n'est pas un nombre entier positif ou nul (combien de billets ou de pièces de 20 €, ex. 20x3)"
                )
            );
        }
        assert_eq!(
            parse_count("5x100001").unwrap_err().message,
            "« 5x100001 » : 100001 billets ou pièces, c'est trop (au plus 100 000 d'une même valeur)"
        );
    }

    #[test]
    fn refuses_the_same_value_twice() {
        assert_eq!(
            parse_counts(&["20x3", "0,5x1", "20.00x1"])
                .unwrap_err()
                .message,
            "« 20.00x1 » : le billet de 20 € est déjà compté (« 20x3 ») : donnez chaque valeur une seule fois"
        );
        assert_eq!(
            parse_counts(&["0,50x1", "0.5x2"]).unwrap_err().message,
            "« 0.5x2 » : la pièce de 0,50 € est déjà comptée (« 0,50x1 ») : donnez chaque valeur une seule fois"
        );
        assert!(check_counts(&[c(50, 1), c(50, 2)]).is_err());
        assert!(check_counts(&[c(300, 1)]).is_err());
        assert!(check_counts(&[c(50, 1), c(200, 2)]).is_ok());
    }

    #[test]
    fn detail_is_largest_first_without_zeros() {
        let counts = [c(50, 4), c(2000, 3), c(100, 0), c(5000, 2)];
        assert_eq!(detail(&counts), "5000x2 2000x3 50x4");
        assert_eq!(total(&counts), Money::from_cents(16_200));
        assert_eq!(detail(&[]), "");
        assert_eq!(parse_detail(""), Ok(vec![]));
        assert!(parse_detail("5000x2 30x1").is_err());
        assert!(parse_detail("5000-2").is_err());
    }

    #[test]
    fn reason_is_required() {
        assert_eq!(
            check_reason("  ").unwrap_err().to_string(),
            "Motif : vide : expliquez l'écart (ex. « erreur de rendu de monnaie à la kermesse »)"
        );
        assert_eq!(check_reason(" pièce perdue ").unwrap(), "pièce perdue");
    }

    fn counts() -> impl Strategy<Value = Vec<Counted>> {
        proptest::collection::vec(0..=MAX_PIECES, DENOMINATIONS.len()).prop_map(|ns| {
            DENOMINATIONS
                .iter()
                .zip(ns)
                .map(|(&cents, count)| Counted { cents, count })
                .collect()
        })
    }

    proptest! {
        #[test]
        fn total_is_the_sum_of_value_times_count(counts in counts()) {
            let expected: i64 = counts.iter().map(|c| c.cents * i64::from(c.count)).sum();
            prop_assert_eq!(total(&counts), Money::from_cents(expected));
        }

        #[test]
        fn detail_reads_back(counts in counts()) {
            let back = parse_detail(&detail(&counts)).unwrap();
            let kept: Vec<Counted> = counts.iter().copied().filter(|c| c.count > 0).collect();
            prop_assert_eq!(&back, &kept);
            prop_assert_eq!(total(&back), total(&counts));
            prop_assert_eq!(detail(&back), detail(&counts));
        }

        #[test]
        fn typed_counts_parse_back(counts in counts()) {
            let typed: Vec<String> = counts
                .iter()
                .map(|c| format!("{}x{}", Money::from_cents(c.cents).fr_plain(), c.count))
                .collect();
            prop_assert_eq!(parse_counts(&typed).unwrap(), counts);
        }
    }
}
