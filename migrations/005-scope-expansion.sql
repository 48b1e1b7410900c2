-- 005: Incremental OAuth scope expansion and approval delegation.
--
-- The twin now asks for extra scopes only when a task needs them (e.g. write
-- access to a calendar) instead of requesting everything at connect time.

CREATE TABLE scope_grants (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(id),
    connected_account_id UUID NOT NULL REFERENCES connected_accounts(id),
    scope STRING NOT NULL,
    reason STRING,
    status STRING NOT NULL DEFAULT 'requested'
        CHECK (status IN ('requested', 'granted', 'denied', 'revoked')),
    requested_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    granted_at TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ,
    UNIQUE INDEX scope_grants_account_scope_uq (connected_account_id, scope)
);

-- Team plans: a delegate may approve scope requests for the profile owner.
ALTER TABLE assistant_profiles ADD COLUMN delegate_id UUID REFERENCES users(id);
