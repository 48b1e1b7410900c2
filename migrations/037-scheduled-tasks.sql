-- 037: Recurring tasks the user hands to the twin ("every Friday, draft my
-- weekly update"). The scheduler polls the due index below.

CREATE TABLE scheduled_tasks (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    title STRING NOT NULL,
    instructions STRING NOT NULL,
    cron_expr STRING NOT NULL,
    timezone STRING NOT NULL DEFAULT 'UTC',
    status STRING NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
    next_run_at TIMESTAMPTZ,
    last_run_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    INDEX scheduled_tasks_due_idx (status, next_run_at) STORING (user_id)
);
