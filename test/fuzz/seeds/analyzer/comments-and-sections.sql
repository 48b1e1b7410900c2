/* a /* b /* c */ */ */ CREATE TABLE "x
y" ("a""b" int REFERENCES users(id));
-- +goose Up
CREATE TABLE p (u int REFERENCES users);
-- +goose Down
DROP TABLE p;
