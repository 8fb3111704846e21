-- 代表编号: an optional number the clerk's own roster gives each deputy. When given it is
-- the key a roster import matches on (else name + delegation), so it is unique in a body.
ALTER TABLE deputy ADD COLUMN number text NOT NULL DEFAULT '' CHECK (length(number) <= 20);
CREATE UNIQUE INDEX deputy_body_number ON deputy(body_id, number) WHERE number <> '';
