-- Migration 10: indexes that hold what the year-end reads need, so that
-- they read an index in order instead of seeking each row.
--  * entry_line_in_order: the lines of an exercice in the ledger's order
--    (date, entry, position) with account and amount (replaces
--    entry_line_by_exercice): the exports read the lines in one pass.
--  * entry_line_in_entry: an entry's lines with account and amount
--    (replaces entry_line_by_entry).
--  * entry_special: only the openings, virements and reversals (a tenth
--    of a year), with their date: the compte rendu financier and the
--    exports find them without reading every entry.
DROP INDEX entry_line_by_exercice;
CREATE INDEX entry_line_in_order
    ON entry_line (exercice, date, entry_id, position, account_id, amount_cents);
DROP INDEX entry_line_by_entry;
CREATE INDEX entry_line_in_entry ON entry_line (entry_id, position, account_id, amount_cents);
CREATE INDEX entry_special ON entry (exercice, kind, reverses, date)
    WHERE kind IN ('virement', 'ouverture') OR reverses IS NOT NULL;
