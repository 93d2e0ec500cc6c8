//! Property tests of exact money (parse / format round trips, refusals, sums)
//! and of dates and exercices.

use chrono::{Datelike, Duration, NaiveDate};
use coopcompta::domain::{Exercice, Money, MoneyError, format_date, parse_date};
use proptest::prelude::*;

/// Largest amount the user may type, in cents (9 999 999 999,99 €).
const MAX: i64 = 999_999_999_999;

fn cents() -> impl Strategy<Value = i64> {
    prop_oneof![
        // Small amounts are the usual ones; the whole range catches grouping bugs.
        -100_000i64..100_000,
        -MAX..=MAX,
        Just(0i64),
        Just(MAX),
        Just(-MAX),
    ]
}

/// `true` if `text` looks like `-1 234 567,89`: an optional minus, 1 to 3 digits,
/// groups of a space and 3 digits, a comma, exactly 2 digits.
fn is_grouped_french(text: &str) -> bool {
    let body = text.strip_prefix('-').unwrap_or(text);
    let Some((int, frac)) = body.split_once(',') else {
        return false;
    };
    if frac.len() != 2 || !frac.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let groups: Vec<&str> = int.split(' ').collect();
    let (first, rest) = groups.split_first().expect("split gives at least one part");
    (1..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_digit())
        && (groups.len() == 1 || !first.starts_with('0'))
        && rest
            .iter()
            .all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn formats_parse_back_to_the_same_amount(c in cents()) {
        let m = Money::from_cents(c);
        prop_assert_eq!(Money::parse(&m.fr_plain()), Ok(m), "fr_plain {}", m.fr_plain());
        prop_assert_eq!(Money::parse(&m.fr()), Ok(m), "fr {}", m.fr());
        prop_assert_eq!(Money::parse(&m.std()), Ok(m), "std {}", m.std());
        prop_assert_eq!(Money::parse(&m.fr_plain()).map(Money::cents), Ok(c));
    }

    #[test]
    fn cents_round_trip(c in cents()) {
        prop_assert_eq!(Money::from_cents(c).cents(), c);
    }

    #[test]
    fn std_is_plain_decimal_with_two_digits(c in cents()) {
        let text = Money::from_cents(c).std();
        let expected = format!("{}{}.{:02}", if c < 0 { "-" } else { "" }, c.unsigned_abs() / 100, c.unsigned_abs() % 100);
        prop_assert_eq!(text, expected);
    }

    #[test]
    fn french_display_groups_thousands(c in cents()) {
        let m = Money::from_cents(c);
        let plain = m.fr_plain();
        prop_assert!(is_grouped_french(&plain), "bad shape: {:?}", plain);
        // Same digits as the machine form.
        prop_assert_eq!(plain.replace(' ', "").replace(',', "."), m.std());
        prop_assert_eq!(m.fr(), format!("{plain} €"));
    }

    #[test]
    fn three_or_more_decimals_are_refused_never_rounded(
        negative in any::<bool>(),
        int in "[0-9]{0,9}",
        frac in "[0-9]{3,6}",
        comma in any::<bool>(),
        euro in any::<bool>(),
    ) {
        let input = format!(
            "{}{}{}{}{}",
            if negative { "-" } else { "" },
            int,
            if comma { ',' } else { '.' },
            frac,
            if euro { " €" } else { "" }
        );
        // A lone point before exactly three digits may group thousands
        // (1.250): asked, not called "too many decimals".
        let ambiguous = !comma
            && frac.len() == 3
            && (1..=3).contains(&int.len())
            && !int.starts_with('0');
        for parsed in [Money::parse(&input), Money::parse_positive(&input)] {
            match parsed {
                Err(MoneyError::AmbiguousPoint(typed, _, _)) if ambiguous => {
                    prop_assert_eq!(typed, input.clone())
                }
                other => prop_assert_eq!(other, Err(MoneyError::TooManyDecimals(input.clone()))),
            }
        }
    }

    #[test]
    fn a_letter_anywhere_is_not_a_number(
        c in cents(),
        letter in "[a-zA-Z]",
        at in any::<prop::sample::Index>(),
        euro in any::<bool>(),
    ) {
        let mut input = if euro { Money::from_cents(c).fr() } else { Money::from_cents(c).fr_plain() };
        let boundaries: Vec<usize> = input.char_indices().map(|(i, _)| i).chain([input.len()]).collect();
        input.insert_str(boundaries[at.index(boundaries.len())], &letter);
        let expected = input.trim().to_string();
        prop_assert_eq!(Money::parse(&input), Err(MoneyError::NotANumber(expected)), "input {:?}", input);
    }

    #[test]
    fn parse_positive_refuses_zero_and_below(c in -MAX..=0i64, fr in any::<bool>()) {
        let m = Money::from_cents(c);
        let input = if fr { m.fr() } else { m.std() };
        prop_assert_eq!(Money::parse_positive(&input), Err(MoneyError::NotPositive(input.clone())));
    }

    #[test]
    fn parse_positive_accepts_above_zero(c in 1..=MAX) {
        let m = Money::from_cents(c);
        prop_assert_eq!(Money::parse_positive(&m.fr()), Ok(m));
    }

    #[test]
    fn sums_are_exact_commutative_and_associative(
        list in prop::collection::vec(cents(), 0..40),
        a in cents(), b in cents(), c in cents(),
        seed in any::<u64>(),
    ) {
        let monies: Vec<Money> = list.iter().copied().map(Money::from_cents).collect();
        let total: Money = monies.iter().copied().sum();
        let exact: i128 = list.iter().map(|&c| c as i128).sum();
        prop_assert_eq!(total.cents() as i128, exact);
        // Another order (a deterministic shuffle driven by the seed).
        let mut shuffled = monies.clone();
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(shuffled.iter().copied().sum::<Money>(), total);
        let rev: Money = monies.iter().rev().copied().sum();
        prop_assert_eq!(rev, total);
        let (a, b, c) = (Money::from_cents(a), Money::from_cents(b), Money::from_cents(c));
        prop_assert_eq!((a + b) + c, a + (b + c));
        prop_assert_eq!(a + b, b + a);
        prop_assert_eq!(a - b, -(b - a));
        prop_assert_eq!((a + b) - b, a);
    }

    #[test]
    fn a_date_is_in_its_own_exercice_only(day in 0i64..40_177) {
        // 1 January 1990 to 31 December 2099.
        let d = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + Duration::days(day);
        prop_assume!(d.year() < 2100);
        let ex = Exercice::of(d);
        prop_assert!(ex.contains(d));
        prop_assert!(!ex.next().contains(d));
        prop_assert!(!Exercice::new(ex.start_year - 1).contains(d));
        prop_assert!(ex.first_day() <= d && d <= ex.last_day());
        prop_assert_eq!(ex.first_day().format("%d/%m").to_string(), "01/09");
        prop_assert_eq!(ex.last_day().format("%d/%m").to_string(), "31/08");
        prop_assert_eq!(Exercice::parse(&ex.to_string()), Ok(ex));
    }

    #[test]
    fn dates_round_trip_whatever_the_context(day in 0i64..40_177, context in 1989i32..2100) {
        let d = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + Duration::days(day);
        prop_assume!(d.year() < 2100);
        let context = Exercice::new(context);
        let typed = format_date(d);
        prop_assert_eq!(parse_date(&typed, context), Ok(d), "typed {}", typed);
        prop_assert_eq!(parse_date(&d.to_string(), context), Ok(d));
        prop_assert_eq!(parse_date(&format!("  {typed} "), context), Ok(d));
    }

    #[test]
    fn every_documented_typed_form_gives_the_date(day in 0i64..36_524, sep in prop::sample::select(vec!['/', '.', '-'])) {
        // 2000 to 2099, where a two-digit year is unambiguous.
        let d = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + Duration::days(day);
        let context = Exercice::new(1995);
        let (dd, mm, yy) = (d.day(), d.month(), d.year() % 100);
        for typed in [
            format!("{dd:02}{sep}{mm:02}{sep}{}", d.year()),
            format!("{dd}{sep}{mm}{sep}{}", d.year()),
            format!("{dd:02}{sep}{mm:02}{sep}{yy:02}"),
            format!("{dd}{sep}{mm}{sep}{yy:02}"),
        ] {
            prop_assert_eq!(parse_date(&typed, context), Ok(d), "typed {}", typed);
        }
    }

    #[test]
    fn a_short_date_lands_in_the_context_exercice(day in 0i64..40_177) {
        let d = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + Duration::days(day);
        prop_assume!(d.year() < 2100);
        let short = d.format("%d/%m").to_string();
        prop_assert_eq!(parse_date(&short, Exercice::of(d)), Ok(d), "typed {}", short);
    }
}

