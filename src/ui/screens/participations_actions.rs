//! What the keys of the Participations tab do: moving between views and in
//! lists, opening the small forms, and the quick entry of an envelope,
//! recorded through `Book::record_envelope` in one transaction. After a
//! change the tab and the ledgers (header balances, Écritures tab) are
//! loaded again; errors go to the status line or into the form.

use super::participations::{View, plural};
use super::participations_envelope::Step;
use crate::book::EnvelopeReceipt;
use crate::domain::format_date;
use crate::domain::participation::Channel;
use crate::ui::action::Action;
use crate::ui::app::{App, Main, Popup, Status};
use crate::ui::widgets::confirm::Confirm;

impl App {
    /// The tab is shown: the books may have changed since.
    pub(in crate::ui) fn show_participations(&mut self) {
        let Some(main) = self.main() else { return };
        if let Err(e) = main.participations.reload(&main.book) {
            self.fail(e.to_string());
        }
    }

    /// After a change: the tab and the ledgers again, the cursor of the
    /// ledgers on `entry`; the status says `text` (or the error).
    pub(super) fn participations_changed(&mut self, entry: Option<i64>, text: String) {
        let Some(main) = self.main() else { return };
        let result = main
            .participations
            .reload(&main.book)
            .and_then(|()| main.reload(entry));
        self.status = Some(match result {
            Ok(()) => Status { text, error: false },
            Err(e) => Status {
                text: e.to_string(),
                error: true,
            },
        });
    }

    pub(in crate::ui) fn update_participations(&mut self, action: Action) {
        let Some(main) = self.main() else { return };
        let p = &mut main.participations;
        if p.view == View::Envelope {
            match p.envelope.update(action, &main.book) {
                Step::Stay => {}
                Step::Help => self.open_help(),
                Step::Close => self.close_envelope(),
                Step::Save => self.save_envelope(),
                Step::AskSecond => {
                    if let Some(question) = p.envelope.asking.take() {
                        self.popups
                            .push(Popup::Confirm(Confirm::second_line(question)));
                    }
                }
            }
            return;
        }
        if p.navigate(action) {
            return;
        }
        match action {
            Action::NextView => p.step_view(1),
            Action::PrevView => p.step_view(-1),
            Action::Close if p.detail => p.detail = false,
            Action::ShowCampaign if p.selected_campaign().is_some() => {
                p.detail = true;
                p.detail_scroll.select(0);
            }
            Action::ShowCampaign => {
                self.fail("Aucune campagne : n pour en créer une".into());
            }
            Action::OpenEnvelope => self.open_envelope(),
            Action::NewCampaign => self.open_campaign_form(),
            Action::AddPupil => self.open_pupil_form(),
            Action::AddClass => self.open_class_form(),
            Action::ReturnCheque => self.open_cheque_form(),
            Action::ToggleMark if p.view == View::Cheques => {
                if let Some(id) = p.selected_cheque().map(|c| c.id) {
                    p.cheque_cursor.toggle(id);
                }
            }
            Action::RegieAdvance => {
                self.open_regie_form(crate::domain::participation::RegieKind::Avance)
            }
            Action::RegieExpense => {
                self.open_regie_form(crate::domain::participation::RegieKind::Depense)
            }
            Action::RegieReturn => {
                self.open_regie_form(crate::domain::participation::RegieKind::Retour)
            }
            _ => {}
        }
    }

    /// `s`: a new envelope, on the selected campaign when coming from the
    /// campaigns.
    fn open_envelope(&mut self) {
        let Some(main) = self.main() else { return };
        let p = &mut main.participations;
        if p.campaigns.is_empty() {
            return self
                .fail("Aucune campagne : créez-en une d'abord (vue Campagnes, touche n)".into());
        }
        let campaign = if p.view == View::Campaigns {
            p.selected_campaign().map(|v| v.campaign.id)
        } else {
            None
        };
        let date = format_date(main.book.default_date());
        let campaigns = p.campaigns.iter().map(|v| v.campaign.clone()).collect();
        p.envelope
            .open(&main.book, campaigns, p.classes.clone(), campaign, &date);
        p.back = p.view;
        p.view = View::Envelope;
    }

    /// Échap in the quick entry: asks first if lines were typed.
    fn close_envelope(&mut self) {
        let Some(main) = self.main() else { return };
        let lines = main.participations.envelope.lines.len();
        if lines > 0 {
            self.popups
                .push(Popup::Confirm(Confirm::discard_envelope(lines)));
        } else {
            self.leave_envelope();
        }
    }

