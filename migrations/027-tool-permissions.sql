-- 027: Per-tool permissions for the agent runtime ("may the twin send email
-- without asking?"). Defaults come from the domain autonomy tier.

CREATE TABLE tool_permissions (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    tool_name STRING NOT NULL,
    permission STRING NOT NULL DEFAULT 'ask' CHECK (permission IN ('allow', 'ask', 'deny')),
    limits JSONB NOT NULL DEFAULT '{}'::JSONB,
    granted_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE INDEX tool_permissions_user_tool_uq (user_id, tool_name)
);
