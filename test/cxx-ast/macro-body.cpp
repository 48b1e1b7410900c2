// A literal spelled in a macro body: reported where it is spelled, with a note at the use,
// and no fix (editing the macro changes every use).
// RUN: bash %utils/cxx-fix-and-check.sh %s %t ast
#define TAGS_TABLE "CREATE TABLE tags (note_id UUID REFERENCES users(id))"
// CHECK: macro-body.cpp:[[@LINE-1]]:53: warning: foreign key tags(note_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
const char *kTags = TAGS_TABLE;
// CHECK: macro-body.cpp:[[@LINE-1]]:21: note: spelled in the body of macro 'TAGS_TABLE'; no automatic fix: edit the macro
