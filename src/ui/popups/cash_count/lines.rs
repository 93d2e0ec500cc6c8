//! The texts of the arrêté de caisse form: the total, the books and the
//! difference in words, the previous counts, the status after saving.

use crate::domain::cash_count::CashCount;
use crate::domain::{Money, format_date};
use crate::ui::widgets::theme;
use chrono::NaiveDate;
use ratatui::text::Line;

/// Previous counts listed under the form.
const PREVIOUS: usize = 4;

/// What the form adds up to now.
pub(super) struct Live {
    pub date: Option<NaiveDate>,
    pub total: Money,
    pub books: Option<Money>,
    /// Some count is not a whole number.
    pub bad_counts: bool,
    /// Some count is typed (a caisse found empty is typed 0).
    pub typed: bool,
}

impl Live {
    pub fn difference(&self) -> Option<Money> {
        self.books
            .filter(|_| self.typed && !self.bad_counts)
            .map(|b| self.total - b)
    }
}

/// −1,20 € / +3,00 € (a true minus sign).
pub(super) fn signed(amount: Money) -> String {
    if amount.is_negative() {
        format!("−{}", amount.abs().fr())
    } else if amount.is_positive() {
        format!("+{}", amount.fr())
    } else {
        amount.fr()
    }
}

/// What a difference means, in words.
pub fn difference_text(difference: Money) -> String {
    if difference.is_zero() {
        "La caisse est juste.".into()
    } else if difference.is_negative() {
        format!(
            "Écart : {} (il manque {} dans la caisse)",
            signed(difference),
            difference.abs().fr()
        )
    } else {
        format!(
            "Écart : {} (il y a {} de trop dans la caisse)",
            signed(difference),
            difference.fr()
        )
    }
}

/// The total, the books and the difference, as the form shows them.
pub(super) fn summary(live: &Live) -> Vec<Line<'static>> {
    let row = |label: &str, value: String| format!("{label:<40} {value:>14}");
    let mut lines = vec![Line::raw(row("Total compté", live.total.fr()))];
    match (live.date, live.books) {
        (Some(date), Some(books)) => lines.push(Line::raw(row(
            &format!("Caisse dans les livres au {}", format_date(date)),
            books.fr(),
        ))),
        _ => lines.push(Line::styled(
            "Caisse dans les livres : corrigez d'abord la date",
            theme::note(),
        )),
    }
    match live.difference() {
        Some(d) if d.is_zero() => lines.push(Line::styled(difference_text(d), theme::money_in())),
        Some(d) => lines.push(Line::styled(difference_text(d), theme::error())),
        None if live.bad_counts => lines.push(Line::styled(
            "Écart : corrigez d'abord les nombres en rouge",
            theme::note(),
        )),
        None if !live.typed => lines.push(Line::styled(
            "Écart : affiché dès qu'un nombre est tapé (0 pour une caisse vide)",
            theme::note(),
        )),
        None => {}
    }
    lines
}

/// The last counts of the exercice, oldest first.
pub(super) fn previous(counts: &[CashCount]) -> Vec<Line<'static>> {
    if counts.is_empty() {
        return vec![Line::styled(
            "Aucun arrêté de caisse enregistré cet exercice.",
            theme::note(),
        )];
    }
    let mut lines = vec![Line::styled(
        "Arrêtés précédents de l'exercice :",
        theme::title(),
    )];
    let skip = counts.len().saturating_sub(PREVIOUS);
    for c in &counts[skip..] {
        let difference = c.difference();
        let outcome = if difference.is_zero() {
            "caisse juste".to_string()
        } else {
            match &c.adjustment {
                Some(piece) => format!("écart {} (écriture {piece})", signed(difference)),
                None => format!("écart {} (sans écriture)", signed(difference)),
            }
        };
        lines.push(Line::raw(format!(
            "{} : compté {}, {outcome}",
            format_date(c.date),
            c.counted.fr()
        )));
    }
    lines
}

/// The status line after saving.
pub(super) fn saved(count: &CashCount) -> String {
    let date = format_date(count.date);
    let difference = count.difference();
    match &count.adjustment {
        _ if difference.is_zero() => {
            format!("Arrêté de caisse du {date} enregistré : la caisse est juste.")
        }
        Some(piece) => format!(
            "Arrêté de caisse du {date} enregistré : écart de {} passé en écriture {piece}.",
            signed(difference)
        ),
        None => format!(
            "Arrêté de caisse du {date} enregistré avec un écart de {} (sans écriture).",
            signed(difference)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cash_count::{DENOMINATIONS, value_name};

    #[test]
    fn a_difference_says_what_is_missing_or_over() {
        assert_eq!(
            difference_text(Money::from_cents(-120)),
            "Écart : −1,20 € (il manque 1,20 € dans la caisse)"
        );
        assert_eq!(
            difference_text(Money::from_cents(300)),
            "Écart : +3,00 € (il y a 3,00 € de trop dans la caisse)"
        );
        assert_eq!(difference_text(Money::ZERO), "La caisse est juste.");
        assert_eq!(super::super::VALUES.len(), DENOMINATIONS.len());
        for (label, cents) in super::super::VALUES.iter().zip(DENOMINATIONS) {
            assert_eq!(*label, value_name(cents));
        }
    }
}
