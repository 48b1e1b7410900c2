#!/usr/bin/env bash
# rehearse on a small schema: a chained blocker (its path and its first blocking row of
# several), a DEFERRABLE INITIALLY DEFERRED key that would only fail at COMMIT (the rehearsal,
# which never commits, checks it at the statement), a self-reference set null, and hostile
# table names shown escaped.
#   rehearse-chain.sh WORKDIR SOURCE-ROOT
set -euo pipefail
work=$1 utils=$2/test/utils
rm -rf "$work"; mkdir -p "$work"
source "$utils/pg-session.sh"
r() { cascade-migrate rehearse --db "$db" "$@" && echo "exit=0" || echo "exit=$?"; }
q -c 'CREATE TABLE users (id int PRIMARY KEY, invited_by int REFERENCES users(id) ON DELETE SET NULL);
CREATE TABLE decisions (id int PRIMARY KEY, user_id int NOT NULL REFERENCES users(id) ON DELETE CASCADE);
CREATE TABLE "candidate
actions" (id int PRIMARY KEY, decision_id int NOT NULL REFERENCES decisions(id) ON DELETE RESTRICT);
INSERT INTO users VALUES (1, NULL), (2, 1), (3, NULL);
INSERT INTO decisions VALUES (10, 1), (11, 1), (12, 2);
INSERT INTO "candidate
actions" VALUES (7, 11), (5, 10), (6, 10), (9, 12);'
echo "== chained blocker"
r --id 1
echo "== after the fix"
q -c 'ALTER TABLE "candidate
actions" DROP CONSTRAINT "candidate
actions_decision_id_fkey", ADD FOREIGN KEY (decision_id) REFERENCES decisions(id) ON DELETE CASCADE'
r --id 1
echo "== deferred key"
q -c 'CREATE TABLE notes (user_id int REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED); INSERT INTO notes VALUES (3)'
r --id 3
echo "rows: $(q -c 'SELECT (SELECT count(*) FROM users) || (SELECT count(*) FROM decisions)::text || (SELECT count(*) FROM notes)')"
