//! Exact money amounts: parsing the ways a French user types them, formatting
//! them the French way, and converting to and from integer cents for storage.

use rust_decimal::Decimal;
use std::fmt;
use std::ops::{Add, AddAssign, Neg, Sub, SubAssign};

/// An amount of euros, exact, with at most two decimals (the invariant is kept
/// by every constructor). May be negative (balances, signed ledger lines); an
/// entry's typed amount is checked positive with [`Money::parse_positive`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(Decimal);

/// Why a typed amount was refused. The messages are shown to the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("montant vide : saisissez un montant, par exemple 12,50")]
    Empty,
    #[error("« {0} » n'est pas un montant : chiffres attendus, par exemple 12,50")]
    NotANumber(String),
    #[error("« {0} » a plus de deux décimales : les centimes s'arrêtent à 2 chiffres (ex. 12,35)")]
    TooManyDecimals(String),
    /// `1.250`: a lone point before exactly three digits may group thousands
    /// (1 250) or mark decimals (1,25): asked, never guessed.
    #[error(
        "« {0} » : point des milliers ou décimale ? écrivez {1} pour {1} €, ou une virgule et deux chiffres pour les centimes (ex. {2})"
    )]
    AmbiguousPoint(String, String, String),
    #[error("« {0} » est trop grand pour un montant (au plus 9 999 999 999,99)")]
    TooLarge(String),
    #[error("« {0} » : le montant doit être supérieur à zéro")]
    NotPositive(String),
}

/// Largest amount accepted from the user, in cents (keeps sums far from i64 limits).
const MAX_CENTS: i64 = 999_999_999_999;

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    pub fn from_cents(cents: i64) -> Self {
        Money(Decimal::new(cents, 2))
    }

    /// Integer cents, as stored in SQLite.
    pub fn cents(self) -> i64 {
        // Exact: the scale is at most 2 by construction. Fast path for the
        // usual scale of 2 (every amount read from the database).
        if self.0.scale() == 2
            && let Ok(cents) = i64::try_from(self.0.mantissa())
        {
            return cents;
        }
        let scaled = self.0 * Decimal::ONE_HUNDRED;
        i64::try_from(scaled.trunc()).unwrap_or(if scaled.is_sign_negative() {
            i64::MIN
        } else {
            i64::MAX
        })
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    pub fn is_positive(self) -> bool {
        self.0 > Decimal::ZERO
    }

    pub fn is_negative(self) -> bool {
        self.0 < Decimal::ZERO
    }

    pub fn abs(self) -> Self {
        Money(self.0.abs())
    }

    /// Parses what a user types: `12,50`, `12.50`, `1 234,50`, `1 234,50 €`,
    /// `12 €`, `1.234,50`, `-3,20`. Refuses more than two decimals (never rounds).
    pub fn parse(input: &str) -> Result<Money, MoneyError> {
        let raw = input.trim();
        if raw.is_empty() {
            return Err(MoneyError::Empty);
        }
        let not_a_number = || MoneyError::NotANumber(raw.to_string());
        let without_currency = raw
            .trim_end_matches(['€', ' '])
            .trim_end_matches("EUR")
            .trim_end_matches("eur")
            .trim();
        if !spaces_well_grouped(without_currency) {
            return Err(not_a_number());
        }
        let text: String = raw
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '€'))
            .collect();
        let text = text
            .strip_suffix("EUR")
            .or_else(|| text.strip_suffix("eur"))
            .unwrap_or(&text);
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let normalized = normalize_separators(digits).ok_or_else(not_a_number)?;
        let (int_part, frac_part) = normalized
            .split_once('.')
            .unwrap_or((normalized.as_str(), ""));
        let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if !all_digits(int_part)
            || !all_digits(frac_part)
            || (int_part.is_empty() && frac_part.is_empty())
            || normalized.ends_with('.')
        {
            return Err(not_a_number());
        }
        if frac_part.len() == 3
            && digits.matches('.').count() == 1
            && !digits.contains(',')
            && (1..=3).contains(&int_part.len())
            && !int_part.starts_with('0')
        {
            let sign = if negative { "-" } else { "" };
            return Err(MoneyError::AmbiguousPoint(
                raw.to_string(),
                format!("{sign}{int_part} {frac_part}"),
                format!("{sign}{int_part},{}", &frac_part[..2]),
            ));
        }
        if frac_part.len() > 2 {
            return Err(MoneyError::TooManyDecimals(raw.to_string()));
        }
        let exact = format!(
            "{}.{}",
            if int_part.is_empty() { "0" } else { int_part },
            frac_part
        );
        let exact = exact.trim_end_matches('.');
        let value =
            Decimal::from_str_exact(exact).map_err(|_| MoneyError::TooLarge(raw.to_string()))?;
        let money = Money(if negative { -value } else { value });
        if money.0.abs() > Decimal::new(MAX_CENTS, 2) {
            return Err(MoneyError::TooLarge(raw.to_string()));
        }
        Ok(money)
    }

    /// Parses an amount that must be strictly positive (an entry's amount).
    pub fn parse_positive(input: &str) -> Result<Money, MoneyError> {
        let money = Money::parse(input)?;
        if money.is_positive() {
            Ok(money)
        } else {
            Err(MoneyError::NotPositive(input.trim().to_string()))
        }
    }

    /// French display without the euro sign: `1 234,56`, `-12,50`.
    pub fn fr_plain(self) -> String {
        let (sign, euros, cents) = self.parts();
        format!("{sign}{},{cents:02}", group_thousands(euros))
    }

    /// Characters of [`Money::fr_plain`], counted without formatting (screens
    /// size their columns over thousands of rows).
    pub fn fr_plain_width(self) -> usize {
        let (sign, euros, _) = self.parts();
        let digits = euros.checked_ilog10().map_or(1, |log| log as usize + 1);
        sign.len() + digits + (digits - 1) / 3 + 3
    }

    /// French display with the euro sign: `1 234,56 €`.
    pub fn fr(self) -> String {
        format!("{} €", self.fr_plain())
    }

    /// Machine display: `-12.50`, `1843.20` (CLI balance, standard CSV).
    pub fn std(self) -> String {
        let (sign, euros, cents) = self.parts();
        format!("{sign}{euros}.{cents:02}")
    }

    fn parts(self) -> (&'static str, u64, u64) {
        let cents = self.cents();
        let sign = if cents < 0 { "-" } else { "" };
        let abs = cents.unsigned_abs();
        (sign, abs / 100, abs % 100)
    }
}

