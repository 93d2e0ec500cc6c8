//! One error model for the participations: every refused campaign,
//! contribution, pupil, cheque or régie move is a `StoreError::Field` whose
//! errors are keyed by the `domain::Field` a form shows them under (the CLI
//! prints "Champ : message"), and nothing is written.

use crate::support::participations::*;
use coopcompta::book::Book;
use coopcompta::domain::participation::{
    CampaignRequest, Channel, EnvelopeRequest, RegieKind, RegieRequest,
};
use coopcompta::domain::{Field, FieldErrors};
use coopcompta::store::StoreError;

/// The field errors of a refusal, as (field, message).
fn fields<T: std::fmt::Debug>(result: Result<T, StoreError>) -> Vec<(Field, String)> {
    match result {
        Err(StoreError::Field(FieldErrors(errors))) => {
            errors.into_iter().map(|e| (e.field, e.message)).collect()
        }
        other => panic!("expected errors keyed by field, got {other:?}"),
    }
}

fn owned(pairs: &[(Field, &str)]) -> Vec<(Field, String)> {
    pairs.iter().map(|(f, m)| (*f, m.to_string())).collect()
}

fn advance(book: &Book, amount: &str, receipt: &str) -> RegieRequest {
    RegieRequest {
        class_id: class_id(book, "CE1-B"),
        kind: RegieKind::Avance,
        date: "20/11/2024".into(),
        amount: amount.into(),
        receipt_no: receipt.into(),
        label: String::new(),
        category: String::new(),
        piece: String::new(),
    }
}

#[test]
fn a_refused_campaign_names_every_wrong_field() {
    let mut book = book();
    let before = state(&book);
    let request = CampaignRequest {
        name: "sortie ZOO".into(),
        suggested: "0".into(),
        category: "606".into(),
        classes: vec!["CE1-C".into()],
        starts_on: "01/06/2025".into(),
        ends_on: "01/05/2025".into(),
    };
    assert_eq!(
        fields(book.add_campaign(&request)),
        owned(&[
            (
                Field::NomCampagne,
                "« sortie ZOO » existe déjà dans l'exercice 2024-2025 : choisissez un autre nom"
            ),
            (
                Field::MontantSuggere,
                "« 0 » : le montant doit être supérieur à zéro (ou laissez vide pour un montant libre)"
            ),
            (
                Field::Categorie,
                "« 606 Fournitures et petit matériel » n'est pas un compte de produits (7…) : une participation est une recette"
            ),
            (
                Field::Classe,
                "« CE1-C » inconnue : vouliez-vous dire CE1-B ?"
            ),
            (Field::Fin, "« 01/05/2025 » est avant le début (01/06/2025)"),
        ])
    );
    assert_eq!(
        refusal(book.add_campaign(&CampaignRequest {
            name: " ".into(),
            ..CampaignRequest::default()
        })),
        "Nom de la campagne : vide (ex. « Participation 2024-2025 », « Sortie zoo »)",
        "the CLI prints the field's label first"
    );
    assert_eq!(state(&book), before);
}

#[test]
fn a_refused_envelope_names_the_date_and_each_wrong_line() {
    let mut book = book();
    let before = state(&book);
    let request = EnvelopeRequest {
        campaign_id: campaign_id(&book),
        class_id: class_id(&book, "CE1-B"),
        date: "14/10/2025".into(),
        lines: vec![
            line(&book, "DUPOND Léa", "12,345", Channel::Especes),
            line(&book, "MARTIN Hugo", "0", Channel::Cheque),
        ],
    };
    assert_eq!(
        fields(book.record_envelope(&request)),
        owned(&[
            (
                Field::Date,
                "« 14/10/2025 » est hors de l'exercice 2024-2025 (du 01/09/2024 au 31/08/2025)"
            ),
            (
                Field::Montant,
                "pour DUPOND Léa, « 12,345 » a plus de deux décimales : les centimes s'arrêtent à 2 chiffres (ex. 12,35)"
            ),
            (
                Field::Montant,
                "pour MARTIN Hugo, « 0 » : le montant doit être supérieur à zéro"
            ),
        ])
    );
    let unknown = EnvelopeRequest {
        campaign_id: 9999,
        ..request.clone()
    };
    assert_eq!(
        fields(book.record_envelope(&unknown)),
        owned(&[(
            Field::Campagne,
            "n° 9999 inconnue dans l'exercice 2024-2025"
        )])
    );
    assert_eq!(
        refusal(book.record_envelope(&EnvelopeRequest {
            lines: Vec::new(),
            ..request
        })),
        "Bordereau : aucune participation saisie"
    );
    assert_eq!(state(&book), before);
}

#[test]
fn a_refused_contribution_names_the_pupil_field() {
    let mut book = book();
    let before = state(&book);
    let hugo = pupil(&book, "MARTIN Hugo").id;
    let mut payer = line(&book, "MARTIN Hugo", "5", Channel::Cheque);
    payer.payer = "M.\u{1b}[2J".into();
    assert_eq!(
        fields(book.record_contribution(campaign_id(&book), hugo, payer, "14/10/2024")),
        owned(&[(
            Field::Payeur,
            "pour MARTIN Hugo, « M.␛[2J » contient un caractère de contrôle ou invisible (U+001B) : tapez du texte simple, sur une ligne"
        )])
    );
    assert_eq!(
        fields(book.record_contribution(
            campaign_id(&book),
            9999,
            line(&book, "MARTIN Hugo", "5", Channel::Especes),
            "14/10/2024"
        )),
        owned(&[(Field::Eleve, "n° 9999 inconnu")])
    );
    assert_eq!(state(&book), before);
}

