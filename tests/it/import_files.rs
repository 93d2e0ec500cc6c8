//! Reading bank statements and AssoConnect payments exports from the
//! fixtures in `tests/fixtures/bank/` and `tests/fixtures/assoconnect/`
//! (listed in `tests/fixtures/bank/README.md`): every good file gives its
//! exact rows, every bad one its exact French error.

use coopcompta::domain::Money;
use coopcompta::domain::bank::{BankFile, StatementBalance};
use coopcompta::domain::online::PaymentFile;
use coopcompta::io::import::assoconnect::{PaymentColumns, read_payments};
use coopcompta::io::import::bank::{BankColumns, BankOptions, BankPreset, read_bank};
use coopcompta::io::import::sniff::{BINARY_REFUSED, UTF16_REFUSED};

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(crate::support::fixture(name)).unwrap()
}

fn bank_with(name: &str, options: &BankOptions) -> Result<BankFile, String> {
    read_bank(&bytes(&format!("bank/{name}")), options)
}

fn bank(name: &str) -> Result<BankFile, String> {
    bank_with(name, &BankOptions::default())
}

fn bank_error(name: &str) -> String {
    bank(name).unwrap_err()
}

/// Each row as `line date amount label | reference | counterparty | id`.
fn bank_rows(file: &BankFile) -> Vec<String> {
    file.rows
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {} | {} | {} | {}",
                r.line_no,
                r.date,
                r.amount.std(),
                r.label,
                r.reference,
                r.counterparty,
                r.bank_id.as_deref().unwrap_or("-")
            )
        })
        .collect()
}

fn counts(pairs: &[(&str, usize)]) -> Vec<(String, usize)> {
    pairs.iter().map(|(k, n)| (k.to_string(), *n)).collect()
}

fn payments_with(name: &str, columns: &PaymentColumns) -> Result<PaymentFile, String> {
    read_payments(&bytes(&format!("assoconnect/{name}")), columns)
}

fn payments(name: &str) -> Result<PaymentFile, String> {
    payments_with(name, &PaymentColumns::default())
}

/// Each payment as `line id date payer | form | amount fee status payout`.
fn payment_rows(file: &PaymentFile) -> Vec<String> {
    file.rows
        .iter()
        .map(|p| {
            format!(
                "{} {} {} {} | {} | {} {} {} {}",
                p.line_no,
                p.ext_id,
                p.date,
                p.payer,
                p.form,
                p.amount.std(),
                p.fee.std(),
                p.status.key(),
                p.payout.as_deref().unwrap_or("-")
            )
        })
        .collect()
}

// ---- bank statements: good files -------------------------------------

#[test]
fn lbp_export_with_its_preamble_in_windows_1252() {
    let file = bank("lbp_preamble_cp1252.csv").unwrap();
    assert_eq!(
        bank_rows(&file),
        [
            "8 2025-10-14 -23.90 CARTE X1234 PAPETERIE DES ÉCOLES 13/10 |  |  | -",
            "9 2025-10-10 500.00 VIREMENT DE MAIRIE DE NICE SUBVENTION |  |  | -",
            "10 2025-10-07 -45.00 CHEQUE N° 1234567 |  |  | -",
            "11 2025-10-03 120.50 REMISE DE CHÈQUES COOPÉRATIVE |  |  | -",
        ]
    );
    assert_eq!(
        file.statement,
        Some(StatementBalance {
            date: chrono::NaiveDate::from_ymd_opt(2025, 10, 15).unwrap(),
            balance: Money::from_cents(123456),
        })
    );
    assert!(file.not_booked.is_empty());
    let lbp = BankOptions {
        preset: BankPreset::Lbp,
        ..BankOptions::default()
    };
    assert_eq!(bank_with("lbp_preamble_cp1252.csv", &lbp), Ok(file));
}

