//! Closing an exercice through `Book`: what blocks it on the demo year,
//! overrides, the next exercice's opening (money accounts, régies, OCCE
//! advance), reopening and closing again, pupils carried over. The lock in
//! the book and in the store: `closing_locks`.

use crate::support::book::count;
use crate::support::clock;
use crate::support::closing::*;
use crate::support::participations::refusal;
use coopcompta::book::Clock;
use coopcompta::book::demo::{DEMO_EXERCICE, load_demo};
use coopcompta::domain::closing::{BlockerKey, CarryOver, Override};
use coopcompta::domain::{EntryKind, Exercice, MoneyKey};
use coopcompta::store::{self, integrity};

#[test]
fn the_demo_year_lists_what_blocks_its_closing() {
    let book = load_demo(store::open_in_memory().unwrap(), clock()).unwrap();
    let found: Vec<(&str, String)> = book
        .closing_blockers(DEMO_EXERCICE, &[])
        .unwrap()
        .into_iter()
        .map(|b| (b.key.key(), b.what))
        .collect();
    assert_eq!(
        found,
        [
            (
                "caisse",
                "aucun arrêté de caisse entre le 16/08/2025 et le 15/09/2025 (caisse au 31/08/2025 : 518,60 €) : comptez la caisse (arrêté de caisse)".to_string()
            ),
            (
                "releve-pro",
                "Compte Pro : le relevé du 31/08/2025 dit 2 092,26 €, les comptes 2 091,46 €, dont -2,00 € pas encore sur le relevé : 1,20 € restent à expliquer : pointez les opérations manquantes (Rapprochement)".to_string()
            ),
            (
                "cheques",
                "1 chèque de parent reste à rendre : GIRARD Chloé (8,00 € du 14/05/2025) : rendez-le aux familles (Participations)".to_string()
            ),
            (
                "regies",
                "régie CM2, Mme Lefort : 11,60 € non soldés : faites rapporter les reçus et le reste de l'argent (retour de régie)".to_string()
            ),
            (
                "en-ligne",
                "Collectes en ligne : solde de 80,87 € au 31/08/2025, dont 4 paiements en ligne pas encore versés au Compte Pro (60,87 €) et 20,00 € d'écritures saisies sur le compte : pointez leur versement sur le Compte Pro (Rapprochement)".to_string()
            ),
        ]
    );
    // La Banque Postale: emptied into the Compte Pro during the year, its
    // balance is zero at 31 August: nothing to reconcile. No pièce gap.
    let keys: Vec<BlockerKey> = book
        .closing_blockers(DEMO_EXERCICE, &[])
        .unwrap()
        .iter()
        .map(|b| b.key)
        .collect();
    assert!(!keys.contains(&BlockerKey::Statement(MoneyKey::Lbp)));
    assert!(!keys.contains(&BlockerKey::PieceGaps));
}

#[test]
fn gaps_in_the_pieces_block_and_are_listed() {
    let mut book = load_demo(store::open_in_memory().unwrap(), clock()).unwrap();
    let mut typed = expense("20/08/2025", "1", MoneyKey::Caisse);
    typed.piece = "D200".into();
    book.add_entry(&typed).unwrap();
    let gaps = book
        .closing_blockers(DEMO_EXERCICE, &[])
        .unwrap()
        .into_iter()
        .find(|b| b.key == BlockerKey::PieceGaps)
        .unwrap();
    let listed: Vec<String> = (57..=76).map(|n| format!("D{n:03}")).collect();
    assert_eq!(
        gaps.what,
        format!(
            "143 numéros de pièce manquent : {} et 123 autres : notez la raison du trou sur le cahier, ou passez outre avec sa raison",
            listed.join(", ")
        )
    );
}

