//! CSV rows written by hand for the year's big files: the bytes of the csv
//! crate's writer as [`CsvFormat::writer`] sets it up (a field is quoted
//! only when it holds the delimiter, a quote, CR or LF; a quote inside is
//! doubled; LF ends a record; the `fr` form starts with a BOM), without
//! its work per field, a third of the journal's export. A property test
//! keeps the two writers equal.

use super::format::CsvFormat;
use std::io::{self, BufWriter, Write};

/// One field of a row.
#[derive(Debug, Clone, Copy)]
pub enum Field<'a> {
    /// Digits, signs, a date: never quoted, not looked into.
    Plain(&'a [u8]),
    /// Anything else: quoted when it must be.
    Text(&'a [u8]),
}

pub struct CsvRows<W: Write> {
    out: BufWriter<W>,
    delimiter: u8,
    line: Vec<u8>,
}

impl<W: Write> CsvRows<W> {
    /// Starts a file in `format` (its BOM for `fr`).
    pub fn new(out: W, format: CsvFormat) -> io::Result<Self> {
        let mut out = BufWriter::with_capacity(1 << 16, out);
        let delimiter = match format {
            CsvFormat::Std => b',',
            CsvFormat::Fr => {
                out.write_all("\u{feff}".as_bytes())?;
                b';'
            }
        };
        Ok(CsvRows {
            out,
            delimiter,
            line: Vec::with_capacity(256),
        })
    }

    /// One record of texts.
    pub fn row<'a>(&mut self, fields: impl IntoIterator<Item = &'a [u8]>) -> io::Result<()> {
        self.fields(fields.into_iter().map(Field::Text))
    }

    /// One record.
    pub fn fields<'a>(&mut self, fields: impl IntoIterator<Item = Field<'a>>) -> io::Result<()> {
        self.line.clear();
        for (i, field) in fields.into_iter().enumerate() {
            if i > 0 {
                self.line.push(self.delimiter);
            }
            match field {
                Field::Plain(bytes) => self.line.extend_from_slice(bytes),
                Field::Text(bytes) => self.push_field(bytes),
            }
        }
        self.line.push(b'\n');
        self.out.write_all(&self.line)
    }

    fn push_field(&mut self, field: &[u8]) {
        let delimiter = self.delimiter;
        if !field
            .iter()
            .any(|&b| b == delimiter || b == b'"' || b == b'\n' || b == b'\r')
        {
            self.line.extend_from_slice(field);
            return;
        }
        self.line.push(b'"');
        for &b in field {
            if b == b'"' {
                self.line.push(b'"');
            }
            self.line.push(b);
        }
        self.line.push(b'"');
    }

    /// Writes out what is buffered.
    pub fn finish(mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn by_hand(format: CsvFormat, rows: &[Vec<String>]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut w = CsvRows::new(&mut out, format).unwrap();
        for row in rows {
            w.row(row.iter().map(|f| f.as_bytes())).unwrap();
        }
        w.finish().unwrap();
        out
    }

    fn by_crate(format: CsvFormat, rows: &[Vec<String>]) -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut w = format.writer(&mut out).unwrap();
            for row in rows {
                w.write_record(row).unwrap();
            }
            w.flush().unwrap();
        }
        out
    }

    #[test]
    fn quotes_only_what_needs_it() {
        let rows = vec![vec![
            "Dupond, Léa".to_string(),
            "dit \"Lulu\"".into(),
            "deux\nlignes".into(),
            "a;b".into(),
            String::new(),
            "-12.50".into(),
        ]];
        assert_eq!(
            String::from_utf8(by_hand(CsvFormat::Std, &rows)).unwrap(),
            "\"Dupond, Léa\",\"dit \"\"Lulu\"\"\",\"deux\nlignes\",a;b,,-12.50\n"
        );
        assert_eq!(
            by_hand(CsvFormat::Fr, &rows),
            by_crate(CsvFormat::Fr, &rows)
        );
    }

    proptest! {
        #[test]
        fn writes_what_the_csv_crate_writes(
            rows in (2usize..8).prop_flat_map(|width| prop::collection::vec(
                prop::collection::vec("[a-zé ,;\"\r\n€-]{0,6}", width), 1..6)),
            fr in any::<bool>(),
        ) {
            let format = if fr { CsvFormat::Fr } else { CsvFormat::Std };
            prop_assert_eq!(by_hand(format, &rows), by_crate(format, &rows));
        }
    }
}
