// A plain literal: exact column of REFERENCES, the fix inside the quotes.
// RUN: bash %utils/cxx-fix-and-check.sh %s %t lex
const char *kNotes = "CREATE TABLE notes (id UUID PRIMARY KEY, author_id UUID REFERENCES users(id))";
// CHECK: plain.cpp:[[@LINE-1]]:79: warning: foreign key notes(author_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
// FIXED: {{^}}const char *kNotes = "CREATE TABLE notes (id UUID PRIMARY KEY, author_id UUID REFERENCES users(id) ON DELETE CASCADE)";{{$}}
