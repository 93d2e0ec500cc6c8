//! A table read from a user's CSV file, whatever wrote it: the text decoded
//! ([`super::sniff`]), the header row found by the names of its columns
//! (lines before it are a preamble, kept apart), the separator (`;`, `,` or
//! TAB) detected on that row, quotes checked ([`super::quotes`]), then every
//! record with the physical line (from 1) it starts on. Shared by the bank
//! statement and AssoConnect readers; `values` parses their cells.

pub mod values;

use super::quotes::{LineBreaks, check_quotes};
use crate::domain::text::fold;

/// The separators tried, in order of preference on a tie.
const DELIMITERS: [u8; 3] = [b';', b',', b'\t'];

/// One line of the file split into cells, with its line number (from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
}

/// A file read as a table: the preamble lines (not blank), the header row
/// and the records after it (records whose cells are all blank are left out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub delimiter: u8,
    pub preamble: Vec<Row>,
    pub header: Row,
    pub rows: Vec<Row>,
}

/// Why no header row was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoHeader {
    /// Nothing but blank text.
    Empty,
    /// No line is a header: `best` is the line naming the most known
    /// columns (at least one), else the first line that is not blank.
    NotFound { best: Row, known: usize },
}

/// The separator for people: « ; », « , » or « tabulation ».
pub fn delimiter_name(delimiter: u8) -> &'static str {
    match delimiter {
        b';' => "« ; »",
        b',' => "« , »",
        _ => "« tabulation »",
    }
}

/// A header cell made comparable: `°` dropped, folded (accents, case),
/// a `(EUROS)` / `(€)` / `(EUR)` suffix removed, punctuation as spaces.
pub fn header_key(name: &str) -> String {
    let folded = fold(&name.replace(['°', 'º'], " "));
    let mut key = folded.trim().to_string();
    if let Some(open) = key.rfind('(')
        && key.ends_with(')')
    {
        let inside = key[open + 1..key.len() - 1].trim();
        if matches!(inside, "eur" | "euro" | "euros") {
            key.truncate(open);
        }
    }
    let key = key
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // `Montant EUR`, `Débit en euros`: the currency said in words.
    for suffix in [" en euros", " en eur", " euros", " eur"] {
        if let Some(name) = key.strip_suffix(suffix) {
            return name.to_string();
        }
    }
    key
}

/// Splits one physical line on `delimiter`, honouring quotes (a `"` at the
/// start of a cell opens it, `""` inside is a quote). Cells are trimmed.
pub fn split_line(line: &str, delimiter: u8) -> Vec<String> {
    let delimiter = char::from(delimiter);
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut at_start = true;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                c => cell.push(c),
            }
            continue;
        }
        if c == delimiter {
            cells.push(cell.trim().to_string());
            cell.clear();
            at_start = true;
            continue;
        }
        if c == '"' && at_start {
            quoted = true;
        } else {
            cell.push(c);
        }
        at_start = false;
    }
    cells.push(cell.trim().to_string());
    cells
}

/// How a reader recognises its header row.
pub struct HeaderRule<'a> {
    /// How many cells of a split line name a known column.
    pub known: &'a dyn Fn(&[String]) -> usize,
    /// Whether a split line is the header row (by names).
    pub is_header: &'a dyn Fn(&[String]) -> bool,
    /// With columns given by flags and no header found by names: the first
    /// line with at least this many cells is the header.
    pub flagged_width: Option<usize>,
}

/// Reads `text` as a table (see the module's doc). Quote errors are
/// returned as their French message; a missing header as [`NoHeader`].
pub fn read_table(text: &str, rule: &HeaderRule) -> Result<Result<Table, NoHeader>, String> {
    // One line ending, so that the reader's line numbers are the file's.
    let text = &text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.split('\n').collect();
    let Some((index, delimiter)) = find_header(&lines, rule) else {
        return Ok(Err(no_header(&lines, rule)));
    };
    check_quotes(text, delimiter, LineBreaks::Allowed)?;
    let preamble = lines[..index]
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| Row {
            line: i + 1,
            cells: split_line(l, delimiter),
        })
        .collect();
    let offset: usize = lines[..index].iter().map(|l| l.len() + 1).sum();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(&text.as_bytes()[offset..]);
    let mut records = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| match e.position() {
            Some(p) => format!(
                "ligne {} : {}",
                p.line() as usize + index,
                super::french_csv(&e)
            ),
            None => super::french_csv(&e),
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize) + index;
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        records.push(Row { line, cells });
    }
    let mut records = records.into_iter();
    let mut header = records.next().unwrap_or(Row {
        line: index + 1,
        cells: split_line(lines[index], delimiter),
    });
    // A `;` closing the header line names no column.
    while header.cells.len() > 1 && header.cells.last().is_some_and(String::is_empty) {
        header.cells.pop();
    }
    Ok(Ok(Table {
        delimiter,
        preamble,
        header,
        rows: records.collect(),
    }))
}

/// The header row's index and separator: the first line that is a header
/// by names (its separator the one naming the most known columns), else,
/// with flags, the first line wide enough (its separator the one giving
/// the most cells).
fn find_header(lines: &[&str], rule: &HeaderRule) -> Option<(usize, u8)> {
    for (index, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let best = DELIMITERS
            .iter()
            .map(|d| (split_line(line, *d), *d))
            .filter(|(cells, _)| (rule.is_header)(cells))
            .max_by_key(|(cells, d)| ((rule.known)(cells), std::cmp::Reverse(rank(*d))));
        if let Some((_, delimiter)) = best {
            return Some((index, delimiter));
        }
    }
    let width = rule.flagged_width?;
    lines.iter().enumerate().find_map(|(index, line)| {
        DELIMITERS
            .iter()
            .map(|d| (split_line(line, *d).len(), *d))
            .filter(|(n, _)| *n >= width.max(2))
            .max_by_key(|(n, d)| (*n, std::cmp::Reverse(rank(*d))))
            .map(|(_, d)| (index, d))
    })
}

