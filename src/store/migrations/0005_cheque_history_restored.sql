-- 5: who a cheque was given back to (its history stays listed), and the
-- entry that restored a mistakenly cancelled one.
ALTER TABLE contribution ADD COLUMN returned_by TEXT NOT NULL DEFAULT '';
ALTER TABLE entry ADD COLUMN restored_as INTEGER REFERENCES entry(id);
