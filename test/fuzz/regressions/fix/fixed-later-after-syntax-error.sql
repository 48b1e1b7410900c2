ALTER TABLE decisions DROP CONSTRAINT decisions_useIGN KEY (user_id) REFERENions(id) ON DELETE CASCADE;
ALTER TABLE grants DROP CONSTRAINT grants_user_id_fkey, ADD FOREIGN KEY (user_id) REFERENCES users(id)ONSTRAINT ca_decision_fk FOREIGN KEY (decision_id) REFERENCES decisions(id) ON DELETE CASCADE;
ALTER TABLE grants DROP CONSTRAINT grants_user_id_fkey, ADD FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE RESTRICT;
