//! What is missing before an exercice can be closed: one blocker per
//! thing, each saying in French what to do.
//!
//! Bank accounts: an account used in the exercice is reconciled when a
//! statement balance dated 31 August equals the books' balance that day,
//! less the entries not yet on the statement (a cheque not yet cashed),
//! as the CRF's reconciliation shows it.
//! An account closed during the year (its books' balance at 31 August is
//! zero, and its last statement balance, if any, is zero too: typically
//! the La Banque Postale account emptied into the Compte Pro) counts as
//! reconciled: there is no statement at 31 August to ask for.

use crate::domain::closing::{Blocker, BlockerKey, gaps_what, piece_gaps};
use crate::domain::participation::RegieBalance;
use crate::domain::{Account, Exercice, Money, MoneyKey, format_date};
use crate::store::{self, Result, closing};
use chrono::Days;
use rusqlite::Connection;

/// Days around 31 August within which an arrêté de caisse counts.
const CASH_COUNT_DAYS: u64 = 15;

pub(super) fn blockers(
    conn: &Connection,
    chart: &[Account],
    exercice: Exercice,
) -> Result<Vec<Blocker>> {
    let mut out = Vec::new();
    let mut push = |key: BlockerKey, what: Option<String>| {
        if let Some(what) = what {
            out.push(Blocker {
                key,
                what,
                overridden: None,
            });
        }
    };
    let balances = store::ledger::balances(conn, exercice, Some(exercice.last_day()), chart)?;
    let balance = |key: MoneyKey| {
        balances
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(Money::ZERO, |(_, m)| *m)
    };
    let account = |key: MoneyKey| chart.iter().find(|a| a.money_key == Some(key));
    push(
        BlockerKey::CashCount,
        cash_count(
            conn,
            exercice,
            account(MoneyKey::Caisse),
            balance(MoneyKey::Caisse),
        )?,
    );
    for key in [MoneyKey::Pro, MoneyKey::Lbp] {
        push(
            BlockerKey::Statement(key),
            statement(conn, exercice, key, account(key), balance(key))?,
        );
    }
    let pieces = store::entries::pieces(conn, exercice)?;
    push(
        BlockerKey::PieceGaps,
        gaps_what(
            &piece_gaps(pieces.iter().map(String::as_str)),
            closing::undone_imports(conn)? > 0,
        ),
    );
    push(BlockerKey::Cheques, cheques(conn, exercice)?);
    push(BlockerKey::Regies, regies(conn, exercice)?);
    push(
        BlockerKey::OnlinePayments,
        online(conn, exercice, balance(MoneyKey::EnLigne))?,
    );
    Ok(out)
}

fn cash_count(
    conn: &Connection,
    exercice: Exercice,
    caisse: Option<&Account>,
    books: Money,
) -> Result<Option<String>> {
    let Some(caisse) = caisse else {
        return Ok(None);
    };
    if closing::lines_on(conn, exercice, caisse.id)? == 0 {
        return Ok(None);
    }
    let end = exercice.last_day();
    let from = end - Days::new(CASH_COUNT_DAYS);
    let to = end + Days::new(CASH_COUNT_DAYS);
    if closing::cash_counts_between(conn, from, to)? > 0 {
        return Ok(None);
    }
    Ok(Some(format!(
        "aucun arrêté de caisse entre le {} et le {} (caisse au {} : {books}) : comptez la caisse (arrêté de caisse)",
        format_date(from),
        format_date(to),
        format_date(end)
    )))
}