#[test]
fn a_refused_regie_move_names_its_fields() {
    let mut book = book();
    let before = state(&book);
    let mut bad = advance(&book, "-5", "");
    bad.piece = "D\u{7}".into();
    let errors = fields(book.record_regie(&bad));
    let named: Vec<Field> = errors.iter().map(|(f, _)| *f).collect();
    assert_eq!(named, [Field::Montant, Field::Piece, Field::Recu]);
    assert_eq!(
        errors[2].1,
        "vide : le numéro du reçu signé par l'enseignant est attendu"
    );
    // An expense larger than what is left: the amount.
    let mut expense = advance(&book, "30", "");
    expense.kind = RegieKind::Depense;
    expense.label = "Peinture".into();
    expense.category = "6068".into();
    assert_eq!(
        fields(book.record_regie(&expense)),
        owned(&[(
            Field::Montant,
            "30,00 € dépasse ce qui reste de la régie CE1-B (0,00 €)"
        )])
    );
    // An advance handed to nobody: the teacher, with the other fields.
    assert_eq!(
        fields(book.record_regie_to(&advance(&book, "50", ""), " ")),
        owned(&[
            (
                Field::Recu,
                "vide : le numéro du reçu signé par l'enseignant est attendu"
            ),
            (
                Field::Enseignant,
                "vide : le nom de l'enseignant qui reçoit les espèces et signe le reçu est attendu"
            ),
        ])
    );
    let mut unknown = advance(&book, "50", "12");
    unknown.class_id = 9999;
    assert_eq!(
        refusal(book.record_regie(&unknown)),
        "Classe : n° 9999 inconnue dans l'exercice 2024-2025"
    );
    assert_eq!(state(&book), before);
}

#[test]
fn an_advance_keeps_its_teacher_on_the_class_in_the_same_action() {
    let mut book = book();
    let audit_before = count(&book, "audit");
    book.record_regie_to(&advance(&book, "30", "12"), "  Mme   Roux ")
        .unwrap();
    let class = book
        .classes()
        .unwrap()
        .into_iter()
        .find(|c| c.name == "CE1-B")
        .unwrap();
    assert_eq!(class.teacher, "Mme Roux");
    assert_eq!(count(&book, "audit"), audit_before + 1, "one action");
    assert_eq!(book.regies().unwrap()[0].teacher, "Mme Roux");
    // The CLI's advance (no teacher given) leaves the class's teacher.
    book.record_regie(&advance(&book, "10", "13")).unwrap();
    assert_eq!(book.regies().unwrap()[0].teacher, "Mme Roux");
}

#[test]
fn refused_pupils_and_cheques_name_their_fields() {
    let mut book = book();
    let before = state(&book);
    assert_eq!(
        fields(book.add_pupil(&input("Durand", " ", "CE1-B"))),
        owned(&[(Field::Prenom, "vide (attendu : le prénom de l'élève)")])
    );
    assert_eq!(
        fields(book.add_class("--", "")),
        owned(&[(Field::Classe, "« -- » : un nom est attendu (ex. CE1-B)")])
    );
    assert_eq!(state(&book), before);
    let cheque = book
        .record_contribution(
            campaign_id(&book),
            pupil(&book, "DUPOND Léa").id,
            line(&book, "DUPOND Léa", "15", Channel::Cheque),
            "14/10/2024",
        )
        .unwrap()
        .contributions[0];
    let before = state(&book);
    assert_eq!(
        fields(book.return_cheque_to(cheque, "01/10/2024", "")),
        owned(&[(
            Field::Date,
            "« 01/10/2024 » est avant la réception du chèque (14/10/2024)"
        )])
    );
    assert_eq!(
        fields(book.return_cheque_to(cheque, "15/10/2024", "Mme\u{9}Dupond")),
        owned(&[(
            Field::RenduA,
            "« Mme␉Dupond » contient un caractère de contrôle ou invisible (U+0009) : tapez du texte simple, sur une ligne"
        )])
    );
    assert_eq!(state(&book), before);
    assert_eq!(book.pending_cheques().unwrap().len(), 1);
}

#[test]
fn an_import_names_each_bad_line_and_its_field() {
    let mut book = book();
    let before = state(&book);
    let mut first = input("Durand", "Paul", "");
    first.line = 2;
    let mut second = input("", "Zoé", "CP-A");
    second.line = 3;
    assert_eq!(
        refusal(book.import_pupils(&[first, second])),
        "aucun élève importé : ligne 2 : Classe : vide (attendu : le nom de la classe, ex. CE1-B) ; \
         ligne 3 : Nom : vide (attendu : le nom de famille de l'élève)"
    );
    assert_eq!(state(&book), before);
}