#[test]
fn grouping_examples() {
    let cases = [
        (0, "0,00"),
        (5, "0,05"),
        (-5, "-0,05"),
        (99_999, "999,99"),
        (100_000, "1 000,00"),
        (123_456_789, "1 234 567,89"),
        (-123_456_789, "-1 234 567,89"),
        (100_000_000_000, "1 000 000 000,00"),
        (MAX, "9 999 999 999,99"),
    ];
    for (c, text) in cases {
        assert_eq!(Money::from_cents(c).fr_plain(), text);
        assert!(is_grouped_french(text), "checker refuses {text}");
    }
    // The checker itself refuses the wrong shapes.
    for bad in [
        "1234,56",
        "1 23,45",
        "12 345,6",
        "1,234.56",
        " 1 000,00",
        "0 001,00",
    ] {
        assert!(!is_grouped_french(bad), "checker accepts {bad}");
    }
}

#[test]
fn day_month_year_with_dashes_is_not_read_as_a_year_of_antiquity() {
    let ex = Exercice::new(2024);
    let sept_12 = NaiveDate::from_ymd_opt(2024, 9, 12).unwrap();
    assert_eq!(parse_date("12-09-24", ex), Ok(sept_12));
    assert_eq!(parse_date("12-9-24", ex), Ok(sept_12));
    assert_eq!(parse_date("12-09-2024", ex), Ok(sept_12));
    assert_eq!(parse_date("2024-09-12", ex), Ok(sept_12));
    assert_eq!(parse_date("2024-9-12", ex), Ok(sept_12));
    assert_eq!(
        parse_date("01-02-25", ex),
        Ok(NaiveDate::from_ymd_opt(2025, 2, 1).unwrap())
    );
}

#[test]
fn limits_of_the_typed_range() {
    assert_eq!(Money::parse("9 999 999 999,99"), Ok(Money::from_cents(MAX)));
    assert_eq!(
        Money::parse("10 000 000 000,00"),
        Err(MoneyError::TooLarge("10 000 000 000,00".into()))
    );
    assert_eq!(
        Money::parse("-10000000000"),
        Err(MoneyError::TooLarge("-10000000000".into()))
    );
}
