-- 031: The individual steps of an agent run (thoughts, tool calls, results).
-- Steps belong to their run and carry no user_id of their own.

CREATE TABLE agent_steps (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    run_id UUID NOT NULL REFERENCES agent_runs(id),
    step_index INT8 NOT NULL,
    kind STRING NOT NULL CHECK (kind IN ('thought', 'tool_call', 'tool_result', 'final')),
    tool_name STRING,
    input_payload JSONB,
    output_payload JSONB,
    tokens INT8 NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE INDEX agent_steps_run_step_uq (run_id, step_index)
);

-- Who pressed "stop" (the owner or a teammate); the run goes with that account.
ALTER TABLE agent_runs ADD COLUMN cancelled_by UUID REFERENCES users(id) ON DELETE CASCADE;
