//! The suggestions, strictly one-to-one, without a quadratic pass: the
//! entries are put in buckets by amount (sorted by date) and each line
//! looks only at the window of its bucket, found by dichotomy, and at most
//! [`MAX_CANDIDATES`] entries of it (the nearest in date). The pairs are
//! then taken greedily, best score first, ties to the oldest line, then
//! the oldest entry (then the smallest ids), so that the result does not
//! depend on the order of the inputs.

use super::score::points;
use super::words::{Interner, Words};
use super::{BankItem, BookItem, Suggestion, WINDOW_DAYS};
use crate::domain::fast_hash::FastMap;
use chrono::Datelike;

/// Most entries one bank line is scored against: the nearest in date of
/// its window. A line or an entry with more candidates than were scored
/// (hundreds of 5,00 € payments in three weeks) is never unambiguous.
pub const MAX_CANDIDATES: usize = 32;

/// The best and second best scores seen (`-1`: none), repeats included:
/// two candidates of the same score make both first and second.
#[derive(Debug, Clone, Copy)]
struct Top2 {
    first: i64,
    second: i64,
}

impl Top2 {
    const EMPTY: Top2 = Top2 {
        first: -1,
        second: -1,
    };

    fn push(&mut self, score: u32) {
        let score = i64::from(score);
        if score >= self.first {
            self.second = self.first;
            self.first = score;
        } else if score > self.second {
            self.second = score;
        }
    }

    /// `score` is above every other one seen.
    fn strictly_best(self, score: u32) -> bool {
        i64::from(score) == self.first && self.second < self.first
    }
}

type Buckets = FastMap<i64, Vec<u32>>;

/// Indices of the items by amount in cents; `order` is by date, so each
/// bucket is sorted by date too.
fn buckets(cents: impl Iterator<Item = i64>) -> Buckets {
    let mut out = Buckets::default();
    for (i, c) in cents.enumerate() {
        out.entry(c).or_default().push(i as u32);
    }
    out
}

/// The part of a date-sorted bucket within the window around `day`.
fn window(bucket: &[u32], days: &[i32], day: i32) -> (usize, usize) {
    let window = WINDOW_DAYS as i32;
    let lo = bucket.partition_point(|&i| days[i as usize] < day - window);
    let hi = bucket.partition_point(|&i| days[i as usize] <= day + window);
    (lo, hi)
}

/// The window's entries to score: all of them, or the
/// [`MAX_CANDIDATES`] nearest in date (the earlier one on equal
/// distance).
fn nearest(bucket: &[u32], days: &[i32], day: i32, (lo, hi): (usize, usize), out: &mut Vec<u32>) {
    out.clear();
    if hi - lo <= MAX_CANDIDATES {
        out.extend_from_slice(&bucket[lo..hi]);
        return;
    }
    let pos = lo + bucket[lo..hi].partition_point(|&i| days[i as usize] < day);
    let (mut left, mut right) = (pos, pos);
    while out.len() < MAX_CANDIDATES {
        let after = (right < hi).then(|| days[bucket[right] as usize] - day);
        let before = (left > lo).then(|| day - days[bucket[left - 1] as usize]);
        match (before, after) {
            (Some(b), Some(a)) if a < b => {
                out.push(bucket[right]);
                right += 1;
            }
            (Some(_), _) => {
                left -= 1;
                out.push(bucket[left]);
            }
            (None, Some(_)) => {
                out.push(bucket[right]);
                right += 1;
            }
            (None, None) => break,
        }
    }
}

/// An edge as one integer ordered best score first, then line, then entry.
fn pack(score: u32, line: u32, entry: u32) -> u128 {
    (u128::from(u32::MAX - score) << 64) | (u128::from(line) << 32) | u128::from(entry)
}

fn unpack(edge: u128) -> (u32, u32, u32) {
    (
        u32::MAX - (edge >> 64) as u32,
        (edge >> 32) as u32,
        edge as u32,
    )
}