#[test]
fn swan_like_file_keeps_booked_lines_only() {
    let file = bank("swan.csv").unwrap();
    assert_eq!(
        bank_rows(&file),
        [
            "2 2025-10-03 -12.50 CARTE PAPETERIE DES ECOLES |  | PAPETERIE DES ECOLES | tx-001",
            "3 2025-10-07 63.78 ASSOCONNECT; VERSEMENT \"PO-2025-10-07\" | PO-2025-10-07 | ASSOCONNECT | tx-002",
            "5 2025-10-08 -350.00 VIREMENT SORTIE SCOLAIRE | E2E-778 | AUTOCARS AZUR | tx-004",
        ]
    );
    assert_eq!(
        file.not_booked,
        counts(&[("en attente", 2), ("annulée", 1)])
    );
    assert_eq!(file.skipped(), 3);
    assert_eq!(file.statement, None);
    let swan = BankOptions {
        preset: BankPreset::Swan,
        ..BankOptions::default()
    };
    assert_eq!(bank_with("swan.csv", &swan), Ok(file));
}

#[test]
fn debit_and_credit_columns() {
    let file = bank("debit_credit.csv").unwrap();
    assert_eq!(
        bank_rows(&file),
        [
            "2 2025-10-02 -4.50 FRAIS TENUE DE COMPTE |  |  | -",
            "3 2025-10-05 150.00 VIR COOPERATIVE ECOLE |  |  | -",
            "4 2025-10-06 -32.00 PRLV ASSURANCE MAE |  |  | -",
        ]
    );
    assert_eq!(file.not_booked, counts(&[("montant nul", 1)]));
}

#[test]
fn comma_separator_and_decimal_point() {
    let file = bank("comma_point.csv").unwrap();
    assert_eq!(
        bank_rows(&file),
        [
            "2 2025-10-03 -12.50 Card purchase STATIONERY |  |  | -",
            "3 2025-10-04 1234.56 Transfer, school trip |  |  | -",
            "4 2025-10-05 -0.50 Bank fee |  |  | -",
        ]
    );
}

#[test]
fn tab_separated_file() {
    let file = bank("tab.csv").unwrap();
    assert_eq!(
        bank_rows(&file),
        [
            "2 2025-10-03 -8.00 CARTE \"X\" PAPETERIE |  |  | -",
            "3 2025-10-04 45.00 KERMESSE DE JUIN |  |  | -",
        ]
    );
}

#[test]
fn two_digit_years_are_in_the_2000s() {
    let file = bank("short_year.csv").unwrap();
    assert_eq!(
        bank_rows(&file),
        [
            "2 2025-10-03 -12.50 CARTE PAPETERIE |  |  | -",
            "3 2026-02-28 300.00 VIREMENT MAIRIE |  |  | -",
        ]
    );
    let forced = BankOptions {
        date_format: Some("jj/mm/aa".into()),
        ..BankOptions::default()
    };
    assert_eq!(bank_with("short_year.csv", &forced), Ok(file));
}

#[test]
fn thousands_separators() {
    let file = bank("thousands.csv").unwrap();
    let amounts: Vec<String> = file.rows.iter().map(|r| r.amount.std()).collect();
    assert_eq!(
        amounts,
        [
            "1234.56", "1500.00", "-2000.00", "1234.56", "12345.67", "7.00"
        ]
    );
}

#[test]
fn the_canonical_shape_still_reads() {
    let file = bank("canonical.csv").unwrap();
    assert_eq!(
        bank_rows(&file),
        ["2 2025-10-03 -12.50 CARTE X1234 PAPETERIE |  |  | -"]
    );
}

#[test]
fn flags_override_the_names() {
    // Columns 3 and 2 of `jour;texte;somme`: no name is known.
    let options = BankOptions {
        columns: BankColumns {
            date: Some(1),
            amount: Some(3),
            label: Some(2),
            ..BankColumns::default()
        },
        ..BankOptions::default()
    };
    let file = bank_with("no_header.csv", &options).unwrap();
    assert_eq!(bank_rows(&file), ["2 2025-10-03 -12.50 CARTE |  |  | -"]);
    // The value date instead of the booking date, and the label as reference.
    let options = BankOptions {
        columns: BankColumns {
            date: Some(3),
            reference: Some(4),
            ..BankColumns::default()
        },
        ..BankOptions::default()
    };
    let file = bank_with("swan.csv", &options).unwrap();
    assert_eq!(file.rows[0].date.to_string(), "2025-10-03");
    assert_eq!(file.rows[0].reference, "CARTE PAPETERIE DES ECOLES");
}

