-- 048: Voice channel settings (phone and smart-speaker access to the twin).

CREATE TABLE voice_profiles (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    phone_e164 STRING UNIQUE,
    voice STRING NOT NULL DEFAULT 'alloy',
    speaking_rate FLOAT8 NOT NULL DEFAULT 1.0,
    passphrase_hash STRING,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (user_id)
);
