//! The headings of the compte rendu financier (CRF) that categories are
//! grouped under: picked from the known ones, matched by the one folding of
//! `domain::text` so that a typed variant takes the known spelling.

use super::Book;
use super::write::Audit;
use crate::domain::AccountKind;
use crate::domain::text::{self, fold, shown};
use crate::store::{self, Result, StoreError};

impl Book {
    /// The distinct CRF headings of the chart, sorted as read (accents
    /// and case aside).
    pub fn crf_headings(&self) -> Vec<String> {
        let mut headings: Vec<String> = self
            .chart
            .iter()
            .filter_map(|a| a.crf_heading.clone())
            .filter(|h| !h.trim().is_empty())
            .collect();
        headings.sort_by(|a, b| fold(a).cmp(&fold(b)).then_with(|| a.cmp(b)));
        headings.dedup();
        headings
    }

    /// A typed heading checked, as the known heading it folds to if there
    /// is one; empty is `None` (no heading).
    pub(crate) fn known_heading(&self, typed: &str) -> Result<Option<String>> {
        let heading = text::check_text(typed, text::MAX_NAME)
            .map_err(|reason| StoreError::Refused(format!("rubrique du CRF : {reason}")))?;
        if heading.is_empty() {
            return Ok(None);
        }
        let key = fold(&heading);
        Ok(Some(
            self.crf_headings()
                .into_iter()
                .find(|known| fold(known) == key)
                .unwrap_or(heading),
        ))
    }

    /// Changes the CRF heading of an existing category (empty: none).
    /// Returns the heading as stored (the known spelling).
    pub fn set_category_heading(&mut self, code: &str, heading: &str) -> Result<Option<String>> {
        let code = text::check_code(code).map_err(|e| StoreError::Refused(e.message))?;
        let account = self
            .chart
            .iter()
            .find(|a| a.code == code)
            .cloned()
            .ok_or_else(|| {
                StoreError::Refused(format!(
                    "code « {} » : aucune catégorie ne porte ce code (ajoutez-la avec son libellé et sa nature)",
                    shown(&code)
                ))
            })?;
        if !matches!(account.kind, AccountKind::Charge | AccountKind::Produit) {
            return Err(StoreError::Refused(format!(
                "{} {} : seules les charges (6…) et produits (7…) ont une rubrique du CRF",
                account.code, account.label
            )));
        }
        let heading = self.known_heading(heading)?;
        if heading == account.crf_heading {
            return Ok(heading);
        }
        let shown_heading =
            |h: &Option<String>| format!("{code} rubrique {}", h.as_deref().unwrap_or("(aucune)"));
        let audit = Audit::new("modification", "compte")
            .id(Some(account.id))
            .before(shown_heading(&account.crf_heading))
            .after(shown_heading(&heading));
        self.write(self.exercice(), |w| {
            store::accounts::set_heading(w.tx, &code, heading.as_deref())?;
            Ok(((), audit))
        })?;
        self.reload_chart()?;
        Ok(heading)
    }

    /// Changes an existing category's libellé and CRF heading in one
    /// transaction (the chart form of the TUI); the heading is matched to
    /// the known spelling, empty removes it. Nothing changed writes nothing.
    pub fn edit_category(&mut self, code: &str, label: &str, heading: &str) -> Result<()> {
        let code = text::check_code(code).map_err(|e| StoreError::Refused(e.message))?;
        let label = text::check_text(label, text::MAX_LABEL)
            .map_err(|reason| StoreError::Refused(format!("libellé de catégorie : {reason}")))?;
        if label.is_empty() {
            return Err(StoreError::Refused("libellé de catégorie vide".into()));
        }
        let account = self
            .chart
            .iter()
            .find(|a| {
                a.code == code && matches!(a.kind, AccountKind::Charge | AccountKind::Produit)
            })
            .cloned()
            .ok_or_else(|| {
                StoreError::Refused(format!(
                    "code « {} » : aucune catégorie (charge 6… ou produit 7…) ne porte ce code",
                    shown(&code)
                ))
            })?;
        let heading = self.known_heading(heading)?;
        if label == account.label && heading == account.crf_heading {
            return Ok(());
        }
        let shown_state = |l: &str, h: &Option<String>| {
            format!(
                "{code} {l} · rubrique {}",
                h.as_deref().unwrap_or("(aucune)")
            )
        };
        let audit = Audit::new("modification", "compte")
            .id(Some(account.id))
            .before(shown_state(&account.label, &account.crf_heading))
            .after(shown_state(&label, &heading));
        self.write(self.exercice(), |w| {
            if label != account.label {
                store::accounts::rename(w.tx, &code, &label)?;
            }
            if heading != account.crf_heading {
                store::accounts::set_heading(w.tx, &code, heading.as_deref())?;
            }
            Ok(((), audit))
        })?;
        self.reload_chart()
    }
}
