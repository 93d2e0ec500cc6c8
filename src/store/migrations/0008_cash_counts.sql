-- Migration 8: the arrêté de caisse. Each count keeps the notes and coins
-- counted (cents×count, largest first), the total, the Caisse balance in
-- the books on that day, and, when the difference was booked, the
-- adjustment entry with its reason.
CREATE TABLE cash_count (
    id INTEGER PRIMARY KEY,
    exercice INTEGER NOT NULL REFERENCES exercice(start_year),
    date TEXT NOT NULL,
    counted_by TEXT NOT NULL DEFAULT '',
    -- "5000x2 2000x3 50x4": value in cents × how many, largest first.
    detail TEXT NOT NULL,
    counted_cents INTEGER NOT NULL CHECK (counted_cents >= 0),
    books_cents INTEGER NOT NULL,
    adjustment_entry_id INTEGER REFERENCES entry(id),
    reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX cash_count_by_exercice ON cash_count (exercice, date);
