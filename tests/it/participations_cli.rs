//! The participations commands, run as the built binary on temporary
//! databases: import, campaigns, contributions by channel, cheques, régies,
//! export, and the errors naming the closest matches.

use crate::support::cli::Sandbox;
use crate::support::fixture_arg;

/// A coop (caisse 100,00) with the pupils of `utf8.csv` and the campaign "Sortie zoo".
fn coop() -> Sandbox {
    let s = Sandbox::lilas("100");
    let file = fixture("utf8.csv");
    assert_eq!(
        s.ok(&["import", "pupils", &file]),
        "4 élèves importés, classes créées : CE1-B, CP-A\n"
    );
    s
}

trait Participations {
    fn contribute(&self, pupil: &str, amount: &str, channel: &str) -> String;
}

impl Participations for Sandbox {
    fn contribute(&self, pupil: &str, amount: &str, channel: &str) -> String {
        self.ok(&[
            "contribution",
            "--campaign",
            "sortie zoo",
            "--pupil",
            pupil,
            "--amount",
            amount,
            "--channel",
            channel,
            "--date",
            "14/10/2024",
        ])
    }
}

fn fixture(name: &str) -> String {
    fixture_arg(&format!("pupils/{name}"))
}

fn with_campaign() -> Sandbox {
    let s = coop();
    assert_eq!(
        s.ok(&[
            "campaign",
            "add",
            "--name",
            "Sortie zoo",
            "--amount",
            "12",
            "--category",
            "7062",
            "--classes",
            "CE1-B,cp a"
        ]),
        "Campagne « Sortie zoo » créée : 12,00 € suggérés par élève, catégorie 7062, classes CE1-B, CP-A\n"
    );
    s
}

#[test]
fn contributions_by_channel_move_the_right_balances() {
    let s = with_campaign();
    assert_eq!(
        s.contribute("DUPONT Léa", "12", "especes"),
        "Participation enregistrée : DUPONT Léa (CE1-B), 12,00 € (espèces), pièce R001\n"
    );
    assert_eq!(
        s.contribute("Tom Dupont", "12", "en-ligne"),
        "Participation enregistrée : DUPONT Tom (CP-A), 12,00 € (en ligne), pièce R002\n"
    );
    assert_eq!(
        s.contribute("lefevre theo", "20", "virement"),
        "Participation enregistrée : LEFÈVRE Théo (CE1-B), 20,00 € (virement), pièce R003\n"
    );
    assert_eq!(
        s.contribute("GARÇON Anaïs", "12", "cheque"),
        "Chèque de 12,00 € pour GARÇON Anaïs (CP-A) noté « reçu, à rendre » (n° 4) : il n'entre dans aucun compte\n"
    );
    assert_eq!(
        s.ok(&["balance"]),
        "caisse\t112.00\npro\t20.00\nen-ligne\t12.00\nlbp\t0.00\n"
    );
    assert_eq!(
        s.ok(&["cheque", "list"]),
        "4\t14/10/2024\t12.00\tGARÇON\tGARÇON Anaïs (CP-A)\n"
    );
    assert_eq!(
        s.ok(&["cheque", "return", "4", "--date", "18/10"]),
        "Chèque n° 4 rendu ; plus aucun chèque à rendre\n"
    );
    assert_eq!(s.ok(&["cheque", "list"]), "");
    assert_eq!(
        s.ok(&["campaign", "show", "--name", "Sortie zoo", "--detail"]),
        "CE1-B\t2/2\t32.00\tespeces=12.00\ten-ligne=0.00\tvirement=20.00\tcheques-a-rendre=0\n\
         \x20 DUPONT Léa\t12,00 € (espèces)\n\
         \x20 LEFÈVRE Théo\t20,00 € (virement)\n\
         CP-A\t1/2\t12.00\tespeces=0.00\ten-ligne=12.00\tvirement=0.00\tcheques-a-rendre=0\n\
         \x20 DUPONT Tom\t12,00 € (en ligne)\n\
         \x20 GARÇON Anaïs\t12,00 € (chèque rendu le 18/10/2024)\n\
         total\t3/4\t44.00\tespeces=12.00\ten-ligne=12.00\tvirement=20.00\tcheques-a-rendre=0\tobjectif=48.00\tpourcent=91.6\n"
    );
    assert_eq!(
        s.ok(&["campaign", "list"]),
        "Sortie zoo\t12.00\t44.00\t3/4\n"
    );
    assert_eq!(
        s.ok(&["check"]),
        "Base saine : 4 écritures, toutes équilibrées\n"
    );
}

#[test]
fn unknown_pupil_or_campaign_names_the_closest() {
    let s = with_campaign();
    assert_eq!(
        s.fails(&[
            "contribution",
            "--campaign",
            "Sortie zoo",
            "--pupil",
            "DUPONS Léa",
            "--amount",
            "5",
            "--channel",
            "especes",
            "--date",
            "14/10/2024"
        ]),
        "coopcompta : élève « DUPONS Léa » inconnu : vouliez-vous dire DUPONT Léa (CE1-B) ?\n"
    );
    assert_eq!(
        s.fails(&[
            "contribution",
            "--campaign",
            "Sorti zoo",
            "--pupil",
            "DUPONT Léa",
            "--amount",
            "5",
            "--channel",
            "especes",
            "--date",
            "14/10/2024"
        ]),
        "coopcompta : campagne « Sorti zoo » inconnue : vouliez-vous dire Sortie zoo ?\n"
    );
    assert_eq!(
        s.fails(&[
            "contribution",
            "--campaign",
            "Sortie zoo",
            "--pupil",
            "DUPONT Léa",
            "--amount",
            "5",
            "--channel",
            "bitcoin",
            "--date",
            "14/10/2024"
        ]),
        "coopcompta : Moyen de paiement : « bitcoin » inconnu : especes, en-ligne, virement ou cheque attendu\n"
    );
    assert_eq!(
        s.ok(&["balance"]),
        "caisse\t100.00\npro\t0.00\nen-ligne\t0.00\nlbp\t0.00\n"
    );
}

