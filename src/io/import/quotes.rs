//! Quoting in the CSV files the user gives: a field opened by a `"` and never
//! closed swallows the rest of the file (or the next lines) into one field,
//! and the reader then blames a later column ("prénom vide"). Every CSV
//! import checks its text here first (pupils; bank statements next).

/// Whether a quoted field may hold a line break (a multi-line label).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineBreaks {
    /// One record a line: a line break inside quotes means a quote left open.
    Refused,
    /// A quoted field may span lines; only one running to the end is refused.
    Allowed,
}

/// The refusal for a quote opened on line `line` and never closed.
pub fn unclosed_quote_message(line: usize) -> String {
    format!(
        "ligne {line} : guillemet ouvrant sans guillemet fermant : ajoutez le \" qui ferme \
         le champ ou retirez celui qui l'ouvre, puis importez de nouveau le fichier"
    )
}

/// Refuses a field opened by `"` (at its start, as the `csv` crate reads
/// it) that runs to the end of `text`, or, with [`LineBreaks::Refused`],
/// that holds a line break. Line numbers are the file's, from 1.
pub fn check_quotes(text: &str, delimiter: u8, line_breaks: LineBreaks) -> Result<(), String> {
    let delimiter = char::from(delimiter);
    let mut line = 1;
    let mut field_start = true;
    // The line where the open quoted field began.
    let mut open: Option<usize> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match open {
            Some(started) => match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                }
                '"' => open = None,
                '\n' => {
                    line += 1;
                    if line_breaks == LineBreaks::Refused {
                        return Err(unclosed_quote_message(started));
                    }
                }
                _ => {}
            },
            None => {
                match c {
                    '"' if field_start => open = Some(line),
                    '\n' => line += 1,
                    _ => {}
                }
                field_start = c == delimiter || c == '\n' || c == '\r';
            }
        }
    }
    match open {
        Some(started) => Err(unclosed_quote_message(started)),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_and_doubled_quotes_pass() {
        let text = "nom;prénom\r\n\"DUPONT; dit \"\"Jo\"\"\";Léo\r\nO\"Neil;Zoé\n";
        assert_eq!(check_quotes(text, b';', LineBreaks::Refused), Ok(()));
        let multi = "libellé;montant\n\"Kermesse\nde juin\";12\n";
        assert_eq!(check_quotes(multi, b';', LineBreaks::Allowed), Ok(()));
    }

    #[test]
    fn an_open_quote_names_its_line() {
        let text = "nom;prénom;classe\n\"DUPONT;Léo;CP\nMARTIN;Zoé;CE1\n";
        assert_eq!(
            check_quotes(text, b';', LineBreaks::Refused),
            Err(unclosed_quote_message(2))
        );
        assert_eq!(
            check_quotes(text, b';', LineBreaks::Allowed),
            Err(unclosed_quote_message(2))
        );
        assert_eq!(
            check_quotes("a,b\nc,\"d", b',', LineBreaks::Refused),
            Err(unclosed_quote_message(2))
        );
    }
}
