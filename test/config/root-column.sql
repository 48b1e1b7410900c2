-- A root with a column matches only FKs to that column; REFERENCES users (no column list)
-- means users' primary key, id, so it does not reference users(email).
-- RUN: not %cascade-tidy --root='users(email)' %s 2>&1 | %check-diags %s
CREATE TABLE users (id UUID PRIMARY KEY, email TEXT UNIQUE);
CREATE TABLE a (u UUID REFERENCES users);
CREATE TABLE b (e TEXT REFERENCES users(email));
-- CHECK: :[[@LINE-1]]:24: warning: foreign key b(e) references users(email) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
