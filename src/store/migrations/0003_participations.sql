-- Migration 3: participations des familles: classes, families, pupils, campaigns,
-- contributions (cheques to give back included), régies d'avance; and an
-- index to find the next pièce number without reading every pièce.
CREATE TABLE school_class (
    id INTEGER PRIMARY KEY,
    exercice INTEGER NOT NULL REFERENCES exercice(start_year),
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    teacher TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    UNIQUE (exercice, name_key)
);
CREATE TABLE family (
    id INTEGER PRIMARY KEY,
    exercice INTEGER NOT NULL REFERENCES exercice(start_year),
    name_key TEXT NOT NULL,
    UNIQUE (exercice, name_key)
);
CREATE TABLE pupil (
    id INTEGER PRIMARY KEY,
    class_id INTEGER NOT NULL REFERENCES school_class(id),
    family_id INTEGER NOT NULL REFERENCES family(id),
    nom TEXT NOT NULL,
    prenom TEXT NOT NULL,
    name_key TEXT NOT NULL,
    anonymised_at TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (class_id, name_key)
);
CREATE INDEX pupil_by_family ON pupil (family_id);
CREATE TABLE campaign (
    id INTEGER PRIMARY KEY,
    exercice INTEGER NOT NULL REFERENCES exercice(start_year),
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    suggested_cents INTEGER CHECK (suggested_cents IS NULL OR suggested_cents > 0),
    account_id INTEGER NOT NULL REFERENCES account(id),
    starts_on TEXT,
    ends_on TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (exercice, name_key)
);
CREATE TABLE campaign_class (
    campaign_id INTEGER NOT NULL REFERENCES campaign(id),
    class_id INTEGER NOT NULL REFERENCES school_class(id),
    PRIMARY KEY (campaign_id, class_id)
);
CREATE TABLE contribution (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaign(id),
    pupil_id INTEGER NOT NULL REFERENCES pupil(id),
    date TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    channel TEXT NOT NULL CHECK (channel IN ('especes', 'en-ligne', 'virement', 'cheque')),
    entry_id INTEGER REFERENCES entry(id),
    payer TEXT NOT NULL DEFAULT '',
    returned_on TEXT,
    cancelled_at TEXT,
    created_at TEXT NOT NULL,
    CHECK ((channel = 'cheque') = (entry_id IS NULL)),
    CHECK (returned_on IS NULL OR channel = 'cheque')
);
CREATE INDEX contribution_by_campaign ON contribution (campaign_id, pupil_id);
CREATE INDEX contribution_by_entry ON contribution (entry_id);
CREATE INDEX contribution_cheques_out ON contribution (date)
    WHERE channel = 'cheque' AND returned_on IS NULL AND cancelled_at IS NULL;
CREATE TABLE regie_move (
    id INTEGER PRIMARY KEY,
    class_id INTEGER NOT NULL REFERENCES school_class(id),
    kind TEXT NOT NULL CHECK (kind IN ('avance', 'depense', 'retour')),
    entry_id INTEGER NOT NULL UNIQUE REFERENCES entry(id),
    receipt_no TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX regie_by_class ON regie_move (class_id);
CREATE INDEX entry_piece_number
    ON entry (exercice, substr(piece, 1, 1), CAST(substr(piece, 2) AS INTEGER));
