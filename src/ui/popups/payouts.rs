//! The AssoConnect payouts: each with its reference, date, payments,
//! gross, fees, net and state, then its payments with their path (payé en
//! ligne le … → versement … → reçu sur le Compte Pro le …).

use super::reader::{Lines, Reader};
use crate::book::Book;
use crate::domain::format_date;
use crate::domain::online::{Payment, PaymentStatus, PayoutState};
use crate::store::Result;
use crate::ui::action::Action;
use crate::ui::keymap::{self, Context};
use crate::ui::widgets::cells::count;
use crate::ui::widgets::theme;
use ratatui::text::Line;

fn payment_line(p: &Payment) -> Line<'static> {
    Line::raw(format!(
        "    {} · {} · {} — {}",
        p.payer,
        p.form,
        p.amount.fr(),
        p.path()
    ))
}

/// The payouts as a document.
pub fn payouts_lines(book: &Book) -> Result<Vec<Line<'static>>> {
    let payouts = book.payouts()?;
    let payments = book.payments()?;
    let mut lines = Vec::new();
    if payouts.is_empty() {
        lines.push(Line::styled(
            format!(
                "Aucun versement AssoConnect : {} dans l'onglet pour importer l'export des paiements.",
                keymap::key_of(Context::Reconcile, Action::Import)
            ),
            theme::note(),
        ));
    }
    for payout in &payouts {
        // An export gives no payout date: then none is shown.
        let date = payout
            .date
            .map(|d| format!(" du {}", format_date(d)))
            .unwrap_or_default();
        let style = match payout.state {
            PayoutState::Announced => theme::label_focused(),
            PayoutState::Received { .. } => theme::money_in(),
        };
        lines.push(Line::styled(
            format!(
                "{}{date} : {}, brut {}, frais {}, net {} — {}",
                payout.reference,
                count(payout.payments, "paiement", "paiements"),
                payout.gross.fr(),
                payout.fees.fr(),
                payout.net.fr(),
                payout.state.label()
            ),
            style,
        ));
        for p in payments
            .iter()
            .filter(|p| p.payout.as_deref() == Some(payout.reference.as_str()))
        {
            lines.push(payment_line(p));
        }
        lines.push(Line::raw(""));
    }
    // Refunded before any payout: not waiting for one.
    let (refunded, waiting): (Vec<&Payment>, Vec<&Payment>) = payments
        .iter()
        .filter(|p| p.payout.is_none())
        .partition(|p| p.status == PaymentStatus::Refunded);
    for (title, list) in [("Pas encore versés", waiting), ("Remboursés", refunded)] {
        if !list.is_empty() {
            lines.push(Line::styled(
                format!("{title} ({}) :", list.len()),
                theme::title(),
            ));
            lines.extend(list.into_iter().map(payment_line));
        }
    }
    Ok(lines)
}

pub fn payouts_view(book: &Book) -> Result<Reader> {
    Ok(Reader::new(
        "Versements AssoConnect",
        Lines(payouts_lines(book)?),
    ))
}
