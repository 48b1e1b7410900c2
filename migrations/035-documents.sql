-- 035: Uploaded documents the twin can read and cite. File bytes live in
-- object storage; this table holds metadata and the extracted text.

CREATE TABLE documents (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    filename STRING NOT NULL,
    mime_type STRING NOT NULL,
    size_bytes INT8 NOT NULL,
    storage_key STRING NOT NULL UNIQUE,
    sha256 STRING NOT NULL,
    tags STRING[] NOT NULL DEFAULT '{}',
    extracted_text STRING,
    uploaded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    INDEX documents_user_uploaded_idx (user_id, uploaded_at DESC),
    INVERTED INDEX documents_tags_idx (tags)
);
