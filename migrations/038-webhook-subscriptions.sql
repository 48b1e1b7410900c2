-- 038: Outbound webhooks so power users can pipe twin events into Zapier etc.
-- The signing secret is encrypted by the application.

CREATE TABLE webhook_subscriptions (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    target_url STRING NOT NULL,
    event_types STRING[] NOT NULL DEFAULT '{}',
    secret_enc BYTEA NOT NULL,
    active BOOL NOT NULL DEFAULT true,
    failure_count INT8 NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    INDEX (user_id),
    INVERTED INDEX (event_types)
);
