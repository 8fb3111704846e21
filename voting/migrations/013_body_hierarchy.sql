-- Bodies form a hierarchy (city → county → township) and every staff login belongs
-- to one body (issue 10). The rule that reads this lives in voting/auth/scope.py.

ALTER TABLE body ADD COLUMN parent_id bigint REFERENCES body(id);
ALTER TABLE body ADD COLUMN term int NOT NULL DEFAULT 1 CHECK (term BETWEEN 1 AND 99);  -- 第N届
CREATE INDEX body_parent ON body(parent_id);

-- Two townships of one name may sit under two counties, never under one.
ALTER TABLE body DROP CONSTRAINT body_name_key;
CREATE UNIQUE INDEX body_name_under_parent ON body (coalesce(parent_id, 0), name);

-- 第N次会议 of the body's current term; NULL for meetings not numbered.
ALTER TABLE session ADD COLUMN number int CHECK (number BETWEEN 1 AND 99);

CREATE FUNCTION body_level_rank(level text) RETURNS int IMMUTABLE LANGUAGE sql AS $$
    SELECT CASE level WHEN 'city' THEN 3 WHEN 'county' THEN 2 ELSE 1 END
$$;

-- A parent must be of a higher level, and no body may end up its own ancestor.
CREATE FUNCTION body_check_parent() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    cursor_id bigint := NEW.parent_id;
    parent_level text;
    steps int := 0;
BEGIN
    IF NEW.parent_id IS NOT NULL THEN
        SELECT level INTO parent_level FROM body WHERE id = NEW.parent_id;
        IF body_level_rank(parent_level) <= body_level_rank(NEW.level) THEN
            RAISE EXCEPTION 'body_parent_level' USING ERRCODE = 'check_violation';
        END IF;
        WHILE cursor_id IS NOT NULL LOOP
            IF cursor_id = NEW.id OR steps > 10 THEN
                RAISE EXCEPTION 'body_loop' USING ERRCODE = 'check_violation';
            END IF;
            SELECT parent_id INTO cursor_id FROM body WHERE id = cursor_id;
            steps := steps + 1;
        END LOOP;
    END IF;
    IF EXISTS (SELECT 1 FROM body c WHERE c.parent_id = NEW.id
               AND body_level_rank(c.level) >= body_level_rank(NEW.level)) THEN
        RAISE EXCEPTION 'body_parent_level' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER body_parent_guard BEFORE INSERT OR UPDATE OF parent_id, level ON body
    FOR EACH ROW EXECUTE FUNCTION body_check_parent();

-- Every login belongs to a body. Only an administrator may be without one, and only
-- until the first body exists (the guided set-up then makes it that body's).
ALTER TABLE staff_user ADD COLUMN body_id bigint REFERENCES body(id);
UPDATE staff_user s SET body_id = d.body_id FROM department d WHERE d.id = s.department_id;
UPDATE staff_user SET body_id = (SELECT id FROM body WHERE parent_id IS NULL ORDER BY id LIMIT 1)
    WHERE body_id IS NULL;
ALTER TABLE staff_user ADD CONSTRAINT staff_user_body CHECK (body_id IS NOT NULL OR role = 'admin');
CREATE INDEX staff_user_body ON staff_user(body_id);

-- A body and its ancestors, the body itself first: what the scope rule reads.
CREATE FUNCTION body_lineage(start bigint) RETURNS TABLE (id bigint, name text, depth int)
    STABLE LANGUAGE sql AS $$
    WITH RECURSIVE up AS (
        SELECT b.id, b.parent_id, b.name, 0 AS depth FROM body b WHERE b.id = start
        UNION ALL
        SELECT b.id, b.parent_id, b.name, up.depth + 1 FROM body b JOIN up ON b.id = up.parent_id
        WHERE up.depth < 10
    )
    SELECT up.id, up.name, up.depth FROM up ORDER BY up.depth
$$;

-- A body and every body below it: what a login may watch.
CREATE FUNCTION body_subtree(root bigint) RETURNS TABLE (id bigint)
    STABLE LANGUAGE sql AS $$
    WITH RECURSIVE down AS (
        SELECT b.id, 0 AS depth FROM body b WHERE b.id = root
        UNION ALL
        SELECT b.id, down.depth + 1 FROM body b JOIN down ON b.parent_id = down.id WHERE down.depth < 10
    )
    SELECT down.id FROM down
$$;

-- The body an audit entry is about, so the staff viewer keeps to the bodies a login
-- watches. NULL for entries about no body (a failed login, the server itself).
CREATE FUNCTION audit_object_body(object_type text, object_id text) RETURNS bigint
    STABLE LANGUAGE plpgsql AS $$
DECLARE
    target bigint;
BEGIN
    IF object_id !~ '^[0-9]{1,18}$' THEN
        RETURN NULL;
    END IF;
    target := object_id::bigint;
    RETURN CASE object_type
        WHEN 'body' THEN target
        WHEN 'program' THEN (SELECT body_id FROM program WHERE program.id = target)
        WHEN 'session' THEN (SELECT body_id FROM session WHERE session.id = target)
        WHEN 'vote' THEN (SELECT s.body_id FROM vote v JOIN session s ON s.id = v.session_id WHERE v.id = target)
        WHEN 'candidate' THEN (SELECT p.body_id FROM candidate c JOIN program p ON p.id = c.program_id
                               WHERE c.id = target)
        WHEN 'suggestion' THEN (SELECT p.body_id FROM suggestion s JOIN program p ON p.id = s.program_id
                                WHERE s.id = target)
        WHEN 'department' THEN (SELECT body_id FROM department WHERE department.id = target)
        WHEN 'deputy' THEN (SELECT body_id FROM deputy WHERE deputy.id = target)
        WHEN 'staff_user' THEN (SELECT body_id FROM staff_user WHERE staff_user.id = target)
        WHEN 'evaluation_round' THEN (SELECT body_id FROM evaluation_round WHERE evaluation_round.id = target)
        WHEN 'implementation_item' THEN (SELECT p.body_id FROM implementation_item i JOIN candidate c ON c.id = i.candidate_id
                                         JOIN program p ON p.id = c.program_id WHERE i.id = target)
        WHEN 'item_issue' THEN (SELECT p.body_id FROM item_issue r JOIN implementation_item i ON i.id = r.item_id
                                JOIN candidate c ON c.id = i.candidate_id JOIN program p ON p.id = c.program_id
                                WHERE r.id = target)
        WHEN 'change_request' THEN (SELECT p.body_id FROM change_request r JOIN implementation_item i ON i.id = r.item_id
                                    JOIN candidate c ON c.id = i.candidate_id JOIN program p ON p.id = c.program_id
                                    WHERE r.id = target)
        WHEN 'progress_report' THEN (SELECT p.body_id FROM progress_report r JOIN implementation_item i ON i.id = r.item_id
                                     JOIN candidate c ON c.id = i.candidate_id JOIN program p ON p.id = c.program_id
                                     WHERE r.id = target)
        ELSE NULL
    END;
END
$$;
