//! The status of a statement line: only booked lines are on the statement;
//! pending, upcoming, released, cancelled and rejected ones are left out
//! and counted; any other status is refused rather than guessed.

use crate::domain::text::shown;
use crate::io::import::table::header_key;

/// Whether a line counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Booked,
    NotBooked,
}

/// The status a cell names (English or French, accents and case aside).
pub fn classify(raw: &str) -> Option<Status> {
    match header_key(raw).as_str() {
        "booked" | "comptabilise" | "comptabilisee" | "execute" | "executee" | "effectue"
        | "effectuee" | "valide" | "validee" => Some(Status::Booked),
        "pending" | "en attente" | "en cours" | "upcoming" | "a venir" | "released"
        | "canceled" | "cancelled" | "annule" | "annulee" | "rejected" | "rejete" | "rejetee"
        | "refuse" | "refusee" => Some(Status::NotBooked),
        _ => None,
    }
}

/// How the summary names a line left out, in French whatever the file's
/// language: "Pending" and "en attente" are counted together.
pub fn french_name(raw: &str) -> String {
    let name = match header_key(raw).as_str() {
        "pending" | "en attente" | "en cours" => "en attente",
        "upcoming" | "a venir" => "à venir",
        "released" => "autorisation levée",
        "canceled" | "cancelled" | "annule" | "annulee" => "annulée",
        "rejected" | "rejete" | "rejetee" | "refuse" | "refusee" => "rejetée",
        _ => return raw.trim().to_string(),
    };
    name.to_string()
}

/// The refusal of an unknown status.
pub fn unknown(raw: &str, line: usize, column: &str) -> String {
    let status = match raw.trim() {
        "" => "statut vide".to_string(),
        raw => format!("statut « {} » inconnu", shown(raw)),
    };
    format!(
        "ligne {line} : {status} (colonne « {} ») : attendu Booked, Pending, \
         Upcoming, Released, Canceled ou Rejected (ou comptabilisé, exécuté, en attente, à venir, \
         annulé, rejeté, refusé)",
        shown(column)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_in_both_languages() {
        assert_eq!(classify("Booked"), Some(Status::Booked));
        assert_eq!(classify(" Comptabilisée "), Some(Status::Booked));
        assert_eq!(classify("À venir"), Some(Status::NotBooked));
        assert_eq!(classify("CANCELED"), Some(Status::NotBooked));
        assert_eq!(classify("Refusé"), Some(Status::NotBooked));
        assert_eq!(classify("Bloqué"), None);
        assert_eq!(classify(""), None);
    }
}
