//! The small forms of the Participations tab: opening them with what can be
//! proposed (today's date, the next pièce, the class of the selected
//! pupil…), and saving them through the `Book`. A refusal stays in the
//! form with what was typed.

use super::form::Outcome;
use super::participations::View;
use super::participations_form::{Kind, PartForm, Purpose};
use crate::domain::participation::campaign::check_category;
use crate::domain::participation::pupils::class_key;
use crate::domain::participation::{CampaignRequest, PupilInput, RegieKind, RegieRequest};
use crate::domain::text::fold;
use crate::domain::{Account, AccountKind, format_date};
use crate::ui::action::Action;
use crate::ui::app::{App, Popup, Stage};
use crate::ui::widgets::confirm::Confirm;

impl App {
    fn push_form(&mut self, form: PartForm) {
        self.popups.push(Popup::PartForm(Box::new(form)));
    }

    pub(super) fn open_campaign_form(&mut self) {
        let Some(main) = self.main() else { return };
        let category = check_category("", main.book.chart()).unwrap_or_default();
        let names: Vec<&str> = main
            .participations
            .classes
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        let classes_note = if names.is_empty() {
            "vide = toutes".to_string()
        } else {
            format!("vide = toutes ({})", names.join(", "))
        };
        let form = PartForm::new(
            Purpose::NewCampaign,
            "Nouvelle campagne",
            "Un appel à participation : participation de l'année, sortie, photos… \
             La participation des familles reste volontaire.",
        )
        .field(
            "Nom",
            "Nom de la campagne",
            "",
            Kind::Text,
            "ex. Sortie zoo",
        )
        .field(
            "Montant suggéré",
            "Montant suggéré",
            "",
            Kind::Text,
            "par élève ; vide = libre",
        )
        .field(
            "Catégorie",
            "Catégorie",
            &category,
            Kind::Category(AccountKind::Produit),
            "",
        )
        .field("Classes", "Classe", "", Kind::Text, &classes_note)
        .field("Début", "Début", "", Kind::Text, "jj/mm/aaaa, facultatif")
        .field("Fin", "Fin", "", Kind::Text, "jj/mm/aaaa, facultatif");
        self.push_form(form);
    }

    pub(super) fn open_pupil_form(&mut self) {
        let Some(main) = self.main() else { return };
        let p = &main.participations;
        let class = p
            .selected_pupil()
            .map(|x| x.class_name.clone())
            .or_else(|| p.classes.first().map(|c| c.name.clone()))
            .unwrap_or_default();
        let form = PartForm::new(
            Purpose::AddPupil,
            "Ajouter un élève",
            "Une classe inconnue est créée ; les élèves du même nom sont reliés en fratrie. \
             Une liste entière : coopcompta import pupils FICHIER.csv",
        )
        .field("Nom", "nom", "", Kind::Text, "")
        .field("Prénom", "prénom", "", Kind::Text, "")
        .field("Classe", "classe", &class, Kind::Proposed, "ex. CE1-B");
        self.push_form(form);
    }

    pub(super) fn open_class_form(&mut self) {
        let form = PartForm::new(Purpose::AddClass, "Nouvelle classe", "")
            .field("Classe", "Classe", "", Kind::Text, "ex. CE1-B")
            .field("Enseignant", "Enseignant", "", Kind::Text, "facultatif");
        self.push_form(form);
    }

    pub(super) fn open_cheque_form(&mut self) {
        let today = format_date(self.clock.today());
        let Some(main) = self.main() else { return };
        let p = &main.participations;
        let Some(cheque) = p.selected_cheque() else {
            return self.fail("Aucun chèque à rendre".into());
        };
        let pupil = p
            .pupil(cheque.pupil_id)
            .map_or(String::new(), |x| x.display_with_class());
        let what = format!("Chèque de {} ({})", cheque.payer, cheque.amount.fr());
        let about = format!(
            "{what} pour {pupil}, {}, reçu le {}. Il n'a pas été encaissé.",
            p.campaign_name(cheque.campaign_id),
            format_date(cheque.date)
        );
        let purpose = Purpose::ReturnCheque {
            id: cheque.id,
            what,
        };
        let form = PartForm::new(purpose, "Chèque rendu à la famille", &about).field(
            "Rendu le",
            "Date",
            &today,
            Kind::Proposed,
            "jj/mm/aaaa",
        );
        self.push_form(form);
    }

