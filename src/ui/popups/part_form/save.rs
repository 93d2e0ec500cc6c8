//! Saving a small form of the Participations tab through the `Book`; a
//! refusal stays in the form with what was typed.

use super::{Id, PartForm, Purpose};
use crate::book::Book;
use crate::domain::participation::pupils::class_key;
use crate::domain::participation::{CampaignRequest, PupilInput, RegieKind, RegieRequest};
use crate::store::StoreError;
use crate::ui::action::Action;
use crate::ui::component::Effect;
use crate::ui::effect::Focus;
use crate::ui::keymap::{self, Context};

impl PartForm {
    pub(super) fn save(&mut self, book: &mut Book) -> Effect {
        let purpose = self.purpose.clone();
        let v = |id: Id| self.value(id);
        // What to do once saved, or the refusal.
        let result: Result<Vec<Effect>, StoreError> = match &purpose {
            Purpose::NewCampaign => {
                let request = CampaignRequest {
                    name: v(Id::CampaignName),
                    suggested: v(Id::Suggested),
                    category: v(Id::Category),
                    classes: v(Id::Classes)
                        .split([',', ';'])
                        .map(|c| c.trim().to_string())
                        .filter(|c| !c.is_empty())
                        .collect(),
                    starts_on: v(Id::Starts),
                    ends_on: v(Id::Ends),
                };
                book.add_campaign(&request).map(|id| {
                    let text = format!(
                        "Campagne « {} » créée : {} pour saisir l'enveloppe d'une classe",
                        request.name.trim(),
                        keymap::key_of(Context::Participations, Action::OpenEnvelope)
                    );
                    vec![
                        Effect::info(text),
                        Effect::Changed,
                        Effect::Show(Focus::Campaign(id)),
                    ]
                })
            }
            Purpose::AddPupil => {
                let input = PupilInput {
                    line: 0,
                    nom: v(Id::Nom),
                    prenom: v(Id::Prenom),
                    classe: v(Id::Class),
                };
                book.add_pupil(&input).map(|summary| {
                    let created = if summary.classes_created.is_empty() {
                        String::new()
                    } else {
                        format!(" · classe {} créée", summary.classes_created.join(", "))
                    };
                    vec![
                        Effect::info(created.clone()),
                        Effect::Changed,
                        Effect::Show(Focus::Pupil {
                            nom: input.nom.clone(),
                            prenom: input.prenom.clone(),
                            class: input.classe.clone(),
                            created,
                        }),
                    ]
                })
            }
            Purpose::AddClass { known } => {
                let (name, teacher) = (v(Id::ClassName), v(Id::Teacher));
                let existed = known.iter().any(|c| class_key(c) == class_key(&name));
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
                            format!(
                                "Classe {name} créée : {} dans la vue Élèves pour y ajouter des élèves",
                                keymap::key_of(Context::Pupils, Action::AddPupil)
                            )
                        };
                        vec![Effect::info(text), Effect::Changed]
                    })
            }
            Purpose::ReturnCheque { id, what } => {
                let (date, by) = (v(Id::ReturnedOn), v(Id::ReturnedBy));
                book.return_cheque_to(*id, &date, &by).map(|()| {
                    let to = if by.is_empty() {
                        String::new()
                    } else {
                        format!(" à {by}")
                    };
                    let text = format!("{what} rendu le {}{to}", date.trim());
                    vec![Effect::info(text), Effect::Changed]
                })
            }
            Purpose::Regie {
                class_id,
                class_name,
                kind,
            } => {
                let request = RegieRequest {
                    class_id: *class_id,
                    kind: *kind,
                    date: v(Id::Date),
                    amount: v(Id::Amount),
                    receipt_no: v(Id::Receipt),
                    label: v(Id::Label),
                    category: v(Id::Category),
                    piece: v(Id::Piece),
                };
                let teacher = v(Id::Teacher);
                book.record_regie_to(&request, &teacher).map(|id| {
                    let piece = book
                        .entry(id)
                        .ok()
                        .flatten()
                        .map(|e| e.piece)
                        .unwrap_or_default();
                    let amount = crate::domain::Money::parse_positive(&request.amount)
                        .map_or(request.amount.trim().to_string(), |m| m.fr());
                    let text = match kind {
                        RegieKind::Avance => format!(
                            "Avance de {amount} remise à {teacher} pour {class_name} ({piece})"
                        ),
                        RegieKind::Depense => {
                            format!("Dépense de {amount} de la régie {class_name} ({piece})")
                        }
                        RegieKind::Retour => format!(
                            "Reliquat de {amount} de {class_name} rendu à la Caisse ({piece})"
                        ),
                    };
                    vec![
                        Effect::info(text),
                        Effect::Changed,
                        Effect::Show(Focus::Entry(id)),
                    ]
                })
            }
        };
        match result {
            Ok(effects) => Effect::Batch(std::iter::once(Effect::Close).chain(effects).collect()),
            Err(error) => {
                self.refused(&error);
                Effect::Done
            }
        }
    }
}
