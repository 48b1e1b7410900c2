-- Nothing here blocks deleting a user: no diagnostics.
-- RUN: %cascade-tidy %s 2>&1 | %check-diags --allow-empty %s
CREATE TABLE a (u UUID REFERENCES users(id) ON DELETE CASCADE);
CREATE TABLE b (u UUID REFERENCES users(id) ON DELETE SET NULL);
CREATE TABLE c (u UUID REFERENCES users(id) ON UPDATE RESTRICT ON DELETE SET DEFAULT);
CREATE TABLE d (u UUID REFERENCES accounts(id));
CREATE TABLE e (u UUID REFERENCES "Users"(id));
CREATE TABLE f (u UUID REFERENCES users_archive(id));
-- References users(id) in a comment; /* REFERENCES users(id) */ too.
SELECT 'CREATE TABLE g (u UUID REFERENCES users(id))';
INSERT INTO logs (line) VALUES ('x uuid references users(id)');
