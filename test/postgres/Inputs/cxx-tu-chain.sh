#!/usr/bin/env bash
# The C/C++ chain on a real PostgreSQL 15: a C++ file creates its tables with one exec() call
# each (albums references users ON DELETE CASCADE, photos references albums). Checked one
# literal at a time the chain was invisible and `DELETE FROM users` failed after --fix. Now:
# the schema extracted from the file blocks the delete before cascade-tidy --fix and lets it
# through after.
#   cxx-tu-chain.sh WORKDIR SOURCE-ROOT
set -euo pipefail
work=$1 src=$2
utils=$src/test/utils
rm -rf "$work"; mkdir -p "$work"
source "$utils/pg-session.sh"

cat > "$work/schema.cpp" <<'CPP'
struct Db { void exec(const char *sql); };
void createSchema(Db &db) {
  db.exec("CREATE TABLE users (id BIGINT PRIMARY KEY)");
  db.exec("CREATE TABLE albums (id BIGINT PRIMARY KEY, "
          "owner_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE)");
  db.exec("CREATE TABLE photos (id BIGINT PRIMARY KEY, "
          "album_id BIGINT NOT NULL REFERENCES albums(id))");
  db.exec(R"sql(CREATE TABLE photo_likes (photo_id BIGINT NOT NULL REFERENCES photos(id),
                                         liked_at TIMESTAMPTZ NOT NULL DEFAULT now()))sql");
}
void dropSchema(Db &db) { db.exec("DROP TABLE IF EXISTS photo_likes, photos, albums, users"); }
CPP

# Loads the schema the file's literals create into an empty public schema, with one user who
# has an album, a photo and a like, then deletes the user.
load_and_delete() {
  python3 "$utils/cxx_sql.py" "$work/schema.cpp" | grep -v '^DROP' > "$work/$1.sql"
  q -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public' 2> /dev/null
  q -f "$work/$1.sql"
  q -c "INSERT INTO users VALUES (1); INSERT INTO albums VALUES (10, 1);
        INSERT INTO photos VALUES (100, 10); INSERT INTO photo_likes VALUES (100)"
  if q -c 'DELETE FROM users WHERE id = 1' 2> "$work/$1.err"; then
    echo "$1: DELETE FROM users succeeds; rows left: $(q -c 'SELECT (SELECT count(*) FROM albums)
      + (SELECT count(*) FROM photos) + (SELECT count(*) FROM photo_likes)')"
  else
    echo "$1: DELETE FROM users fails: $(head -1 "$work/$1.err")"
  fi
}

load_and_delete before
cascade-tidy --cxx-mode=ast --quiet "$work/schema.cpp" -- -std=c++17 | grep -E ': (warning|error):' |
  sed -E 's|^.*/schema.cpp:|schema.cpp:|' || true
cascade-tidy --cxx-mode=ast --fix "$work/schema.cpp" -- -std=c++17 > /dev/null 2> "$work/fix.log" || true
grep 'applied' "$work/fix.log"
clang++ -std=c++17 -fsyntax-only "$work/schema.cpp"
load_and_delete after
