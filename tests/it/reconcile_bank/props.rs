//! Whatever the order of imports, matches, un-matches, automatic passes
//! and undos, matching stays one-to-one and exact.

use super::*;
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Op {
    Import(Vec<(u8, u8)>),
    Match(usize, Vec<usize>),
    Unmatch(usize),
    Auto,
    Undo(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        prop::collection::vec((0u8..6, 0u8..4), 1..5).prop_map(Op::Import),
        (0usize..20, prop::collection::vec(0usize..12, 1..3)).prop_map(|(l, e)| Op::Match(l, e)),
        (0usize..20).prop_map(Op::Unmatch),
        Just(Op::Auto),
        (0usize..6).prop_map(Op::Undo),
    ]
}

/// Every entry line matched at most once; every matched line's entries
/// sum to it exactly.
fn one_to_one(book: &Book) -> Result<(), TestCaseError> {
    let twice: i64 = book
        .conn()
        .query_row("SELECT count(*) FROM (SELECT 1 FROM bank_match GROUP BY entry_id, account_id HAVING count(*) > 1)", [], |r| r.get(0))
        .unwrap();
    prop_assert_eq!(twice, 0);
    let pro = book.account(MoneyKey::Pro).unwrap().code.clone();
    let lines = book.bank_lines(MoneyKey::Pro).unwrap();
    for l in &lines {
        let ids: Vec<i64> = book
            .conn()
            .prepare("SELECT entry_id FROM bank_match WHERE bank_line_id = ?1")
            .unwrap()
            .query_map([l.id], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let total: Money = ids
            .iter()
            .map(|id| book.entry(*id).unwrap().unwrap().amount_on(&pro))
            .sum();
        prop_assert_eq!(ids.is_empty(), !l.is_matched());
        if !ids.is_empty() {
            prop_assert_eq!(total, l.amount, "line {}", l.id);
        }
    }
    let dangling: i64 = book.conn().query_row(
        "SELECT count(*) FROM bank_match WHERE bank_line_id NOT IN (SELECT id FROM bank_line) OR entry_id NOT IN (SELECT id FROM entry)",
        [], |r| r.get(0)).unwrap();
    prop_assert_eq!(dangling, 0);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn matching_stays_one_to_one_whatever_the_order(ops in prop::collection::vec(op(), 1..14)) {
        let mut book = book();
        let amounts = ["-5.00", "-7.50", "-12.50", "-20.00"];
        let mut entries = Vec::new();
        for (i, amount) in amounts.iter().chain(amounts.iter()).chain(["-2.50", "-10.00", "-12.50", "-15.00"].iter()).enumerate() {
            let date = format!("{:02}/10/2024", 2 + i % 6);
            entries.push(depense(&mut book, &date, &amount[1..].replace('.', ","), &format!("Achat {i}")));
        }
        for op in ops {
            match op {
                Op::Import(rows) => {
                    let rows = rows.into_iter().map(|(d, a)| row(&format!("2024-10-{:02}", 2 + d), amounts[a as usize], "CARTE")).collect();
                    let _ = book.import_bank(MoneyKey::Pro, "r.csv", b"x", &file(rows));
                }
                Op::Match(l, es) => {
                    let lines = line_ids(&book, MoneyKey::Pro);
                    if let Some(line) = lines.get(l % lines.len().max(1)) {
                        let ids: Vec<i64> = es.iter().map(|e| entries[*e]).collect();
                        let _ = book.match_line(*line, &ids);
                    }
                }
                Op::Unmatch(l) => {
                    let lines = line_ids(&book, MoneyKey::Pro);
                    if let Some(line) = lines.get(l % lines.len().max(1)) {
                        let _ = book.unmatch_line(*line);
                    }
                }
                Op::Auto => { book.reconcile_auto(MoneyKey::Pro).unwrap(); }
                Op::Undo(b) => { let _ = book.undo_batch(b as i64 + 1); }
            }
            one_to_one(&book)?;
        }
        let report = integrity::check(book.conn()).unwrap();
        prop_assert_eq!(report.findings, vec![]);
    }
}
