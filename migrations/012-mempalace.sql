-- 012: "Memory palace" long-term memory backend.
--
-- Feature-flagged: only read and written when the service runs with
-- MEMORY_BACKEND=mempalace (the default backend keeps memories in the vector
-- store). The tables are created everywhere so the flag can be flipped per
-- environment without a migration. IF NOT EXISTS because the backend's
-- bootstrap script created them by hand in the staging cluster before this
-- migration existed.

-- Rooms group memories by theme ("Work: Project Atlas", "Family", "Health").
CREATE TABLE IF NOT EXISTS mempalace_rooms (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(id),
    name STRING NOT NULL,
    description STRING,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE INDEX mempalace_rooms_user_name_uq (user_id, name)
);

CREATE TABLE IF NOT EXISTS mempalace_memories (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    room_id UUID NOT NULL REFERENCES mempalace_rooms(id),
    user_id UUID NOT NULL REFERENCES users(id),
    content STRING NOT NULL,
    tags STRING[] NOT NULL DEFAULT '{}',
    salience FLOAT8 NOT NULL DEFAULT 0.5,
    source_message_id UUID REFERENCES messages(id),
    recall_count INT8 NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_recalled_at TIMESTAMPTZ,
    INDEX (user_id),
    INVERTED INDEX mempalace_memories_tags_idx (tags)
);
