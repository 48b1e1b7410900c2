-- 013: Daily briefings: a morning summary of mail, meetings and pending
-- approvals, delivered by email or push at the user's chosen local time.

CREATE TABLE briefing_schedules (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL,
    local_time STRING NOT NULL DEFAULT '07:30',
    weekdays_only BOOL NOT NULL DEFAULT true,
    channel STRING NOT NULL DEFAULT 'email',
    enabled BOOL NOT NULL DEFAULT true,
    FOREIGN KEY (user_id) REFERENCES users(id),
    UNIQUE INDEX briefing_schedules_user_channel_uq (user_id, channel)
);

CREATE TABLE briefings (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(id),
    briefing_date DATE NOT NULL,
    summary STRING,
    delivered_via STRING,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    delivered_at TIMESTAMPTZ,
    UNIQUE INDEX briefings_user_date_uq (user_id, briefing_date)
);

-- The sections of one briefing. Owned through the briefing.
CREATE TABLE briefing_items (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    briefing_id UUID NOT NULL REFERENCES briefings(id),
    sort_order INT8 NOT NULL,
    kind STRING NOT NULL,
    title STRING NOT NULL,
    body STRING,
    source_ref JSONB,
    INDEX (briefing_id, sort_order)
);
