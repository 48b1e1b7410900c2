-- 030: Multi-step agent runs ("plan my trip to Lisbon"): one row per run.

CREATE TABLE agent_runs (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    conversation_id UUID REFERENCES conversations(id),
    goal STRING NOT NULL,
    model STRING NOT NULL,
    status STRING NOT NULL DEFAULT 'running'
        CHECK (status IN ('running', 'waiting_approval', 'succeeded', 'failed', 'cancelled')),
    total_tokens INT8 NOT NULL DEFAULT 0,
    cost_micros INT8 NOT NULL DEFAULT 0,
    started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at TIMESTAMPTZ,
    INDEX agent_runs_user_started_idx (user_id, started_at DESC) STORING (status, goal)
);
