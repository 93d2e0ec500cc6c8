//! Dates as the user types and reads them (jj/mm/aaaa), and the exercice: the
//! school year from 1 September to 31 August.

use chrono::{Datelike, NaiveDate};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("date vide : saisissez une date jj/mm/aaaa, par exemple 12/09/2024")]
    Empty,
    #[error(
        "« {0} » n'est pas une date : jj/mm/aaaa attendu (ex. 12/09/2024, 12/09 ou 2024-09-12)"
    )]
    Invalid(String),
    /// Day and month written right but no such day in the calendar
    /// (31/02, 31/04, 29/02 of a common year, month 13).
    #[error("« {typed} » : {why}")]
    NoSuchDay { typed: String, why: String },
    #[error("« {0} » n'est pas un exercice : aaaa-aaaa attendu (ex. 2024-2025)")]
    InvalidExercice(String),
}

/// Parses `12/09/2024`, `12/9/24`, `12/09` (year chosen so the date falls in
/// `context`'s exercice), `2024-09-12`, `12.09.2024`, `12-09-2024`.
pub fn parse_date(input: &str, context: Exercice) -> Result<NaiveDate, DateError> {
    let raw = input.trim();
    if raw.is_empty() {
        return Err(DateError::Empty);
    }
    let invalid = || DateError::Invalid(raw.to_string());
    if raw.split('-').next().is_some_and(|y| y.len() == 4)
        && let Ok(date) = NaiveDate::parse_from_str(raw, "%Y-%m-%d")
    {
        return Ok(date);
    }
    let parts: Vec<&str> = raw.split(['/', '.', '-']).collect();
    let number = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (day, month, year) = match parts.as_slice() {
        [d, m] => {
            let (d, m) = (
                number(d).ok_or_else(invalid)?,
                number(m).ok_or_else(invalid)?,
            );
            let year = if m >= 9 {
                context.start_year
            } else {
                context.start_year + 1
            };
            (d, m, year)
        }
        [d, m, y] => {
            let (d, m) = (
                number(d).ok_or_else(invalid)?,
                number(m).ok_or_else(invalid)?,
            );
            let y = number(y).ok_or_else(invalid)? as i32;
            let year = match y {
                0..=99 if parts[2].len() == 2 => 2000 + y,
                1900..=2999 => y,
                _ => return Err(invalid()),
            };
            (d, m, year)
        }
        _ => return Err(invalid()),
    };
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| DateError::NoSuchDay {
        typed: raw.to_string(),
        why: no_such_day(day, month, year),
    })
}

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// The French name of a month, `janvier` … `décembre` (1 to 12).
pub fn month_name(month: u32) -> &'static str {
    MONTHS[(month.clamp(1, 12) - 1) as usize]
}

/// Why day/month/year is not in the calendar, in French.
fn no_such_day(day: u32, month: u32, year: i32) -> String {
    if !(1..=12).contains(&month) {
        return format!("il n'y a pas de mois {month} (mois de 1 à 12)");
    }
    let name = MONTHS[month as usize - 1];
    let days = (28..=31)
        .rev()
        .find(|d| NaiveDate::from_ymd_opt(year, month, *d).is_some())
        .unwrap_or(28);
    if day == 0 {
        return format!("il n'y a pas de jour 0 (jours de 1 à {days} en {name})");
    }
    if month == 2 && day == 29 {
        return format!("le 29 février n'existe pas en {year} (année non bissextile)");
    }
    format!("le {day} {name} n'existe pas ({name} a {days} jours)")
}

/// `12/09/2024`.
pub fn format_date(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// The accounting year of a coop: 1 September `start_year` to 31 August
/// `start_year + 1`, named "2024-2025".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Exercice {
    pub start_year: i32,
}

impl Exercice {
    pub fn new(start_year: i32) -> Self {
        Exercice { start_year }
    }