// ---- bank statements: bad files --------------------------------------

#[test]
fn empty_binary_and_utf16_files_are_refused() {
    assert_eq!(
        bank_error("empty.csv"),
        "le fichier est vide : une ligne d'en-tête est attendue, avec une colonne de date et une colonne de montant (ou débit et crédit)"
    );
    assert_eq!(bank_error("binary.xlsx"), BINARY_REFUSED);
    assert_eq!(bank_error("utf16_no_bom.csv"), UTF16_REFUSED);
}

#[test]
fn missing_columns_are_named() {
    assert_eq!(
        bank_error("no_date.csv"),
        "en-tête (ligne 1) : aucune colonne de date (colonnes lues : Libellé, Montant) : attendu Date, Date d'opération, Booking date, Date comptable ou Date de valeur, ou --date-col N"
    );
    assert_eq!(
        bank_error("no_amount.csv"),
        "en-tête (ligne 1) : aucune colonne de montant (colonnes lues : Date, Libellé, Référence) : attendu Montant, Amount, ou Débit et Crédit, ou --amount-col N (--debit-col N --credit-col N)"
    );
    assert_eq!(
        bank_error("no_header.csv"),
        "aucune ligne d'en-tête trouvée : il faut une colonne de date (Date, Date d'opération, Booking date, Date comptable ou Date de valeur) et une colonne de montant (Montant, Amount, ou Débit et Crédit) ; colonnes lues ligne 1 : jour, texte, somme"
    );
}

#[test]
fn bad_cells_name_their_line_and_column() {
    assert_eq!(
        bank_error("bad_amount.csv"),
        "ligne 4 : montant « 12,3x » illisible (colonne « Montant ») : attendu un nombre comme 12,50 ou -8.00"
    );
    assert_eq!(
        bank_error("bad_date.csv"),
        "ligne 3 : date « 31/02/2025 » illisible (colonne « Date ») : attendu une date comme 03/10/2025, 2025-10-03 ou 03/10/25"
    );
    assert_eq!(
        bank_error("three_decimals.csv"),
        "ligne 2 : montant « -12,345 » avec plus de deux décimales (colonne « Montant ») : les centimes s'arrêtent à 2 chiffres, rien n'est arrondi"
    );
    assert_eq!(
        bank_error("unknown_status.csv"),
        "ligne 3 : statut « Bloqué » inconnu (colonne « Statut ») : attendu Booked, Pending, Upcoming, Released, Canceled ou Rejected (ou comptabilisé, exécuté, en attente, à venir, annulé, rejeté, refusé)"
    );
    assert_eq!(
        bank_error("too_few_cells.csv"),
        "ligne 3 : 2 cellules au lieu de 3 (un « ; » en moins ?)"
    );
    assert_eq!(
        bank_error("control_char.csv"),
        "ligne 2 : colonne « Libellé » : « CARTE␛[31m » contient un caractère de contrôle ou invisible (U+001B) : tapez du texte simple, sur une ligne"
    );
    assert_eq!(
        bank_error("long_label.csv"),
        format!(
            "ligne 2 : colonne « Libellé » : trop long : 200 caractères au plus, 201 reçus (« {}… »)",
            "A".repeat(40)
        )
    );
}

#[test]
fn an_unclosed_quote_is_refused() {
    assert_eq!(
        bank_error("unclosed_quote.csv"),
        "ligne 3 : guillemet ouvrant sans guillemet fermant : ajoutez le \" qui ferme le champ ou retirez celui qui l'ouvre, puis importez de nouveau le fichier"
    );
}