/// The best one-to-one suggestions (see the module's summary), ordered
/// by bank line (date, then id).
pub fn suggest(lines: &[BankItem], books: &[BookItem]) -> Vec<Suggestion> {
    let mut lines: Vec<&BankItem> = lines.iter().collect();
    // Date and id first: the amount (a decimal) and the text are compared
    // only on a tie, which the stores never give.
    lines.sort_by(|a, b| {
        (a.date, a.id)
            .cmp(&(b.date, b.id))
            .then_with(|| (a.amount.cents(), &a.text).cmp(&(b.amount.cents(), &b.text)))
    });
    let mut books: Vec<&BookItem> = books.iter().collect();
    books.sort_by(|a, b| {
        (a.date, a.entry_id)
            .cmp(&(b.date, b.entry_id))
            .then_with(|| (a.amount.cents(), &a.text).cmp(&(b.amount.cents(), &b.text)))
    });
    let line_days: Vec<i32> = lines.iter().map(|l| l.date.num_days_from_ce()).collect();
    let book_days: Vec<i32> = books.iter().map(|b| b.date.num_days_from_ce()).collect();
    let line_cents: Vec<i64> = lines.iter().map(|l| l.amount.cents()).collect();
    let book_cents: Vec<i64> = books.iter().map(|b| b.amount.cents()).collect();
    let book_buckets = buckets(book_cents.iter().copied());

    let mut interner = Interner::default();
    let mut book_words: Vec<Option<Words>> = vec![None; books.len()];
    let mut line_top = vec![Top2::EMPTY; lines.len()];
    let mut line_complete = vec![true; lines.len()];
    let mut book_top = vec![Top2::EMPTY; books.len()];
    let mut book_edges = vec![0usize; books.len()];
    // Best score first, then the line, then the entry (indices in the
    // sorted orders), packed so that sorting compares one integer.
    let mut edges: Vec<u128> = Vec::new();
    let mut scored = Vec::with_capacity(MAX_CANDIDATES);

    for (l, line) in lines.iter().enumerate() {
        let Some(bucket) = book_buckets.get(&line_cents[l]) else {
            continue;
        };
        let day = line_days[l];
        let (lo, hi) = window(bucket, &book_days, day);
        if lo == hi {
            continue;
        }
        line_complete[l] = hi - lo <= MAX_CANDIDATES;
        let words = Words::read(&line.text, &mut interner);
        nearest(bucket, &book_days, day, (lo, hi), &mut scored);
        for &b in &scored {
            let bi = b as usize;
            let theirs =
                book_words[bi].get_or_insert_with(|| Words::read(&books[bi].text, &mut interner));
            let days = i64::from(book_days[bi] - day);
            let score = points(days, words.in_common(theirs));
            line_top[l].push(score);
            book_top[bi].push(score);
            book_edges[bi] += 1;
            edges.push(pack(score, l as u32, b));
        }
    }

    edges.sort_unstable();
    let line_buckets = buckets(line_cents.iter().copied());
    let mut line_taken = vec![false; lines.len()];
    let mut book_taken = vec![false; books.len()];
    let mut out: Vec<(u32, Suggestion)> = Vec::new();
    for (score, l, b) in edges.into_iter().map(unpack) {
        let (li, bi) = (l as usize, b as usize);
        if line_taken[li] || book_taken[bi] {
            continue;
        }
        line_taken[li] = true;
        book_taken[bi] = true;
        let unambiguous = line_complete[li]
            && line_top[li].strictly_best(score)
            && book_top[bi].strictly_best(score)
            // Every line that has this entry as a candidate was scored
            // against it.
            && line_buckets.get(&book_cents[bi]).is_some_and(|bucket| {
                let (lo, hi) = window(bucket, &line_days, book_days[bi]);
                hi - lo == book_edges[bi]
            });
        out.push((
            l,
            Suggestion {
                line_id: lines[li].id,
                entry_id: books[bi].entry_id,
                score,
                unambiguous,
            },
        ));
    }
    out.sort_unstable_by_key(|(l, _)| *l);
    out.into_iter().map(|(_, s)| s).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Money;
    use chrono::NaiveDate;

    fn day(d: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 10, 1).expect("date") + chrono::Duration::days(d)
    }

    fn line(id: i64, d: i64, cents: i64, text: &str) -> BankItem {
        BankItem {
            id,
            date: day(d),
            amount: Money::from_cents(cents),
            text: text.into(),
        }
    }

    fn book(id: i64, d: i64, cents: i64, text: &str) -> BookItem {
        BookItem {
            entry_id: id,
            date: day(d),
            amount: Money::from_cents(cents),
            text: text.into(),
        }
    }

    fn pairs(s: &[Suggestion]) -> Vec<(i64, i64, u32, bool)> {
        s.iter()
            .map(|s| (s.line_id, s.entry_id, s.score, s.unambiguous))
            .collect()
    }

    #[test]
    fn the_closest_entry_of_the_same_amount_is_suggested_once() {
        let lines = [line(1, 3, -1250, "CB PAPETERIE"), line(2, 5, 800, "VIR")];
        let books = [
            book(10, 5, -1250, "D-1 Papeterie"),
            book(11, 3, -1250, "D-2 Cantine"),
            book(12, 30, 800, "R-1"),
        ];
        // D-1: 90 + 20 beats D-2: 100. R-1 is 25 days away.
        assert_eq!(pairs(&suggest(&lines, &books)), [(1, 10, 110, true)]);
    }

    #[test]
    fn two_identical_candidates_are_never_unambiguous() {
        let lines = [line(1, 3, 500, "VIR")];
        let books = [book(11, 4, 500, "R-2"), book(10, 2, 500, "R-1")];
        // Tie: the oldest entry, not unambiguous.
        assert_eq!(pairs(&suggest(&lines, &books)), [(1, 10, 95, false)]);
    }

    #[test]
    fn an_entry_wanted_by_two_lines_goes_to_the_better_one() {
        let lines = [line(1, 0, 500, "VIR"), line(2, 2, 500, "VIR DUPONT")];
        let books = [book(10, 1, 500, "Dupont"), book(11, 9, 500, "R")];
        // Line 2 takes the entry of Dupont (95 + 20); line 1 is left with
        // the entry 9 days away, not its best: ambiguous.
        assert_eq!(
            pairs(&suggest(&lines, &books)),
            [(1, 11, 55, false), (2, 10, 115, true)]
        );
    }

    #[test]
    fn the_best_pair_of_an_entry_must_beat_the_entrys_other_lines() {
        let lines = [line(1, 0, 500, "VIR"), line(2, 0, 500, "VIR")];
        let books = [book(10, 0, 500, "R")];
        assert_eq!(pairs(&suggest(&lines, &books)), [(1, 10, 100, false)]);
    }

    #[test]
    fn many_identical_amounts_are_bounded_and_stay_one_to_one() {
        let lines: Vec<BankItem> = (0..200).map(|i| line(i, i % 20, 500, "VIR")).collect();
        let books: Vec<BookItem> = (0..300).map(|i| book(1000 + i, i % 25, 500, "R")).collect();
        let s = suggest(&lines, &books);
        assert_eq!(s.len(), 200);
        let mut entries: Vec<i64> = s.iter().map(|s| s.entry_id).collect();
        entries.sort_unstable();
        entries.dedup();
        assert_eq!(entries.len(), 200);
        assert!(s.iter().all(|s| !s.unambiguous));
    }

    #[test]
    fn an_entry_a_crowded_line_did_not_score_is_never_unambiguous() {
        // Line 2 has 40 entries within 2 days: it scores its 32 nearest and
        // never sees entry 10, 5 days away (75). Line 1 has entry 10 alone,
        // 10 days away (50): its pair is not the entry's best.
        let lines = [line(1, 0, 500, "VIR"), line(2, 15, 500, "VIR")];
        let mut books = vec![book(10, 10, 500, "R")];
        books.extend((0..40).map(|i| book(100 + i, 15 + i % 3, 500, "R")));
        let s = suggest(&lines, &books);
        assert_eq!(pairs(&s)[0], (1, 10, 50, false));
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn nearest_keeps_the_closest_dates() {
        let days: Vec<i32> = (0..100).map(|i| i / 2).collect();
        let bucket: Vec<u32> = (0..100).collect();
        let mut picked = Vec::new();
        nearest(&bucket, &days, 25, (0, 100), &mut picked);
        assert_eq!(picked.len(), MAX_CANDIDATES);
        let mut dist: Vec<i32> = picked
            .iter()
            .map(|&i| (days[i as usize] - 25).abs())
            .collect();
        dist.sort_unstable();
        // 2 per day: 0,0,1,1,1,1,… up to 8 (32 = 2 + 4 × 7 + 2).
        assert_eq!(dist.last(), Some(&8));
    }
}
