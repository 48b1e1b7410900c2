// A u8 literal is read like an ordinary one; a non-ASCII byte before the clause counts as bytes
// in the column (clang's convention).
// RUN: bash %utils/cxx-fix-and-check.sh %s %t ast
const char *kNotes = u8"CREATE TABLE notes (title TEXT DEFAULT 'café', author_id UUID REFERENCES users(id) ON DELETE RESTRICT)";
// CHECK: u8.cpp:[[@LINE-1]]:88: warning: foreign key notes(author_id) references users(id) with ON DELETE RESTRICT; deleting a user fails here [cascade-missing-on-delete]
// FIXED: {{^}}const char *kNotes = u8"CREATE TABLE notes (title TEXT DEFAULT 'café', author_id UUID REFERENCES users(id) ON DELETE CASCADE)";{{$}}
