-- 036: External knowledge sources synced into the twin's context
-- (a Drive folder, a Notion workspace, a public URL).

CREATE TABLE knowledge_sources (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL,
    kind STRING NOT NULL CHECK (kind IN ('drive_folder', 'notion', 'url', 'rss')),
    uri STRING NOT NULL,
    sync_status STRING NOT NULL DEFAULT 'pending',
    last_synced_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT knowledge_sources_user_id_fkey
        FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    UNIQUE INDEX knowledge_sources_user_uri_uq (user_id, uri)
);
