-- Solicitation fixes (issue 3, second pass).
-- A phone form resent after a dropped connection carries the same random key:
-- the database recognises it, so a resend never files a second suggestion.
ALTER TABLE suggestion
    ADD COLUMN submission_key text CHECK (submission_key ~ '^[A-Za-z0-9_-]{16,64}$'),
    ADD CONSTRAINT suggestion_submission_key UNIQUE (program_id, submission_key);

-- Every answer a department gave, in order: a department may revise its opinion
-- until the candidate is on a fixed list; the request row holds the latest one.
CREATE TABLE feasibility_opinion (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id       bigint NOT NULL REFERENCES feasibility_request(id),
    answered_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    answered_by      bigint REFERENCES staff_user(id),
    necessity        text NOT NULL CHECK (length(necessity) <= 1000),
    feasibility      text NOT NULL CHECK (length(feasibility) <= 1000),
    affordability    text NOT NULL CHECK (length(affordability) <= 1000),
    cost_wan         numeric(14, 2) NOT NULL CHECK (cost_wan >= 0),
    funding          text NOT NULL CHECK (length(funding) <= 200),
    responsible_unit text NOT NULL CHECK (length(responsible_unit) <= 100),
    completion_date  date NOT NULL,
    risks            text NOT NULL CHECK (length(risks) <= 1000),
    recommended      boolean NOT NULL
);
CREATE INDEX feasibility_opinion_request ON feasibility_opinion(request_id, id);
REVOKE UPDATE, DELETE, TRUNCATE ON feasibility_opinion FROM PUBLIC;

INSERT INTO feasibility_opinion (request_id, answered_at, answered_by, necessity, feasibility, affordability,
                                 cost_wan, funding, responsible_unit, completion_date, risks, recommended)
SELECT id, answered_at, answered_by, necessity, feasibility, affordability, cost_wan, funding, responsible_unit,
       completion_date, COALESCE(risks, ''), recommended
FROM feasibility_request
WHERE answered_at IS NOT NULL AND cost_wan IS NOT NULL AND completion_date IS NOT NULL
ORDER BY answered_at, id;
