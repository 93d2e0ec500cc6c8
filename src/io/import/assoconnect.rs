//! AssoConnect's payments export: one line per card payment (id, date,
//! payer, form, amount, fee, status, payout). Columns found by name, or
//! given by flags; all or nothing, errors in French naming the line.

use crate::domain::online::PaymentFile;

/// Columns given by the user (numbered from 1), over what the header says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaymentColumns {
    pub date: Option<usize>,
    pub amount: Option<usize>,
    pub payer: Option<usize>,
    pub form: Option<usize>,
    pub id: Option<usize>,
    pub fee: Option<usize>,
    pub status: Option<usize>,
    pub payout: Option<usize>,
}

/// Reads a whole payments export, or says in French which line is wrong.
/// (Placeholder: nothing read.)
pub fn read_payments(bytes: &[u8], _columns: &PaymentColumns) -> Result<PaymentFile, String> {
    super::sniff::decode(bytes)?;
    Ok(PaymentFile::default())
}
