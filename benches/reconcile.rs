//! Matching benchmark (issue "Rapprochement": auto-matching 100,000 bank
//! lines against 100,000 entries well under 2 s on this 2-core machine,
//! aim for 1 s; the matcher alone should take well under a second).
//! Generated deterministically over one school year: many identical small
//! amounts (5,00 €, 8,00 €, 12,50 €…) and varied ones, labels of a few
//! words, half of the bank lines having a true partner in the books.
//! `cargo bench --bench reconcile`.

use chrono::{Duration, NaiveDate};
use coopcompta::domain::Money;
use coopcompta::domain::reconcile::{BankItem, BookItem, PendingPayment, propose_payout, suggest};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const LINES: usize = 100_000;
const ENTRIES: usize = 100_000;
const PENDING: usize = 100_000;

/// A small deterministic generator (64-bit LCG, high bits).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SMALL: &[i64] = &[500, 800, 1250, 200, 1000, 300];
const SHOPS: &[&str] = &[
    "boulangerie",
    "papeterie",
    "librairie",
    "cantine",
    "musee",
    "piscine",
    "autocars",
    "cinema",
    "fournitures",
    "jardinerie",
    "pharmacie",
    "supermarche",
];
const NAMES: &[&str] = &[
    "martin", "bernard", "dubois", "thomas", "robert", "richard", "petit", "durand", "leroy",
    "moreau", "simon", "laurent", "lefebvre", "michel", "garcia", "david", "bertrand", "roux",
    "vincent", "fournier", "morel", "girard", "andre", "mercier", "dupont", "lambert", "bonnet",
    "francois", "martinez", "legrand",
];

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 9, 1).expect("date")
}

/// An amount: one in three among the usual small ones, the rest varied;
/// recettes positive, dépenses negative.
fn amount(rng: &mut Lcg) -> Money {
    let cents = if rng.below(3) == 0 {
        SMALL[rng.below(SMALL.len())]
    } else {
        100 + rng.below(300_000) as i64
    };
    Money::from_cents(if rng.below(2) == 0 { cents } else { -cents })
}

/// An entry's text (pièce, a shop, a family, sometimes a cheque number),
/// its shop and its cheque number.
fn entry_text(rng: &mut Lcg, i: usize) -> (String, String, Option<u64>) {
    let shop = rng.pick(SHOPS).to_string();
    let name = rng.pick(NAMES);
    let cheque = (rng.below(10) == 0).then(|| 1_000_000 + rng.next() % 9_000_000);
    let text = match cheque {
        Some(n) => format!("P-{i} {shop} {name} {n}"),
        None => format!("P-{i} {shop} {name}"),
    };
    (text, shop, cheque)
}

fn data() -> (Vec<BankItem>, Vec<BookItem>) {
    let mut rng = Lcg(0x00c0_0bc0_3a7a);
    let mut books = Vec::with_capacity(ENTRIES);
    let mut lines = Vec::with_capacity(LINES);
    for i in 0..ENTRIES {
        let date = start() + Duration::days(rng.below(355) as i64);
        let amount = amount(&mut rng);
        let (text, shop, cheque) = entry_text(&mut rng, i);
        if i < LINES / 2 {
            // Its bank line, 0 to 4 days later, naming the shop (or the cheque).
            let label = match cheque {
                Some(n) => format!("CHEQUE N°{n:010}"),
                None => format!(
                    "CB {} {} X{:04}",
                    shop.to_uppercase(),
                    date.format("%d/%m"),
                    rng.below(10_000)
                ),
            };
            lines.push(BankItem {
                id: i as i64 + 1,
                date: date + Duration::days(rng.below(5) as i64),
                amount,
                text: label,
            });
        }
        books.push(BookItem {
            entry_id: i as i64 + 1,
            date,
            amount,
            text,
        });
    }
    // The other half: bank fees, card purchases and transfers not yet booked.
    for i in LINES / 2..LINES {
        let date = start() + Duration::days(rng.below(365) as i64);
        lines.push(BankItem {
            id: i as i64 + 1,
            date,
            amount: amount(&mut rng),
            text: format!(
                "PRLV SEPA {} {}",
                rng.pick(SHOPS).to_uppercase(),
                rng.pick(NAMES).to_uppercase()
            ),
        });
    }
    (lines, books)
}

fn pending() -> Vec<PendingPayment> {
    let mut rng = Lcg(7);
    (0..PENDING)
        .map(|i| {
            let cents = SMALL[rng.below(SMALL.len())] * (1 + rng.below(5) as i64);
            PendingPayment {
                id: i as i64 + 1,
                date: start() + Duration::days((i / 300) as i64),
                amount: Money::from_cents(cents),
                fee: Money::from_cents((cents * 18 + 500) / 1000 + 25),
            }
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let (lines, books) = data();
    let mut group = c.benchmark_group("reconcile");
    group.sample_size(10);
    group.bench_function("suggest_100k_lines_100k_entries", |b| {
        b.iter(|| black_box(suggest(black_box(&lines), black_box(&books))))
    });
    let pending = pending();
    // A credit no run of payments sums to: the whole list is read.
    group.bench_function("propose_payout_100k_pending_none", |b| {
        b.iter(|| black_box(propose_payout(Money::from_cents(1), black_box(&pending))))
    });
    group.finish();
}

criterion_group!(reconcile, benches);
criterion_main!(reconcile);