fn rank(delimiter: u8) -> usize {
    DELIMITERS.iter().position(|d| *d == delimiter).unwrap_or(0)
}

fn no_header(lines: &[&str], rule: &HeaderRule) -> NoHeader {
    let mut best: Option<(usize, Row)> = None;
    let mut first: Option<Row> = None;
    for (index, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let (known, delimiter) = DELIMITERS
            .iter()
            .map(|d| ((rule.known)(&split_line(line, *d)), *d))
            .max_by_key(|(n, d)| (*n, std::cmp::Reverse(rank(*d))))
            .unwrap_or((0, b';'));
        let row = Row {
            line: index + 1,
            cells: split_line(line, delimiter),
        };
        if first.is_none() {
            first = Some(row.clone());
        }
        if known > 0 && best.as_ref().is_none_or(|(k, _)| known > *k) {
            best = Some((known, row));
        }
    }
    match (best, first) {
        (Some((known, best)), _) => NoHeader::NotFound { best, known },
        (None, Some(first)) => NoHeader::NotFound {
            best: first,
            known: 0,
        },
        (None, None) => NoHeader::Empty,
    }
}

/// The cells of a header as the user wrote them, for messages.
pub fn seen(cells: &[String]) -> String {
    let shown: Vec<String> = cells
        .iter()
        .filter(|c| !c.is_empty())
        .map(|c| crate::domain::text::shown(c))
        .collect();
    if shown.is_empty() {
        "aucune".into()
    } else {
        shown.join(", ")
    }
}

/// Checks a row has the header's number of cells (empty cells beyond it
/// are tolerated: a `;` closing every line).
/// A table's header row: reads a record's cells by column, and names the
/// column in the messages (shared by the statement and AssoConnect readers).
#[derive(Debug, Clone, Copy)]
pub struct Cells<'a>(pub &'a [String]);

impl<'a> Cells<'a> {
    /// How many columns the header has.
    pub fn width(self) -> usize {
        self.0.len()
    }

    /// The column's name as written in the header.
    pub fn name(self, index: usize) -> &'a str {
        self.0.get(index).map_or("", String::as_str)
    }

    /// The record's cell in that column (empty past the record's end).
    pub fn cell(self, row: &Row, index: usize) -> &str {
        row.cells.get(index).map_or("", String::as_str)
    }

    /// A text cell, checked (controls refused, at most `max` characters);
    /// empty when the column is absent.
    pub fn text(self, row: &Row, index: Option<usize>, max: usize) -> Result<String, String> {
        match index {
            None => Ok(String::new()),
            Some(i) => values::text_cell(self.cell(row, i), max, row.line, self.name(i)),
        }
    }

    /// An amount cell, read exactly.
    pub fn amount(self, row: &Row, index: usize) -> Result<crate::domain::Money, String> {
        let raw = self.cell(row, index);
        values::parse_amount(raw)
            .map_err(|e| values::amount_message(e, raw, row.line, self.name(index)))
    }
}

pub fn check_width(row: &Row, width: usize, delimiter: u8) -> Result<(), String> {
    let filled = row
        .cells
        .iter()
        .rposition(|c| !c.is_empty())
        .map_or(0, |i| i + 1);
    if row.cells.len() < width {
        return Err(format!(
            "ligne {} : {} cellules au lieu de {width} (un {} en moins ?)",
            row.line,
            row.cells.len(),
            delimiter_name(delimiter)
        ));
    }
    if filled > width {
        return Err(format!(
            "ligne {} : {filled} cellules au lieu de {width} (un {} en trop ? mettez le libellé entre guillemets)",
            row.line,
            delimiter_name(delimiter)
        ));
    }
    Ok(())
}

/// A column given by a flag (numbered from 1), checked against the header.
pub fn flag_index(
    flag: &str,
    value: Option<usize>,
    header: &[String],
) -> Result<Option<usize>, String> {
    match value {
        None => Ok(None),
        Some(0) => Err(format!("{flag} 0 : les colonnes se comptent à partir de 1")),
        Some(n) if n > header.len() => Err(format!(
            "{flag} {n} : le fichier n'a que {} colonnes ({})",
            header.len(),
            seen(header)
        )),
        Some(n) => Ok(Some(n - 1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_keys_fold_names() {
        assert_eq!(header_key(" Montant(EUROS) "), "montant");
        assert_eq!(header_key("Débit (€)"), "debit");
        assert_eq!(header_key("Date d'opération"), "date d operation");
        assert_eq!(header_key("N° de paiement"), "n de paiement");
        assert_eq!(header_key("Transaction_ID"), "transaction id");
        assert_eq!(header_key("Montant en euros"), "montant");
        assert_eq!(header_key("Crédit EUR"), "credit");
    }

    #[test]
    fn lines_split_with_quotes() {
        assert_eq!(
            split_line("a;\"b;c\" ;\"d\"\"e\"", b';'),
            vec!["a", "b;c", "d\"e"]
        );
        assert_eq!(split_line("O\"Neil;x", b';'), vec!["O\"Neil", "x"]);
    }
}
