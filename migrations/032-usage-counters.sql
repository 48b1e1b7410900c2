-- 032: Monthly usage counters for plan limits.
--
-- The counters are bumped on every model call while the rest of the row is
-- almost never written, so they live in their own column family to keep the
-- hot writes small and avoid contention with readers of the static columns.

CREATE TABLE usage_counters (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    period_start DATE NOT NULL,
    plan_limit_tokens INT8,
    requests INT8 NOT NULL DEFAULT 0,
    input_tokens INT8 NOT NULL DEFAULT 0,
    output_tokens INT8 NOT NULL DEFAULT 0,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE INDEX usage_counters_user_period_uq (user_id, period_start),
    FAMILY static_cols (id, user_id, period_start, plan_limit_tokens),
    FAMILY hot_counters (requests, input_tokens, output_tokens, updated_at)
);
