-- A draft vote can be withdrawn (撤回): it was never opened and never will be. The row
-- stays (its vote.created and vote.withdrawn events are in the audit chain), but it is
-- no longer public, no longer openable, and no longer holds the candidate list it was
-- made from, so the presidium can reopen the list and make a new one.
ALTER TABLE vote ADD COLUMN withdrawn_at timestamptz;

ALTER TABLE vote DROP CONSTRAINT vote_state_check;
ALTER TABLE vote ADD CONSTRAINT vote_state_check
    CHECK (state IN ('draft', 'open', 'closed', 'announced', 'withdrawn'));

-- Only a draft is withdrawn, so a withdrawn vote was never opened either.
ALTER TABLE vote DROP CONSTRAINT vote_check;
ALTER TABLE vote ADD CONSTRAINT vote_check CHECK ((state IN ('draft', 'withdrawn')) = (opened_at IS NULL));
ALTER TABLE vote ADD CONSTRAINT vote_withdrawn_check CHECK ((state = 'withdrawn') = (withdrawn_at IS NOT NULL));

-- A withdrawn runoff leaves room for the runoff that replaces it: one live runoff per vote.
DROP INDEX vote_one_runoff;
CREATE UNIQUE INDEX vote_one_runoff ON vote(runoff_of) WHERE runoff_of IS NOT NULL AND state <> 'withdrawn';
