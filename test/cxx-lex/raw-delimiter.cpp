// A raw string with a custom delimiter: bytes are taken verbatim (no escapes), `)"` inside is
// text, and the fix goes inside the raw string.
// RUN: bash %utils/cxx-fix-and-check.sh %s %t lex
const char *kNotes = R"sql(
  CREATE TABLE notes (
    body TEXT DEFAULT ')"\n',
    author_id UUID NOT NULL REFERENCES users(id)
  ))sql";
// CHECK: raw-delimiter.cpp:[[@LINE-2]]:29: warning: foreign key notes(author_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
// FIXED: {{^}}    author_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE{{$}}
