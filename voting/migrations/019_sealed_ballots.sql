-- Sealed ballots (issue 13): a tablet's ballot and a deputy's rating sheet reach the database
-- only sealed to a key the scrutineers' key cards rebuild at close; no whole private key and
-- no share is ever stored. See docs/secrecy.md.

-- One sealing key per vote or rating round: the public key, its fingerprint, k of n, and a
-- commitment (sha256) of each key card so a presented card is recognised.
CREATE TABLE sealing_key (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    vote_id      bigint UNIQUE REFERENCES vote(id),
    round_id     bigint UNIQUE REFERENCES evaluation_round(id),
    public_key   bytea NOT NULL CHECK (length(public_key) = 32),
    fingerprint  text NOT NULL,
    threshold    int NOT NULL,
    commitments  text[] NOT NULL,
    holders      text[] NOT NULL,  -- who holds each card, by card number (names as printed)
    made_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((vote_id IS NULL) <> (round_id IS NULL)),
    CHECK (threshold >= 1 AND threshold <= cardinality(commitments)),
    CHECK (cardinality(holders) = cardinality(commitments))
);

-- A tablet ballot is its sealed bytes; receipt_hash now holds its tracker (sha256 of the sealed
-- bytes), published after the count. Plain ballots reach `ballot` only when the scrutineers
-- open the count, in random order, in a transaction that writes nothing about voters.
ALTER TABLE ballot_receipt ADD COLUMN sealed bytea;

-- Voting has ended and the ballot box waits for the scrutineers' key cards (no secret stored).
ALTER TABLE vote DROP CONSTRAINT vote_state_check;
ALTER TABLE vote ADD CONSTRAINT vote_state_check
    CHECK (state IN ('draft', 'open', 'awaiting_keys', 'closed', 'announced', 'withdrawn', 'ended'));

-- Rating sheets likewise: sealed at the tablet, opened at close with the round's key cards.
CREATE TABLE sealed_rating (
    round_id  bigint NOT NULL REFERENCES evaluation_round(id),
    tracker   bytea NOT NULL,
    sealed    bytea NOT NULL,
    PRIMARY KEY (round_id, tracker)
);

-- 016 named the state CHECK evaluation_round_state (and added 'void'); either name may be there.
ALTER TABLE evaluation_round DROP CONSTRAINT IF EXISTS evaluation_round_state_check;
ALTER TABLE evaluation_round DROP CONSTRAINT IF EXISTS evaluation_round_state;
ALTER TABLE evaluation_round ADD CONSTRAINT evaluation_round_state
    CHECK (state IN ('draft', 'open', 'awaiting_keys', 'closed', 'void'));
REVOKE UPDATE, DELETE, TRUNCATE ON sealing_key FROM PUBLIC;

-- A tablet ballot is checked only when opened: one a genuine tablet would never seal (a
-- tampered tablet's) is void as a whole with its reason, and one that does not open at all
-- (sealed for another vote, or changed) is void as seal_unopenable.
ALTER TABLE ballot DROP CONSTRAINT ballot_void_reason_check;
ALTER TABLE ballot ADD CONSTRAINT ballot_void_reason_check CHECK (void_reason IS NULL OR void_reason IN
    ('overmarked', 'unreadable', 'unknown_candidate', 'mark_not_allowed', 'seal_unopenable'));
