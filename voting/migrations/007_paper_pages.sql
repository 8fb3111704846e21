-- Paper count, continued (issue 4): a teller's or scrutineer's declared conflict of
-- interest with a candidate of the vote they count. Append-only: a declaration stands.

CREATE TABLE counter_conflict (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    vote_id        bigint NOT NULL,
    staff_user_id  bigint NOT NULL,
    candidate_id   bigint NOT NULL REFERENCES candidate(id),
    reason         text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    declared_at    timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (vote_id, staff_user_id) REFERENCES vote_counter(vote_id, staff_user_id),
    FOREIGN KEY (vote_id, candidate_id) REFERENCES vote_candidate(vote_id, candidate_id),
    UNIQUE (vote_id, staff_user_id, candidate_id)
);

REVOKE UPDATE, DELETE, TRUNCATE ON counter_conflict FROM PUBLIC;
