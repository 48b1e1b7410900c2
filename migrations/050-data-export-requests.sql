-- 050: "Download my data" requests (GDPR art. 15/20). The export job writes
-- an archive to object storage and e-mails a signed link.

CREATE TABLE data_export_requests (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    status STRING NOT NULL DEFAULT 'queued'
        CHECK (status IN ('queued', 'running', 'ready', 'expired', 'failed')),
    archive_key STRING,
    requested_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at TIMESTAMPTZ,
    link_expires_at TIMESTAMPTZ,
    INDEX (user_id, requested_at DESC)
);
