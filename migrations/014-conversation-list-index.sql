-- 014: Covering index for the conversation sidebar.
--
-- The sidebar query filters on (user_id, archived) and shows title and
-- last_message_at; storing those columns lets it skip the primary index.

CREATE INDEX conversations_user_archived_idx
    ON conversations (user_id, archived)
    STORING (title, last_message_at);
