//! Text typed or read by the user: one check for every text input (no
//! control characters, no invisible-only text, a length limit), one safe way
//! to show a user's value inside a message, and one way to fold text for
//! matching (accents, ligatures and case aside).

use super::field::{Field, FieldError};

/// Longest entry label, category label or campaign name.
pub const MAX_LABEL: usize = 200;
/// Longest name of a person, a class, a coop or a CRF heading.
pub const MAX_NAME: usize = 100;
/// Longest note or help text.
pub const MAX_NOTE: usize = 1000;
/// Longest cheque or receipt number.
pub const MAX_NUMBER: usize = 30;
/// Longest category code (digits only).
pub const MAX_CODE: usize = 12;

/// How many characters of a user's value a message shows before "…".
const SHOWN_CHARS: usize = 40;

/// Bidirectional overrides and invisible format characters: they can make
/// a text read differently from what it holds. Zero-width joiners (used in
/// emoji and some scripts) are left alone.
fn is_hidden_format(c: char) -> bool {
    matches!(c,
        '\u{061c}' | '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}'
        | '\u{2028}' | '\u{2029}' | '\u{fff9}'..='\u{fffb}')
}

/// A character that shows nothing on screen (spaces, zero-width and format
/// characters, variation selectors).
fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || is_hidden_format(c)
        || matches!(
            c,
            '\u{00ad}' | '\u{180e}' | '\u{200c}' | '\u{200d}' | '\u{fe00}'..='\u{fe0f}'
        )
}

fn is_refused(c: char) -> bool {
    c.is_control() || is_hidden_format(c)
}

/// Digits grouped by thousands with a space: `100 000`.
fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(d);
    }
    out
}

/// The check behind [`clean_text`], for callers whose messages are plain
/// strings: the trimmed text, or the reason it is refused (without the
/// field's name). An empty text is returned empty: callers that need a
/// value say so in their own words.
pub fn check_text(value: &str, max_chars: usize) -> Result<String, String> {
    let trimmed = value.trim();
    let chars = trimmed.chars().count();
    if chars > max_chars {
        return Err(format!(
            "trop long : {} caractères au plus, {} reçus (« {} »)",
            count(max_chars),
            count(chars),
            shown(trimmed)
        ));
    }
    if !trimmed.is_empty() && trimmed.chars().all(is_invisible) {
        return Err(format!(
            "« {} » ne contient aucun caractère visible : tapez du texte",
            shown(trimmed)
        ));
    }
    if let Some(bad) = trimmed.chars().find(|c| is_refused(*c)) {
        return Err(format!(
            "« {} » contient un caractère de contrôle ou invisible ({}) : tapez du texte simple, sur une ligne",
            shown(trimmed),
            code_point(bad)
        ));
    }
    Ok(trimmed.to_string())
}

/// Trims `value` and refuses control characters (tab and line breaks
/// included), bidirectional overrides, text made only of invisible
/// characters, and text longer than `max_chars`.
pub fn clean_text(field: Field, value: &str, max_chars: usize) -> Result<String, FieldError> {
    check_text(value, max_chars).map_err(|reason| FieldError::new(field, reason))
}

/// Like [`clean_text`], and refuses an empty text with `when_empty`.
pub fn required_text(
    field: Field,
    value: &str,
    max_chars: usize,
    when_empty: &str,
) -> Result<String, FieldError> {
    let text = clean_text(field, value, max_chars)?;
    if text.is_empty() {
        return Err(FieldError::new(field, when_empty));
    }
    Ok(text)
}

/// A category code: digits only, `MAX_CODE` at most.
pub fn check_code(value: &str) -> Result<String, FieldError> {
    let code = value.trim();
    let chars = code.chars().count();
    if chars > MAX_CODE {
        return Err(FieldError::new(
            Field::Categorie,
            format!(
                "code trop long : {MAX_CODE} chiffres au plus, {} reçus (« {} »)",
                count(chars),
                shown(code)
            ),
        ));
    }
    if code.is_empty() || !code.chars().all(|c| c.is_ascii_digit()) {
        return Err(FieldError::new(
            Field::Categorie,
            format!(
                "code « {} » : des chiffres sont attendus (ex. 6068)",
                shown(code)
            ),
        ));
    }
    Ok(code.to_string())
}

fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// A count with its words in the singular or the plural: `1 élève importé`,
/// `3 élèves importés` (French: 0 and 1 take the singular).
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n <= 1 { one } else { many })
}

/// `value` made safe to print inside a message: control characters shown
/// as visible symbols (`␛`, `␇`, `␊`…) or `U+XXXX`, invisible format
/// characters as `U+XXXX`, and a long value cut with "…".
pub fn shown(value: &str) -> String {
    let mut out = String::new();
    for (i, c) in value.chars().enumerate() {
        if i == SHOWN_CHARS {
            out.push('…');
            break;
        }
        push_shown(&mut out, c);
    }
    out
}

/// A whole message made safe for a terminal before it is printed: control
/// and invisible format characters made visible as in [`shown`] (so that a
/// value the user typed, a file name or a system text never sends an escape
/// sequence to the terminal), nothing cut, tabs and line breaks kept.
pub fn printable(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    for c in message.chars() {
        match c {
            '\t' | '\n' => out.push(c),
            c => push_shown(&mut out, c),
        }
    }
    out
}

fn push_shown(out: &mut String, c: char) {
    match c {
        '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?')),
        '\u{7f}' => out.push('␡'),
        c if is_refused(c) || (is_invisible(c) && !c.is_whitespace()) => {
            out.push('<');
            out.push_str(&code_point(c));
            out.push('>');
        }
        c => out.push(c),
    }
}

