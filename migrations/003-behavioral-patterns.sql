-- 003: Behavioral patterns the twin infers from what the user does
-- ("archives newsletters unread", "declines meetings before 9am").

CREATE TABLE behavioral_patterns (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(id),
    domain STRING NOT NULL,
    pattern_type STRING NOT NULL,
    description STRING NOT NULL,
    parameters JSONB NOT NULL DEFAULT '{}'::JSONB,
    strength FLOAT8 NOT NULL DEFAULT 0,
    observation_count INT8 NOT NULL DEFAULT 0,
    first_seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    INDEX behavioral_patterns_user_domain_idx (user_id, domain)
);

-- Each piece of evidence behind a pattern; strength is recomputed from these.
CREATE TABLE pattern_observations (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    pattern_id UUID NOT NULL REFERENCES behavioral_patterns(id),
    user_id UUID NOT NULL REFERENCES users(id),
    decision_id UUID REFERENCES decisions(id),
    evidence JSONB NOT NULL,
    weight FLOAT8 NOT NULL DEFAULT 1.0,
    observed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    INDEX (pattern_id, observed_at DESC)
);
