//! The CRF files: the printable HTML page (well-formed, no script, no
//! network, the signature lines), the xlsx workbook read back (numbers,
//! the same totals as the CSV), the CSV in both conventions, and
//! `export crf` from the command line.

use crate::support::cli::Sandbox;
use crate::support::clock;
use coopcompta::book::Book;
use coopcompta::book::demo::{DEMO_COOP, DEMO_EXERCICE, load_demo};
use coopcompta::book::year_end::ExportKind;
use coopcompta::io::export::CsvFormat;
use coopcompta::io::export::crf::html;
use coopcompta::store;
use std::io::Cursor;

fn demo() -> Book {
    load_demo(store::open_in_memory().unwrap(), clock()).unwrap()
}

fn export(book: &Book, kind: ExportKind) -> Vec<u8> {
    let mut out = Vec::new();
    book.export(kind, DEMO_EXERCICE, &mut out).unwrap();
    out
}

/// Parses the page as XML: every tag closed in order, entities known.
fn assert_well_formed(page: &str) {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(page);
    let mut open: Vec<String> = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(tag)) => open.push(tag.name().as_ref().to_string()),
            Ok(Event::End(tag)) => {
                let name = tag.name().as_ref().to_string();
                assert_eq!(
                    open.pop().as_deref(),
                    Some(name.as_str()),
                    "closing </{name}>"
                );
            }
            Ok(Event::GeneralRef(entity)) => {
                let name = entity.clone().into_inner().into_owned();
                assert!(
                    matches!(name.as_str(), "amp" | "lt" | "gt" | "quot" | "apos")
                        || entity.resolve_char_ref().is_ok_and(|c| c.is_some()),
                    "&{name}; is not XML"
                );
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed at {}: {e}", reader.buffer_position()),
        }
    }
    assert!(open.is_empty(), "left open: {open:?}");
}

#[test]
fn the_page_is_self_contained_printable_french_and_signed() {
    let book = demo();
    let bytes = export(&book, ExportKind::CrfHtml);
    let page = String::from_utf8(bytes).unwrap();
    assert_well_formed(&page);
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    let lower = page.to_lowercase();
    for banned in [
        "<script", "http", "<link", "<img", "src=", "@import", "url(",
    ] {
        assert!(!lower.contains(banned), "{banned} in the page");
    }
    assert!(page.contains("@page { size: A4;"));
    assert!(page.contains("break-before: page"));
    let title = format!(
        "<title>Compte rendu financier 2024-2025 – {}</title>",
        html::escape(DEMO_COOP)
    );
    assert!(page.contains(&title), "{title}");
    for part in [
        "1. Compte de fonctionnement",
        "2. Bilan simplifié",
        "3. Rapprochement bancaire au 31/08/2025",
        "4. Arrêté de caisse",
        "5. Subventions reçues",
        "6. Chèques à rendre aux familles",
    ] {
        assert!(page.contains(part), "{part}");
    }
    assert!(page.contains("Contrôle : avoir à l'ouverture"));
    assert!(page.contains(": vérifié</p>"));
    assert!(page.contains("M. et Mme Girard"));
    // The demo's Compte Pro: 2,00 € of fees not on the statement yet, and
    // the 1,20 € card fee abroad still to explain.
    assert!(page.contains("Écart à expliquer (relevé − attendu)</td><td class=\"num\">-1,20 €"));
    // The three signature lines, last.
    let tail = &page[page.find("Approbation des comptes").unwrap()..];
    assert_eq!(tail.matches("<strong>Le mandataire</strong>").count(), 1);
    assert_eq!(
        tail.matches("<strong>Vérificateur aux comptes</strong>")
            .count(),
        2
    );
    assert_eq!(
        tail.matches("<p>Nom :</p><p>Date :</p><p>Signature :</p>")
            .count(),
        3
    );
}

#[test]
fn texts_in_the_page_are_escaped() {
    let book = demo();
    let crf = book.crf(DEMO_EXERCICE).unwrap();
    let page = html::page(&crf, "<script>alert('x')</script> & Cie");
    assert_well_formed(&page);
    assert!(!page.contains("<script"));
    assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Cie"));
}

/// The CSV rows as records (BOM removed for `fr`).
fn csv_rows(bytes: &[u8], format: CsvFormat) -> Vec<csv::StringRecord> {
    let (bytes, delimiter) = match format {
        CsvFormat::Std => (bytes, b','),
        CsvFormat::Fr => (
            bytes.strip_prefix("\u{feff}".as_bytes()).expect("BOM"),
            b';',
        ),
    };
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(bytes)
        .records()
        .collect::<Result<_, _>>()
        .expect("CSV reads back")
}

