-- 007: Execution log for selected candidate actions, plus user undo requests.

-- Every attempt to carry out an action (retries get their own row).
CREATE TABLE action_executions (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    candidate_action_id UUID NOT NULL REFERENCES candidate_actions(id),
    attempt INT8 NOT NULL DEFAULT 1,
    status STRING NOT NULL DEFAULT 'running'
        CHECK (status IN ('running', 'succeeded', 'failed', 'undone')),
    provider_response JSONB,
    error STRING,
    started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at TIMESTAMPTZ,
    UNIQUE INDEX action_executions_candidate_attempt_uq (candidate_action_id, attempt DESC)
);

-- "Undo that": the user asks the twin to reverse an executed action.
CREATE TABLE action_undo_requests (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    execution_id UUID NOT NULL REFERENCES action_executions(id),
    user_id UUID NOT NULL REFERENCES users(id),
    status STRING NOT NULL DEFAULT 'pending',
    requested_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    resolved_at TIMESTAMPTZ,
    INDEX (user_id)
);
