-- Paper ballots and the on-site count (issue 4): vote mode, count roles, the
-- recorded steps of a paper round, tellers' double entry and its resolution.

ALTER TABLE vote ADD COLUMN mode text NOT NULL DEFAULT 'electronic'
    CHECK (mode IN ('electronic', 'paper', 'mixed'));

-- A paper ballot the tellers declared invalid keeps its reason; tablet ballots never have one.
ALTER TABLE ballot ADD COLUMN void_reason text
    CHECK (void_reason IS NULL OR void_reason IN ('overmarked', 'unreadable'));

ALTER TABLE staff_user DROP CONSTRAINT staff_user_role_check;
ALTER TABLE staff_user ADD CONSTRAINT staff_user_role_check
    CHECK (role IN ('admin', 'clerk', 'presiding', 'teller', 'scrutineer'));

-- Tellers (计票人) and scrutineers (监票人) of one vote; one chief scrutineer (总监票人).
CREATE TABLE vote_counter (
    vote_id        bigint NOT NULL REFERENCES vote(id),
    staff_user_id  bigint NOT NULL REFERENCES staff_user(id),
    role           text NOT NULL CHECK (role IN ('teller', 'scrutineer')),
    is_chief       boolean NOT NULL DEFAULT false,
    assigned_by    text NOT NULL,
    assigned_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (vote_id, staff_user_id),
    CHECK (NOT is_chief OR role = 'scrutineer')
);
CREATE UNIQUE INDEX vote_counter_one_chief ON vote_counter(vote_id) WHERE is_chief;

-- Each step of a paper round, append-only, with who and when. A void round
-- (returned > issued, 选举法 §44) is followed by a new round of the same vote.
CREATE TABLE paper_step (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    vote_id   bigint NOT NULL REFERENCES vote(id),
    round     int NOT NULL CHECK (round >= 1),
    kind      text NOT NULL
              CHECK (kind IN ('issued', 'box_sealed', 'returned', 'void', 'restarted', 'signed_off', 'recount')),
    count     int CHECK (count >= 0),
    reason    text,
    report    jsonb,
    actor     text NOT NULL,
    at        timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind IN ('issued', 'returned')) = (count IS NOT NULL)),
    CHECK ((kind IN ('recount', 'restarted')) = (reason IS NOT NULL)),
    CHECK ((kind = 'signed_off') = (report IS NOT NULL))
);
CREATE UNIQUE INDEX paper_step_once ON paper_step(vote_id, round, kind)
    WHERE kind IN ('issued', 'box_sealed', 'returned', 'void');
CREATE INDEX paper_step_vote ON paper_step(vote_id, round, id);

-- One teller's reading of one returned sheet; a later row corrects an earlier one (nothing is lost).
-- Readings are kept as candidate-id lists per mark, not as ballot `marks`: ballot
-- content in marks form lives only in `ballot` (tests/bulletin/test_secrecy.py).
CREATE TABLE paper_entry (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    vote_id      bigint NOT NULL REFERENCES vote(id),
    round        int NOT NULL,
    sheet        int NOT NULL CHECK (sheet >= 1),
    teller_id    bigint NOT NULL REFERENCES staff_user(id),
    for_ids      bigint[] NOT NULL DEFAULT '{}',  -- 赞成/画○ (candidate ids)
    against_ids  bigint[] NOT NULL DEFAULT '{}',
    abstain_ids  bigint[] NOT NULL DEFAULT '{}',
    void_reason  text CHECK (void_reason IS NULL OR void_reason IN ('overmarked', 'unreadable')),
    at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX paper_entry_sheet ON paper_entry(vote_id, round, sheet, teller_id, id);

-- A scrutineer's choice of the correct reading of a sheet the tellers read differently.
CREATE TABLE paper_resolution (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    vote_id        bigint NOT NULL REFERENCES vote(id),
    round          int NOT NULL,
    sheet          int NOT NULL CHECK (sheet >= 1),
    scrutineer_id  bigint NOT NULL REFERENCES staff_user(id),
    for_ids        bigint[] NOT NULL DEFAULT '{}',
    against_ids    bigint[] NOT NULL DEFAULT '{}',
    abstain_ids    bigint[] NOT NULL DEFAULT '{}',
    void_reason    text CHECK (void_reason IS NULL OR void_reason IN ('overmarked', 'unreadable')),
    at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX paper_resolution_sheet ON paper_resolution(vote_id, round, sheet, id);

REVOKE UPDATE, DELETE, TRUNCATE ON paper_step, paper_entry, paper_resolution FROM PUBLIC;