fn statement(
    conn: &Connection,
    exercice: Exercice,
    key: MoneyKey,
    account: Option<&Account>,
    books: Money,
) -> Result<Option<String>> {
    let Some(account) = account else {
        return Ok(None);
    };
    if closing::lines_on(conn, exercice, account.id)? == 0 {
        return Ok(None);
    }
    let end = exercice.last_day();
    let name = key.label();
    let bank =
        crate::book::year_end::crf::bank_at_year_end(conn, exercice, key, account.id, books)?;
    Ok(match bank.statement {
        Some(stated) => {
            // Reconciled as the CRF shows it: the books less what is not
            // yet on the statement (when one was imported) is the statement.
            let pending = bank.pending();
            let left = bank.unexplained().unwrap_or_default();
            if left.is_zero() {
                None
            } else if pending.is_zero() {
                Some(format!(
                    "{name} : le relevé du {} dit {stated}, les comptes {books} (écart {}) : pointez les opérations manquantes (Rapprochement)",
                    format_date(end),
                    left.abs()
                ))
            } else {
                Some(format!(
                    "{name} : le relevé du {} dit {stated}, les comptes {books}, dont {pending} pas encore sur le relevé : {} restent à expliquer : pointez les opérations manquantes (Rapprochement)",
                    format_date(end),
                    left.abs()
                ))
            }
        }
        None => {
            let last = store::reconcile::statements::last(conn, account.id)?;
            let closed = books.is_zero() && last.is_none_or(|(_, m)| m.is_zero());
            (!closed).then(|| {
                format!(
                    "{name} : aucun solde de relevé au {} (comptes : {books}) : saisissez le solde du relevé de fin août (Rapprochement)",
                    format_date(end)
                )
            })
        }
    })
}

fn cheques(conn: &Connection, exercice: Exercice) -> Result<Option<String>> {
    let pending = closing::pending_cheques(conn, exercice)?;
    if pending.is_empty() {
        return Ok(None);
    }
    let list: Vec<String> = pending
        .iter()
        .map(|c| format!("{} ({} du {})", c.pupil, c.amount, format_date(c.date)))
        .collect();
    let n = pending.len();
    Ok(Some(format!(
        "{} : {} : rendez-{} aux familles (Participations)",
        crate::domain::text::counted(
            n,
            "chèque de parent reste à rendre",
            "chèques de parents restent à rendre"
        ),
        list.join(", "),
        if n > 1 { "les" } else { "le" }
    )))
}

fn regies(conn: &Connection, exercice: Exercice) -> Result<Option<String>> {
    let open: Vec<String> = crate::book::participations::regie_balances(conn, exercice)?
        .into_iter()
        .filter(RegieBalance::is_unsettled)
        .map(|balance| {
            let who = if balance.teacher.is_empty() {
                String::new()
            } else {
                format!(", {}", balance.teacher)
            };
            format!(
                "régie {}{who} : {} non soldés",
                balance.class_name,
                balance.balance()
            )
        })
        .collect();
    if open.is_empty() {
        return Ok(None);
    }
    Ok(Some(format!(
        "{} : faites rapporter les reçus et le reste de l'argent (retour de régie)",
        open.join(", ")
    )))
}

fn online(conn: &Connection, exercice: Exercice, balance: Money) -> Result<Option<String>> {
    let (count, total) = closing::online_not_paid_out(conn, exercice)?;
    if count == 0 && balance.is_zero() {
        return Ok(None);
    }
    let mut parts = Vec::new();
    if !balance.is_zero() {
        parts.push(format!(
            "Collectes en ligne : solde de {balance} au {}",
            format_date(exercice.last_day())
        ));
    }
    if count > 0 {
        let payments = format!(
            "{} ({total})",
            crate::domain::text::counted(
                count,
                "paiement en ligne pas encore versé au Compte Pro",
                "paiements en ligne pas encore versés au Compte Pro"
            )
        );
        // The rest of the balance: entries typed on the account by hand.
        let others = balance - total;
        parts.push(if balance.is_zero() {
            payments
        } else if others.is_zero() {
            format!("dont {payments}")
        } else {
            format!("dont {payments} et {others} d'écritures saisies sur le compte")
        });
    }
    Ok(Some(format!(
        "{} : pointez {} versement sur le Compte Pro (Rapprochement)",
        parts.join(", "),
        if count > 1 { "leur" } else { "son" }
    )))
}