    pub(super) fn open_regie_form(&mut self, kind: RegieKind) {
        let Some(main) = self.main() else { return };
        let p = &main.participations;
        let Some(class) = p.selected_class() else {
            return self.fail("Aucune classe : ajoutez des élèves d'abord (vue Élèves)".into());
        };
        let regie = p.regie_of(class);
        let date = format_date(main.book.default_date());
        let piece = match main.book.next_piece(kind.entry_kind()) {
            Ok(piece) => piece,
            Err(e) => return self.fail(e.to_string()),
        };
        let name = class.name.clone();
        let purpose = Purpose::Regie {
            class_id: class.id,
            class_name: name.clone(),
            kind,
        };
        let balance = regie.balance();
        let (title, about) = match kind {
            RegieKind::Avance => (
                format!("Avance à la classe {name}"),
                "Espèces remises par la Caisse à l'enseignant, contre un reçu signé.".to_string(),
            ),
            RegieKind::Depense => (
                format!("Dépense de la régie {name}"),
                format!(
                    "Achat payé avec l'avance (il reste {}) ; la pièce est le ticket ou la facture.",
                    balance.fr()
                ),
            ),
            RegieKind::Retour => (
                format!("Reliquat de la régie {name}"),
                format!(
                    "Ce qui reste de l'avance revient à la Caisse (il reste {}).",
                    balance.fr()
                ),
            ),
        };
        let mut form = PartForm::new(purpose, &title, &about).field(
            "Date",
            "Date",
            &date,
            Kind::Proposed,
            "jj/mm/aaaa",
        );
        form = match kind {
            RegieKind::Avance => form.field("Montant", "Montant", "", Kind::Text, "").field(
                "N° du reçu signé",
                "N° de reçu",
                "",
                Kind::Text,
                "",
            ),
            RegieKind::Depense => form
                .field("Montant", "Montant", "", Kind::Text, "")
                .field(
                    "Libellé",
                    "Libellé",
                    "",
                    Kind::Text,
                    "ex. Peinture et pinceaux",
                )
                .field(
                    "Catégorie",
                    "Catégorie",
                    "",
                    Kind::Category(AccountKind::Charge),
                    "6…",
                ),
            RegieKind::Retour => {
                let left = if balance.is_positive() {
                    balance.fr_plain()
                } else {
                    String::new()
                };
                form.field("Montant", "Montant", &left, Kind::Proposed, "")
            }
        };
        let form = form.field("N° de pièce", "N° de pièce", &piece, Kind::Proposed, "");
        self.push_form(form);
    }

    /// Keys in a form of the tab.
    pub(in crate::ui) fn update_part_form(&mut self, action: Action) {
        let chart: &[Account] = match &self.stage {
            Stage::Main(main) => main.book.chart(),
            _ => &[],
        };
        let Some(Popup::PartForm(form)) = self.popups.last_mut() else {
            return;
        };
        let outcome = form.update(action, chart);
        let dirty = form.is_dirty();
        match outcome {
            Outcome::Stay => {}
            Outcome::Help => self.open_help(),
            Outcome::Close if dirty => self.popups.push(Popup::Confirm(Confirm::discard())),
            Outcome::Close => {
                self.popups.pop();
            }
            Outcome::Save => self.save_part_form(),
        }
    }

