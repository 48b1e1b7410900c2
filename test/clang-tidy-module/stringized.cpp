// Through clang-tidy: a literal made by #x stringizing is reported at the macro use, with a
// note, and no fix.
// RUN: bash %utils/cxx-fix-and-check.sh %s %t module
#define SQL(x) #x
const char *kTags = SQL(CREATE TABLE tags (note_id UUID REFERENCES users(id)));
// CHECK: stringized.cpp:[[@LINE-1]]:21: warning: foreign key tags(note_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
// CHECK: stringized.cpp:[[@LINE-2]]:21: note: the literal is made by stringizing in macro 'SQL'; no automatic fix
