//! Reading a chart of accounts file (`code;libelle;nature;cle_tresorerie;rubrique_crf`).

use crate::domain::{AccountKind, ChartRow, MoneyKey};

/// The default OCCE-style chart shipped with the program.
pub const DEFAULT_CHART: &str = include_str!("../../../sample-data/plan-comptable-occe.csv");

/// Parses a whole chart file; the first bad row stops everything.
pub fn parse_chart(text: &str) -> Result<Vec<ChartRow>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let line = index + 2;
        let record = record
            .map_err(|e| format!("plan comptable, ligne {line} : {}", super::french_csv(&e)))?;
        let field = |i: usize| record.get(i).unwrap_or("").trim().to_string();
        let code = field(0);
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_digit()) {
            return Err(format!(
                "plan comptable, ligne {line} : code « {code} » : des chiffres sont attendus"
            ));
        }
        let kind = AccountKind::parse(&field(2)).ok_or_else(|| {
            format!(
                "plan comptable, ligne {line} : nature « {} » : tresorerie, charge, produit ou bilan attendu",
                field(2)
            )
        })?;
        let money_key = match field(3).as_str() {
            "" => None,
            key => Some(MoneyKey::parse(key).ok_or_else(|| {
                format!(
                    "plan comptable, ligne {line} : compte « {key} » : {} attendu",
                    MoneyKey::expected()
                )
            })?),
        };
        let heading = field(4);
        rows.push(ChartRow {
            code,
            label: field(1),
            kind,
            money_key,
            crf_heading: (!heading.is_empty()).then_some(heading),
        });
    }
    Ok(rows)
}

/// The default chart, parsed.
pub fn default_chart() -> Vec<ChartRow> {
    parse_chart(DEFAULT_CHART).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_chart_parses_and_has_the_four_money_accounts() {
        let rows = parse_chart(DEFAULT_CHART).expect("default chart parses");
        for key in MoneyKey::ALL {
            assert!(
                rows.iter().any(|r| r.money_key == Some(key)),
                "{key:?} missing"
            );
        }
        assert!(rows.iter().any(|r| r.code == "110"));
        assert!(
            rows.iter()
                .any(|r| r.code == "75620008" && r.kind == AccountKind::Produit)
        );
    }

    #[test]
    fn a_bad_nature_names_the_line() {
        let err = parse_chart(
            "code;libelle;nature;cle_tresorerie;rubrique_crf\n606;Fournitures;depense;;\n",
        )
        .unwrap_err();
        assert_eq!(
            err,
            "plan comptable, ligne 2 : nature « depense » : tresorerie, charge, produit ou bilan attendu"
        );
    }
}
