-- 002: OAuth token storage for connected accounts.
--
-- Tokens are encrypted by the application (envelope encryption, KMS-wrapped
-- data key) before they reach the database; only ciphertext is stored here.

CREATE TABLE oauth_tokens (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(id),
    connected_account_id UUID NOT NULL REFERENCES connected_accounts(id),
    access_token_enc BYTEA NOT NULL,
    refresh_token_enc BYTEA,
    token_type STRING NOT NULL DEFAULT 'Bearer',
    scopes STRING[] NOT NULL DEFAULT '{}',
    expires_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    INDEX (user_id),
    INDEX oauth_tokens_expiry_idx (expires_at)
);

-- Short-lived CSRF state + PKCE verifier for the authorization-code flow.
-- Rows are swept by a TTL job ten minutes after creation.
CREATE TABLE oauth_states (
    state STRING PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users(id),
    provider STRING NOT NULL,
    redirect_uri STRING NOT NULL,
    code_verifier STRING NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL DEFAULT now() + INTERVAL '10 minutes'
);
