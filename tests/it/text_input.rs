//! Text that cannot hurt a terminal or a spreadsheet: control characters,
//! invisible-only and oversized text refused at every input, never echoed
//! raw; one folding for matching names; files that are not CSV text named
//! as such.

use crate::support::cli::Sandbox;
use crate::support::participations::{empty_book, refusal};
use coopcompta::domain::participation::PupilInput;
use coopcompta::domain::text::fold;
use coopcompta::store::{self, schema};
use rusqlite::Connection;

/// The bad values every text input must refuse, and the reason it gives
/// (after the field's name).
fn bad_values() -> Vec<(String, String)> {
    let control = |shown: &str, code: &str| {
        format!(
            "« {shown} » contient un caractère de contrôle ou invisible ({code}) : tapez du texte simple, sur une ligne"
        )
    };
    vec![
        (
            "Cat\u{1b}]0;TITLE\u{7}".into(),
            control("Cat␛]0;TITLE␇", "U+001B"),
        ),
        ("Bip\u{7}".into(), control("Bip␇", "U+0007")),
        ("Ligne\rsuite".into(), control("Ligne␍suite", "U+000D")),
        ("Ligne\nsuite".into(), control("Ligne␊suite", "U+000A")),
        ("Col\tonne".into(), control("Col␉onne", "U+0009")),
        ("C1\u{9b}31m".into(), control("C1<U+009B>31m", "U+009B")),
        (
            "\u{200b}".into(),
            "« <U+200B> » ne contient aucun caractère visible : tapez du texte".into(),
        ),
    ]
}

fn long_reason(max: &str, received: &str, first: char) -> String {
    format!(
        "trop long : {max} caractères au plus, {received} reçus (« {}… »)",
        first.to_string().repeat(40)
    )
}

/// The stored rows a refused command must leave as they were.
fn state(s: &Sandbox) -> Vec<i64> {
    let conn = Connection::open(s.db()).unwrap();
    [
        "coop",
        "account",
        "entry",
        "entry_line",
        "audit",
        "campaign",
    ]
    .iter()
    .map(|t| {
        conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
            .unwrap()
    })
    .collect()
}

fn coop() -> Sandbox {
    Sandbox::lilas("100")
}

/// Refused with exactly `expected`, no control byte in the message, nothing written.
fn refused(s: &Sandbox, args: &[&str], expected: &str) {
    let before = state(s);
    let err = s.fails(args);
    assert_eq!(err, format!("coopcompta : {expected}\n"), "{args:?}");
    let message = err.strip_suffix('\n').unwrap();
    assert!(
        !message.bytes().any(|b| b < 0x20 || b == 0x7f),
        "raw control byte in {message:?}"
    );
    assert!(!message.contains('\u{9b}'), "raw C1 in {message:?}");
    assert_eq!(state(s), before, "{args:?} wrote something");
}

#[test]
fn category_labels_and_codes_refuse_control_invisible_and_oversized_text() {
    let s = coop();
    let mut cases = bad_values();
    cases.push(("a".repeat(100_000), long_reason("200", "100 000", 'a')));
    for (label, reason) in cases {
        refused(
            &s,
            &[
                "category", "--code", "6185", "--label", &label, "--nature", "charge",
            ],
            &format!("libellé de catégorie : {reason}"),
        );
    }
    refused(
        &s,
        &[
            "category",
            "--code",
            &"6".repeat(5001),
            "--label",
            "X",
            "--nature",
            "charge",
        ],
        &format!(
            "code trop long : 12 chiffres au plus, 5 001 reçus (« {}… »)",
            "6".repeat(40)
        ),
    );
    refused(
        &s,
        &[
            "category",
            "--code",
            "61\u{1b}[2J",
            "--label",
            "X",
            "--nature",
            "charge",
        ],
        "code « 61␛[2J » : des chiffres sont attendus (ex. 6068)",
    );
    refused(
        &s,
        &[
            "category",
            "--code",
            "6185",
            "--label",
            "Abonnements",
            "--nature",
            "charge",
            "--rubrique",
            "Activités\u{1b}[31m",
        ],
        "rubrique du CRF : « Activités␛[31m » contient un caractère de contrôle ou invisible (U+001B) : tapez du texte simple, sur une ligne",
    );
}

