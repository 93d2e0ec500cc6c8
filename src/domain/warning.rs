//! Things the books accept but the user should see before they are written:
//! a date after today, a pupil already recorded for a campaign. The book
//! lists them for a request; the app asks before saving, the CLI prints them
//! on stderr and goes on.

use super::dates::{Exercice, format_date, parse_date};
use super::participation::{Channel, Contribution};
use chrono::NaiveDate;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// The typed date is after today.
    FutureDate { date: NaiveDate, today: NaiveDate },
    /// The pupil already has contributions for the campaign: each as
    /// "8,00 € le 12/10, espèces".
    AlreadyRecorded { pupil: String, already: Vec<String> },
}

impl Warning {
    /// "déjà : 8,00 € le 12/10, espèces" for a pupil already recorded.
    pub fn already_line(&self) -> Option<String> {
        match self {
            Warning::AlreadyRecorded { already, .. } => {
                Some(format!("déjà : {}", already.join(" ; ")))
            }
            Warning::FutureDate { .. } => None,
        }
    }

    /// The question the app asks before saving anyway.
    pub fn question(&self) -> String {
        match self {
            Warning::FutureDate { date, today } => format!(
                "La date {} est après aujourd'hui ({}). Enregistrer quand même ?",
                format_date(*date),
                format_date(*today)
            ),
            Warning::AlreadyRecorded { pupil, already } => format!(
                "{pupil} a déjà une participation pour cette campagne ({}). En ajouter une autre ?",
                already.join(" ; ")
            ),
        }
    }
}

/// "la date 12/03/2027 est après aujourd'hui (01/12/2026)": the CLI prints it
/// after "attention : ".
impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::FutureDate { date, today } => write!(
                f,
                "la date {} est après aujourd'hui ({})",
                format_date(*date),
                format_date(*today)
            ),
            Warning::AlreadyRecorded { pupil, already } => write!(
                f,
                "{pupil} a déjà une participation pour cette campagne ({})",
                already.join(" ; ")
            ),
        }
    }
}

/// A warning if the typed date reads as a day after `today` (a date that
/// does not read is left to the request's own check).
pub fn future_date(input: &str, exercice: Exercice, today: NaiveDate) -> Option<Warning> {
    let date = parse_date(input, exercice).ok()?;
    (date > today).then_some(Warning::FutureDate { date, today })
}

/// "8,00 € le 12/10, espèces": one earlier contribution, as the envelope
/// line and the warning show it.
pub fn already_text(contribution: &Contribution) -> String {
    let how = match contribution.channel {
        Channel::Cheque => "chèque à rendre",
        other => other.label(),
    };
    format!(
        "{} le {}, {how}",
        contribution.amount,
        contribution.date.format("%d/%m")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn only_a_day_after_today_warns() {
        let ex = Exercice { start_year: 2026 };
        let today = day(2026, 12, 1);
        assert_eq!(future_date("01/12/2026", ex, today), None);
        assert_eq!(future_date("pas une date", ex, today), None);
        let warning = future_date("12/03/2027", ex, today).unwrap();
        assert_eq!(
            warning.to_string(),
            "la date 12/03/2027 est après aujourd'hui (01/12/2026)"
        );
        assert_eq!(
            warning.question(),
            "La date 12/03/2027 est après aujourd'hui (01/12/2026). Enregistrer quand même ?"
        );
    }
}
