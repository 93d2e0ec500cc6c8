-- Migration 6: bank reconciliation. Each import is a batch (file, SHA-256,
-- counts) that can be undone; bank lines are the statement's booked lines;
-- a match ties a bank line to the entries it pays (one entry line on one
-- money account is matched at most once); statement balances are what a
-- statement states at a date. Rows a batch created carry its id.
CREATE TABLE import_batch (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('banque', 'assoconnect')),
    account_id INTEGER REFERENCES account(id),
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    lines_read INTEGER NOT NULL DEFAULT 0,
    imported INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    undone_at TEXT
);
CREATE TABLE bank_line (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES import_batch(id),
    account_id INTEGER NOT NULL REFERENCES account(id),
    date TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents <> 0),
    label TEXT NOT NULL,
    reference TEXT NOT NULL DEFAULT '',
    counterparty TEXT NOT NULL DEFAULT '',
    -- The bank's own id of the line, when the file gives one.
    bank_id TEXT,
    -- date|cents|folded label|folded reference: identical lines are counted
    -- (no index: an import reads its account's keys in one scan).
    content_key TEXT NOT NULL,
    UNIQUE (account_id, bank_id)
);
CREATE INDEX bank_line_by_account ON bank_line (account_id, date);
CREATE INDEX bank_line_by_batch ON bank_line (batch_id);
CREATE TABLE bank_match (
    id INTEGER PRIMARY KEY,
    bank_line_id INTEGER NOT NULL REFERENCES bank_line(id),
    entry_id INTEGER NOT NULL REFERENCES entry(id),
    account_id INTEGER NOT NULL REFERENCES account(id),
    batch_id INTEGER REFERENCES import_batch(id),
    created_at TEXT NOT NULL,
    UNIQUE (entry_id, account_id)
);
CREATE INDEX bank_match_by_line ON bank_match (bank_line_id);
CREATE TABLE statement_balance (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES account(id),
    date TEXT NOT NULL,
    balance_cents INTEGER NOT NULL,
    batch_id INTEGER REFERENCES import_batch(id),
    created_at TEXT NOT NULL
);
CREATE INDEX statement_balance_by_account ON statement_balance (account_id, date);
-- The import that created an entry (payments, fees, payouts): undoing the
-- batch takes it away.
ALTER TABLE entry ADD COLUMN batch_id INTEGER REFERENCES import_batch(id);
CREATE INDEX entry_by_batch ON entry (batch_id) WHERE batch_id IS NOT NULL;
