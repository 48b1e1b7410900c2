-- Northwind Twin: core schema
--
-- Northwind Twin is an AI assistant that acts on a user's behalf: it reads
-- connected mail/calendar accounts, proposes actions, and (within the autonomy
-- the user grants) carries them out. This file is the original schema that a
-- fresh cluster is bootstrapped with; numbered migrations in ../ apply on top.
--
-- Dialect: CockroachDB (STRING, INT8, TIMESTAMPTZ, JSONB, inline indexes).
-- Written before per-user tables defaulted to cascading deletes: the foreign
-- keys to users below carry no ON DELETE action.

-- Accounts. Everything else hangs off this table.
CREATE TABLE users (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    email STRING NOT NULL UNIQUE,
    display_name STRING,
    timezone STRING NOT NULL DEFAULT 'UTC',
    locale STRING NOT NULL DEFAULT 'en-US',
    plan STRING NOT NULL DEFAULT 'free' CHECK (plan IN ('free', 'plus', 'team')),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One assistant ("twin") per user: persona and global autonomy settings.
CREATE TABLE assistant_profiles (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(id),
    persona_name STRING NOT NULL DEFAULT 'Twin',
    tone STRING NOT NULL DEFAULT 'neutral',
    -- 0 = suggest only ... 4 = act without asking inside spend limits
    autonomy_level INT8 NOT NULL DEFAULT 1 CHECK (autonomy_level BETWEEN 0 AND 4),
    settings JSONB NOT NULL DEFAULT '{}'::JSONB,
    -- Who last tuned the persona: the user, or a teammate on a team plan.
    tuned_by UUID REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (user_id)
);

-- Chat threads between a user and their twin (web, mobile, email-in, voice).
CREATE TABLE conversations (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL,
    title STRING,
    channel STRING NOT NULL DEFAULT 'chat',
    tags STRING[] NOT NULL DEFAULT '{}',
    archived BOOL NOT NULL DEFAULT false,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_message_at TIMESTAMPTZ,
    CONSTRAINT conversations_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id),
    INDEX conversations_user_recent_idx (user_id, last_message_at DESC),
    INVERTED INDEX (tags)
);

-- Individual turns. Owned through the conversation, no user_id of its own.
CREATE TABLE messages (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    conversation_id UUID NOT NULL REFERENCES conversations(id),
    role STRING NOT NULL CHECK (role IN ('user', 'assistant', 'system', 'tool')),
    content STRING NOT NULL,
    token_count INT8 NOT NULL DEFAULT 0,
    metadata JSONB,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    INDEX messages_conversation_created_idx (conversation_id, created_at DESC)
);

-- A situation the twin had to decide on ("reply to this invite?").
CREATE TABLE decisions (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(id),
    conversation_id UUID REFERENCES conversations(id),
    domain STRING NOT NULL,
    situation JSONB NOT NULL,
    outcome STRING NOT NULL DEFAULT 'pending',
    confidence FLOAT8,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    decided_at TIMESTAMPTZ,
    INDEX (user_id),
    INDEX decisions_user_domain_idx (user_id, domain, created_at DESC) STORING (outcome)
);

-- The ranked options the twin considered for a decision.
CREATE TABLE candidate_actions (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    decision_id UUID NOT NULL REFERENCES decisions(id),
    action_type STRING NOT NULL,
    payload JSONB NOT NULL DEFAULT '{}'::JSONB,
    score FLOAT8 NOT NULL DEFAULT 0,
    rank INT8 NOT NULL,
    selected BOOL NOT NULL DEFAULT false,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE INDEX candidate_actions_decision_rank_uq (decision_id, rank)
);

-- Actions above the user's autonomy level wait here for a human yes/no.
CREATE TABLE approval_requests (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(id),
    candidate_action_id UUID NOT NULL REFERENCES candidate_actions(id),
    status STRING NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'approved', 'rejected', 'expired')),
    -- A teammate allowed to approve on the owner's behalf; NULL = the owner.
    reviewer_id UUID REFERENCES users(id),
    requested_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    responded_at TIMESTAMPTZ,
    expires_at TIMESTAMPTZ,
    INDEX approval_requests_user_status_idx (user_id, status, requested_at DESC)
);

-- Learned and explicit preferences, keyed per domain ("email", "calendar", ...).
CREATE TABLE preferences (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(id),
    domain STRING NOT NULL,
    pref_key STRING NOT NULL,
    value JSONB NOT NULL,
    source STRING NOT NULL DEFAULT 'explicit' CHECK (source IN ('explicit', 'inferred')),
    confidence FLOAT8 NOT NULL DEFAULT 1.0,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE INDEX preferences_user_key_uq (user_id, domain, pref_key)
);

-- Thumbs up/down, corrections and undos: the training signal for the twin.
CREATE TABLE feedback_events (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL,
    decision_id UUID REFERENCES decisions(id),
    message_id UUID REFERENCES messages(id),
    kind STRING NOT NULL CHECK (kind IN ('thumbs_up', 'thumbs_down', 'correction', 'undo')),
    comment_text STRING,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT fk_feedback_events_user FOREIGN KEY (user_id) REFERENCES users(id),
    INDEX (user_id, created_at DESC)
);

-- Third-party accounts the twin may act through (Google, Microsoft, Slack).
CREATE TABLE connected_accounts (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(id),
    provider STRING NOT NULL,
    external_account_id STRING NOT NULL,
    email STRING,
    scopes STRING[] NOT NULL DEFAULT '{}',
    status STRING NOT NULL DEFAULT 'active',
    connected_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at TIMESTAMPTZ,
    UNIQUE INDEX connected_accounts_provider_ext_uq (provider, external_account_id),
    INDEX connected_accounts_user_idx (user_id) STORING (provider, status)
);
