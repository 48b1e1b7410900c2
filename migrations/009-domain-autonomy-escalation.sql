-- 009: Per-domain autonomy with escalation rules.
--
-- Replaces the single global autonomy_level for users who opt in: each domain
-- (email, calendar, purchases, travel) gets its own tier and escalation policy.

CREATE TABLE domain_autonomy (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(id),
    domain STRING NOT NULL,
    tier INT8 NOT NULL DEFAULT 0 CHECK (tier BETWEEN 0 AND 4),
    auto_approve_below_cents INT8,
    escalation_policy JSONB NOT NULL DEFAULT '{}'::JSONB,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE INDEX domain_autonomy_user_domain_uq (user_id, domain)
);

CREATE TABLE domain_autonomy_audit (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    domain_autonomy_id UUID NOT NULL REFERENCES domain_autonomy(id),
    user_id UUID NOT NULL REFERENCES users(id),
    -- Who made the change: the owner, a delegate, or NULL for the escalation engine.
    actor_id UUID REFERENCES users(id),
    event STRING NOT NULL CHECK (event IN ('escalated', 'de_escalated', 'policy_changed')),
    before_state JSONB,
    after_state JSONB,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    INDEX (user_id, created_at DESC)
);
