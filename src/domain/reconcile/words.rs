//! The words of a bank label or an entry that say something about a match:
//! folded (`domain::text::fold`), split on everything that is not a letter
//! or a digit, at least 3 characters, without the words every bank line
//! carries (carte, virement, prlv…) and without years; and the long
//! numbers (5 digits and more: a cheque number, a payout reference).

use crate::domain::fast_hash::FastMap;
use crate::domain::text::{fold, fold_into};

/// Shortest word that counts, in characters.
pub const MIN_WORD_CHARS: usize = 3;

/// Shortest number that counts as a cheque number or a reference, in
/// digits (leading zeros left out).
pub const MIN_NUMBER_DIGITS: usize = 5;

/// Words too common on bank lines and entries to tell two lines apart,
/// folded, in byte order (searched by dichotomy). Words of fewer than
/// [`MIN_WORD_CHARS`] characters (cb, de, la…) never count anyway.
const STOP_WORDS: &[&str] = &[
    "achat",
    "and",
    "aux",
    "avec",
    "card",
    "carte",
    "cheque",
    "cheques",
    "chq",
    "dab",
    "date",
    "deg",
    "des",
    "ech",
    "echeance",
    "emis",
    "eur",
    "euro",
    "euros",
    "fact",
    "facture",
    "from",
    "inst",
    "les",
    "mandat",
    "motif",
    "ndeg",
    "paiement",
    "payment",
    "pour",
    "prelevement",
    "prlv",
    "recu",
    "ref",
    "reference",
    "remise",
    "retrait",
    "sct",
    "sdd",
    "sepa",
    "sur",
    "the",
    "transfer",
    "vir",
    "virement",
    "virt",
];

/// A year (1900–2099) is in every label of a school year: not a word.
fn is_year(token: &str) -> bool {
    token.len() == 4
        && token.bytes().all(|b| b.is_ascii_digit())
        && (token.starts_with("19") || token.starts_with("20"))
}

fn is_word(token: &str) -> bool {
    token.len() >= MIN_WORD_CHARS
        && (token.is_ascii() || token.chars().count() >= MIN_WORD_CHARS)
        && STOP_WORDS.binary_search(&token).is_err()
        && !is_year(token)
}

/// What [`scan`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    Word,
    Number,
}

/// Calls `found` for each alphanumeric token of the folded text (a number
/// without its leading zeros: words still to check with [`is_word`]),
/// then for each long number, in the text's order, repeats included.
fn scan(folded: &str, mut found: impl FnMut(Token, &str)) {
    for token in folded.split(|c: char| !c.is_alphanumeric()) {
        // A number is read without its leading zeros (0001234567 = 1234567).
        let token = if token.bytes().all(|b| b.is_ascii_digit()) {
            token.trim_start_matches('0')
        } else {
            token
        };
        if token.len() >= MIN_WORD_CHARS {
            found(Token::Word, token);
        }
    }
    // Digits runs, also inside a word ("n°1234567" folds to "ndeg1234567").
    for run in folded.split(|c: char| !c.is_ascii_digit()) {
        let digits = run.trim_start_matches('0');
        if digits.len() >= MIN_NUMBER_DIGITS {
            found(Token::Number, digits);
        }
    }
}

/// The tokens of one kind, sorted, each once.
fn tokens(text: &str, kind: Token) -> Vec<String> {
    let mut out = Vec::new();
    scan(&fold(text), |k, t| {
        if k == kind && (k == Token::Number || is_word(t)) {
            out.push(t.to_string());
        }
    });
    out.sort();
    out.dedup();
    out
}

/// The words of `text` that count, folded, sorted, each once.
pub fn label_words(text: &str) -> Vec<String> {
    tokens(text, Token::Word)
}

/// The long numbers of `text` (cheque numbers, references), without
/// their leading zeros, sorted, each once.
pub fn long_numbers(text: &str) -> Vec<String> {
    tokens(text, Token::Number)
}

/// Gives each distinct word a small number, so that the words of two
/// texts compare as sorted integers; a token that is no word (a stop
/// word, a year) is remembered as such, so each distinct token is checked
/// once. Numbers are kept with a prefix no word can have, so that a number
/// and a word never share an id.
#[derive(Debug, Default)]
pub struct Interner {
    ids: FastMap<String, Option<u32>>,
    next: u32,
    folded: String,
    key: String,
}

