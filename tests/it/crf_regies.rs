//! The régies' advances in the CRF's bilan: counted in the transfers sent
//! with no money account receiving them, they are named wherever the
//! transfers are shown, so that a vérificateur sees why the transfers sent
//! and received differ.

use crate::support::clock;
use crate::support::cloture::{DOCUMENTS, crf as made_crf, eur, showing};
use crate::support::ui::{acts, render_small};
use coopcompta::book::demo::{DEMO_EXERCICE, load_demo};
use coopcompta::book::year_end::ExportKind;
use coopcompta::io::export::CsvFormat;
use coopcompta::store;
use coopcompta::ui::Action;
use std::path::Path;

const NOTE: &str = "Virements émis : dont 30,00 € avancés aux régies (467), hors comptes ci-dessus";

#[test]
fn every_file_of_the_demo_names_the_advance_to_the_cm2_regie() {
    let book = load_demo(store::open_in_memory().unwrap(), clock()).unwrap();
    for kind in [
        ExportKind::Crf(CsvFormat::Std),
        ExportKind::Crf(CsvFormat::Fr),
        ExportKind::CrfHtml,
    ] {
        let mut out = Vec::new();
        book.export(kind, DEMO_EXERCICE, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains(NOTE), "{kind:?}");
    }
    let mut out = Vec::new();
    book.export(ExportKind::CrfXlsx, DEMO_EXERCICE, &mut out)
        .unwrap();
    let mut workbook: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(out)).unwrap();
    use calamine::{DataType, Reader};
    let bilan = workbook.worksheet_range("Bilan").unwrap();
    assert!(
        bilan
            .rows()
            .any(|r| r.iter().any(|c| c.get_string() == Some(NOTE))),
        "no note in the Bilan sheet"
    );
}

#[test]
fn the_bilan_view_names_it_under_the_transfers() {
    let mut crf = made_crf();
    crf.accounts[0].transfers_out += eur("30,00");
    crf.accounts[0].closing -= eur("30,00");
    crf.regies_advanced = eur("30,00");
    let mut app = showing(crf, Path::new(DOCUMENTS));
    acts(&mut app, &[Action::NextView]);
    let screen = render_small(&app);
    assert!(screen.contains(NOTE), "{screen}");
}
