-- Existing NO ACTION / RESTRICT words are replaced, never duplicated; case follows the clause.
-- RUN: bash %utils/fix-and-check.sh %s %t
CREATE TABLE a (u UUID REFERENCES users(id) ON DELETE NO ACTION);
-- CHECK: :[[@LINE-1]]:24: warning: foreign key a(u) references users(id) with ON DELETE NO ACTION; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE a (u UUID REFERENCES users(id) ON DELETE CASCADE);{{$}}
CREATE TABLE b (u UUID REFERENCES users(id) ON DELETE RESTRICT ON UPDATE CASCADE);
-- CHECK: :[[@LINE-1]]:24: warning: foreign key b(u) references users(id) with ON DELETE RESTRICT; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE b (u UUID REFERENCES users(id) ON DELETE CASCADE ON UPDATE CASCADE);{{$}}
create table c (u uuid references users(id) on update restrict on delete restrict);
-- CHECK: :[[@LINE-1]]:24: warning: foreign key c(u) references users(id) with ON DELETE RESTRICT; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}create table c (u uuid references users(id) on update restrict on delete cascade);{{$}}
CREATE TABLE d (u UUID REFERENCES users(id) ON DELETE no action);
-- CHECK: :[[@LINE-1]]:24: warning: foreign key d(u) references users(id) with ON DELETE NO ACTION; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE d (u UUID REFERENCES users(id) ON DELETE cascade);{{$}}
