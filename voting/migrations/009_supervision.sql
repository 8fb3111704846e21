-- Supervision (监督) and evaluation (评估) of chosen projects (issue 5).
-- A chosen candidate becomes an implementation item when its vote is announced;
-- departments report, clerks review and publish, deputies inspect and rate.

CREATE TABLE implementation_item (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    candidate_id        bigint NOT NULL UNIQUE REFERENCES candidate(id),
    vote_id             bigint REFERENCES vote(id),  -- the vote that chose it (NULL: decided before this service)
    department_id       bigint REFERENCES department(id),     -- 承办单位; NULL until a clerk assigns one
    budget_wan          numeric(14, 2) NOT NULL CHECK (budget_wan >= 0),
    target_date         date,
    status              text NOT NULL DEFAULT 'in_progress'
                        CHECK (status IN ('in_progress', 'completed', 'adjusted', 'postponed', 'stopped')),
    percent             int NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),  -- latest published report
    spent_wan           numeric(14, 2) NOT NULL DEFAULT 0 CHECK (spent_wan >= 0),
    report_every_months int NOT NULL DEFAULT 3 CHECK (report_every_months IN (1, 2, 3, 4, 6, 12)),
    started_on          date NOT NULL DEFAULT current_date,
    completed_on        date,
    presidium_member    text NOT NULL DEFAULT '' CHECK (length(presidium_member) <= 50),
    created_at          timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'completed') = (completed_on IS NOT NULL))
);
CREATE INDEX implementation_item_department ON implementation_item(department_id);

-- The monitoring group (监督小组): deputies following one project.
CREATE TABLE item_monitor (
    item_id    bigint NOT NULL REFERENCES implementation_item(id),
    deputy_id  bigint NOT NULL REFERENCES deputy(id),
    PRIMARY KEY (item_id, deputy_id)
);

CREATE TABLE milestone (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_id     bigint NOT NULL REFERENCES implementation_item(id),
    title       text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 100),
    due_on      date NOT NULL,
    reached_on  date,  -- set when a published report says so
    UNIQUE (item_id, title)
);

-- A department's progress report for one due date; a clerk publishes or returns it.
CREATE TABLE progress_report (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_id          bigint NOT NULL REFERENCES implementation_item(id),
    period_due       date NOT NULL,
    percent          int NOT NULL CHECK (percent BETWEEN 0 AND 100),
    spent_wan        numeric(14, 2) NOT NULL CHECK (spent_wan >= 0),
    narrative        text NOT NULL CHECK (length(btrim(narrative)) BETWEEN 1 AND 4000),
    decrease_reason  text NOT NULL DEFAULT '' CHECK (length(decrease_reason) <= 1000),
    state            text NOT NULL DEFAULT 'submitted' CHECK (state IN ('submitted', 'published', 'returned')),
    review_note      text NOT NULL DEFAULT '' CHECK (length(review_note) <= 1000),
    submitted_by     bigint NOT NULL REFERENCES staff_user(id),
    submitted_at     timestamptz NOT NULL DEFAULT now(),
    reviewed_at      timestamptz,
    CHECK ((state = 'submitted') = (reviewed_at IS NULL))
);
-- One live report per due date; a returned one may be filed again.
CREATE UNIQUE INDEX progress_report_one_per_period ON progress_report(item_id, period_due) WHERE state <> 'returned';

CREATE TABLE report_milestone (
    report_id     bigint NOT NULL REFERENCES progress_report(id),
    milestone_id  bigint NOT NULL REFERENCES milestone(id),
    PRIMARY KEY (report_id, milestone_id)
);

-- Photos live in the data directory under a random name; only checked images get a row.
CREATE TABLE report_photo (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    report_id   bigint NOT NULL REFERENCES progress_report(id),
    media_type  text NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'image/webp')),
    size_bytes  int NOT NULL CHECK (size_bytes BETWEEN 1 AND 5242880)
);
CREATE INDEX report_photo_report ON report_photo(report_id);

-- Deputies' inspections (视察) and the issues they raise for the department.
CREATE TABLE inspection (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_id       bigint NOT NULL REFERENCES implementation_item(id),
    inspected_on  date NOT NULL,
    participants  text NOT NULL CHECK (length(btrim(participants)) BETWEEN 1 AND 500),
    findings      text NOT NULL CHECK (length(btrim(findings)) BETWEEN 1 AND 4000),
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE item_issue (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_id        bigint NOT NULL REFERENCES implementation_item(id),
    inspection_id  bigint REFERENCES inspection(id),
    description    text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 1000),
    answer_due     date NOT NULL,
    state          text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'answered', 'closed')),
    answer         text NOT NULL DEFAULT '' CHECK (length(answer) <= 2000),
    answered_at    timestamptz,
    closing_note   text NOT NULL DEFAULT '' CHECK (length(closing_note) <= 1000),
    closed_at      timestamptz,
    CHECK ((state = 'open') = (answered_at IS NULL)),
    CHECK ((state = 'closed') = (closed_at IS NOT NULL))
);