    fn save_part_form(&mut self) {
        let Some(Popup::PartForm(form)) = self.popups.last() else {
            return;
        };
        let purpose = form.purpose.clone();
        let v = |label: &str| form.value(label);
        let Stage::Main(main) = &mut self.stage else {
            return;
        };
        let book = &mut main.book;
        let mut new_campaign = None;
        // (entry to show in the ledgers, status text), or the refusal.
        let result: Result<(Option<i64>, String), String> = match &purpose {
            Purpose::NewCampaign => {
                let request = CampaignRequest {
                    name: v("Nom"),
                    suggested: v("Montant suggéré"),
                    category: v("Catégorie"),
                    classes: v("Classes")
                        .split([',', ';'])
                        .map(|c| c.trim().to_string())
                        .filter(|c| !c.is_empty())
                        .collect(),
                    starts_on: v("Début"),
                    ends_on: v("Fin"),
                };
                book.add_campaign(&request)
                    .map(|id| {
                        new_campaign = Some(id);
                        (
                            None,
                            format!(
                                "Campagne « {} » créée : s pour saisir l'enveloppe d'une classe",
                                request.name.trim()
                            ),
                        )
                    })
                    .map_err(|e| e.under_field())
            }
            Purpose::AddPupil => {
                let input = PupilInput {
                    line: 0,
                    nom: v("Nom"),
                    prenom: v("Prénom"),
                    classe: v("Classe"),
                };
                book.add_pupil(&input)
                    .map(|summary| {
                        let created = if summary.classes_created.is_empty() {
                            String::new()
                        } else {
                            format!(" · classe {} créée", summary.classes_created.join(", "))
                        };
                        (None, created)
                    })
                    .map_err(|e| e.under_field())
            }
            Purpose::AddClass => {
                let (name, teacher) = (v("Classe"), v("Enseignant"));
                let existed = main
                    .participations
                    .classes
                    .iter()
                    .any(|c| class_key(&c.name) == class_key(&name));
                book.add_class(&name, &teacher)
                    .and_then(|id| {
                        if existed && !teacher.is_empty() {
                            book.set_class_teacher(id, &teacher)?;
                        }
                        Ok(id)
                    })
                    .map(|_| {
                        let text = if existed {
                            format!("La classe {name} existait déjà")
                        } else {
                            format!("Classe {name} créée : a dans la vue Élèves pour y ajouter des élèves")
                        };
                        (None, text)
                    })
                    .map_err(|e| e.under_field())
            }
            Purpose::ReturnCheque { id, what } => {
                let date = v("Rendu le");
                book.return_cheque(*id, &date)
                    .map(|()| (None, format!("{what} rendu le {}", date.trim())))
                    .map_err(|e| e.under_field())
            }
            Purpose::Regie {
                class_id,
                class_name,
                kind,
            } => {
                let request = RegieRequest {
                    class_id: *class_id,
                    kind: *kind,
                    date: v("Date"),
                    amount: v("Montant"),
                    receipt_no: v("N° du reçu signé"),
                    label: v("Libellé"),
                    category: v("Catégorie"),
                    piece: v("N° de pièce"),
                };
                book.record_regie(&request)
                    .map(|id| {
                        let piece = book
                            .entry(id)
                            .ok()
                            .flatten()
                            .map(|e| e.piece)
                            .unwrap_or_default();
                        let amount = crate::domain::Money::parse_positive(&request.amount)
                            .map_or(request.amount.trim().to_string(), |m| m.fr());
                        let text = match kind {
                            RegieKind::Avance => {
                                format!("Avance de {amount} remise à {class_name} ({piece})")
                            }
                            RegieKind::Depense => {
                                format!("Dépense de {amount} de la régie {class_name} ({piece})")
                            }
                            RegieKind::Retour => format!(
                                "Reliquat de {amount} de {class_name} rendu à la Caisse ({piece})"
                            ),
                        };
                        (Some(id), text)
                    })
                    // Whole ("Date : …"): the form puts it under the field it names.
                    .map_err(|e| e.to_string())
            }
        };
        let pupil = (v("Nom"), v("Prénom"), v("Classe"));
        match result {
            Ok((entry, text)) => {
                self.popups.pop();
                self.participations_changed(entry, text);
                self.after_form_saved(&purpose, new_campaign, pupil);
            }
            Err(text) => {
                if let Some(Popup::PartForm(form)) = self.popups.last_mut() {
                    form.refused(text);
                }
            }
        }
    }

    /// Puts the cursor on what was just added, and says it.
    fn after_form_saved(
        &mut self,
        purpose: &Purpose,
        campaign: Option<i64>,
        (nom, prenom, class): (String, String, String),
    ) {
        let failed = self.status.as_ref().is_some_and(|s| s.error);
        let Some(main) = self.main() else { return };
        match purpose {
            Purpose::NewCampaign => {
                let p = &mut main.participations;
                if let Some(at) =
                    campaign.and_then(|id| p.campaigns.iter().position(|v| v.campaign.id == id))
                {
                    p.campaign_cursor.select(at);
                }
                p.view = View::Campaigns;
                p.detail = false;
            }
            Purpose::AddPupil if !failed => {
                let created = self.status.take().map(|s| s.text).unwrap_or_default();
                let Some(main) = self.main() else { return };
                let text = main.pupil_added_text(&nom, &prenom, &class) + &created;
                let p = &mut main.participations;
                let (nk, pk) = (fold(&nom), fold(&prenom));
                if let Some(at) = p.pupils.iter().position(|x| {
                    fold(&x.nom) == nk
                        && fold(&x.prenom) == pk
                        && class_key(&x.class_name) == class_key(&class)
                }) {
                    p.pupil_cursor.select(at);
                }
                self.status = Some(crate::ui::app::Status { text, error: false });
            }
            _ => {}
        }
    }
}