    /// The exercice a date belongs to.
    pub fn of(date: NaiveDate) -> Self {
        let start_year = if date.month() >= 9 {
            date.year()
        } else {
            date.year() - 1
        };
        Exercice { start_year }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.start_year, 9, 1).expect("1 September exists")
    }

    pub fn last_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.start_year + 1, 8, 31).expect("31 August exists")
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        self.first_day() <= date && date <= self.last_day()
    }

    pub fn next(self) -> Self {
        Exercice::new(self.start_year + 1)
    }

    /// Parses `2024-2025` (also `2024/2025` and `2024`).
    pub fn parse(input: &str) -> Result<Self, DateError> {
        let raw = input.trim();
        let invalid = || DateError::InvalidExercice(raw.to_string());
        let parts: Vec<&str> = raw.split(['-', '/']).collect();
        let year = |s: &str| -> Option<i32> {
            (s.len() == 4)
                .then(|| s.parse().ok())
                .flatten()
                .filter(|y| (1900..=2999).contains(y))
        };
        match parts.as_slice() {
            [a] => year(a).map(Exercice::new).ok_or_else(invalid),
            [a, b] => {
                let (a, b) = (year(a).ok_or_else(invalid)?, year(b).ok_or_else(invalid)?);
                if b == a + 1 {
                    Ok(Exercice::new(a))
                } else {
                    Err(invalid())
                }
            }
            _ => Err(invalid()),
        }
    }
}

impl fmt::Display for Exercice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start_year, self.start_year + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn parses_the_usual_forms() {
        let ex = Exercice::new(2024);
        assert_eq!(parse_date("12/09/2024", ex), Ok(d(2024, 9, 12)));
        assert_eq!(parse_date("12/9/24", ex), Ok(d(2024, 9, 12)));
        assert_eq!(parse_date("2024-09-12", ex), Ok(d(2024, 9, 12)));
        assert_eq!(parse_date("12/09", ex), Ok(d(2024, 9, 12)));
        assert_eq!(parse_date("03/02", ex), Ok(d(2025, 2, 3)));
        assert_eq!(parse_date("31.08.2025", ex), Ok(d(2025, 8, 31)));
    }

    #[test]
    fn refuses_impossible_dates() {
        let ex = Exercice::new(2024);
        assert_eq!(parse_date("", ex), Err(DateError::Empty));
        let no_such_day = |input: &str| parse_date(input, ex).unwrap_err().to_string();
        assert_eq!(
            no_such_day("31/02/2026"),
            "« 31/02/2026 » : le 31 février n'existe pas (février a 28 jours)"
        );
        assert_eq!(
            no_such_day("31/04"),
            "« 31/04 » : le 31 avril n'existe pas (avril a 30 jours)"
        );
        assert_eq!(
            no_such_day("29/02/2025"),
            "« 29/02/2025 » : le 29 février n'existe pas en 2025 (année non bissextile)"
        );
        assert_eq!(
            no_such_day("12/13/2024"),
            "« 12/13/2024 » : il n'y a pas de mois 13 (mois de 1 à 12)"
        );
        assert_eq!(
            no_such_day("00/05/2025"),
            "« 00/05/2025 » : il n'y a pas de jour 0 (jours de 1 à 31 en mai)"
        );
        assert_eq!(parse_date("29/02/2024", ex), Ok(d(2024, 2, 29)));
        assert_eq!(
            parse_date("demain", ex),
            Err(DateError::Invalid("demain".into()))
        );
        assert_eq!(
            parse_date("1/2/3/4", ex),
            Err(DateError::Invalid("1/2/3/4".into()))
        );
    }

    #[test]
    fn exercice_runs_september_to_august() {
        assert_eq!(Exercice::of(d(2024, 9, 1)), Exercice::new(2024));
        assert_eq!(Exercice::of(d(2025, 8, 31)), Exercice::new(2024));
        assert_eq!(Exercice::of(d(2025, 9, 1)), Exercice::new(2025));
        assert_eq!(Exercice::new(2024).to_string(), "2024-2025");
        assert_eq!(Exercice::parse("2024-2025"), Ok(Exercice::new(2024)));
        assert_eq!(Exercice::parse("2024"), Ok(Exercice::new(2024)));
        assert!(Exercice::parse("2024-2026").is_err());
        assert!(Exercice::new(2024).contains(d(2025, 3, 1)));
        assert!(!Exercice::new(2024).contains(d(2025, 9, 1)));
        assert_eq!(format_date(d(2024, 9, 2)), "02/09/2024");
    }
}
