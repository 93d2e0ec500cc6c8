//! Text cut, padded and wrapped by display width (columns on screen, not
//! characters: a wide character takes two, a combining accent none).

use crate::domain::Money;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Columns the text takes on screen.
pub fn width(text: &str) -> usize {
    text.width()
}

fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// The longest start of `text` that fits in `room` columns, and the rest.
fn split_at_width(text: &str, room: usize) -> (&str, &str) {
    let mut used = 0;
    for (at, c) in text.char_indices() {
        used += char_width(c);
        if used > room {
            return text.split_at(at);
        }
    }
    (text, "")
}

/// The words of `text` as a French reader wants them kept together: never
/// a line that starts with "€", "»", ":", ";", "!" or "?", nor one that
/// ends with "«" (their space goes with them).
fn french_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut glue_next = false;
    for word in text.split(' ') {
        let glue_left = word.starts_with(['€', '»']) || matches!(word, ":" | ";" | "!" | "?");
        match words.last_mut() {
            Some(last) if (glue_left || glue_next) && !last.is_empty() && !word.is_empty() => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_string()),
        }
        glue_next = word == "«";
    }
    words
}

/// Splits `text` into lines of at most `width` columns, at spaces when it can.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let room = width.max(1);
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in french_words(text) {
        let mut word = word.as_str();
        loop {
            let used = self::width(&current);
            let len = self::width(word);
            if used == 0 && len > room {
                let (mut head, mut rest) = split_at_width(word, room);
                if head.is_empty() {
                    // A character wider than the room: alone on its line.
                    let first = word.chars().next().map_or(0, char::len_utf8);
                    (head, rest) = word.split_at(first);
                }
                lines.push(head.to_string());
                word = rest;
                continue;
            }
            if used > 0 && used + 1 + len > room {
                lines.push(std::mem::take(&mut current));
                continue;
            }
            if used > 0 {
                current.push(' ');
            }
            current.push_str(word);
            break;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// `text` cut to `width` columns, with "…" when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if self::width(text) <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let (head, _) = split_at_width(text, width - 1);
    format!("{head}…")
}

/// "0 ligne", "1 ligne", "3 lignes": the domain's one rule for counts.
pub use crate::domain::text::counted as count;

/// `text` cut from the left to `width` columns, with "…" first when cut
/// (a path: its end matters most).
pub fn truncate_left(text: &str, width: usize) -> String {
    if self::width(text) <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut used = 1;
    let mut start = text.len();
    for (at, c) in text.char_indices().rev() {
        used += char_width(c);
        if used > width {
            break;
        }
        start = at;
    }
    format!("…{}", &text[start..])
}

/// `text` cut or padded with spaces to exactly `width` columns.
pub fn cell(text: &str, width: usize) -> String {
    let cut = truncate(text, width);
    let pad = width.saturating_sub(self::width(&cut));
    format!("{cut}{}", " ".repeat(pad))
}

/// `text` right-aligned in `width` columns (cut if longer).
pub fn right_cell(text: &str, width: usize) -> String {
    let cut = truncate(text, width);
    let pad = width.saturating_sub(self::width(&cut));
    format!("{}{cut}", " ".repeat(pad))
}

/// An amount right-aligned in `width` columns ("12,00 €").
pub fn amount_cell(amount: Money, width: usize) -> String {
    let text = amount.fr();
    let pad = width.saturating_sub(self::width(&text));
    format!("{}{text}", " ".repeat(pad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_cuts_long_words() {
        assert_eq!(wrap("un deux trois", 7), vec!["un deux", "trois"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(truncate("Sortie cinéma", 8), "Sortie …");
        assert_eq!(truncate("court", 8), "court");
        assert_eq!(
            truncate_left("/home/léa/Téléchargements", 16),
            "…Téléchargements"
        );
        assert_eq!(truncate_left("court", 8), "court");
    }

    #[test]
    fn widths_are_columns_not_characters() {
        // "é" written as e + combining accent: 2 characters, 1 column.
        let decomposed = "Le\u{301}a";
        assert_eq!(width(decomposed), 3);
        assert_eq!(cell(decomposed, 4), "Le\u{301}a ");
        assert_eq!(truncate(decomposed, 3), decomposed);
        // Wide characters take two columns.
        assert_eq!(width("日本"), 4);
        assert_eq!(truncate("日本語", 5), "日本…");
        assert_eq!(cell("日本語", 4), "日… ");
        assert_eq!(wrap("日本語", 4), vec!["日本", "語"]);
        assert_eq!(wrap("日", 1), vec!["日"], "never an empty line forever");
    }

    #[test]
    fn cells_pad_and_align() {
        assert_eq!(cell("Sortie cinéma", 8), "Sortie …");
        assert_eq!(cell("CP", 4), "CP  ");
        assert_eq!(right_cell("CP", 4), "  CP");
        assert_eq!(amount_cell(Money::from_cents(1200), 9), "  12,00 €");
    }

    #[test]
    fn wrapping_keeps_the_euro_sign_and_the_quotes_with_their_words() {
        assert_eq!(
            wrap("écart 0,00 € exigé", 10),
            vec!["écart", "0,00 €", "exigé"]
        );
        assert_eq!(
            wrap("colonne « Montant » ici", 12),
            vec!["colonne", "« Montant »", "ici"]
        );
        assert_eq!(wrap("rien : fini", 7), vec!["rien :", "fini"]);
    }
}
