-- 040: Tentative calendar holds the twin places while it negotiates a
-- meeting time by email; released automatically when they expire.

CREATE TABLE calendar_holds (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL,
    connected_account_id UUID NOT NULL REFERENCES connected_accounts(id),
    external_event_id STRING,
    starts_at TIMESTAMPTZ NOT NULL,
    ends_at TIMESTAMPTZ NOT NULL,
    status STRING NOT NULL DEFAULT 'held' CHECK (status IN ('held', 'confirmed', 'released')),
    expires_at TIMESTAMPTZ NOT NULL,
    CHECK (ends_at > starts_at),
    CONSTRAINT calendar_holds_user_id_fkey FOREIGN KEY (user_id)
        REFERENCES users(id) ON UPDATE CASCADE ON DELETE CASCADE,
    INDEX calendar_holds_user_starts_idx (user_id, starts_at)
);