#[test]
fn closing_is_refused_while_something_blocks_and_writes_nothing() {
    let mut book = load_demo(store::open_in_memory().unwrap(), clock()).unwrap();
    let audit = count(&book, "audit");
    let mut some = all_overridden();
    some.truncate(3);
    assert_eq!(
        refusal(book.close_exercice(DEMO_EXERCICE, &some, &CarryOver::default())),
        "clôture de l'exercice 2024-2025 impossible : regies (régie CM2, Mme Lefort : 11,60 € non soldés : faites rapporter les reçus et le reste de l'argent (retour de régie)) ; en-ligne (Collectes en ligne : solde de 80,87 € au 31/08/2025, dont 4 paiements en ligne pas encore versés au Compte Pro (60,87 €) et 20,00 € d'écritures saisies sur le compte : pointez leur versement sur le Compte Pro (Rapprochement)) ; réglez-les, ou passez outre avec un motif"
    );
    let mut empty = all_overridden();
    empty[4].reason = "  ".into();
    assert_eq!(
        refusal(book.close_exercice(DEMO_EXERCICE, &empty, &CarryOver::default())),
        "passer outre « en-ligne » demande une raison (--reason TEXTE), gardée au journal"
    );
    assert_eq!(
        refusal(book.close_exercice(Exercice::new(2019), &[], &CarryOver::default())),
        "l'exercice 2019-2020 n'existe pas dans cette base"
    );
    assert_eq!(count(&book, "audit"), audit);
    assert_eq!(count(&book, "fingerprint"), 0);
    assert_eq!(closed_at(&book, 2024), None);
    assert_eq!(book.exercice(), DEMO_EXERCICE);
}

#[test]
fn closing_opens_the_next_exercice_with_the_closing_balances() {
    let mut book = load_demo(store::open_in_memory().unwrap(), clock()).unwrap();
    // An OCCE advance received on the Compte Pro, still owed at year end.
    let mut advance = expense("15/06/2025", "300", MoneyKey::Pro);
    advance.kind = EntryKind::Recette;
    advance.label = "Avance de l'OCCE".into();
    advance.splits[0].code = "1680".into();
    book.add_entry(&advance).unwrap();
    let mut overrides = all_overridden();
    overrides[1].reason = "frais de carte".into();
    let closing: Vec<String> = book
        .balances(DEMO_EXERCICE, None)
        .unwrap()
        .iter()
        .map(|(_, m)| m.std())
        .collect();
    assert_eq!(closing, ["518.60", "2391.46", "80.87", "0.00"]);
    let blockers = book.closing_blockers(DEMO_EXERCICE, &overrides).unwrap();
    assert!(blockers.iter().all(|b| b.overridden.is_some()));

    let summary = book
        .close_exercice(DEMO_EXERCICE, &overrides, &CarryOver::default())
        .unwrap();
    assert_eq!(summary.exercice, DEMO_EXERCICE);
    assert_eq!(summary.next, NEXT);
    assert_eq!(summary.entries, 158);
    assert_eq!(summary.fingerprint.len(), 64);
    assert_eq!(summary.pupils_carried, 0);
    assert!(closed_at(&book, 2024).is_some());
    assert_eq!(closed_at(&book, 2025), None);
    assert_eq!(book.exercice(), NEXT);
    // Money accounts, the régie still in the teacher's hands, the advance
    // still owed, against the report à nouveau.
    assert_eq!(
        next_opening(&book),
        pairs(&[
            ("530", "518.60"),
            ("512", "2391.46"),
            ("5110", "80.87"),
            ("467", "11.60"),
            ("1680", "-300.00"),
            ("110", "-2702.53"),
        ])
    );
    let opened: Vec<String> = book
        .balances(NEXT, None)
        .unwrap()
        .iter()
        .map(|(_, m)| m.std())
        .collect();
    assert_eq!(opened, closing);
    // A new pièce numbering.
    let id = book
        .add_entry(&expense("10/09/2025", "5", MoneyKey::Caisse))
        .unwrap();
    assert_eq!(book.entry(id).unwrap().unwrap().piece, "D001");
    // The overrides and their reasons are in the audit.
    let after: String = book
        .conn()
        .query_row(
            "SELECT after FROM audit WHERE action = 'cloture'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(after.starts_with(&format!(
        "exercice 2024-2025 clôturé ; empreinte {} (158 écritures) ; ouverture de 2025-2026 ; outre « caisse » (aucun arrêté de caisse",
        summary.fingerprint
    )), "{after}");
    for o in &overrides {
        assert!(after.contains(&format!(") : {}", o.reason)), "{after}");
    }
    assert_eq!(integrity::check(book.conn()).unwrap().findings, []);
}

