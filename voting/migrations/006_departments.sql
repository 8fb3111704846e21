-- Departments (职能部门) and their liaisons (部门联络员), shared by vetting
-- (issue 3: feasibility opinions) and supervision (issue 5: progress reports).
-- A liaison is a staff login that sees only what is assigned to its department.

CREATE TABLE department (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body_id     bigint NOT NULL REFERENCES body(id),
    name        text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 60),
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (body_id, name)
);

ALTER TABLE staff_user ADD COLUMN department_id bigint REFERENCES department(id);
ALTER TABLE staff_user DROP CONSTRAINT staff_user_role_check;
ALTER TABLE staff_user ADD CONSTRAINT staff_user_role_check
    CHECK (role IN ('admin', 'clerk', 'presiding', 'teller', 'scrutineer', 'liaison'));
-- A liaison without a department could see nothing and answer nothing; anyone
-- else with one would wrongly look scoped.
ALTER TABLE staff_user ADD CONSTRAINT staff_user_liaison_department
    CHECK ((role = 'liaison') = (department_id IS NOT NULL));
CREATE INDEX staff_user_department ON staff_user(department_id) WHERE department_id IS NOT NULL;
