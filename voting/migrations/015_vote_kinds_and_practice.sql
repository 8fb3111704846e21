-- Issue 11: where a vote comes from, the practice vote (试表决), and a runoff not held.
--
-- kind: 'list' — made from the presidium's fixed list and 票决办法 (and its runoffs);
--       'resolution' — not from the list (e.g. a resolution on one matter): labelled as such,
--                      created only with a reason, which is kept here and in the audit chain;
--       'practice' — 试表决: deputies try the tablets; never counted, announced or archived.
-- Votes made before this migration from a fixed list become 'list'; the rest 'resolution'.
ALTER TABLE vote ADD COLUMN kind text NOT NULL DEFAULT 'resolution'
    CHECK (kind IN ('list', 'resolution', 'practice'));
ALTER TABLE vote ADD COLUMN reason text;
UPDATE vote v SET kind = 'list'
WHERE EXISTS (SELECT 1 FROM vote_candidate vc JOIN list_entry l ON l.candidate_id = vc.candidate_id
              WHERE vc.vote_id = COALESCE(v.runoff_of, v.id));
UPDATE vote SET reason = '（本迁移之前创建）created before votes needed a reason' WHERE kind = 'resolution';
ALTER TABLE vote ADD CONSTRAINT vote_resolution_reason CHECK (kind <> 'resolution' OR length(btrim(reason)) > 0);

-- A practice vote ends ('ended') instead of being counted: it never has a tally and is never announced.
ALTER TABLE vote DROP CONSTRAINT vote_state_check;
ALTER TABLE vote ADD CONSTRAINT vote_state_check
    CHECK (state IN ('draft', 'open', 'closed', 'announced', 'withdrawn', 'ended'));
ALTER TABLE vote ADD CONSTRAINT vote_only_practice_ends CHECK (state <> 'ended' OR kind = 'practice');
ALTER TABLE vote ADD CONSTRAINT vote_practice_never_counted
    CHECK (kind <> 'practice' OR state IN ('draft', 'open', 'ended', 'withdrawn'));
ALTER TABLE vote ADD CONSTRAINT vote_practice_no_runoff CHECK (kind <> 'practice' OR runoff_of IS NULL);

-- The presiding officer may decide not to hold a runoff the count asks for, with a recorded reason.
ALTER TABLE vote ADD COLUMN runoff_not_held text CHECK (runoff_not_held IS NULL OR length(btrim(runoff_not_held)) > 0);
ALTER TABLE vote ADD COLUMN runoff_not_held_at timestamptz;
ALTER TABLE vote ADD CONSTRAINT vote_runoff_not_held_dated
    CHECK ((runoff_not_held IS NULL) = (runoff_not_held_at IS NULL));
