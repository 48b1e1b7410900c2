// A literal written as a macro argument is spelled in this file: fixable in place.
// RUN: bash %utils/cxx-fix-and-check.sh %s %t lex
#define RUN_SQL(s) (s)
const char *kTags = RUN_SQL("CREATE TABLE tags (note_id UUID REFERENCES users(id))");
// CHECK: macro-argument.cpp:[[@LINE-1]]:62: warning: foreign key tags(note_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
// FIXED: {{^}}const char *kTags = RUN_SQL("CREATE TABLE tags (note_id UUID REFERENCES users(id) ON DELETE CASCADE)");{{$}}