/// Turns the digits part into `1234.50` form: a lone `,` or `.` is the decimal
/// mark; with both, the last one is the decimal mark and the other groups
/// thousands. Returns `None` when the separators make no sense.
fn normalize_separators(digits: &str) -> Option<String> {
    let commas = digits.matches(',').count();
    let dots = digits.matches('.').count();
    let last_comma = digits.rfind(',');
    let last_dot = digits.rfind('.');
    match (commas, dots) {
        (0, 0) | (0, 1) => Some(digits.to_string()),
        (1, 0) => Some(digits.replace(',', ".")),
        (1, _) if last_comma > last_dot && well_grouped(&digits[..last_comma?], '.') => {
            Some(digits.replace('.', "").replace(',', "."))
        }
        (_, 1) if last_dot > last_comma && well_grouped(&digits[..last_dot?], ',') => {
            Some(digits.replace(',', ""))
        }
        _ => None,
    }
}

/// Thousands groups: 1 to 3 digits, then groups of exactly 3 (`1.234.567`).
/// A misplaced separator (`1.5,25`) is refused rather than guessed.
fn well_grouped(integer: &str, separator: char) -> bool {
    let mut groups = integer.split(separator);
    let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()));
    first_ok && groups.all(|g| g.len() == 3)
}

/// Spaces between digits must group thousands too (`1 234,50`, not `1 2,50`).
fn spaces_well_grouped(number: &str) -> bool {
    let integer = number.split([',', '.']).next().unwrap_or("");
    let integer = integer.trim_start_matches(['-', '+']).trim();
    if !integer.contains([' ', '\u{a0}', '\u{202f}']) {
        return true;
    }
    let mut groups = integer.split([' ', '\u{a0}', '\u{202f}']);
    let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()));
    first_ok && groups.all(|g| g.len() == 3)
}

fn group_thousands(mut n: u64) -> String {
    let mut groups = Vec::new();
    loop {
        groups.push(n % 1000);
        n /= 1000;
        if n == 0 {
            break;
        }
    }
    let mut out = groups.pop().map(|g| g.to_string()).unwrap_or_default();
    while let Some(g) = groups.pop() {
        out.push(' ');
        out.push_str(&format!("{g:03}"));
    }
    out
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.fr())
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, rhs: Money) {
        self.0 += rhs.0;
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0 - rhs.0)
    }
}

impl SubAssign for Money {
    fn sub_assign(&mut self, rhs: Money) {
        self.0 -= rhs.0;
    }
}

impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(-self.0)
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> i64 {
        Money::parse(s).unwrap().cents()
    }

    #[test]
    fn accepts_the_usual_ways_of_typing() {
        assert_eq!(ok("12,50"), 1250);
        assert_eq!(ok("12.50"), 1250);
        assert_eq!(ok("1 234,50"), 123_450);
        assert_eq!(ok("1\u{a0}234,50 €"), 123_450);
        assert_eq!(ok("12 €"), 1200);
        assert_eq!(ok("12€"), 1200);
        assert_eq!(ok("0,5"), 50);
        assert_eq!(ok(",5"), 50);
        assert_eq!(ok("1.234,50"), 123_450);
        assert_eq!(ok("1,234.50"), 123_450);
        assert_eq!(ok("-3,20"), -320);
        assert_eq!(ok("  7  "), 700);
    }

    #[test]
    fn refuses_with_a_reason() {
        assert_eq!(Money::parse(""), Err(MoneyError::Empty));
        assert_eq!(
            Money::parse("12,345"),
            Err(MoneyError::TooManyDecimals("12,345".into()))
        );
        assert_eq!(
            Money::parse("abc"),
            Err(MoneyError::NotANumber("abc".into()))
        );
        assert_eq!(
            Money::parse("12,5a"),
            Err(MoneyError::NotANumber("12,5a".into()))
        );
        assert_eq!(
            Money::parse("1,2,3"),
            Err(MoneyError::NotANumber("1,2,3".into()))
        );
        assert_eq!(Money::parse("€"), Err(MoneyError::NotANumber("€".into())));
        assert_eq!(
            Money::parse("12,"),
            Err(MoneyError::NotANumber("12,".into()))
        );
        assert_eq!(
            Money::parse_positive("0"),
            Err(MoneyError::NotPositive("0".into()))
        );
        assert_eq!(
            Money::parse_positive("-5"),
            Err(MoneyError::NotPositive("-5".into()))
        );
        assert!(matches!(
            Money::parse("99999999999999999999999"),
            Err(MoneyError::TooLarge(_))
        ));
    }

    #[test]
    fn a_lone_point_before_three_digits_is_asked_not_guessed() {
        assert_eq!(
            Money::parse("1.250").unwrap_err().to_string(),
            "« 1.250 » : point des milliers ou décimale ? écrivez 1 250 pour 1 250 €, ou une virgule et deux chiffres pour les centimes (ex. 1,25)"
        );
        assert_eq!(
            Money::parse("-12.500 €").unwrap_err().to_string(),
            "« -12.500 € » : point des milliers ou décimale ? écrivez -12 500 pour -12 500 €, ou une virgule et deux chiffres pour les centimes (ex. -12,50)"
        );
        // A comma is the French decimal mark: three digits after it are too many.
        assert_eq!(
            Money::parse("12,345"),
            Err(MoneyError::TooManyDecimals("12,345".into()))
        );
        assert_eq!(
            Money::parse("0.125"),
            Err(MoneyError::TooManyDecimals("0.125".into()))
        );
        assert_eq!(ok("1.25"), 125);
    }

    #[test]
    fn misplaced_separators_are_refused_not_guessed() {
        for misplaced in [
            "1.5,25",
            "3,1.0",
            "1 2,50",
            "12 34",
            "1.23.4,00",
            "1234 567",
        ] {
            assert_eq!(
                Money::parse(misplaced),
                Err(MoneyError::NotANumber(misplaced.into())),
                "{misplaced}"
            );
        }
        assert_eq!(ok("1 234 567,89"), 123_456_789);
        assert_eq!(ok("1.234.567,89"), 123_456_789);
        assert_eq!(ok("1 234,50 €"), 123_450);
    }

    #[test]
    fn width_matches_the_display() {
        for cents in [
            0,
            5,
            -5,
            99,
            100,
            99_999,
            100_000,
            -123_456_789,
            100_000_000_000,
            i64::from(i32::MAX),
        ] {
            let m = Money::from_cents(cents);
            assert_eq!(m.fr_plain_width(), m.fr_plain().chars().count(), "{cents}");
        }
    }

    #[test]
    fn formats_the_french_way() {
        assert_eq!(Money::from_cents(123_456).fr(), "1 234,56 €");
        assert_eq!(Money::from_cents(-5).fr(), "-0,05 €");
        assert_eq!(Money::from_cents(100_000_000).fr_plain(), "1 000 000,00");
        assert_eq!(Money::from_cents(-1250).std(), "-12.50");
        assert_eq!(Money::from_cents(184_320).std(), "1843.20");
    }
}