/// Text folded for matching: accents and other marks removed, ligatures
/// spelled out (œ → oe, ß → ss), letters without a decomposition mapped to
/// their Latin look-alike (ł → l, ø → o), lower case, spaces collapsed.
/// Characters the transliteration table does not know are kept as they are.
pub fn fold(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    fold_into(value, &mut out);
    out
}

/// [`fold`] into a buffer the caller reuses (cleared first).
pub fn fold_into(value: &str, out: &mut String) {
    out.clear();
    // One pass: runs of white space become one space, none at either end
    // (what `split_whitespace().join(" ")` gives, without its vector).
    let mut space = false;
    let mut push = |out: &mut String, c: char| {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    };
    for c in value.chars() {
        if c.is_ascii() {
            push(out, c.to_ascii_lowercase());
        } else if let Some(ascii) = deunicode::deunicode_char(c) {
            for a in ascii.chars() {
                push(out, a.to_ascii_lowercase());
            }
        } else {
            for l in c.to_lowercase() {
                push(out, l);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_the_singular_up_to_one() {
        assert_eq!(
            counted(0, "élève importé", "élèves importés"),
            "0 élève importé"
        );
        assert_eq!(
            counted(1, "élève importé", "élèves importés"),
            "1 élève importé"
        );
        assert_eq!(
            counted(3, "élève importé", "élèves importés"),
            "3 élèves importés"
        );
    }

    #[test]
    fn folding_finds_combining_accents_cedillas_and_ligatures() {
        assert_eq!(fold("LEFE\u{300}VRE"), fold("LEFÈVRE"));
        assert_eq!(fold("LEFÈVRE"), "lefevre");
        assert_eq!(fold("SAHIN"), fold("ŞAHIN"));
        assert_eq!(fold("coeur"), fold("CŒUR"));
        assert_eq!(fold("Łukasz  Ørsted Straße"), "lukasz orsted strasse");
        assert_eq!(fold("  Écoles   Élève "), "ecoles eleve");
        assert_eq!(fold("Æsop"), "aesop");
    }

    proptest::proptest! {
        /// The one-pass folding collapses white space exactly as splitting
        /// and joining the folded characters would.
        #[test]
        fn folding_collapses_white_space_like_split_and_join(value in "[ a-zA-Zéèœ\t\u{a0}\u{202f}½Æ\u{300}-]{0,24}") {
            let mut chars = String::new();
            for c in value.chars() {
                if c.is_ascii() {
                    chars.push(c.to_ascii_lowercase());
                } else if let Some(ascii) = deunicode::deunicode_char(c) {
                    chars.push_str(&ascii.to_ascii_lowercase());
                } else {
                    chars.extend(c.to_lowercase());
                }
            }
            let expected = chars.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(fold(&value), expected);
        }
    }

    #[test]
    fn control_characters_are_refused_and_never_echoed() {
        for bad in [
            "Cat\u{1b}]0;TITLE\u{7}",
            "a\u{7}b",
            "a\rb",
            "a\nb",
            "a\tb",
            "a\u{85}b",
            "a\u{9b}31mb",
            "a\u{7f}b",
            "abc\u{202e}def",
        ] {
            let err = clean_text(Field::Libelle, bad, MAX_LABEL).unwrap_err();
            let text = err.to_string();
            assert!(
                text.contains("contient un caractère de contrôle ou invisible"),
                "{text}"
            );
            assert!(!text.chars().any(|c| c.is_control()), "{text:?}");
        }
        let err = clean_text(Field::Libelle, "Cat\u{1b}]0;TITLE\u{7}", MAX_LABEL).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Libellé : « Cat␛]0;TITLE␇ » contient un caractère de contrôle ou invisible (U+001B) : tapez du texte simple, sur une ligne"
        );
    }

    #[test]
    fn invisible_only_text_is_refused() {
        for bad in ["\u{200b}", " \u{2060} ", "\u{feff}", "\u{200d}\u{200b}"] {
            let err = check_text(bad, MAX_LABEL).unwrap_err();
            assert!(err.contains("aucun caractère visible"), "{err}");
        }
        assert_eq!(
            check_text("\u{200b}", MAX_LABEL).unwrap_err(),
            "« <U+200B> » ne contient aucun caractère visible : tapez du texte"
        );
        assert_eq!(check_text("   ", MAX_LABEL), Ok(String::new()));
    }

    #[test]
    fn long_text_is_refused_with_the_count_and_a_short_echo() {
        let long = "a".repeat(100_000);
        let err = check_text(&long, MAX_LABEL).unwrap_err();
        assert_eq!(
            err,
            format!(
                "trop long : 200 caractères au plus, 100 000 reçus (« {}… »)",
                "a".repeat(40)
            )
        );
        assert_eq!(check_text(&"é".repeat(200), MAX_LABEL), Ok("é".repeat(200)));
    }

    #[test]
    fn codes_are_short_digit_strings() {
        assert_eq!(check_code(" 6068 "), Ok("6068".to_string()));
        let err = check_code(&"6".repeat(5001)).unwrap_err();
        assert_eq!(
            err.message,
            format!(
                "code trop long : 12 chiffres au plus, 5 001 reçus (« {}… »)",
                "6".repeat(40)
            )
        );
        assert_eq!(
            check_code("60\u{1b}8").unwrap_err().message,
            "code « 60␛8 » : des chiffres sont attendus (ex. 6068)"
        );
    }

    #[test]
    fn ordinary_text_passes_trimmed() {
        assert_eq!(
            clean_text(Field::Libelle, "  Sortie cinéma CP 🎬 ", MAX_LABEL),
            Ok("Sortie cinéma CP 🎬".to_string())
        );
        assert_eq!(shown("Léa\u{a0}B\u{200b}"), "Léa\u{a0}B<U+200B>");
    }
}