    /// Yes to a second contribution of a pupil: the line is added.
    pub(in crate::ui) fn add_second_line(&mut self) {
        let Some(main) = self.main() else { return };
        main.participations.envelope.confirm_second();
    }

    /// Leaves the quick entry; typed lines are dropped.
    pub(in crate::ui) fn leave_envelope(&mut self) {
        let Some(main) = self.main() else { return };
        let p = &mut main.participations;
        p.envelope.lines.clear();
        p.envelope.message = None;
        p.envelope.error = None;
        p.view = p.back;
        if p.view == View::Envelope {
            p.view = View::Campaigns;
        }
    }

    /// F10: the whole envelope in one transaction.
    fn save_envelope(&mut self) {
        let Some(main) = self.main() else { return };
        let envelope = &main.participations.envelope;
        let Some(request) = envelope.request() else {
            return self.fail("Choisissez la campagne et la classe de l'enveloppe".into());
        };
        let class = envelope.class().map_or(String::new(), |c| c.name.clone());
        let totals = envelope.totals();
        let others: Vec<Channel> = envelope
            .lines
            .iter()
            .map(|l| l.channel)
            .filter(|c| matches!(c, Channel::EnLigne | Channel::Virement))
            .collect();
        match main.book.record_envelope(&request) {
            Ok(receipt) => {
                let pieces: Vec<(Channel, String)> = others
                    .iter()
                    .zip(&receipt.other_entries)
                    .map(|(c, id)| {
                        let piece = main
                            .book
                            .entry(*id)
                            .ok()
                            .flatten()
                            .map(|e| e.piece)
                            .unwrap_or_default();
                        (*c, piece)
                    })
                    .collect();
                let text = receipt_text(&class, &receipt, totals, &pieces);
                main.participations.envelope.saved(text.clone());
                let entry = receipt
                    .cash_entry
                    .or_else(|| receipt.other_entries.first().copied());
                self.participations_changed(entry, text);
            }
            Err(e) => {
                main.participations.envelope.refused(e.under_field());
                self.fail("Enveloppe refusée : rien n'a été écrit, les lignes sont gardées".into());
            }
        }
    }
}

/// "Enveloppe CE1-B : bordereau R012, espèces 24,00 € (2 élèves) · en
/// ligne 12,00 € (R013) · 1 chèque à rendre (20,00 €)".
fn receipt_text(
    class: &str,
    receipt: &EnvelopeReceipt,
    totals: [(usize, crate::domain::Money); 4],
    pieces: &[(Channel, String)],
) -> String {
    let mut parts = Vec::new();
    for (channel, (count, amount)) in Channel::ALL.iter().zip(totals) {
        if count == 0 {
            continue;
        }
        let of: Vec<&str> = pieces
            .iter()
            .filter(|(c, _)| c == channel)
            .map(|(_, p)| p.as_str())
            .collect();
        parts.push(match channel {
            Channel::Especes => format!(
                "bordereau {}, espèces {} ({count} élève{})",
                receipt.cash_piece.as_deref().unwrap_or(""),
                amount.fr(),
                plural(count)
            ),
            Channel::Cheque => {
                format!("{count} chèque{} à rendre ({})", plural(count), amount.fr())
            }
            other => format!("{} {} ({})", other.label(), amount.fr(), of.join(", ")),
        });
    }
    format!("Enveloppe {class} enregistrée : {}", parts.join(" · "))
}

impl Main {
    /// The pupil just added, with the siblings the books linked.
    pub(super) fn pupil_added_text(&self, nom: &str, prenom: &str, class: &str) -> String {
        let p = &self.participations;
        let key = |t: &str| crate::domain::text::fold(t);
        let found = p.pupils.iter().find(|x| {
            key(&x.nom) == key(nom)
                && key(&x.prenom) == key(prenom)
                && crate::domain::participation::pupils::class_key(&x.class_name)
                    == crate::domain::participation::pupils::class_key(class)
        });
        let Some(pupil) = found else {
            return format!("Élève ajouté : {} {prenom} ({class})", nom.to_uppercase());
        };
        let mut text = format!("Élève ajouté : {}", pupil.display_with_class());
        let siblings: Vec<String> = p
            .siblings(pupil)
            .iter()
            .map(|s| s.display_with_class())
            .collect();
        if !siblings.is_empty() {
            text.push_str(&format!(" · même famille que {}", siblings.join(", ")));
        }
        text
    }
}