#[test]
fn bad_options_are_refused() {
    let beyond = BankOptions {
        columns: BankColumns {
            amount: Some(7),
            ..BankColumns::default()
        },
        ..BankOptions::default()
    };
    assert_eq!(
        bank_with("canonical.csv", &beyond).unwrap_err(),
        "--amount-col 7 : le fichier n'a que 3 colonnes (date, montant, libelle)"
    );
    let format = BankOptions {
        date_format: Some("mm/dd/yyyy".into()),
        ..BankOptions::default()
    };
    assert_eq!(
        bank_with("canonical.csv", &format).unwrap_err(),
        "format de date « mm/dd/yyyy » inconnu : attendu jj/mm/aaaa, aaaa-mm-jj ou jj/mm/aa"
    );
    let iso = BankOptions {
        date_format: Some("aaaa-mm-jj".into()),
        ..BankOptions::default()
    };
    assert_eq!(
        bank_with("short_year.csv", &iso).unwrap_err(),
        "ligne 2 : date « 03/10/25 » illisible (colonne « Date ») : attendu une date aaaa-mm-jj comme 2025-10-03"
    );
}

// ---- AssoConnect payments --------------------------------------------

#[test]
fn assoconnect_export_with_bom_fees_payouts_refund_and_pending() {
    let file = payments("payments.csv").unwrap();
    assert_eq!(
        payment_rows(&file),
        [
            "2 PAY-001 2025-10-03 Martin Sophie | Participation 2025-2026 | 25.00 0.70 paye PO-2025-10-07",
            "3 PAY-002 2025-10-03 Dupont Karim | Participation 2025-2026 | 25.00 0.70 paye PO-2025-10-07",
            "4 PAY-003 2025-10-04 Lefèvre Anne | Participation 2025-2026 | 15.00 0.52 paye PO-2025-10-07",
            "5 PAY-004 2025-10-10 Garçon Élodie | Photos de classe | 12.00 0.47 paye PO-2025-10-14",
            "6 PAY-005 2025-10-11 Martin Sophie | Photos de classe | 12.00 0.47 rembourse PO-2025-10-14",
            "7 PAY-006 2025-10-15 Nguyen Linh | Participation 2025-2026 | 25.00 0.70 paye -",
        ]
    );
    assert_eq!(file.not_counted, counts(&[("En attente", 1)]));
}

#[test]
fn assoconnect_synonyms_names_and_net() {
    let file = payments("names_net.csv").unwrap();
    assert_eq!(
        payment_rows(&file),
        ["2 8812 2025-10-03 Anne LEFÈVRE | Participation 2025-2026 | 15.00 0.52 paye VERS-77"]
    );
    assert_eq!(file.not_counted, counts(&[("Échoué", 1)]));
}

#[test]
fn assoconnect_in_english_without_fees() {
    let file = payments("tips_english.csv").unwrap();
    assert_eq!(
        payment_rows(&file),
        [
            "2 p_1 2025-10-03 Sophie Martin | Participation 2025-2026 | 25.00 0.00 paye po_1",
            "3 p_2 2025-10-04 Karim Dupont | Participation 2025-2026 | 25.00 0.00 rembourse po_1",
        ]
    );
    assert_eq!(file.not_counted, counts(&[("pending", 1)]));
}

#[test]
fn assoconnect_flags_override_the_names() {
    // The payer taken from the form column, the payout from the fee column.
    let columns = PaymentColumns {
        payer: Some(4),
        payout: Some(6),
        ..PaymentColumns::default()
    };
    let file = payments_with("payments.csv", &columns).unwrap();
    assert_eq!(file.rows[0].payer, "Participation 2025-2026");
    assert_eq!(file.rows[0].payout.as_deref(), Some("0,70"));
    let beyond = PaymentColumns {
        fee: Some(9),
        ..PaymentColumns::default()
    };
    assert_eq!(
        payments_with("payments.csv", &beyond).unwrap_err(),
        "--fee-col 9 : le fichier n'a que 8 colonnes (Identifiant, Date, Payeur, Formulaire, Montant, Frais, Statut, Versement)"
    );
}

