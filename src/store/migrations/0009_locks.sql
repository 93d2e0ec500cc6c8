-- Migration 9: closing an exercice. Once `exercice.closed_at` is set, the
-- store itself refuses any change to the exercice's entries and their
-- lines, contributions, régie moves, bank matches and cash counts (each
-- trigger is one lookup of the exercice's primary key, cheap even on a
-- 100,000-entry import). What the app still does after closing stays
-- allowed: giving back a parent's cheque (returned_on, returned_by) and
-- anonymising the pupils (payer and returned_by emptied); pupils, classes
-- and families are not accounting and stay free.
-- The fingerprint is a SHA-256 chain over the closed exercice's entries
-- (by id): one link per entry (with its pièce, to name it once removed)
-- and the last link with the count. Reopening marks it superseded.
CREATE TRIGGER entry_locked_insert BEFORE INSERT ON entry
WHEN (SELECT closed_at FROM exercice WHERE start_year = NEW.exercice) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'exercice clôturé'); END;
CREATE TRIGGER entry_locked_update BEFORE UPDATE ON entry
WHEN (SELECT closed_at FROM exercice WHERE start_year = OLD.exercice) IS NOT NULL
  OR (SELECT closed_at FROM exercice WHERE start_year = NEW.exercice) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'exercice clôturé'); END;
CREATE TRIGGER entry_locked_delete BEFORE DELETE ON entry
WHEN (SELECT closed_at FROM exercice WHERE start_year = OLD.exercice) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'exercice clôturé'); END;

CREATE TRIGGER entry_line_locked_insert BEFORE INSERT ON entry_line
WHEN (SELECT closed_at FROM exercice WHERE start_year = NEW.exercice) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'exercice clôturé'); END;
CREATE TRIGGER entry_line_locked_update BEFORE UPDATE ON entry_line
WHEN (SELECT closed_at FROM exercice WHERE start_year = OLD.exercice) IS NOT NULL
  OR (SELECT closed_at FROM exercice WHERE start_year = NEW.exercice) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'exercice clôturé'); END;
CREATE TRIGGER entry_line_locked_delete BEFORE DELETE ON entry_line
WHEN (SELECT closed_at FROM exercice WHERE start_year = OLD.exercice) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'exercice clôturé'); END;

CREATE TRIGGER contribution_locked_insert BEFORE INSERT ON contribution
WHEN (SELECT x.closed_at FROM campaign c JOIN exercice x ON x.start_year = c.exercice
      WHERE c.id = NEW.campaign_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'exercice clôturé'); END;
CREATE TRIGGER contribution_locked_update BEFORE UPDATE ON contribution
WHEN ((SELECT x.closed_at FROM campaign c JOIN exercice x ON x.start_year = c.exercice
       WHERE c.id = OLD.campaign_id) IS NOT NULL
   OR (SELECT x.closed_at FROM campaign c JOIN exercice x ON x.start_year = c.exercice
       WHERE c.id = NEW.campaign_id) IS NOT NULL)
  AND (NEW.campaign_id IS NOT OLD.campaign_id OR NEW.pupil_id IS NOT OLD.pupil_id
    OR NEW.date IS NOT OLD.date OR NEW.amount_cents IS NOT OLD.amount_cents
    OR NEW.channel IS NOT OLD.channel OR NEW.entry_id IS NOT OLD.entry_id
    OR NEW.cancelled_at IS NOT OLD.cancelled_at
    OR (OLD.returned_on IS NOT NULL AND NEW.returned_on IS NOT OLD.returned_on)
    OR (NEW.payer IS NOT OLD.payer AND NEW.payer <> ''))
BEGIN SELECT RAISE(ABORT, 'exercice clôturé'); END;
CREATE TRIGGER contribution_locked_delete BEFORE DELETE ON contribution
WHEN (SELECT x.closed_at FROM campaign c JOIN exercice x ON x.start_year = c.exercice
      WHERE c.id = OLD.campaign_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'exercice clôturé'); END;

