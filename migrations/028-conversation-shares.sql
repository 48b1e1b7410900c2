-- 028: Share links for conversations (read-only, optionally expiring).

CREATE TABLE conversation_shares (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    conversation_id UUID NOT NULL REFERENCES conversations(id),
    shared_by UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    share_token STRING NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ,
    -- Per-user data: a share revoked by an account goes when that account goes.
    revoked_by UUID REFERENCES users(id) ON DELETE CASCADE,
    INDEX (conversation_id)
);
