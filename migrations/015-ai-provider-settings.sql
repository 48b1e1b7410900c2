-- 015: Bring-your-own model provider settings.
--
-- From this migration on, every per-user table cascades on user deletion:
-- a user's rows must disappear with the account (delete-my-data).

CREATE TABLE ai_provider_settings (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    provider STRING NOT NULL CHECK (provider IN ('anthropic', 'openai', 'azure', 'local')),
    model STRING NOT NULL,
    api_key_enc BYTEA,
    base_url STRING,
    temperature FLOAT8 NOT NULL DEFAULT 0.2,
    max_output_tokens INT8 NOT NULL DEFAULT 2048,
    is_default BOOL NOT NULL DEFAULT false,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE INDEX ai_provider_settings_user_provider_uq (user_id, provider)
);
