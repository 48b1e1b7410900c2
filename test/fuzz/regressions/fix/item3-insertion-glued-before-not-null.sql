CREATE TABLE notes (id int PRIMARY KEY, author_id int REFERENCES users(id)NOT NULL);