/// The amount (column 6) of the first row whose label (column 4) is `label`.
fn csv_amount(rows: &[csv::StringRecord], label: &str) -> String {
    rows.iter()
        .find(|r| &r[3] == label)
        .unwrap_or_else(|| panic!("{label}"))[5]
        .to_string()
}

#[test]
fn the_csv_reads_back_in_both_conventions() {
    let book = demo();
    let crf = book.crf(DEMO_EXERCICE).unwrap();
    let std = csv_rows(
        &export(&book, ExportKind::Crf(CsvFormat::Std)),
        CsvFormat::Std,
    );
    let fr = csv_rows(
        &export(&book, ExportKind::Crf(CsvFormat::Fr)),
        CsvFormat::Fr,
    );
    assert_eq!(std.len(), fr.len());
    assert_eq!(&std[0][0], "coop");
    assert_eq!(&fr[0][0], "Coopérative");
    assert_eq!(
        csv_amount(&std, "Total des charges"),
        crf.total_charges.std()
    );
    assert_eq!(
        csv_amount(&fr, "Total des charges"),
        crf.total_charges.std().replace('.', ",")
    );
    assert_eq!(
        csv_amount(&std, "Résultat (produits − charges)"),
        crf.result().std()
    );
    let sections: Vec<&str> = std.iter().map(|r| r.get(0).unwrap()).collect();
    for section in [
        "charges",
        "produits",
        "resultat",
        "bilan",
        "controle",
        "rapprochement",
        "caisse",
        "cheques",
        "mois",
    ] {
        assert!(sections.contains(&section), "{section}");
    }
    // Dates: ISO for programs, jj/mm/aaaa for spreadsheets.
    let month = std.iter().find(|r| &r[0] == "mois").unwrap();
    assert_eq!(&month[4], "2024-09-01");
    let month = fr.iter().find(|r| &r[0] == "Mois").unwrap();
    assert_eq!(&month[4], "01/09/2024");
}

#[test]
fn the_workbook_holds_numbers_and_the_csv_totals() {
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    let book = demo();
    let crf = book.crf(DEMO_EXERCICE).unwrap();
    let bytes = export(&book, ExportKind::CrfXlsx);
    let std = csv_rows(
        &export(&book, ExportKind::Crf(CsvFormat::Std)),
        CsvFormat::Std,
    );
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("xlsx");
    let sheet = workbook.worksheet_range("Fonctionnement").expect("sheet");
    let number_after = |label: &str| -> f64 {
        let row = sheet
            .rows()
            .find(|r| r[0] == Data::String(label.into()))
            .unwrap_or_else(|| panic!("{label}"));
        match &row[3] {
            Data::Float(f) => *f,
            other => panic!("{label}: {other:?} is not a number"),
        }
    };
    let csv_number = |label: &str| -> f64 { csv_amount(&std, label).parse().unwrap() };
    for label in ["Total des charges", "Total des produits"] {
        assert_eq!(number_after(label), csv_number(label), "{label}");
    }
    assert_eq!(
        number_after("Résultat (produits − charges)"),
        csv_number("Résultat (produits − charges)")
    );
    // Every category's amount is a number, and they add up to the totals.
    let mut sum = 0i64;
    for row in sheet.rows().skip(2) {
        if let (Data::String(code), Data::Float(f)) = (&row[1], &row[3]) {
            assert!(!code.is_empty());
            sum += (f * 100.0).round() as i64;
        } else if let Data::String(code) = &row[1] {
            panic!("category {code} without a number");
        }
    }
    assert_eq!(sum, (crf.total_charges + crf.total_produits).cents());
    // The bilan's closings are numbers equal to the CRF's.
    let bilan = workbook.worksheet_range("Bilan").expect("sheet");
    for a in &crf.accounts {
        let row = bilan
            .rows()
            .find(|r| r[0] == Data::String(a.label.clone()))
            .unwrap();
        assert_eq!(
            row[7],
            Data::Float(a.closing.cents() as f64 / 100.0),
            "{}",
            a.label
        );
    }
    // Dates are dates.
    let months = workbook.worksheet_range("Mois").expect("sheet");
    assert!(matches!(
        months.rows().nth(2).unwrap()[1],
        Data::DateTime(_)
    ));
    // The totals are formulas a vérificateur can read.
    let formulas = workbook
        .worksheet_formula("Fonctionnement")
        .expect("formulas");
    assert!(formulas.rows().flatten().any(|f| f.starts_with("SUM(")));
}

