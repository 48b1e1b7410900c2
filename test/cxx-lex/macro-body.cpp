// Lex mode does not expand macros: a literal in a macro body is an ordinary literal spelled in
// the file, reported and fixed where it is spelled, without a macro note (compare
// cxx-ast/macro-body.cpp). No compile database is needed.
// RUN: bash %utils/cxx-fix-and-check.sh %s %t lex
#define TAGS_TABLE "CREATE TABLE tags (note_id UUID REFERENCES users(id))"
// CHECK: macro-body.cpp:[[@LINE-1]]:53: warning: foreign key tags(note_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
// FIXED: {{^}}#define TAGS_TABLE "CREATE TABLE tags (note_id UUID REFERENCES users(id) ON DELETE CASCADE)"{{$}}
const char *kTags = TAGS_TABLE;