#[test]
fn entry_labels_refuse_control_invisible_and_oversized_text() {
    let s = coop();
    let add = |label: &str| -> Vec<String> {
        [
            "add",
            "--account",
            "caisse",
            "--date",
            "12/09/2024",
            "--amount",
            "10",
            "--recette",
            "--category",
            "75620008",
            "--label",
            label,
        ]
        .iter()
        .map(|a| a.to_string())
        .collect()
    };
    let mut cases = bad_values();
    // 50,000 two-byte letters: a command-line argument holds 128 KiB at most.
    cases.push(("é".repeat(50_000), long_reason("200", "50 000", 'é')));
    for (label, reason) in cases {
        let args = add(&label);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        refused(&s, &args, &format!("Libellé : {reason}"));
    }
}

#[test]
fn the_coop_name_is_checked_before_any_file_is_made() {
    let s = Sandbox::empty();
    let mut cases = bad_values();
    cases.push(("C".repeat(100_000), long_reason("100", "100 000", 'C')));
    for (name, reason) in cases {
        let err = s.fails(&["init", "--coop", &name, "--exercice", "2024-2025"]);
        assert_eq!(
            err,
            format!("coopcompta : Nom de la coopérative : {reason}\n")
        );
        assert!(!err.trim_end().bytes().any(|b| b < 0x20), "{err:?}");
        assert!(
            !s.db().exists(),
            "a refused init must not create the database"
        );
    }
}

#[test]
fn campaign_names_refuse_control_and_oversized_text() {
    let s = coop();
    let mut cases = bad_values();
    cases.push(("z".repeat(100_000), long_reason("80", "100 000", 'z')));
    for (name, reason) in cases {
        refused(
            &s,
            &["campaign", "add", "--name", &name, "--category", "7062"],
            &format!("Nom de la campagne : {reason}"),
        );
    }
}

#[test]
fn names_are_found_whatever_their_accents_ligatures_and_cedillas() {
    assert_eq!(fold("LEFE\u{300}VRE"), fold("LEFÈVRE"));
    assert_eq!(fold("SAHIN"), fold("ŞAHIN"));
    assert_eq!(fold("coeur"), fold("CŒUR"));
    let mut book = empty_book();
    let row = |line, nom: &str, prenom: &str| PupilInput {
        line,
        nom: nom.into(),
        prenom: prenom.into(),
        classe: "CP".into(),
    };
    book.import_pupils(&[
        row(2, "LEFÈVRE", "Théo"),
        row(3, "ŞAHIN", "Elif"),
        row(4, "CŒUR", "Léna"),
    ])
    .unwrap();
    for (typed, found) in [
        ("LEFE\u{300}VRE Théo", "LEFÈVRE"),
        ("Sahin Elif", "ŞAHIN"),
        ("coeur lena", "CŒUR"),
    ] {
        assert_eq!(book.find_pupil(typed, None).unwrap().nom, found, "{typed}");
    }
}

