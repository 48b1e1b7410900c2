create table c (u int references users(id) match full on update cascade, v int references users on delete set null not null);
CREATE TABLE users (id int PRIMARY KEY, manager int REFERENCES users(id));
CREATE TABLE d (x int, CONSTRAINT k FOREIGN KEY (x) REFERENCES public.users(id) ON UPDATE RESTRICT DEFERRABLE INITIALLY DEFERRED);
