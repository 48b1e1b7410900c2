-- 011: Server-side sessions (replaces stateless JWTs so sessions can be
-- revoked). Only a SHA-256 of the session token is stored.

CREATE TABLE sessions (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(id),
    token_hash STRING NOT NULL,
    user_agent STRING,
    ip_address INET,
    -- Support staff "view as user" sessions record the staff member (audited).
    impersonator_id UUID REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ,
    UNIQUE INDEX sessions_token_hash_uq (token_hash),
    INDEX sessions_user_idx (user_id, expires_at DESC) STORING (revoked_at)
);
