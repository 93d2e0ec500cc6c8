//! The CRF as one printable HTML page: self-contained (no script, no
//! link, no font or image to fetch), in French, with A4 print styles and
//! a page break between the parts, ending with the signature lines of the
//! mandataire and the two vérificateurs aux comptes.

use super::{check_words, month_name};
use crate::domain::cash_count::value_name;
use crate::domain::crf::{Crf, CrfHeading};
use crate::domain::{Money, format_date};
use std::fmt::Write as _;
use std::io::Write;

const STYLE: &str = "
@page { size: A4; margin: 15mm 14mm 18mm 14mm; }
/* The body fits the page: 210 mm less the two 14 mm margins. */
body { font-family: 'DejaVu Sans', Arial, Helvetica, sans-serif; font-size: 10pt; color: #000; margin: 0 auto; max-width: 182mm; }
h1 { font-size: 16pt; margin: 0 0 2pt 0; }
h2 { font-size: 12.5pt; margin: 10pt 0 4pt 0; border-bottom: 1.5pt solid #000; }
h3 { font-size: 11pt; margin: 8pt 0 3pt 0; }
p { margin: 3pt 0; }
table { border-collapse: collapse; width: 100%; margin: 3pt 0 6pt 0; }
th, td { border: 0.5pt solid #777; padding: 2pt 4pt; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.sub td { font-weight: bold; background: #f5f5f5; }
tr.total td { font-weight: bold; border-top: 1.5pt solid #000; }
.check { font-weight: bold; padding: 4pt; border: 1pt solid #000; }
.part { break-before: page; page-break-before: always; }
.signatures { break-inside: avoid; page-break-inside: avoid; display: flex; gap: 6mm; margin-top: 14pt; }
.signature { flex: 1; border: 0.5pt solid #777; padding: 4pt; min-height: 40mm; }
.signature p { margin: 6pt 0; }
tr, .signature { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
@media screen { body { padding: 10mm; } }
";

/// Escapes text for HTML (and XML): `& < > " '`; control characters are
/// dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

fn money(amount: Money) -> String {
    escape(&amount.fr())
}

/// The charges or the produits, heading by heading.
fn fonctionnement(page: &mut String, title: &str, headings: &[CrfHeading], total: Money) {
    let _ = write!(
        page,
        "<h3>{title}</h3>\n<table>\n<thead><tr><th>Code</th><th>Catégorie</th><th class=\"num\">Montant</th></tr></thead>\n<tbody>\n"
    );
    for h in headings {
        let _ = writeln!(
            page,
            "<tr class=\"sub\"><td colspan=\"2\">{}</td><td class=\"num\">{}</td></tr>",
            escape(&h.heading),
            money(h.total)
        );
        for l in &h.lines {
            let _ = writeln!(
                page,
                "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
                escape(&l.code),
                escape(&l.label),
                money(l.amount)
            );
        }
    }
    if headings.is_empty() {
        page.push_str("<tr><td colspan=\"3\">Aucune</td></tr>\n");
    }
    let _ = write!(
        page,
        "<tr class=\"total\"><td colspan=\"2\">Total des {}</td><td class=\"num\">{}</td></tr>\n</tbody>\n</table>\n",
        title.to_lowercase(),
        money(total)
    );
}

fn bilan(page: &mut String, crf: &Crf) {
    page.push_str("<section class=\"part\">\n<h2>2. Bilan simplifié</h2>\n<table>\n<thead><tr><th>Compte</th><th class=\"num\">Ouverture</th><th class=\"num\">Recettes</th><th class=\"num\">Dépenses</th><th class=\"num\">Virements reçus</th><th class=\"num\">Virements émis</th><th class=\"num\">Clôture</th></tr></thead>\n<tbody>\n");
    for a in &crf.accounts {
        let _ = writeln!(
            page,
            "<tr><td>{} ({})</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape(&a.label),
            escape(&a.code),
            money(a.opening),
            money(a.receipts),
            money(a.expenses),
            money(a.transfers_in),
            money(a.transfers_out),
            money(a.closing)
        );
    }
    if let Some(note) = crf.regies_transfers_note() {
        let _ = writeln!(page, "<tr><td colspan=\"7\">{}</td></tr>", escape(&note));
    }
    let _ = writeln!(
        page,
        "<tr class=\"sub\"><td>Total des comptes de trésorerie</td><td class=\"num\">{}</td><td colspan=\"4\"></td><td class=\"num\">{}</td></tr>",
        money(crf.money_opening()),
        money(crf.money_closing())
    );
    let mut other = |label: &str, opening: Money, closing: Money| {
        let _ = writeln!(
            page,
            "<tr><td>{}</td><td class=\"num\">{}</td><td colspan=\"4\"></td><td class=\"num\">{}</td></tr>",
            escape(label),
            money(opening),
            money(closing)
        );
    };
    other(
        "+ Régies d'avance non soldées (467, argent chez les enseignants)",
        crf.regies_opening,
        crf.regies_closing,
    );
    other(
        "− Dû à l'OCCE (1680, avance à rembourser)",
        crf.occe_owed_opening,
        crf.occe_owed_closing,
    );
    for o in &crf.others {
        other(&format!("+ {} ({})", o.label, o.code), o.opening, o.closing);
    }
    let _ = write!(
        page,
        "<tr class=\"total\"><td>Avoir net de la coopérative</td><td class=\"num\">{}</td><td colspan=\"4\"></td><td class=\"num\">{}</td></tr>\n</tbody>\n</table>\n",
        money(crf.net_opening()),
        money(crf.net_closing())
    );
    let _ = writeln!(
        page,
        "<p class=\"check\">Contrôle : avoir à l'ouverture {} + résultat {} = {} ; avoir à la clôture {} : {}</p>",
        money(crf.net_opening()),
        money(crf.result()),
        money(crf.net_opening() + crf.result()),
        money(crf.net_closing()),
        escape(check_words(crf))
    );
    if crf.in_transit.is_empty() {
        page.push_str("<p>Aucune somme en transit entre les comptes à la clôture.</p>\n");
    } else {
        page.push_str("<h3>Sommes en transit à la clôture</h3>\n<table>\n<tbody>\n");
        for (what, amount) in &crf.in_transit {
            let _ = writeln!(
                page,
                "<tr><td>{}</td><td class=\"num\">{}</td></tr>",
                escape(what),
                money(*amount)
            );
        }
        page.push_str("</tbody>\n</table>\n");
    }
    page.push_str("</section>\n");
}

fn rapprochement(page: &mut String, crf: &Crf) {
    let last = format_date(crf.exercice.last_day());
    let _ = writeln!(
        page,
        "<section class=\"part\">\n<h2>3. Rapprochement bancaire au {last}</h2>"
    );
    if crf.banks.is_empty() {
        page.push_str("<p>Aucun compte bancaire utilisé dans l'exercice.</p>\n");
    }
    for b in &crf.banks {
        let _ = write!(
            page,
            "<h3>{}</h3>\n<table>\n<tbody>\n<tr class=\"sub\"><td colspan=\"3\">Solde des livres au {last}</td><td class=\"num\">{}</td></tr>\n",
            escape(b.account.label()),
            money(b.books)
        );
        if !b.imported {
            let _ = writeln!(
                page,
                "<tr><td colspan=\"4\">{}</td></tr>",
                escape(super::NOT_IMPORTED)
            );
        } else if b.not_on_statement.is_empty() {
            page.push_str(
                "<tr><td colspan=\"4\">Toutes les écritures figurent sur le relevé.</td></tr>\n",
            );
        } else {
            page.push_str("<tr><th>Pièce</th><th>Date</th><th>Opération pas encore sur le relevé</th><th class=\"num\">Montant</th></tr>\n");
            for l in &b.not_on_statement {
                let _ = writeln!(
                    page,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
                    escape(&l.piece),
                    format_date(l.date),
                    escape(&l.label),
                    money(l.amount)
                );
            }
        }
        let expected = b.expected_statement();
        let statement = match b.statement {
            Some(s) => money(s),
            None => "non pointé".to_string(),
        };
        let _ = write!(
            page,
            "<tr class=\"total\"><td colspan=\"3\">Solde attendu sur le relevé (livres − opérations non pointées)</td><td class=\"num\">{}</td></tr>\n<tr><td colspan=\"3\">Solde du relevé au {last}</td><td class=\"num\">{statement}</td></tr>\n",
            money(expected)
        );
        if let Some(gap) = b.unexplained().filter(|g| !g.is_zero()) {
            let _ = writeln!(
                page,
                "<tr class=\"total\"><td colspan=\"3\">Écart à expliquer (relevé − attendu)</td><td class=\"num\">{}</td></tr>",
                money(gap)
            );
        }
        page.push_str("</tbody>\n</table>\n");
    }
    page.push_str("</section>\n");
}

fn caisse(page: &mut String, crf: &Crf) {
    page.push_str("<section class=\"part\">\n<h2>4. Arrêté de caisse</h2>\n");
    let Some(c) = &crf.last_cash_count else {
        page.push_str(
            "<p>Aucun arrêté de caisse n'a été enregistré dans l'exercice : comptez la caisse avant la clôture.</p>\n</section>\n",
        );
        return;
    };
    let by = if c.counted_by.trim().is_empty() {
        String::new()
    } else {
        format!(", par {}", escape(c.counted_by.trim()))
    };
    let _ = write!(
        page,
        "<p>Caisse comptée le {}{by}.</p>\n<table>\n<thead><tr><th>Billet ou pièce</th><th class=\"num\">Nombre</th><th class=\"num\">Montant</th></tr></thead>\n<tbody>\n",
        format_date(c.date)
    );
    for k in c.counts.iter().filter(|k| k.count > 0) {
        let _ = writeln!(
            page,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape(&value_name(k.cents)),
            k.count,
            money(k.amount())
        );
    }
    let _ = write!(
        page,
        "<tr class=\"total\"><td colspan=\"2\">Total compté</td><td class=\"num\">{}</td></tr>\n<tr><td colspan=\"2\">Solde de la caisse dans les livres</td><td class=\"num\">{}</td></tr>\n<tr><td colspan=\"2\">Écart (compté − livres)</td><td class=\"num\">{}</td></tr>\n</tbody>\n</table>\n",
        money(c.counted),
        money(c.books),
        money(c.difference())
    );
    if let Some(piece) = &c.adjustment {
        let _ = writeln!(
            page,
            "<p>Écart régularisé par la pièce {} : {}</p>",
            escape(piece),
            escape(&c.reason)
        );
    } else if c.difference().is_zero() {
        page.push_str("<p>La caisse comptée correspond aux livres.</p>\n");
    }
    page.push_str("</section>\n");
}

fn annexes(page: &mut String, crf: &Crf) {
    page.push_str("<section class=\"part\">\n<h2>5. Subventions reçues</h2>\n");
    if crf.subsidies.is_empty() {
        page.push_str("<p>Aucune subvention reçue dans l'exercice.</p>\n");
    } else {
        page.push_str("<table>\n<thead><tr><th>Code</th><th>Financeur</th><th class=\"num\">Montant</th></tr></thead>\n<tbody>\n");
        for s in &crf.subsidies {
            let _ = writeln!(
                page,
                "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
                escape(&s.code),
                escape(&s.grantor),
                money(s.amount)
            );
        }
        let total: Money = crf.subsidies.iter().map(|s| s.amount).sum();
        let _ = write!(
            page,
            "<tr class=\"total\"><td colspan=\"2\">Total des subventions</td><td class=\"num\">{}</td></tr>\n</tbody>\n</table>\n",
            money(total)
        );
    }
    page.push_str("<h2>6. Chèques à rendre aux familles</h2>\n");
    if crf.cheques_out.is_empty() {
        page.push_str("<p>Aucun chèque à rendre.</p>\n");
    } else {
        page.push_str("<table>\n<thead><tr><th>Reçu le</th><th>Élève</th><th>Chèque de</th><th class=\"num\">Montant</th></tr></thead>\n<tbody>\n");
        for c in &crf.cheques_out {
            let _ = writeln!(
                page,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
                format_date(c.date),
                escape(&c.pupil),
                escape(&c.payer),
                money(c.amount)
            );
        }
        page.push_str("</tbody>\n</table>\n");
    }
    page.push_str("<h2>7. Recettes et dépenses par mois</h2>\n<table>\n<thead><tr><th>Mois</th><th class=\"num\">Produits</th><th class=\"num\">Charges</th><th class=\"num\">Trésorerie en fin de mois</th></tr></thead>\n<tbody>\n");
    for m in &crf.months {
        let _ = writeln!(
            page,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape(&month_name(m.first_day)),
            money(m.receipts),
            money(m.expenses),
            money(m.balance)
        );
    }
    page.push_str("</tbody>\n</table>\n");
    page.push_str("<h2>Approbation des comptes</h2>\n<div class=\"signatures\">\n");
    for who in [
        "Le mandataire",
        "Vérificateur aux comptes",
        "Vérificateur aux comptes",
    ] {
        let _ = writeln!(
            page,
            "<div class=\"signature\"><p><strong>{who}</strong></p><p>Nom :</p><p>Date :</p><p>Signature :</p></div>"
        );
    }
    page.push_str("</div>\n</section>\n");
}

/// The whole page as a string.
pub fn page(crf: &Crf, coop: &str) -> String {
    let mut page = String::with_capacity(16 << 10);
    let exercice = crf.exercice;
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>Compte rendu financier {exercice} – {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(coop)
    );
    let _ = write!(
        page,
        "<h1>Compte rendu financier {exercice}</h1>\n<p>Coopérative : <strong>{}</strong> — exercice du {} au {}</p>\n",
        escape(coop),
        format_date(exercice.first_day()),
        format_date(exercice.last_day())
    );
    page.push_str("<section>\n<h2>1. Compte de fonctionnement</h2>\n");
    fonctionnement(&mut page, "Charges", &crf.charges, crf.total_charges);
    fonctionnement(&mut page, "Produits", &crf.produits, crf.total_produits);
    let _ = write!(
        page,
        "<p class=\"check\">Résultat de l'exercice (produits − charges) : {} ({})</p>\n</section>\n",
        money(crf.result()),
        if crf.result().is_negative() {
            "déficit"
        } else {
            "excédent"
        }
    );
    bilan(&mut page, crf);
    rapprochement(&mut page, crf);
    caisse(&mut page, crf);
    annexes(&mut page, crf);
    page.push_str("</body>\n</html>\n");
    page
}

/// Writes the page; returns how many categories it lists.
pub fn write_html(out: &mut dyn Write, crf: &Crf, coop: &str) -> std::io::Result<usize> {
    out.write_all(page(crf, coop).as_bytes())?;
    out.flush()?;
    Ok(crf.categories())
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn texts_are_escaped() {
        assert_eq!(
            escape("<b>Tom & \"Léa\"</b>\u{7}'"),
            "&lt;b&gt;Tom &amp; &quot;Léa&quot;&lt;/b&gt;&#39;"
        );
    }
}