/// A version-3 base (the code of that time), with keys folded the old way:
/// the hand-written tables kept ş, ł and œ's second letter as they were.
#[test]
fn migration_4_refolds_the_stored_keys() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.db");
    {
        let conn = Connection::open(&path).unwrap();
        for sql in &schema::MIGRATIONS[..3] {
            conn.execute_batch(sql).unwrap();
        }
        conn.execute_batch(
            "INSERT INTO coop VALUES (1, 'Coop', 2024, '2024-09-01T08:00:00');
             INSERT INTO exercice VALUES (2024, NULL);
             INSERT INTO account (id, code, label, kind) VALUES (1, '7062', 'Sorties', 'produit');
             INSERT INTO school_class VALUES (1, 2024, 'CŒUR-1', 'cœur1', '', 'x');
             INSERT INTO family VALUES (1, 2024, 'şahin');
             INSERT INTO family VALUES (2, 2024, 'famille n° 2');
             INSERT INTO pupil VALUES (1, 1, 1, 'ŞAHIN', 'Łucja', 'şahin łucja', NULL, 'x');
             INSERT INTO pupil VALUES (2, 1, 2, 'Élève n° 1', '', 'eleve n° 1', '2025-08-31', 'x');
             INSERT INTO campaign (id, exercice, name, name_key, account_id, created_at)
                 VALUES (1, 2024, 'Sortie Œuvres', 'sortie ouvres', 1, 'x');",
        )
        .unwrap();
        conn.pragma_update(None, "user_version", 3).unwrap();
    }
    let conn = store::open(&path).unwrap();
    let key = |sql: &str| -> String { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        key("SELECT name_key FROM school_class WHERE id = 1"),
        "coeur1"
    );
    assert_eq!(key("SELECT name_key FROM family WHERE id = 1"), "sahin");
    assert_eq!(
        key("SELECT name_key FROM family WHERE id = 2"),
        "famille n° 2"
    );
    assert_eq!(
        key("SELECT name_key FROM pupil WHERE id = 1"),
        "sahin lucja"
    );
    assert_eq!(
        key("SELECT name_key FROM pupil WHERE id = 2"),
        fold("Élève n° 1")
    );
    assert_eq!(
        key("SELECT name_key FROM campaign WHERE id = 1"),
        "sortie oeuvres"
    );
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, schema::latest_version());
}

#[test]
fn utf16_and_binary_pupil_files_are_named_with_what_to_do() {
    let s = coop();
    let utf16 = s.path("eleves-utf16.csv");
    let text = "nom;prénom;classe\r\nDupont;Léa;CP\r\n";
    std::fs::write(
        &utf16,
        text.encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect::<Vec<u8>>(),
    )
    .unwrap();
    let binary = s.path("eleves.xlsx");
    std::fs::write(
        &binary,
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml",
    )
    .unwrap();
    let before = state(&s);
    assert_eq!(
        s.fails(&["import", "pupils", utf16.to_str().unwrap()]),
        format!(
            "coopcompta : {} : le fichier est en UTF-16 : enregistrez-le en CSV UTF-8\n",
            utf16.display()
        )
    );
    assert_eq!(
        s.fails(&["import", "pupils", binary.to_str().unwrap()]),
        format!(
            "coopcompta : {} : le fichier n'est pas un fichier texte (CSV attendu) : enregistrez-le en CSV UTF-8\n",
            binary.display()
        )
    );
    assert_eq!(state(&s), before);
    // UTF-16 with its byte-order mark is read as it is.
    let marked = s.path("eleves-bom.csv");
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&marked, bytes).unwrap();
    assert_eq!(
        s.ok(&["import", "pupils", marked.to_str().unwrap()]),
        "1 élève importé, classes créées : CP\n"
    );
}

#[test]
fn class_teacher_and_note_texts_refuse_control_characters() {
    let mut book = empty_book();
    assert_eq!(
        refusal(book.add_class("CE1\u{1b}[2J", "")),
        "Classe : « CE1␛[2J » contient un caractère de contrôle ou invisible (U+001B) : tapez du texte simple, sur une ligne"
    );
    assert_eq!(
        refusal(book.add_class("CE1", "Mme\tMartin")),
        "Enseignant : « Mme␉Martin » contient un caractère de contrôle ou invisible (U+0009) : tapez du texte simple, sur une ligne"
    );
    assert!(book.classes().unwrap().is_empty());
    assert_eq!(
        refusal(book.checklist_note("lien-swan", "fait\u{7}")),
        "Note : « fait␇ » contient un caractère de contrôle ou invisible (U+0007) : tapez du texte simple, sur une ligne"
    );
}
