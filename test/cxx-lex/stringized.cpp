// Lex mode does not expand macros: SQL made by #x stringizing is never a literal token, so it
// is not seen (cxx-ast/stringized.cpp reports it).
// RUN: bash %utils/cxx-fix-and-check.sh %s %t lex
// CHECK-NOT: {{warning|error|note}}:
#define SQL(x) #x
const char *kTags = SQL(CREATE TABLE tags (note_id UUID REFERENCES users(id)));