/// The `<pane>` element of each worksheet of an xlsx, in sheet order.
fn panes(bytes: &[u8]) -> Vec<String> {
    use quick_xml::events::Event;
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
    let mut panes = Vec::new();
    for n in 1.. {
        let Ok(mut file) = zip.by_name(&format!("xl/worksheets/sheet{n}.xml")) else {
            break;
        };
        let mut xml = String::new();
        file.read_to_string(&mut xml).unwrap();
        let mut reader = quick_xml::Reader::from_str(&xml);
        let mut pane = String::from("(none)");
        loop {
            match reader.read_event().unwrap() {
                Event::Empty(e) | Event::Start(e) if e.name().as_ref() == "pane" => {
                    let mut attrs: Vec<String> = e
                        .attributes()
                        .map(|a| {
                            let a = a.unwrap();
                            format!("{}={}", a.key.as_ref(), a.value)
                        })
                        .collect();
                    attrs.sort();
                    pane = attrs.join(" ");
                }
                Event::Eof => break,
                _ => {}
            }
        }
        panes.push(pane);
    }
    panes
}

#[test]
fn each_sheet_has_a_title_then_its_header_and_freezes_under_the_header() {
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    let book = demo();
    let bytes = export(&book, ExportKind::CrfXlsx);
    let sheets = [
        ("Fonctionnement", "Rubrique"),
        ("Bilan", "Compte"),
        ("Rapprochement", "Compte"),
        ("Caisse", "Billet ou pièce"),
        ("Subventions", "Code"),
        ("Chèques à rendre", "Reçu le"),
        ("Mois", "Mois"),
    ];
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.clone())).expect("xlsx");
    assert_eq!(
        workbook.sheet_names(),
        sheets.map(|(name, _)| name.to_string())
    );
    for (name, header) in sheets {
        let range = workbook.worksheet_range(name).expect("sheet");
        assert_eq!(range.start(), Some((0, 0)), "{name}");
        assert_eq!(
            range.get((0, 0)),
            Some(&Data::String(format!(
                "{DEMO_COOP} — compte rendu financier 2024-2025 — {name}"
            ))),
            "{name}: the title on the first row"
        );
        assert_eq!(
            range.get((1, 0)),
            Some(&Data::String(header.into())),
            "{name}: the table's header on the second row"
        );
    }
    // Frozen under the header row (rows 1 and 2), on every sheet.
    assert_eq!(
        panes(&bytes),
        vec![
            "activePane=bottomLeft state=frozen topLeftCell=A3 ySplit=2".to_string();
            sheets.len()
        ]
    );
}

#[test]
fn export_crf_writes_each_format_and_names_it() {
    let s = Sandbox::empty();
    s.ok(&["demo", "--no-tui"]);
    for (name, format, start) in [
        ("crf.csv", "std", &b"section,"[..]),
        ("crf-fr.csv", "fr", "\u{feff}Partie;".as_bytes()),
        ("crf.html", "html", b"<!DOCTYPE html>"),
        ("crf.xlsx", "xlsx", b"PK"),
    ] {
        let path = s.path(name);
        let printed = s.ok(&[
            "export",
            "crf",
            "--out",
            path.to_str().unwrap(),
            "--format",
            format,
        ]);
        assert!(printed.starts_with("Compte rendu financier ("), "{printed}");
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(start), "{name}");
        // It names pupils (cheques to give back): for its owner only.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "{name}");
        }
    }
    // Without --format, the extension decides.
    let path = s.path("page.html");
    s.ok(&["export", "crf", "--out", path.to_str().unwrap()]);
    assert!(
        std::fs::read(&path)
            .unwrap()
            .starts_with(b"<!DOCTYPE html>")
    );
}

#[test]
fn export_crf_refuses_the_database_itself_and_writes_nothing() {
    let s = Sandbox::empty();
    s.ok(&["demo", "--no-tui"]);
    let before = std::fs::read(s.db()).unwrap();
    let err = s.fails(&[
        "export",
        "crf",
        "--out",
        s.db().to_str().unwrap(),
        "--format",
        "html",
    ]);
    assert!(
        err.contains("c'est la base de la coopérative ou un de ses fichiers"),
        "{err}"
    );
    assert_eq!(std::fs::read(s.db()).unwrap(), before);
}