#[test]
fn reopening_then_closing_again_recomputes_the_next_opening() {
    let mut book = load_demo(store::open_in_memory().unwrap(), Clock::System).unwrap();
    book.close_exercice(DEMO_EXERCICE, &all_overridden(), &CarryOver::default())
        .unwrap();
    let audit = count(&book, "audit");
    assert_eq!(
        refusal(book.reopen_exercice(DEMO_EXERCICE, " ")),
        "la réouverture demande une raison (--reason TEXTE), gardée au journal"
    );
    assert_eq!(
        refusal(book.reopen_exercice(NEXT, "erreur")),
        "l'exercice 2025-2026 n'est pas clôturé"
    );
    assert_eq!(count(&book, "audit"), audit);

    book.reopen_exercice(DEMO_EXERCICE, "facture de papeterie oubliée")
        .unwrap();
    assert_eq!(closed_at(&book, 2024), None);
    assert_eq!(book.exercice(), DEMO_EXERCICE);
    let (reason, current): (String, i64) = book
        .conn()
        .query_row(
            "SELECT superseded_reason, (SELECT count(*) FROM fingerprint WHERE superseded_at IS NULL) FROM fingerprint",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (reason.as_str(), current),
        ("facture de papeterie oubliée", 0)
    );
    let last: String = book
        .conn()
        .query_row(
            "SELECT action || ' ' || after FROM audit ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        last,
        "reouverture exercice 2024-2025 rouvert : facture de papeterie oubliée"
    );

    book.add_entry(&expense("28/08/2025", "10", MoneyKey::Caisse))
        .unwrap();
    let summary = book
        .close_exercice(DEMO_EXERCICE, &all_overridden(), &CarryOver::default())
        .unwrap();
    assert_eq!(summary.entries, 158);
    assert_eq!(
        next_opening(&book),
        pairs(&[
            ("530", "508.60"),
            ("512", "2091.46"),
            ("5110", "80.87"),
            ("467", "11.60"),
            ("110", "-2692.53"),
        ])
    );
    assert_eq!(count(&book, "fingerprint"), 2);
    assert_eq!(integrity::check(book.conn()).unwrap().findings, []);

    // Only the last closed exercice reopens.
    let blockers = book.closing_blockers(NEXT, &[]).unwrap();
    let overrides: Vec<Override> = blockers
        .iter()
        .map(|b| Override {
            key: b.key,
            reason: "exercice de test".into(),
        })
        .collect();
    book.close_exercice(NEXT, &overrides, &CarryOver::default())
        .unwrap();
    assert_eq!(
        refusal(book.reopen_exercice(DEMO_EXERCICE, "erreur")),
        "seul le dernier exercice clôturé (2025-2026) peut être rouvert"
    );
}