#[test]
fn a_bad_row_imports_nothing() {
    let s = coop();
    let file = fixture("bad_row.csv");
    assert_eq!(
        s.fails(&["import", "pupils", &file]),
        format!(
            "coopcompta : {file} : aucun élève importé : ligne 4 : Classe : vide (attendu : le nom de la classe, ex. CE1-B)\n"
        )
    );
    assert_eq!(
        s.ok(&["pupils", "list", "--class", "ce1b"]),
        "DUPONT Léa\tCE1-B\nLEFÈVRE Théo\tCE1-B\n"
    );
}

#[test]
fn export_contributions_std_and_fr() {
    let s = with_campaign();
    s.contribute("DUPONT Léa", "12", "especes");
    s.contribute("GARÇON Anaïs", "7,50", "cheque");
    let std = s.path("std.csv");
    assert_eq!(
        s.ok(&[
            "export",
            "contributions",
            "--campaign",
            "Sortie zoo",
            "--out",
            std.to_str().unwrap()
        ]),
        format!("2 participations exportées dans {}\n", std.display())
    );
    assert_eq!(
        std::fs::read_to_string(&std).unwrap(),
        "date,classe,nom,prenom,montant,montant_remis,canal,piece,statut,rendu_le,id\n\
         2024-10-14,CE1-B,Dupont,Léa,12.00,12.00,especes,R001,encaisse,,1\n\
         2024-10-14,CP-A,Garçon,Anaïs,0.00,7.50,cheque,,cheque-a-rendre,,2\n"
    );
    let fr = s.path("fr.csv");
    s.ok(&[
        "export",
        "contributions",
        "--campaign",
        "Sortie zoo",
        "--out",
        fr.to_str().unwrap(),
        "--format",
        "fr",
    ]);
    assert_eq!(
        std::fs::read_to_string(&fr).unwrap(),
        "\u{feff}Date;Classe;Nom;Prénom;Montant;Montant remis;Moyen de paiement;Pièce;Statut;Rendu le;N°\n\
         14/10/2024;CE1-B;Dupont;Léa;12,00;12,00;espèces;R001;encaissé;;1\n\
         14/10/2024;CP-A;Garçon;Anaïs;0,00;7,50;chèque;;chèque à rendre;;2\n"
    );
}

#[test]
fn regie_commands() {
    let s = coop();
    assert_eq!(
        s.ok(&[
            "regie",
            "advance",
            "--class",
            "CE1-B",
            "--amount",
            "40",
            "--date",
            "05/11/2024",
            "--receipt",
            "7"
        ]),
        "Régie CE1-B : mouvement enregistré, avance remise (D001) ; reste de la régie : 40,00 €\n"
    );
    assert_eq!(
        s.ok(&[
            "regie",
            "expense",
            "--class",
            "ce1 b",
            "--amount",
            "12,60",
            "--date",
            "12/11/2024",
            "--category",
            "6068",
            "--label",
            "Pâte à sel"
        ]),
        "Régie CE1-B : mouvement enregistré, dépense de la classe (D002) ; reste de la régie : 27,40 €\n"
    );
    assert_eq!(
        s.ok(&["regie", "list"]),
        "CE1-B\t40.00\t12.60\t0.00\t27.40\tà solder\n"
    );
    assert_eq!(
        s.fails(&[
            "regie",
            "return",
            "--class",
            "CE1-C",
            "--amount",
            "5",
            "--date",
            "20/11/2024"
        ]),
        "coopcompta : Classe : « CE1-C » inconnue : vouliez-vous dire CE1-B ?\n"
    );
    s.ok(&[
        "regie",
        "return",
        "--class",
        "CE1-B",
        "--amount",
        "27,40",
        "--date",
        "20/11/2024",
    ]);
    assert_eq!(
        s.ok(&["regie", "list"]),
        "CE1-B\t40.00\t12.60\t27.40\t0.00\n"
    );
    assert_eq!(
        s.ok(&["balance"]),
        "caisse\t87.40\npro\t0.00\nen-ligne\t0.00\nlbp\t0.00\n"
    );
}

#[test]
fn anonymising_needs_a_closed_exercice() {
    let s = coop();
    assert_eq!(
        s.fails(&["pupils", "anonymise", "--exercice", "2024-2025"]),
        "coopcompta : l'exercice 2024-2025 n'est pas clôturé : les élèves ne s'anonymisent qu'après la clôture\n"
    );
    assert_eq!(
        s.ok(&[
            "pupils", "add", "--nom", "Petit", "--prenom", "Emma", "--class", "CM2"
        ]),
        "Élève ajouté, classe créée : CM2\n"
    );
}
