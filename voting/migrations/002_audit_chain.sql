-- The audit log becomes an append-only hash chain (audit/chain.py defines the hash).
--
-- Rows written before this migration stay as they are, with seq, prev_hash and
-- hash NULL: hashing them here would need a second, SQL copy of the canonical
-- encoding (audit/canonical.py), and two copies of one rule drift apart. They
-- are pre-chain history, outside the chain; the chain starts at seq 1 with the
-- first event recorded after this migration. Every new row must be chained:
-- the CHECK below is NOT VALID only so that it skips those old rows.

ALTER TABLE audit_event
    ADD COLUMN seq       bigint,
    ADD COLUMN prev_hash text,
    ADD COLUMN hash      text,
    -- Two entries can never share a place or a predecessor: the chain cannot fork,
    -- even if a writer skipped the advisory lock in audit/queries.py.
    ADD CONSTRAINT audit_event_seq_unique UNIQUE (seq),
    ADD CONSTRAINT audit_event_prev_hash_unique UNIQUE (prev_hash),
    -- Lowercase hex only, or an uppercase twin of a hash would slip past UNIQUE.
    -- (length + '+' rather than '{64}': the bounded regex costs ~15 ms per 500 rows.)
    ADD CONSTRAINT audit_event_chained CHECK (
        seq IS NOT NULL AND seq >= 1
        AND prev_hash IS NOT NULL AND length(prev_hash) = 64 AND prev_hash ~ '^[0-9a-f]+$'
        AND hash IS NOT NULL AND length(hash) = 64 AND hash ~ '^[0-9a-f]+$'
    ) NOT VALID;

-- Lock, then read the head, in one round trip. Each statement of a VOLATILE
-- function takes a fresh snapshot (READ COMMITTED), so the head is read after
-- the lock is held and sees the entries of whoever held it before. The lock is
-- released at COMMIT or ROLLBACK: a rolled-back writer leaves no entry and no
-- gap, and the next one reads the same head. clock_timestamp() is taken under
-- the lock from the one database clock, so `at` never runs backwards along seq
-- whichever app host writes. 7461304 is any constant that every process uses
-- (voting/database.py's migration lock is 7461303).
CREATE FUNCTION audit_chain_lock() RETURNS TABLE (head_seq bigint, head_hash text, now_at timestamptz)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(7461304);
    RETURN QUERY
        SELECT head.seq, head.hash, clock_timestamp()
        FROM (VALUES (1)) AS one
        LEFT JOIN LATERAL (
            SELECT e.seq, e.hash FROM audit_event AS e
            WHERE e.seq IS NOT NULL ORDER BY e.seq DESC LIMIT 1
        ) AS head ON true;
END
$$;

-- Append-only, whoever asks: the trigger holds for the table owner too (the app
-- connects as the owner in development). ENABLE ALWAYS keeps it firing under
-- session_replication_role = replica. Only the owner or a superuser can drop
-- or disable it, and that is itself a DDL act outside the app.
CREATE FUNCTION audit_event_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'audit entries are never changed or removed; record a new event instead';
END
$$;

CREATE TRIGGER audit_event_no_update_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
ALTER TABLE audit_event ENABLE ALWAYS TRIGGER audit_event_no_update_delete;
ALTER TABLE audit_event ENABLE ALWAYS TRIGGER audit_event_no_truncate;

-- In production the app logs in as a role that owns nothing, so the grants
-- are a second wall behind the trigger. The owner role runs the migrations;
-- the app role gets, for this table, only:
--     GRANT SELECT, INSERT ON audit_event TO piaojue_app;
-- (EXECUTE on audit_chain_lock() is PUBLIC's by default.) PUBLIC never had
-- more; the REVOKE states the intent and undoes any blanket grant.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM PUBLIC;
