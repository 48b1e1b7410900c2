-- 006: Audit trail for trust-tier changes (how much the twin may do unasked
-- in a domain). Required for the SOC 2 change-management control.

CREATE TABLE trust_tier_audit (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(id),
    domain STRING NOT NULL,
    old_tier INT8 NOT NULL,
    new_tier INT8 NOT NULL,
    reason STRING NOT NULL,
    -- NULL when the twin promoted itself after a streak of accepted actions.
    changed_by UUID REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    INDEX trust_tier_audit_user_created_idx (user_id, created_at DESC)
);
