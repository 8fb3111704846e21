-- Whether a tablet logged in over plain HTTP (no TLS to us or to our proxy): the presiding
-- console says so, since anyone on the hall's Wi-Fi could read that tablet's token and ballot.
ALTER TABLE tablet_login ADD COLUMN plain_http boolean NOT NULL DEFAULT false;