-- 调整/暂缓/终止: nothing changes until a decision is recorded.
CREATE TABLE change_request (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_id          bigint NOT NULL REFERENCES implementation_item(id),
    kind             text NOT NULL CHECK (kind IN ('adjust', 'postpone', 'stop')),
    reason           text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 2000),
    new_target_date  date,
    new_budget_wan   numeric(14, 2) CHECK (new_budget_wan >= 0),
    state            text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected')),
    decided_by       text NOT NULL DEFAULT '' CHECK (length(decided_by) <= 100),  -- e.g. 主任会议
    decision_ref     text NOT NULL DEFAULT '' CHECK (length(decision_ref) <= 100),  -- 文号
    decision_note    text NOT NULL DEFAULT '' CHECK (length(decision_note) <= 2000),
    requested_at     timestamptz NOT NULL DEFAULT now(),
    decided_at       timestamptz,
    CHECK ((state = 'pending') = (decided_at IS NULL)),
    CHECK (state = 'pending' OR length(btrim(decided_by)) > 0)
);
-- One open request per item at a time.
CREATE UNIQUE INDEX change_request_one_pending ON change_request(item_id) WHERE state = 'pending';

-- Evaluation rounds (满意度测评): rule (tally.rating) fixed when created.
CREATE TABLE evaluation_round (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body_id         bigint NOT NULL REFERENCES body(id),
    session_id      bigint REFERENCES session(id),  -- rated on that session's tablets (else any of the body's)
    title           text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
    kind            text NOT NULL CHECK (kind IN ('mid_year', 'year_end', 'rectification')),
    rules           jsonb NOT NULL,
    state           text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'open', 'closed')),
    deputies_total  int,
    rectify_days    int NOT NULL DEFAULT 90 CHECK (rectify_days BETWEEN 7 AND 366),
    opened_at       timestamptz,
    closed_at       timestamptz,
    CHECK ((state = 'draft') = (opened_at IS NULL)),
    CHECK ((state = 'closed') = (closed_at IS NOT NULL))
);

CREATE TABLE evaluation_item (
    round_id  bigint NOT NULL REFERENCES evaluation_round(id),
    item_id   bigint NOT NULL REFERENCES implementation_item(id),
    position  int NOT NULL,
    result    jsonb,  -- tally.rating's answer, set at close
    PRIMARY KEY (round_id, item_id),
    UNIQUE (round_id, position)
);

-- Who rated (the one-sheet-per-deputy rule) and what was rated live apart, as ballots do.
CREATE TABLE rating_issued (
    round_id   bigint NOT NULL REFERENCES evaluation_round(id),
    deputy_id  bigint NOT NULL REFERENCES deputy(id),
    PRIMARY KEY (round_id, deputy_id)
);

CREATE TABLE rating (
    id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    round_id  bigint NOT NULL REFERENCES evaluation_round(id),
    item_id   bigint NOT NULL REFERENCES implementation_item(id),
    level     text CHECK (level IN ('satisfied', 'basic', 'unsatisfied', 'abstained')),
    scores    jsonb,  -- indicator name → 0..100, for scoring-sheet rounds
    CHECK ((level IS NULL) <> (scores IS NULL))
);
CREATE INDEX rating_round ON rating(round_id);

-- 整改: a project rated 不满意 is sent back with a deadline and evaluated again later.
CREATE TABLE rectification (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_id             bigint NOT NULL REFERENCES implementation_item(id),
    round_id            bigint NOT NULL REFERENCES evaluation_round(id),
    deadline            date NOT NULL,
    state               text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'reevaluated')),
    reevaluated_in      bigint REFERENCES evaluation_round(id),
    UNIQUE (item_id, round_id),
    CHECK ((state = 'reevaluated') = (reevaluated_in IS NOT NULL))
);

-- Residents' feedback from a project's page goes into the clerks' suggestion triage (008, issue 3).
ALTER TABLE suggestion ADD CONSTRAINT suggestion_about_item
    FOREIGN KEY (about_item_id) REFERENCES implementation_item(id);
