// The TU catalog's rules for tables defined twice. A DROP TABLE followed later by a CREATE TABLE
// of the same table is replayed: the new teams (CASCADE) is the one members is judged against,
// so members is on the delete path, and the first teams' key gets a note instead of a warning.
// A table created twice without a drop between (SQL for two back ends) keeps the findings of
// both definitions.
// RUN: bash %utils/cxx-fix-and-check.sh %s %t lex
struct Db { void exec(const char *); };
void setUp(Db &db) {
  db.exec("CREATE TABLE teams (id BIGINT PRIMARY KEY, owner_id BIGINT NOT NULL REFERENCES users(id))");
// CHECK: tu-redefine.cpp:[[@LINE-1]]:80: note: foreign key teams(owner_id) references users(id) is made ON DELETE CASCADE by tu-redefine.cpp:[[@LINE+2]]
  db.exec("DROP TABLE teams");
  db.exec("CREATE TABLE teams (id BIGINT PRIMARY KEY, owner_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE)");
  db.exec("CREATE TABLE members (team_id BIGINT NOT NULL REFERENCES teams(id))");
// CHECK: tu-redefine.cpp:[[@LINE-1]]:58: warning: foreign key members(team_id) references teams(id) without ON DELETE CASCADE; deleting a user cascades to teams and fails here [cascade-blocked-delete-path]
// CHECK: tu-redefine.cpp:[[@LINE-2]]:58: note: delete path: users <- teams <- members
// FIXED: {{^}}  db.exec("CREATE TABLE members (team_id BIGINT NOT NULL REFERENCES teams(id) ON DELETE CASCADE)");{{$}}
}
const char *kNotesPostgres = "CREATE TABLE notes (id BIGSERIAL PRIMARY KEY, author_id BIGINT NOT NULL REFERENCES users(id))";
// CHECK: tu-redefine.cpp:[[@LINE-1]]:103: warning: foreign key notes(author_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
// FIXED: {{^}}const char *kNotesPostgres = "CREATE TABLE notes (id BIGSERIAL PRIMARY KEY, author_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE)";{{$}}
const char *kNotesOther = "CREATE TABLE notes (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES users(id))";
// CHECK: tu-redefine.cpp:[[@LINE-1]]:99: warning: foreign key notes(author_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
// FIXED: {{^}}const char *kNotesOther = "CREATE TABLE notes (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE)";{{$}}
// A key a later statement drops for good is still reported (its literal's own check).
void keys(Db &db) {
  db.exec("CREATE TABLE badges (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users(id))");
// CHECK: tu-redefine.cpp:[[@LINE-1]]:80: warning: foreign key badges(user_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
// FIXED: {{^}}  db.exec("CREATE TABLE badges (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE)");{{$}}
  db.exec("ALTER TABLE badges DROP CONSTRAINT badges_user_id_fkey");
}
