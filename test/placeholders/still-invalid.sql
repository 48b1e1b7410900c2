-- A statement that stays invalid once its placeholders read as names: the error quotes the
-- placeholder as written, and the statement's REFERENCES clauses are still checked.
-- RUN: not cascade-tidy %s 2>&1 | %check-diags %s
create table users (id int primary key);
create table :SCHEMA.t (u int references users(id)) :oops;
-- CHECK: still-invalid.sql:[[@LINE-1]]:31: warning: foreign key :SCHEMA.t(u) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: still-invalid.sql:[[@LINE-2]]:53: error: syntax error at or near ":oops"; only REFERENCES clauses of this statement are checked [cascade-diagnostic-error]
-- A quoted variable whose name is no identifier is left alone: a syntax error, as before.
create table :"my schema".t2 (id int);
-- CHECK: still-invalid.sql:[[@LINE-1]]:14: error: syntax error at or near ":"; only REFERENCES clauses of this statement are checked [cascade-diagnostic-error]
