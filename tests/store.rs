#[test]
fn tmp_make_fixture() {
    use coopcompta::book::{Book, Clock};
    let at = chrono::NaiveDate::from_ymd_opt(2024, 12, 5).unwrap().and_hms_opt(17, 30, 0).unwrap();
    let conn = coopcompta::store::open(std::path::Path::new("/tmp/cc_fix/v1.db")).unwrap();
    let mut book = Book::load(conn, Clock::Fixed(at)).unwrap();
    book.cancel_entry(5).unwrap();
}
