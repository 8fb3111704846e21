-- 恢复实施: a postponed (暂缓) project resumes, like the other changes, only once a
-- decision is recorded; the service refuses it for a project that is not postponed.
ALTER TABLE change_request DROP CONSTRAINT change_request_kind_check;
ALTER TABLE change_request ADD CONSTRAINT change_request_kind_check
    CHECK (kind IN ('adjust', 'postpone', 'stop', 'resume'));
