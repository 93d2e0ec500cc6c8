-- Migration 7: AssoConnect payments. Each payment read from an export is
-- kept once (by AssoConnect's id) with what the books did of it: the recette
-- recorded (or the hand-recorded contribution it was linked to), its fee's
-- entry, the reversal of a refund, the contribution of its pupil. A later
-- import that changes a known payment (refunded, paid out) leaves the
-- previous values in online_payment_change, so that undoing it restores
-- them. A payout groups payments under AssoConnect's reference; once its
-- Compte Pro line arrives, the transfer entry and the bank line are kept.
CREATE TABLE online_payment (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES import_batch(id),
    ext_id TEXT NOT NULL UNIQUE,
    date TEXT NOT NULL,
    payer TEXT NOT NULL,
    form TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    fee_cents INTEGER NOT NULL DEFAULT 0 CHECK (fee_cents >= 0),
    status TEXT NOT NULL CHECK (status IN ('paye', 'rembourse')),
    payout_ref TEXT,
    campaign_id INTEGER REFERENCES campaign(id),
    entry_id INTEGER REFERENCES entry(id),
    linked INTEGER NOT NULL DEFAULT 0,
    contribution_id INTEGER REFERENCES contribution(id),
    fee_entry_id INTEGER REFERENCES entry(id),
    refund_entry_id INTEGER REFERENCES entry(id),
    fee_refund_entry_id INTEGER REFERENCES entry(id),
    to_assign INTEGER NOT NULL DEFAULT 0,
    -- The user said no pupil: the recette stays without a contribution.
    assigned_none INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX online_payment_by_batch ON online_payment (batch_id);
CREATE INDEX online_payment_by_payout ON online_payment (payout_ref);
CREATE TABLE online_payment_change (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES import_batch(id),
    payment_id INTEGER NOT NULL REFERENCES online_payment(id),
    status TEXT NOT NULL,
    payout_ref TEXT,
    refund_entry_id INTEGER,
    fee_refund_entry_id INTEGER,
    to_assign INTEGER NOT NULL,
    -- The contribution this batch marked cancelled (restored on undo).
    cancelled_contribution_id INTEGER
);
CREATE INDEX online_payment_change_by_batch ON online_payment_change (batch_id);
CREATE TABLE payout (
    id INTEGER PRIMARY KEY,
    ref TEXT NOT NULL UNIQUE,
    -- NULL when the user grouped the payments of a bank line by hand.
    batch_id INTEGER REFERENCES import_batch(id),
    date TEXT,
    transfer_entry_id INTEGER REFERENCES entry(id),
    bank_line_id INTEGER REFERENCES bank_line(id),
    -- The import that settled it (undoing that import unsettles it).
    settled_batch_id INTEGER REFERENCES import_batch(id)
);
-- Campaigns an import created for a form no campaign was named after.
CREATE TABLE online_campaign (
    campaign_id INTEGER PRIMARY KEY REFERENCES campaign(id),
    batch_id INTEGER NOT NULL REFERENCES import_batch(id)
);