#[test]
fn pupils_are_carried_over_renamed_without_the_leavers() {
    let mut book = load_demo(store::open_in_memory().unwrap(), clock()).unwrap();
    let classes: Vec<(String, usize)> = book
        .classes()
        .unwrap()
        .into_iter()
        .map(|c| (c.name, c.pupils))
        .collect();
    let unknown = CarryOver {
        pupils: true,
        renames: vec![("CP".into(), "CE1".into())],
        leaving: vec!["CM3".into()],
    };
    assert_eq!(
        refusal(book.close_exercice(DEMO_EXERCICE, &all_overridden(), &unknown)),
        "classe « CM3 » inconnue dans l'exercice 2024-2025 (classes : CE1-CE2, CM1, CM2, CP, GS, PS-MS)"
    );
    let no_carry = CarryOver {
        pupils: false,
        renames: vec![],
        leaving: vec!["CM2".into()],
    };
    assert_eq!(
        refusal(book.close_exercice(DEMO_EXERCICE, &all_overridden(), &no_carry)),
        "renommer ou laisser partir des classes demande de reporter les élèves (--carry-pupils)"
    );
    let carry = CarryOver {
        pupils: true,
        renames: vec![("CP".into(), "CE1".into()), ("GS".into(), "CP".into())],
        leaving: vec!["cm2".into()],
    };
    let summary = book
        .close_exercice(DEMO_EXERCICE, &all_overridden(), &carry)
        .unwrap();
    let size = |name: &str| {
        classes
            .iter()
            .find(|(n, _)| n == name)
            .map_or(0, |(_, size)| *size)
    };
    assert_eq!(
        summary.pupils_carried,
        classes.iter().map(|(_, n)| n).sum::<usize>() - size("CM2")
    );
    let mut next: Vec<(String, usize)> = book
        .classes()
        .unwrap()
        .into_iter()
        .map(|c| (c.name, c.pupils))
        .collect();
    next.sort();
    let mut expected = vec![
        ("CE1".to_string(), size("CP")),
        ("CE1-CE2".to_string(), size("CE1-CE2")),
        ("CM1".to_string(), size("CM1")),
        ("CP".to_string(), size("GS")),
        ("PS-MS".to_string(), size("PS-MS")),
    ];
    expected.sort();
    assert_eq!(next, expected);
    // The pupils keep their names and families; the old ones stay in 2024.
    let rose = book.find_pupil("FONTAINE Rose", Some("CE1")).unwrap();
    assert_eq!(rose.display(), "FONTAINE Rose");
    let families: i64 = book
        .conn()
        .query_row(
            "SELECT count(*) FROM family WHERE exercice = 2025",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(families > 0);
    assert_eq!(
        count(&book, "pupil") as usize,
        classes.iter().map(|(_, n)| n).sum::<usize>() + summary.pupils_carried
    );
}

#[test]
fn changing_the_next_openings_keeps_the_balances_carried() {
    let mut book = load_demo(store::open_in_memory().unwrap(), clock()).unwrap();
    book.close_exercice(DEMO_EXERCICE, &all_overridden(), &CarryOver::default())
        .unwrap();
    book.update_settings(&coopcompta::book::SettingsRequest {
        coop_name: None,
        openings: vec![(
            MoneyKey::Caisse,
            coopcompta::domain::Money::from_cents(50_000),
        )],
    })
    .unwrap();
    assert_eq!(
        next_opening(&book),
        pairs(&[
            ("530", "500.00"),
            ("512", "2091.46"),
            ("5110", "80.87"),
            ("467", "11.60"),
            ("110", "-2683.93"),
        ])
    );
}

#[test]
fn a_closing_after_a_reopening_by_hand_keeps_one_current_fingerprint() {
    let mut book = load_demo(store::open_in_memory().unwrap(), clock()).unwrap();
    book.close_exercice(DEMO_EXERCICE, &all_overridden(), &CarryOver::default())
        .unwrap();
    book.conn()
        .execute_batch(
            "UPDATE exercice SET closed_at = NULL WHERE start_year = 2024;
             UPDATE coop SET current_exercice = 2024;",
        )
        .unwrap();
    book.close_exercice(DEMO_EXERCICE, &all_overridden(), &CarryOver::default())
        .unwrap();
    let (all, current): (i64, i64) = book
        .conn()
        .query_row(
            "SELECT count(*), count(*) FILTER (WHERE superseded_at IS NULL) FROM fingerprint",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((all, current), (2, 1));
    assert_eq!(integrity::check(book.conn()).unwrap().findings, []);
}

/// The next exercice opens with the online balance of the demo year and
/// none of its payments: the point speaks of that one balance.
#[test]
fn an_online_balance_alone_asks_to_point_its_payout() {
    let mut book = load_demo(store::open_in_memory().unwrap(), clock()).unwrap();
    book.close_exercice(DEMO_EXERCICE, &all_overridden(), &CarryOver::default())
        .unwrap();
    let online: Vec<String> = book
        .closing_blockers(NEXT, &[])
        .unwrap()
        .into_iter()
        .filter(|b| b.key == BlockerKey::OnlinePayments)
        .map(|b| b.what)
        .collect();
    assert_eq!(
        online,
        [
            "Collectes en ligne : solde de 80,87 € au 31/08/2026 : pointez son versement sur le Compte Pro (Rapprochement)"
        ]
    );
}
