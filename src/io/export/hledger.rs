//! An hledger journal (plain text accounting): `account` directives with
//! their type (`A` assets, `L` liabilities, `E` equity, `R` revenues, `X`
//! expenses), then one transaction per entry with all its lines, the pièce
//! as the transaction's code, amounts in `EUR` with a dot and two
//! decimals. Account names are the chart's (`actif:caisse`,
//! `produits:75620008 Participation volontaire des familles`), cleaned of
//! what hledger reads otherwise: `:` separates levels, two spaces or a tab
//! end a name, `;` starts a comment; control characters and runs of spaces
//! become one space.

use crate::domain::{Account, AccountKind, Entry, Money, MoneyKey};
use std::collections::HashMap;
use std::io::{self, Write};

/// The hledger type letter of an account.
pub fn account_type(account: &Account) -> char {
    let code = account.code.as_str();
    match account.kind {
        AccountKind::Tresorerie => 'A',
        AccountKind::Produit => 'R',
        AccountKind::Charge => 'X',
        AccountKind::Bilan => match code.as_bytes() {
            // Emprunts et dettes assimilées (16…: the OCCE's advance, 1680).
            [b'1', b'6', ..] => 'L',
            [b'1', ..] => 'E',
            // Fournisseurs, personnel, État: what the coop owes.
            [b'4', b'0' | b'2' | b'3' | b'4', ..] => 'L',
            _ => 'A',
        },
    }
}

/// A name part hledger reads as one: no `:`, `;`, tab, control character
/// or double space.
pub fn clean_name(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            ':' => '-',
            ';' => ',',
            c if c.is_control() || c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    out.trim_end().to_string()
}

/// The full hledger name of an account: `actif:caisse`,
/// `charges:6068 Fournitures`, `capitaux:110 Report à nouveau`.
pub fn account_name(account: &Account) -> String {
    if let Some(key) = account.money_key {
        let leaf = match key {
            MoneyKey::Caisse => "caisse",
            MoneyKey::Pro => "compte-pro",
            MoneyKey::EnLigne => "collectes-en-ligne",
            MoneyKey::Lbp => "lbp",
        };
        return format!("actif:{leaf}");
    }
    let top = match account_type(account) {
        'R' => "produits",
        'X' => "charges",
        'L' => "dettes",
        'E' => "capitaux",
        _ => "actif",
    };
    format!(
        "{top}:{}",
        clean_name(&format!("{} {}", account.code, account.label))
    )
}

/// A description or code on one line, without `;` (a comment) and, for a
/// code, without parentheses (`)` ends it).
fn clean_text(text: &str, code: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            ';' => ',',
            '(' | ')' if code => continue,
            c if c.is_control() || c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    out.trim_end().to_string()
}

/// `-12.50 EUR`: the standard CSV amount and the commodity.
fn push_amount(buf: &mut String, amount: Money) {
    super::format::push_amount(buf, amount, super::format::CsvFormat::Std);
    buf.push_str(" EUR");
}

/// Writes the journal entry by entry.
pub struct HledgerJournal<W: Write> {
    out: W,
    names: HashMap<String, String>,
    buf: String,
}

impl<W: Write> HledgerJournal<W> {
    /// Starts the journal: a title comment, the commodity, and one
    /// `account` directive per account of `chart` that `used` names (the
    /// money accounts always).
    pub fn new(mut out: W, title: &str, chart: &[Account], used: &[String]) -> io::Result<Self> {
        let mut head = String::new();
        for line in title.lines() {
            head.push_str("; ");
            head.push_str(&clean_text(line, false));
            head.push('\n');
        }
        head.push_str("\ncommodity 1000.00 EUR\n\n");
        let mut names = HashMap::new();
        for account in chart {
            let name = account_name(account);
            if account.money_key.is_some() || used.contains(&account.code) {
                head.push_str(&format!(
                    "account {name}  ; type: {}\n",
                    account_type(account)
                ));
            }
            names.insert(account.code.clone(), name);
        }
        head.push('\n');
        out.write_all(head.as_bytes())?;
        Ok(HledgerJournal {
            out,
            names,
            buf: String::new(),
        })
    }

    /// One transaction: date, `(pièce)`, label, then each line.
    pub fn entry(&mut self, entry: &Entry) -> io::Result<()> {
        let buf = &mut self.buf;
        buf.clear();
        buf.push_str(&entry.date.to_string());
        buf.push_str(" (");
        buf.push_str(&clean_text(&entry.piece, true));
        buf.push_str(") ");
        buf.push_str(&clean_text(&entry.label, false));
        let mut tags = Vec::new();
        if let Some(mode) = entry.mode {
            tags.push(format!("mode: {}", mode.key()));
        }
        if let Some(cheque) = &entry.cheque_no {
            tags.push(format!(
                "cheque: {}",
                clean_text(cheque, false).replace(',', " ")
            ));
        }
        if entry.is_cancelled() {
            tags.push("annulee:".to_string());
        }
        if !tags.is_empty() {
            buf.push_str("  ; ");
            buf.push_str(&tags.join(", "));
        }
        buf.push('\n');
        for line in &entry.lines {
            buf.push_str("    ");
            match self.names.get(&line.account_code) {
                Some(name) => buf.push_str(name),
                None => buf.push_str(&format!("inconnu:{}", clean_name(&line.account_code))),
            }
            buf.push_str("  ");
            push_amount(buf, line.amount);
            buf.push('\n');
        }
        buf.push('\n');
        self.out.write_all(buf.as_bytes())
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(code: &str, label: &str, kind: AccountKind) -> Account {
        Account {
            id: 1,
            code: code.into(),
            label: label.into(),
            kind,
            money_key: None,
            crf_heading: None,
        }
    }

    #[test]
    fn names_hold_nothing_hledger_reads_otherwise() {
        let odd = account("6068", "Achats : papier;  colle\tetc", AccountKind::Charge);
        assert_eq!(
            account_name(&odd),
            "charges:6068 Achats - papier, colle etc"
        );
        let advance = account("1680", "Avance de l'OCCE", AccountKind::Bilan);
        assert_eq!(account_type(&advance), 'L');
        assert_eq!(account_name(&advance), "dettes:1680 Avance de l'OCCE");
        let regie = account("467", "Régies", AccountKind::Bilan);
        assert_eq!(account_type(&regie), 'A');
        let report = account("110", "Report à nouveau", AccountKind::Bilan);
        assert_eq!(account_name(&report), "capitaux:110 Report à nouveau");
    }

    #[test]
    fn codes_and_descriptions_stay_on_their_line() {
        assert_eq!(clean_text("R(0)1)\n", true), "R01");
        assert_eq!(
            clean_text("Régie CE1 : colle ; buvette\r\n2", false),
            "Régie CE1 : colle , buvette 2"
        );
    }
}