CREATE TRIGGER regie_move_locked_insert BEFORE INSERT ON regie_move
WHEN (SELECT x.closed_at FROM entry e JOIN exercice x ON x.start_year = e.exercice
      WHERE e.id = NEW.entry_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'exercice clôturé'); END;
CREATE TRIGGER regie_move_locked_update BEFORE UPDATE ON regie_move
WHEN (SELECT x.closed_at FROM entry e JOIN exercice x ON x.start_year = e.exercice
      WHERE e.id = OLD.entry_id) IS NOT NULL
  OR (SELECT x.closed_at FROM entry e JOIN exercice x ON x.start_year = e.exercice
      WHERE e.id = NEW.entry_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'exercice clôturé'); END;
CREATE TRIGGER regie_move_locked_delete BEFORE DELETE ON regie_move
WHEN (SELECT x.closed_at FROM entry e JOIN exercice x ON x.start_year = e.exercice
      WHERE e.id = OLD.entry_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'exercice clôturé'); END;

CREATE TRIGGER bank_match_locked_insert BEFORE INSERT ON bank_match
WHEN (SELECT x.closed_at FROM entry e JOIN exercice x ON x.start_year = e.exercice
      WHERE e.id = NEW.entry_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'exercice clôturé'); END;
CREATE TRIGGER bank_match_locked_update BEFORE UPDATE ON bank_match
WHEN (SELECT x.closed_at FROM entry e JOIN exercice x ON x.start_year = e.exercice
      WHERE e.id = OLD.entry_id) IS NOT NULL
  OR (SELECT x.closed_at FROM entry e JOIN exercice x ON x.start_year = e.exercice
      WHERE e.id = NEW.entry_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'exercice clôturé'); END;
CREATE TRIGGER bank_match_locked_delete BEFORE DELETE ON bank_match
WHEN (SELECT x.closed_at FROM entry e JOIN exercice x ON x.start_year = e.exercice
      WHERE e.id = OLD.entry_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'exercice clôturé'); END;

CREATE TRIGGER cash_count_locked_insert BEFORE INSERT ON cash_count
WHEN (SELECT closed_at FROM exercice WHERE start_year = NEW.exercice) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'exercice clôturé'); END;
CREATE TRIGGER cash_count_locked_update BEFORE UPDATE ON cash_count
WHEN (SELECT closed_at FROM exercice WHERE start_year = OLD.exercice) IS NOT NULL
  OR (SELECT closed_at FROM exercice WHERE start_year = NEW.exercice) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'exercice clôturé'); END;
CREATE TRIGGER cash_count_locked_delete BEFORE DELETE ON cash_count
WHEN (SELECT closed_at FROM exercice WHERE start_year = OLD.exercice) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'exercice clôturé'); END;

-- The exercice row: only its closed_at changes (closing, reopening); a
-- closed exercice is never deleted.
CREATE TRIGGER exercice_locked_update BEFORE UPDATE OF start_year ON exercice
WHEN NEW.start_year IS NOT OLD.start_year
BEGIN SELECT RAISE(ABORT, 'exercice clôturé'); END;
CREATE TRIGGER exercice_locked_delete BEFORE DELETE ON exercice
WHEN OLD.closed_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'exercice clôturé'); END;

CREATE TABLE fingerprint (
    id INTEGER PRIMARY KEY,
    exercice INTEGER NOT NULL REFERENCES exercice(start_year),
    closed_at TEXT NOT NULL,
    entries INTEGER NOT NULL,
    -- The chain's last link, 64 hex digits.
    last_link TEXT NOT NULL,
    superseded_at TEXT,
    superseded_reason TEXT
);
CREATE UNIQUE INDEX fingerprint_current ON fingerprint (exercice) WHERE superseded_at IS NULL;
CREATE TABLE fingerprint_link (
    fingerprint_id INTEGER NOT NULL REFERENCES fingerprint(id),
    entry_id INTEGER NOT NULL,
    piece TEXT NOT NULL,
    -- sha256(previous link ‖ the entry's canonical text), 32 bytes.
    link BLOB NOT NULL,
    PRIMARY KEY (fingerprint_id, entry_id)
);
