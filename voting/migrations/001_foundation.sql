-- Foundation: bodies and their deputies, staff, programs with candidates,
-- sessions with attendance, votes with their ballots, and the audit table.


CREATE TABLE body (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
    level       text NOT NULL CHECK (level IN ('township', 'county', 'city')),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE deputy (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body_id     bigint NOT NULL REFERENCES body(id),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    delegation  text NOT NULL DEFAULT '' CHECK (length(delegation) <= 50),  -- 代表团
    seat        text NOT NULL DEFAULT '' CHECK (length(seat) <= 20),
    phone       text NOT NULL DEFAULT '' CHECK (length(phone) <= 20),
    active      boolean NOT NULL DEFAULT true,  -- false: term ended / resigned; not counted
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deputy_body ON deputy(body_id);

CREATE TABLE staff_user (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9_.-]{2,40}$'),
    display_name  text NOT NULL,
    role          text NOT NULL CHECK (role IN ('admin', 'clerk', 'presiding')),
    password_hash text NOT NULL,
    active        boolean NOT NULL DEFAULT true
);

CREATE TABLE program (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body_id     bigint NOT NULL REFERENCES body(id),
    year        int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    title       text NOT NULL,
    UNIQUE (body_id, year)
);

CREATE TABLE candidate (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    program_id       bigint NOT NULL REFERENCES program(id),
    position         int NOT NULL,
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    summary          text NOT NULL DEFAULT '',
    category         text NOT NULL DEFAULT '',
    cost_wan         numeric(14, 2) NOT NULL DEFAULT 0 CHECK (cost_wan >= 0),  -- 万元
    funding          text NOT NULL DEFAULT '',
    responsible_unit text NOT NULL DEFAULT '',
    completion_date  date,
    UNIQUE (program_id, position)
);

CREATE TABLE session (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body_id     bigint NOT NULL REFERENCES body(id),
    program_id  bigint REFERENCES program(id),
    title       text NOT NULL,
    venue       text NOT NULL DEFAULT '',
    held_on     date NOT NULL DEFAULT current_date
);

-- One row a deputy a session: checked in (实到) or on leave (请假).
CREATE TABLE attendance (
    session_id     bigint NOT NULL REFERENCES session(id),
    deputy_id      bigint NOT NULL REFERENCES deputy(id),
    status         text NOT NULL CHECK (status IN ('present', 'leave')),
    via            text NOT NULL CHECK (via IN ('tablet', 'clerk')),
    changed_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (session_id, deputy_id)
);

-- Seat-card login codes: one use each; a reissue replaces the deputy's code.
CREATE TABLE login_code (
    code        text PRIMARY KEY CHECK (code ~ '^[0-9A-Z]{8}$'),
    session_id  bigint NOT NULL REFERENCES session(id),
    deputy_id   bigint NOT NULL REFERENCES deputy(id),
    used_at     timestamptz,
    UNIQUE (session_id, deputy_id)
);

-- A tablet's login (the JWT's jti); revoking it ends that tablet's access.
CREATE TABLE tablet_login (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    session_id  bigint NOT NULL REFERENCES session(id),
    deputy_id   bigint NOT NULL REFERENCES deputy(id),
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
CREATE INDEX tablet_login_deputy ON tablet_login(session_id, deputy_id);

CREATE TABLE vote (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id     bigint NOT NULL REFERENCES session(id),
    title          text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    runoff_of      bigint REFERENCES vote(id),
    rules          jsonb NOT NULL,
    state          text NOT NULL DEFAULT 'draft'
                   CHECK (state IN ('draft', 'open', 'closed', 'announced')),
    deputies_total int,          -- fixed when the vote opens
    opened_at      timestamptz,
    closed_at      timestamptz,
    announced_at   timestamptz,
    tally          jsonb,        -- set on close, public after announcement
    CHECK ((state = 'draft') = (opened_at IS NULL)),
    CHECK ((state IN ('closed', 'announced')) = (tally IS NOT NULL))
);
CREATE INDEX vote_session ON vote(session_id);

CREATE TABLE vote_candidate (
    vote_id      bigint NOT NULL REFERENCES vote(id),
    candidate_id bigint NOT NULL REFERENCES candidate(id),
    position     int NOT NULL,
    PRIMARY KEY (vote_id, candidate_id),
    UNIQUE (vote_id, position)
);

-- Who took a ballot. The unique key is the one-ballot-per-deputy rule.
-- `submission` is sha256 of the tablet's secret cast id: it lets a resend be
-- recognised as the same ballot without storing anything that leads to it.
CREATE TABLE ballot_issued (
    vote_id     bigint NOT NULL REFERENCES vote(id),
    deputy_id   bigint NOT NULL REFERENCES deputy(id),
    channel     text NOT NULL CHECK (channel IN ('tablet', 'paper')),
    submission  bytea,
    PRIMARY KEY (vote_id, deputy_id)
);

-- What was voted: no deputy, no time, a random id (DESIGN.md §5).
CREATE TABLE ballot (
    id       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    vote_id  bigint NOT NULL REFERENCES vote(id),
    marks    jsonb NOT NULL
);
CREATE INDEX ballot_vote ON ballot(vote_id);

-- Receipt hashes, apart from the ballots so no receipt leads to a content.
CREATE TABLE ballot_receipt (
    vote_id       bigint NOT NULL REFERENCES vote(id),
    receipt_hash  bytea NOT NULL,
    PRIMARY KEY (vote_id, receipt_hash)
);

CREATE TABLE audit_event (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor        text NOT NULL,
    role         text NOT NULL,
    action       text NOT NULL,
    object_type  text NOT NULL,
    object_id    text NOT NULL,
    detail       jsonb NOT NULL DEFAULT '{}'
);

-- A tablet shows "the open vote": at most one per session at a time.
CREATE UNIQUE INDEX vote_one_open_per_session ON vote(session_id) WHERE state = 'open';
-- A vote has at most one runoff.
CREATE UNIQUE INDEX vote_one_runoff ON vote(runoff_of) WHERE runoff_of IS NOT NULL;
