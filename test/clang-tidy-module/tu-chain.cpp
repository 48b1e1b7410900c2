// One catalog per translation unit: albums references users (CASCADE) and photos references
// albums, each in its own exec() call; the blocked path photos -> albums is found, and the
// teardown's DROP TABLE does not hide it.
// RUN: bash %utils/cxx-fix-and-check.sh %s %t module
struct Db { void exec(const char *); };
void createSchema(Db &db) {
  db.exec("CREATE TABLE users (id BIGINT PRIMARY KEY)");
  db.exec("CREATE TABLE albums (id BIGINT PRIMARY KEY, owner_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE)");
  db.exec("CREATE TABLE photos (id BIGINT PRIMARY KEY, album_id BIGINT NOT NULL REFERENCES albums(id))");
// CHECK: tu-chain.cpp:[[@LINE-1]]:81: warning: foreign key photos(album_id) references albums(id) without ON DELETE CASCADE; deleting a user cascades to albums and fails here [cascade-blocked-delete-path]
// CHECK: tu-chain.cpp:[[@LINE-2]]:81: note: delete path: users <- albums <- photos
// FIXED: {{^}}  db.exec("CREATE TABLE photos (id BIGINT PRIMARY KEY, album_id BIGINT NOT NULL REFERENCES albums(id) ON DELETE CASCADE)");{{$}}
}
void teardown(Db &db) { db.exec("DROP TABLE IF EXISTS photos, albums, users"); }
