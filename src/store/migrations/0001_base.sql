-- Migration 1: the coop, exercices, chart of accounts, entries and their lines, audit.
CREATE TABLE coop (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    current_exercice INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE exercice (
    start_year INTEGER PRIMARY KEY,
    closed_at TEXT
);
CREATE TABLE account (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('tresorerie', 'charge', 'produit', 'bilan')),
    money_key TEXT UNIQUE CHECK (money_key IN ('caisse', 'pro', 'en-ligne', 'lbp')),
    crf_heading TEXT,
    hidden INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE entry (
    id INTEGER PRIMARY KEY,
    exercice INTEGER NOT NULL REFERENCES exercice(start_year),
    date TEXT NOT NULL,
    piece TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('recette', 'depense', 'virement', 'ouverture')),
    label TEXT NOT NULL,
    mode TEXT CHECK (mode IN ('especes', 'carte', 'virement', 'cheque', 'prelevement')),
    cheque_no TEXT,
    reverses INTEGER UNIQUE REFERENCES entry(id),
    created_at TEXT NOT NULL,
    UNIQUE (exercice, piece)
);
CREATE INDEX entry_by_date ON entry (exercice, date);
-- exercice and date repeat the entry's, so that balances and ledgers are
-- read from the covering index alone (fast on a 100,000-entry year).
CREATE TABLE entry_line (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL REFERENCES entry(id),
    position INTEGER NOT NULL,
    account_id INTEGER NOT NULL REFERENCES account(id),
    amount_cents INTEGER NOT NULL CHECK (amount_cents <> 0),
    exercice INTEGER NOT NULL,
    date TEXT NOT NULL
);
CREATE INDEX entry_line_by_entry ON entry_line (entry_id, position);
CREATE INDEX entry_line_ledger ON entry_line (account_id, exercice, date, entry_id, amount_cents);
CREATE INDEX entry_line_by_exercice ON entry_line (exercice);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    before TEXT,
    after TEXT
);
