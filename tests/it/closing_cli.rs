//! `coopcompta close` and `coopcompta reopen` on the built binary: the
//! blockers' lines and exit code, overrides and their reasons, what a
//! closing prints, writes refused afterwards, and `check` naming the
//! entries changed in SQLite behind the app's back.

use crate::support::check::demo;
use crate::support::cli::Sandbox;
use rusqlite::Connection;

const BLOCKERS: &str = "\
caisse\taucun arrêté de caisse entre le 16/08/2025 et le 15/09/2025 (caisse au 31/08/2025 : 518,60 €) : comptez la caisse (arrêté de caisse)
releve-pro\tCompte Pro : le relevé du 31/08/2025 dit 2 092,26 €, les comptes 2 091,46 €, dont -2,00 € pas encore sur le relevé : 1,20 € restent à expliquer : pointez les opérations manquantes (Rapprochement)
cheques\t1 chèque de parent reste à rendre : GIRARD Chloé (8,00 € du 14/05/2025) : rendez-le aux familles (Participations)
regies\trégie CM2, Mme Lefort : 11,60 € non soldés : faites rapporter les reçus et le reste de l'argent (retour de régie)
en-ligne\tCollectes en ligne : solde de 80,87 € au 31/08/2025, dont 4 paiements en ligne pas encore versés au Compte Pro (60,87 €) et 20,00 € d'écritures saisies sur le compte : pointez leur versement sur le Compte Pro (Rapprochement)
";

