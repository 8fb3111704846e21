-- 016: an evaluation round in which too few members rated closes as void (无效): no result, no 整改 (issue 11).
-- The original CHECKs were unnamed; they are replaced by named ones that know the new state.
ALTER TABLE evaluation_round DROP CONSTRAINT IF EXISTS evaluation_round_state_check;
ALTER TABLE evaluation_round DROP CONSTRAINT IF EXISTS evaluation_round_check1;
ALTER TABLE evaluation_round
    ADD CONSTRAINT evaluation_round_state CHECK (state IN ('draft', 'open', 'closed', 'void')),
    ADD CONSTRAINT evaluation_round_closed_at CHECK ((state IN ('closed', 'void')) = (closed_at IS NOT NULL));
-- A void round keeps no sheets and no results.
