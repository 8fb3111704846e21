-- Signed statements: at each announcement the service signs the vote's result
-- and the audit chain head (voting/bulletin/announce.py). Like audit_event they
-- are append-only; a statement is what a verifier trusts, so nobody rewrites one.

-- Every public key that ever signed: an archive carries the key that signed its
-- statements, even after the service's key was replaced.
CREATE TABLE signing_key (
    key_id      text PRIMARY KEY CHECK (length(key_id) = 16 AND key_id ~ '^[0-9a-f]+$'),
    public_pem  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE signed_statement (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    vote_id     bigint NOT NULL REFERENCES vote(id),
    kind        text NOT NULL CHECK (kind IN ('vote.result', 'audit.head')),
    body        jsonb NOT NULL,
    signature   text NOT NULL CHECK (length(signature) = 128 AND signature ~ '^[0-9a-f]+$'),
    key_id      text NOT NULL REFERENCES signing_key(key_id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    -- A vote is announced once: one result and one chain head each.
    UNIQUE (vote_id, kind)
);

CREATE FUNCTION append_only_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'signed statements and keys are never changed or removed';
END
$$;

CREATE TRIGGER signed_statement_no_update_delete
    BEFORE UPDATE OR DELETE ON signed_statement
    FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();
CREATE TRIGGER signed_statement_no_truncate
    BEFORE TRUNCATE ON signed_statement
    FOR EACH STATEMENT EXECUTE FUNCTION append_only_refuse_change();
CREATE TRIGGER signing_key_no_update_delete
    BEFORE UPDATE OR DELETE ON signing_key
    FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();
CREATE TRIGGER signing_key_no_truncate
    BEFORE TRUNCATE ON signing_key
    FOR EACH STATEMENT EXECUTE FUNCTION append_only_refuse_change();
ALTER TABLE signed_statement ENABLE ALWAYS TRIGGER signed_statement_no_update_delete;
ALTER TABLE signed_statement ENABLE ALWAYS TRIGGER signed_statement_no_truncate;
ALTER TABLE signing_key ENABLE ALWAYS TRIGGER signing_key_no_update_delete;
ALTER TABLE signing_key ENABLE ALWAYS TRIGGER signing_key_no_truncate;

-- As for audit_event, the production app role gets only:
--     GRANT SELECT, INSERT ON signed_statement, signing_key TO piaojue_app;
REVOKE UPDATE, DELETE, TRUNCATE ON signed_statement, signing_key FROM PUBLIC;