/// `close --exercice 2024-2025` with every demo blocker overridden.
fn close_args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "close",
        "--exercice",
        "2024-2025",
        "--override",
        "caisse",
        "--reason",
        "comptée le 02/09",
        "--override",
        "releve-pro",
        "--reason",
        "frais de carte",
        "--override",
        "cheques",
        "--reason",
        "rendu à la rentrée",
        "--override",
        "regies",
        "--reason",
        "reçus en septembre",
        "--override",
        "en-ligne",
        "--reason",
        "versement du 03/09",
    ];
    args.extend_from_slice(extra);
    args
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn closed(s: &Sandbox) -> bool {
    Connection::open(s.db())
        .unwrap()
        .query_row(
            "SELECT closed_at IS NOT NULL FROM exercice WHERE start_year = 2024",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn close_prints_one_line_per_blocker_and_exits_1() {
    let s = demo();
    let out = s.run(&["close", "--exercice", "2024-2025"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), BLOCKERS);
    assert_eq!(
        stderr(&out),
        "coopcompta : clôture de l'exercice 2024-2025 impossible : 5 points bloquent (caisse, releve-pro, cheques, regies, en-ligne) ; réglez-les, ou passez outre avec --override CLÉ --reason TEXTE\n"
    );
    // Overriding some leaves the others listed.
    let out = s.run(&[
        "close",
        "--exercice",
        "2024-2025",
        "--override",
        "caisse",
        "--reason",
        "comptée le 02/09",
        "--override",
        "RELEVE-PRO",
        "--reason",
        "frais de carte",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        BLOCKERS
            .lines()
            .skip(2)
            .map(|l| format!("{l}\n"))
            .collect::<String>()
    );
    assert!(!closed(&s));
}

#[test]
fn an_override_needs_its_reason_and_a_known_key() {
    let s = demo();
    assert_eq!(
        s.fails(&["close", "--exercice", "2024-2025", "--override", "caisse"]),
        "coopcompta : --override caisse sans --reason : chaque point passé outre a sa raison (--override CLÉ --reason TEXTE)\n"
    );
    assert_eq!(
        s.fails(&[
            "close",
            "--exercice",
            "2024-2025",
            "--override",
            "banque",
            "--reason",
            "x"
        ]),
        "coopcompta : --override « banque » : clé inconnue ; clés possibles : caisse, releve-pro, releve-lbp, pieces, cheques, regies, en-ligne\n"
    );
    assert_eq!(
        s.fails(&["close", "--exercice", "2024-2025", "--reason", "x"]),
        "coopcompta : --reason sans --override : la raison suit la clé du point passé outre (--override CLÉ --reason TEXTE)\n"
    );
    assert_eq!(
        s.fails(&["close", "--exercice", "2031-2032"]),
        "coopcompta : Exercice : « 2031-2032 » n'est pas dans la base : exercice présent : 2024-2025\n"
    );
    assert_eq!(
        s.fails(&close_args(&["--rename", "CP"])),
        "coopcompta : --rename « CP » : ANCIEN=NOUVEAU attendu (ex. CP=CE1)\n"
    );
    assert!(!closed(&s));
}

#[test]
fn close_prints_what_it_did_and_the_exercice_refuses_writes() {
    let s = demo();
    let out = s.ok(&close_args(&[
        "--carry-pupils",
        "--rename",
        "CP=CE1",
        "--leaving",
        "CM2",
    ]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5, "{out}");
    assert_eq!(lines[0], "closed\t2024-2025");
    assert_eq!(lines[1], "next\t2025-2026");
    let print = lines[2].strip_prefix("fingerprint\t").unwrap();
    assert_eq!(print.len(), 64);
    assert!(print.chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(lines[3], "entries\t157");
    assert_eq!(lines[4], "pupils\t20");
    assert!(closed(&s));
    // The next exercice opens on the closing balances.
    assert_eq!(
        s.ok(&["balance"]),
        "caisse\t518.60\npro\t2091.46\nen-ligne\t80.87\nlbp\t0.00\n"
    );
    assert_eq!(
        s.fails(&close_args(&[])),
        "coopcompta : l'exercice 2024-2025 est clôturé : il ne peut plus être modifié\n"
    );
    // Back on the closed exercice (as the header's switch shows it).
    Connection::open(s.db())
        .unwrap()
        .execute("UPDATE coop SET current_exercice = 2024", [])
        .unwrap();
    for args in [
        &[
            "add",
            "--depense",
            "--date",
            "20/08/2025",
            "--account",
            "caisse",
            "--amount",
            "5",
            "--label",
            "Colle",
            "--category",
            "606",
        ][..],
        &["cancel", "--piece", "D001"][..],
    ] {
        assert_eq!(
            s.fails(args),
            "coopcompta : l'exercice 2024-2025 est clôturé : il ne peut plus être modifié\n",
            "{args:?}"
        );
    }
}

#[test]
fn reopen_needs_a_reason_and_keeps_it() {
    let s = demo();
    s.ok(&close_args(&[]));
    assert_eq!(
        s.fails(&["reopen", "--exercice", "2024-2025", "--reason", " "]),
        "coopcompta : la réouverture demande une raison (--reason TEXTE), gardée au journal\n"
    );
    assert_eq!(
        s.fails(&["reopen", "--exercice", "2025-2026", "--reason", "erreur"]),
        "coopcompta : l'exercice 2025-2026 n'est pas clôturé\n"
    );
    assert_eq!(
        s.ok(&[
            "reopen",
            "--exercice",
            "2024-2025",
            "--reason",
            "facture oubliée"
        ]),
        "reopened\t2024-2025\n"
    );
    assert!(!closed(&s));
    let after: String = Connection::open(s.db())
        .unwrap()
        .query_row(
            "SELECT after FROM audit WHERE action = 'reouverture'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(after, "exercice 2024-2025 rouvert : facture oubliée");
    // Closed again: the same fingerprint (nothing changed), one opening.
    let again = s.ok(&close_args(&[]));
    assert!(
        again.starts_with("closed\t2024-2025\nnext\t2025-2026\n"),
        "{again}"
    );
    let openings: i64 = Connection::open(s.db())
        .unwrap()
        .query_row(
            "SELECT count(*) FROM entry WHERE exercice = 2025 AND kind = 'ouverture'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(openings, 1);
}

/// Piece of the first demo entry of `kind` that nothing else points at.
fn plain_entry(conn: &Connection, kind: &str, skip: i64) -> (i64, String) {
    conn.query_row(
        "SELECT id, piece FROM entry e WHERE exercice = 2024 AND kind = ?1 AND reverses IS NULL
           AND NOT EXISTS (SELECT 1 FROM entry r WHERE r.reverses = e.id)
           AND id NOT IN (SELECT entry_id FROM bank_match)
           AND id NOT IN (SELECT entry_id FROM regie_move)
           AND id NOT IN (SELECT entry_id FROM contribution WHERE entry_id IS NOT NULL)
           AND id NOT IN (SELECT entry_id FROM online_payment WHERE entry_id IS NOT NULL)
         ORDER BY id LIMIT 1 OFFSET ?2",
        rusqlite::params![kind, skip],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .unwrap()
}

#[test]
fn check_names_the_entries_altered_added_or_removed_after_closing() {
    let s = demo();
    s.ok(&close_args(&[]));
    assert_eq!(
        s.ok(&["check"]),
        "Base saine : 158 écritures, toutes équilibrées\n"
    );
    let conn = Connection::open(s.db()).unwrap();
    let (_, altered) = plain_entry(&conn, "depense", 0);
    let (removed_id, removed) = plain_entry(&conn, "depense", 1);
    // A hand edit: the triggers dropped first, then the rows changed.
    let triggers: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_locked_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(triggers.len(), 20);
    for t in &triggers {
        conn.execute_batch(&format!("DROP TRIGGER {t}")).unwrap();
    }
    conn.execute(
        "UPDATE entry SET label = label || ' (corrigé)' WHERE exercice = 2024 AND piece = ?1",
        [&altered],
    )
    .unwrap();
    conn.execute_batch(&format!(
        "DELETE FROM entry_line WHERE entry_id = {removed_id};
         DELETE FROM entry WHERE id = {removed_id};
         INSERT INTO entry (exercice, date, piece, kind, label, mode, created_at)
           VALUES (2024, '2025-08-30', 'D900', 'depense', 'Ajout discret', 'especes', 'x');
         INSERT INTO entry_line (entry_id, position, account_id, amount_cents, exercice, date)
           SELECT last_insert_rowid(), 0, (SELECT id FROM account WHERE code = '530'), -500, 2024, '2025-08-30';
         INSERT INTO entry_line (entry_id, position, account_id, amount_cents, exercice, date)
           SELECT (SELECT id FROM entry WHERE piece = 'D900'), 1, (SELECT id FROM account WHERE code = '606'), 500, 2024, '2025-08-30';"
    ))
    .unwrap();
    drop(conn);
    let out = s.run(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    let printed = stdout(&out);
    let ours: Vec<&str> = printed
        .lines()
        .filter(|l| l.contains("après la clôture"))
        .collect();
    assert_eq!(
        ours,
        [
            format!(
                "{altered} (2024-2025) : écriture {altered} modifiée après la clôture de 2024-2025"
            ),
            format!(
                "{removed} (2024-2025) : écriture {removed} supprimée après la clôture de 2024-2025"
            ),
            "D900 (2024-2025) : écriture D900 ajoutée après la clôture de 2024-2025".to_string(),
        ]
    );
}

#[test]
fn check_names_a_lock_dropped_or_rewritten_even_before_any_edit() {
    let s = demo();
    s.ok(&close_args(&[]));
    let conn = Connection::open(s.db()).unwrap();
    conn.execute_batch(
        "DROP TRIGGER entry_locked_update;
         DROP TRIGGER entry_line_locked_delete;
         CREATE TRIGGER entry_line_locked_delete BEFORE DELETE ON entry_line
         WHEN 0 BEGIN SELECT RAISE(ABORT, 'exercice clôturé'); END;",
    )
    .unwrap();
    drop(conn);
    let out = s.run(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    let printed = stdout(&out);
    let locks: Vec<&str> = printed
        .lines()
        .filter(|l| l.contains("protection des exercices clôturés"))
        .collect();
    let tail = "leurs écritures pourraient être changées ; reprenez la dernière copie du dossier sauvegardes";
    assert_eq!(
        locks,
        [
            format!(
                "base : protection des exercices clôturés « entry_locked_update » supprimée : {tail}"
            ),
            format!(
                "base : protection des exercices clôturés « entry_line_locked_delete » modifiée : {tail}"
            ),
        ],
        "{printed}"
    );
    // No entry was changed: the fingerprint still agrees.
    assert!(!printed.contains("après la clôture"), "{printed}");
}
