-- 039: Personal API keys. The key is shown once; we keep a prefix for display
-- and a SHA-256 hash for lookup.

CREATE TABLE api_keys (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name STRING NOT NULL,
    key_prefix STRING NOT NULL,
    key_hash STRING NOT NULL UNIQUE,
    scopes STRING[] NOT NULL DEFAULT '{}',
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ,
    INDEX api_keys_user_idx (user_id) STORING (name, key_prefix, last_used_at)
);