#[test]
fn bad_assoconnect_files_are_refused() {
    let error = |name: &str| payments(name).unwrap_err();
    assert_eq!(
        error("empty.csv"),
        "le fichier est vide : une ligne d'en-tête est attendue (Identifiant, Date, Payeur, Formulaire, Montant, Frais, Statut, Versement)"
    );
    assert_eq!(
        error("missing_id_column.csv"),
        "en-tête (ligne 1) : aucune colonne d'identifiant (colonnes lues : Date, Payeur, Montant) : attendu Identifiant, ID, Référence du paiement ou N° de paiement, ou --id-col N (c'est par lui qu'un paiement n'est jamais compté deux fois)"
    );
    assert_eq!(
        error("empty_id.csv"),
        "ligne 3 : identifiant vide (colonne « Identifiant ») : chaque paiement a son identifiant, c'est par lui qu'un paiement n'est jamais compté deux fois"
    );
    assert_eq!(
        error("fee_too_large.csv"),
        "ligne 2 : frais « 2,50 » plus grands que le montant (2,00 €) (colonne « Frais »)"
    );
    assert_eq!(
        error("negative.csv"),
        "ligne 2 : montant « -25,00 » négatif (colonne « Montant ») : un paiement s'écrit sans signe (un remboursement a le statut Remboursé)"
    );
    assert_eq!(
        error("unknown_status.csv"),
        "ligne 2 : statut « Contesté » inconnu (colonne « Statut ») : attendu Payé, Remboursé, En attente, Échoué ou Annulé (ou Paid, Refunded, Pending, Failed, Canceled)"
    );
    assert_eq!(
        error("duplicate_id.csv"),
        "ligne 3 : identifiant « PAY-001 » déjà lu ligne 2 : un paiement ne se compte qu'une fois"
    );
}

// ---- amounts: exact whatever the grouping ------------------------------

/// `1234567` cents written with `thousands` between groups and `mark`
/// before the cents: `12{t}345,67`.
fn written(cents: i64, thousands: &str, mark: char) -> String {
    let units = (cents.abs() / 100).to_string();
    let mut grouped = String::new();
    for (i, d) in units.chars().enumerate() {
        if i > 0 && (units.len() - i).is_multiple_of(3) {
            grouped.push_str(thousands);
        }
        grouped.push(d);
    }
    let sign = if cents < 0 { "-" } else { "" };
    format!("{sign}{grouped}{mark}{:02}", cents.abs() % 100)
}

proptest::proptest! {
    #[test]
    fn statement_amounts_read_back_exactly(cents in -999_999_999_999i64..=999_999_999_999) {
        use coopcompta::io::import::table::values::parse_amount;
        for (thousands, mark) in [
            (" ", ','), ("\u{a0}", ','), ("\u{202f}", ','), (".", ','), ("", ','),
            (",", '.'), ("", '.'), (" ", '.'),
        ] {
            let text = written(cents, thousands, mark);
            proptest::prop_assert_eq!(parse_amount(&text).map(Money::cents), Ok(cents), "{}", text);
            let with_euro = format!("{text} €");
            proptest::prop_assert_eq!(parse_amount(&with_euro).map(Money::cents), Ok(cents), "{}", with_euro);
        }
    }
}

#[test]
fn a_status_written_in_two_cases_is_counted_once() {
    let file = read_bank(
        "date;montant;libelle;statut\n\
         2025-10-01;-5,00;CARTE A;Booked\n\
         2025-10-02;-6,00;CARTE B;Pending\n\
         2025-10-03;-7,00;CARTE C;pending\n\
         2025-10-04;-8,00;CARTE D;PENDING\n"
            .as_bytes(),
        &BankOptions::default(),
    )
    .unwrap();
    assert_eq!(file.rows.len(), 1);
    assert_eq!(file.not_booked, counts(&[("en attente", 3)]));
}