impl Interner {
    fn known(&mut self, token: &str, counts: impl FnOnce(&str) -> bool) -> Option<u32> {
        if let Some(&id) = self.ids.get(token) {
            return id;
        }
        let id = counts(token).then(|| {
            self.next = self.next.saturating_add(1);
            self.next
        });
        self.ids.insert(token.to_string(), id);
        id
    }

    fn word(&mut self, token: &str) -> Option<u32> {
        self.known(token, is_word)
    }

    fn number(&mut self, digits: &str) -> u32 {
        let mut key = std::mem::take(&mut self.key);
        key.clear();
        key.push('#');
        key.push_str(digits);
        let id = self.known(&key, |_| true).unwrap_or(0);
        self.key = key;
        id
    }
}

/// The words and long numbers of one text, as sorted interned ids.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Words {
    words: Vec<u32>,
    numbers: Vec<u32>,
}

/// What two texts have in common.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InCommon {
    /// Distinct words found in both.
    pub words: u32,
    /// A long number (cheque, reference) found in both.
    pub number: bool,
}

impl Words {
    pub fn read(text: &str, interner: &mut Interner) -> Words {
        let mut words = Vec::new();
        let mut numbers = Vec::new();
        let mut folded = std::mem::take(&mut interner.folded);
        fold_into(text, &mut folded);
        scan(&folded, |kind, token| match kind {
            Token::Word => words.extend(interner.word(token)),
            Token::Number => numbers.push(interner.number(token)),
        });
        interner.folded = folded;
        words.sort_unstable();
        words.dedup();
        numbers.sort_unstable();
        numbers.dedup();
        Words { words, numbers }
    }

    pub fn in_common(&self, other: &Words) -> InCommon {
        InCommon {
            words: count_common(&self.words, &other.words),
            number: count_common(&self.numbers, &other.numbers) > 0,
        }
    }
}

/// Elements in both sorted, deduplicated slices.
fn count_common(a: &[u32], b: &[u32]) -> u32 {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_folded_and_long_enough() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        for w in STOP_WORDS {
            assert_eq!(fold(w), *w);
            assert!(w.chars().count() >= MIN_WORD_CHARS, "{w}");
        }
    }

    #[test]
    fn words_are_folded_split_and_filtered() {
        assert_eq!(
            label_words("CB PAPETERIE Œuvre-Élan 03/10 X1234"),
            ["elan", "oeuvre", "papeterie", "x1234"]
        );
        assert_eq!(
            label_words("PRLV SEPA Facture de la cantine pour les CE2"),
            ["cantine", "ce2"]
        );
        assert_eq!(
            label_words("VIREMENT Paiement carte du 12/09/2025"),
            Vec::<String>::new()
        );
        // Three-digit numbers are words; 1–2 digits and years are not.
        assert_eq!(
            label_words("Sortie 12 car 123 2026"),
            ["123", "car", "sortie"]
        );
        // Numbers without their leading zeros.
        assert_eq!(label_words("N° 0001234 007"), ["1234"]);
        // Repeats count once.
        assert_eq!(label_words("Martin martin MARTIN"), ["martin"]);
    }

    #[test]
    fn long_numbers_are_digit_runs_without_leading_zeros() {
        assert_eq!(long_numbers("CHEQUE N°0001234567"), ["1234567"]);
        assert_eq!(long_numbers("VIR ASSOCONNECT PO12345 1234"), ["12345"]);
        assert_eq!(long_numbers("00001234 du 03/10/2025"), Vec::<String>::new());
    }

    #[test]
    fn words_in_common_count_distinct_words_and_numbers() {
        let mut interner = Interner::default();
        let a = Words::read("CB BOULANGERIE DUPONT chq 1234567", &mut interner);
        let b = Words::read("Goûter boulangerie Dupont, chèque 1234567", &mut interner);
        // boulangerie, dupont and 1234567 as a word; 1234567 as a number.
        assert_eq!(
            a.in_common(&b),
            InCommon {
                words: 3,
                number: true
            }
        );
        let c = Words::read("Papeterie 0012345", &mut interner);
        let d = Words::read("fournitures 12345", &mut interner);
        assert_eq!(
            c.in_common(&d),
            InCommon {
                words: 1,
                number: true
            }
        );
        assert_eq!(c.in_common(&a), InCommon::default());
    }
}
