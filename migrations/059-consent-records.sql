-- 059: Consent records (terms, privacy policy, model-training opt-in).
-- Append-only; the latest row per (user, purpose) is the current state.

CREATE TABLE IF NOT EXISTS consent_records (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    purpose STRING NOT NULL CHECK (purpose IN ('terms', 'privacy', 'training', 'marketing')),
    policy_version STRING NOT NULL,
    granted BOOL NOT NULL,
    source STRING NOT NULL DEFAULT 'web',
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    INDEX consent_records_user_purpose_idx (user_id, purpose, recorded_at DESC)
);
