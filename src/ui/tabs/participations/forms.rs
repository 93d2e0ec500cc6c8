//! The small forms of the Participations tab, opened with what can be
//! proposed (today's date, the next pièce, the class of the selected
//! pupil…). They save themselves (`popups/part_form`).

use super::state::Participations;
use crate::book::Book;
use crate::domain::participation::RegieKind;
use crate::domain::participation::campaign::check_category;
use crate::domain::{AccountKind, format_date};
use crate::ui::component::Effect;
use crate::ui::popups::part_form::{Id, Kind, PartForm, Purpose};

pub fn campaign_form(p: &Participations, book: &Book) -> Effect {
    let category = check_category("", book.chart()).unwrap_or_default();
    let names: Vec<&str> = p.classes.iter().map(|c| c.name.as_str()).collect();
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
    .field(Id::CampaignName, "Nom", "", Kind::Text, "ex. Sortie zoo")
    .field(
        Id::Suggested,
        "Montant suggéré",
        "",
        Kind::Money,
        "par élève ; vide = libre",
    )
    .field(
        Id::Category,
        "Catégorie",
        &category,
        Kind::Picker(AccountKind::Produit),
        "",
    )
    .field(Id::Classes, "Classes", "", Kind::Text, &classes_note)
    .field(
        Id::Starts,
        "Début",
        "",
        Kind::Date,
        "jj/mm/aaaa, facultatif",
    )
    .field(Id::Ends, "Fin", "", Kind::Date, "jj/mm/aaaa, facultatif");
    Effect::open(form)
}

pub fn pupil_form(p: &Participations) -> Effect {
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
    .field(Id::Nom, "Nom", "", Kind::Text, "")
    .field(Id::Prenom, "Prénom", "", Kind::Text, "")
    .field(Id::Class, "Classe", &class, Kind::Text, "ex. CE1-B")
    .proposed();
    Effect::open(form)
}

pub fn class_form(p: &Participations) -> Effect {
    let known = p.classes.iter().map(|c| c.name.clone()).collect();
    let form = PartForm::new(Purpose::AddClass { known }, "Nouvelle classe", "")
        .field(Id::ClassName, "Classe", "", Kind::Text, "ex. CE1-B")
        .field(Id::Teacher, "Enseignant", "", Kind::Text, "facultatif");
    Effect::open(form)
}

pub fn cheque_form(p: &Participations, book: &Book) -> Effect {
    let today = format_date(book.clock().today());
    let Some(cheque) = p.selected_cheque() else {
        return Effect::error("Aucun chèque à rendre");
    };
    if let Some(returned) = cheque.returned_text() {
        return Effect::error(format!(
            "Chèque de {} ({}) déjà {returned}",
            cheque.payer,
            cheque.amount.fr()
        ));
    }
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
    let form = PartForm::new(purpose, "Chèque rendu à la famille", &about)
        .field(Id::ReturnedOn, "Rendu le", &today, Kind::Date, "jj/mm/aaaa")
        .proposed()
        .field(
            Id::ReturnedBy,
            "Rendu à",
            "",
            Kind::Text,
            "facultatif : le parent, l'enseignant…",
        );
    Effect::open(form)
}

pub fn regie_form(p: &Participations, book: &Book, kind: RegieKind) -> Effect {
    let Some(class) = p.selected_class() else {
        return Effect::error("Aucune classe : ajoutez des élèves d'abord (vue Élèves)");
    };
    let regie = p.regie_of(class);
    let date = format_date(book.default_date());
    let piece = match book.next_piece(kind.entry_kind()) {
        Ok(piece) => piece,
        Err(e) => return Effect::error(e.to_string()),
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
    let mut form = PartForm::new(purpose, &title, &about)
        .field(Id::Date, "Date", &date, Kind::Date, "jj/mm/aaaa")
        .proposed();
    form = match kind {
        RegieKind::Avance => form
            .field(Id::Amount, "Montant", "", Kind::Money, "")
            .field(
                Id::Teacher,
                "Enseignant",
                &class.teacher,
                Kind::Text,
                "reçoit les espèces, signe le reçu",
            )
            .proposed()
            .field(Id::Receipt, "N° du reçu signé", "", Kind::Text, ""),
        RegieKind::Depense => form
            .field(Id::Amount, "Montant", "", Kind::Money, "")
            .field(
                Id::Label,
                "Libellé",
                "",
                Kind::Text,
                "ex. Peinture et pinceaux",
            )
            .field(
                Id::Category,
                "Catégorie",
                "",
                Kind::Picker(AccountKind::Charge),
                "6…",
            ),
        RegieKind::Retour => {
            let left = if balance.is_positive() {
                balance.fr_plain()
            } else {
                String::new()
            };
            form.field(Id::Amount, "Montant", &left, Kind::Money, "")
                .proposed()
        }
    };
    let form = form
        .field(Id::Piece, "N° de pièce", &piece, Kind::Text, "")
        .proposed();
    Effect::open(form)
}
