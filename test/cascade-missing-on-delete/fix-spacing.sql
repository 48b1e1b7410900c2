-- An inserted or replaced ON DELETE never glues onto the token after it; a second --fix
-- changes nothing (fix-and-check.sh checks both, and that the fixed text parses).
-- RUN: bash %utils/fix-and-check.sh %s %t
CREATE TABLE users (id int PRIMARY KEY);
CREATE TABLE a (u int REFERENCES users(id)NOT NULL);
-- CHECK: :[[@LINE-1]]:23: warning: foreign key a(u) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE a (u int REFERENCES users(id) ON DELETE CASCADE NOT NULL);{{$}}
CREATE TABLE b (u int REFERENCES users(id)DEFERRABLE);
-- CHECK: :[[@LINE-1]]:23: warning: foreign key b(u) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE b (u int REFERENCES users(id) ON DELETE CASCADE DEFERRABLE);{{$}}
CREATE TABLE c (u int REFERENCES users(id)UNIQUE);
-- CHECK: :[[@LINE-1]]:23: warning: foreign key c(u) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE c (u int REFERENCES users(id) ON DELETE CASCADE UNIQUE);{{$}}
CREATE TABLE d (u int REFERENCES users(id)CHECK (u > 0));
-- CHECK: :[[@LINE-1]]:23: warning: foreign key d(u) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE d (u int REFERENCES users(id) ON DELETE CASCADE CHECK (u > 0));{{$}}
CREATE TABLE e (u int REFERENCES users(id)/* why */NOT NULL);
-- CHECK: :[[@LINE-1]]:23: warning: foreign key e(u) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE e (u int REFERENCES users(id) ON DELETE CASCADE /* why */NOT NULL);{{$}}
CREATE TABLE f (u int REFERENCES users(id)-- why
-- CHECK: :[[@LINE-1]]:23: warning: foreign key f(u) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE f (u int REFERENCES users(id) ON DELETE CASCADE -- why{{$}}
);
CREATE TABLE g (u int REFERENCES "users"NOT NULL);
-- CHECK: :[[@LINE-1]]:23: warning: foreign key g(u) references users without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE g (u int REFERENCES "users" ON DELETE CASCADE NOT NULL);{{$}}
CREATE TABLE h (u int REFERENCES users(id) MATCH FULL/**/DEFERRABLE);
-- CHECK: :[[@LINE-1]]:23: warning: foreign key h(u) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE h (u int REFERENCES users(id) MATCH FULL ON DELETE CASCADE /**/DEFERRABLE);{{$}}
CREATE TABLE i (u int references users(id) on update cascade/**/not null);
-- CHECK: :[[@LINE-1]]:23: warning: foreign key i(u) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE i (u int references users(id) on update cascade on delete cascade /**/not null);{{$}}
CREATE TABLE j (u int REFERENCES users(id) ON DELETE RESTRICT/**/NOT NULL);
-- CHECK: :[[@LINE-1]]:23: warning: foreign key j(u) references users(id) with ON DELETE RESTRICT; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE j (u int REFERENCES users(id) ON DELETE CASCADE /**/NOT NULL);{{$}}
CREATE TABLE k (u int, v int NOT NULL, FOREIGN KEY (u, v) REFERENCES users ON DELETE SET NULL (v)NOT VALID);
-- CHECK: :[[@LINE-1]]:59: warning: foreign key k(u, v) references users with ON DELETE SET NULL but v is NOT NULL; deleting a user fails with a not-null violation [cascade-set-null-not-null]
-- FIXED: {{^}}CREATE TABLE k (u int, v int NOT NULL, FOREIGN KEY (u, v) REFERENCES users ON DELETE CASCADE NOT VALID);{{$}}
CREATE TABLE l (u int REFERENCES users(id),w int);
-- CHECK: :[[@LINE-1]]:23: warning: foreign key l(u) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE l (u int REFERENCES users(id) ON DELETE CASCADE,w int);{{$}}
CREATE TABLE m (u int);ALTER TABLE m ADD FOREIGN KEY (u) REFERENCES users(id);SELECT 1;
-- CHECK: :[[@LINE-1]]:58: warning: foreign key m(u) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE m (u int);ALTER TABLE m ADD FOREIGN KEY (u) REFERENCES users(id) ON DELETE CASCADE;SELECT 1;{{$}}
