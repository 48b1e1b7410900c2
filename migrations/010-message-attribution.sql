-- 010: Message attribution for shared (team) conversations.
--
-- Until now every 'user' message came from the conversation owner. Team plans
-- let teammates post into a shared thread, so record the author. The column is
-- added first and the constraint separately so the backfill job can run
-- between the two steps on large tables.

ALTER TABLE messages ADD COLUMN author_id UUID;

ALTER TABLE messages
    ADD CONSTRAINT messages_author_id_fkey FOREIGN KEY (author_id) REFERENCES users(id);

CREATE INDEX messages_author_idx ON messages (author_id);
