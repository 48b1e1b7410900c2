-- 049: Multiple personas per user ("Work Twin", "Home Twin").
--
-- Seeded from assistant_profiles.persona_name. The foreign key is added after
-- the backfill so the INSERT ... SELECT does not pay per-row FK checks.

CREATE TABLE assistant_personas (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL,
    name STRING NOT NULL,
    tone STRING NOT NULL DEFAULT 'neutral',
    system_prompt STRING,
    is_default BOOL NOT NULL DEFAULT false,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE INDEX assistant_personas_user_name_uq (user_id, name)
);

INSERT INTO assistant_personas (user_id, name, tone, is_default)
SELECT user_id, persona_name, tone, true
FROM assistant_profiles;

ALTER TABLE assistant_personas
    ADD CONSTRAINT assistant_personas_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE;
