-- Solicitation, vetting and the candidate list (issue 3: 征集 → 初定 → 审议).
-- Programs get phases and a schedule; suggestions come in with a tracking code;
-- clerks merge them into draft candidates; departments give feasibility opinions;
-- the presidium orders, fixes and (with a reason) reopens the list.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE program
    ADD COLUMN phase text NOT NULL DEFAULT 'solicit'
        CHECK (phase IN ('solicit', 'shortlist', 'deliberate', 'vote', 'supervise', 'evaluate', 'closed')),
    ADD COLUMN categories text[] NOT NULL DEFAULT ARRAY[
        '社会保障', '城市建设', '交通出行', '教育', '医疗卫生', '生态环境', '乡村振兴', '文化体育', '公共安全', '其他'
    ] CHECK (cardinality(categories) BETWEEN 1 AND 30),
    ADD COLUMN method jsonb,                -- 票决办法: seats, margin ratio, ballot form, threshold
    ADD COLUMN list_fixed_at timestamptz;   -- set: the candidate list is locked

-- The first day of each phase; a phase ends where the next one starts.
CREATE TABLE program_phase_date (
    program_id  bigint NOT NULL REFERENCES program(id),
    phase       text NOT NULL
                CHECK (phase IN ('solicit', 'shortlist', 'deliberate', 'vote', 'supervise', 'evaluate', 'closed')),
    starts_on   date NOT NULL,
    PRIMARY KEY (program_id, phase)
);

CREATE TABLE suggestion (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    program_id      bigint NOT NULL REFERENCES program(id),
    code            text NOT NULL UNIQUE CHECK (code ~ '^[2-9A-HJ-NP-Z]{8}$'),  -- 查询码
    source          text NOT NULL
                    CHECK (source IN ('public', 'deputy', 'liaison_station', 'department', 'project_feedback')),
    title           text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 60),
    description     text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 1000),
    category        text NOT NULL CHECK (length(category) BETWEEN 1 AND 20),
    place           text NOT NULL DEFAULT '' CHECK (length(place) <= 60),      -- 地点/村(社区)
    submitted_by    text NOT NULL DEFAULT '' CHECK (length(submitted_by) <= 60), -- deputy, station or department
    raised_by       int NOT NULL DEFAULT 1 CHECK (raised_by BETWEEN 1 AND 100000), -- people who raised it
    -- Contact: staff only, never on a public page, export or public API answer.
    contact_name    text NOT NULL DEFAULT '' CHECK (length(contact_name) <= 40),
    contact_phone   text NOT NULL DEFAULT ''
                    CHECK (contact_phone = '' OR contact_phone ~ '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$'),
    status          text NOT NULL DEFAULT 'received'
                    CHECK (status IN ('received', 'under_review', 'on_hold', 'merged', 'rejected')),
    candidate_id    bigint REFERENCES candidate(id),
    reason          text NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
    about_item_id   bigint,  -- project feedback: the implementation item (issue 5 adds the foreign key)
    phase           text NOT NULL  -- the program's phase when it came in
                    CHECK (phase IN ('solicit', 'shortlist', 'deliberate', 'vote', 'supervise', 'evaluate', 'closed')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'merged') = (candidate_id IS NOT NULL)),
    CHECK (status <> 'rejected' OR length(btrim(reason)) > 0)
);
CREATE INDEX suggestion_program ON suggestion(program_id, status);
CREATE INDEX suggestion_candidate ON suggestion(candidate_id) WHERE candidate_id IS NOT NULL;
CREATE INDEX suggestion_text_trgm ON suggestion USING gin ((title || ' ' || description) gin_trgm_ops);

-- Every step of a suggestion, in order (the tracking page shows these, without who).
CREATE TABLE suggestion_event (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    suggestion_id  bigint NOT NULL REFERENCES suggestion(id),
    at             timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor          text NOT NULL,
    status         text NOT NULL,
    candidate_id   bigint REFERENCES candidate(id),
    reason         text NOT NULL DEFAULT ''
);
CREATE INDEX suggestion_event_suggestion ON suggestion_event(suggestion_id, id);
REVOKE UPDATE, DELETE, TRUNCATE ON suggestion_event FROM PUBLIC;

-- Exclusion rules (e.g. office buildings, projects already assigned from above).
ALTER TABLE candidate
    ADD COLUMN exclusion_rule text
        CHECK (exclusion_rule IN ('office_building', 'assigned_from_above', 'debt_burden', 'other')),
    ADD COLUMN exclusion_reason text NOT NULL DEFAULT '' CHECK (length(exclusion_reason) <= 500),
    ADD CONSTRAINT candidate_exclusion_has_reason
        CHECK (exclusion_rule IS NULL OR length(btrim(exclusion_reason)) > 0);

-- A request to a department for a feasibility opinion (论证意见), and its answer.
CREATE TABLE feasibility_request (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    candidate_id     bigint NOT NULL REFERENCES candidate(id),
    department_id    bigint NOT NULL REFERENCES department(id),
    due_on           date NOT NULL,
    note             text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    requested_at     timestamptz NOT NULL DEFAULT now(),
    answered_at      timestamptz,
    answered_by      bigint REFERENCES staff_user(id),
    necessity        text CHECK (length(necessity) <= 1000),
    feasibility      text CHECK (length(feasibility) <= 1000),
    affordability    text CHECK (length(affordability) <= 1000),      -- 财政承受能力
    cost_wan         numeric(14, 2) CHECK (cost_wan >= 0),
    funding          text CHECK (length(funding) <= 200),
    responsible_unit text CHECK (length(responsible_unit) <= 100),
    completion_date  date,
    risks            text CHECK (length(risks) <= 1000),
    recommended      boolean,
    UNIQUE (candidate_id, department_id),
    CHECK ((answered_at IS NULL) = (recommended IS NULL))
);
CREATE INDEX feasibility_request_department ON feasibility_request(department_id, answered_at);

-- A deputies' research group's (调研组) visit note on a candidate.
CREATE TABLE visit_note (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    candidate_id  bigint NOT NULL REFERENCES candidate(id),
    group_name    text NOT NULL CHECK (length(btrim(group_name)) BETWEEN 1 AND 60),
    visited_on    date NOT NULL,
    note          text NOT NULL CHECK (length(btrim(note)) BETWEEN 1 AND 2000),
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX visit_note_candidate ON visit_note(candidate_id);

-- The presidium's ordered candidate list (候选项目清单).
CREATE TABLE list_entry (
    program_id    bigint NOT NULL REFERENCES program(id),
    candidate_id  bigint NOT NULL REFERENCES candidate(id) UNIQUE,
    position      int NOT NULL CHECK (position >= 1),
    PRIMARY KEY (program_id, candidate_id),
    UNIQUE (program_id, position) DEFERRABLE INITIALLY DEFERRED
);

-- A fixed list is locked in the database too: only reopening (which clears
-- list_fixed_at, with a reason) lets the entries change again.
CREATE FUNCTION list_entry_locked() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    pid bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.program_id ELSE NEW.program_id END;
BEGIN
    IF (SELECT list_fixed_at FROM program WHERE id = pid) IS NOT NULL THEN
        RAISE EXCEPTION 'candidate list of program % is fixed', pid USING ERRCODE = 'check_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER list_entry_locked BEFORE INSERT OR UPDATE OR DELETE ON list_entry
    FOR EACH ROW EXECUTE FUNCTION list_entry_locked();
