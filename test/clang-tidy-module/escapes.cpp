// Escaped quotes, backslashes, \n and \t before the clause: columns are where the bytes are
// spelled, and the fix lands after the spelled `users(id)`, before the `\n` escape.
// RUN: bash %utils/cxx-fix-and-check.sh %s %t module
const char *kNotes = "CREATE TABLE \"notes\" (\n\tpath TEXT DEFAULT 'C:\\tmp\\', author_id UUID REFERENCES \"users\"(id)\n)";
// CHECK: escapes.cpp:[[@LINE-1]]:97: warning: foreign key notes(author_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
// FIXED: {{^}}const char *kNotes = "CREATE TABLE \"notes\" (\n\tpath TEXT DEFAULT 'C:\\tmp\\', author_id UUID REFERENCES \"users\"(id) ON DELETE CASCADE\n)";{{$}}
