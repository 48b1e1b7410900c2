// when a later piece of a concatenated literal comes from a macro body, AST mode
// (and the module) report the finding in the macro body without the macro note and --fix edits
// the macro, changing every use of it. decodeAstLiteral only asks whether the first token is a
// macro expansion. Expected as for a literal in a macro body: the warning, the note, no fix.
// RUN: bash %utils/cxx-fix-and-check.sh %s %t ast
// RUN: bash %utils/cxx-fix-and-check.sh %s %t.module module
#define PART " REFERENCES users(id)"
// CHECK: concat-macro-piece.cpp:[[@LINE-1]]:16: warning: foreign key b(u) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
const char *kB = "CREATE TABLE b (u UUID" PART ")";
// CHECK: concat-macro-piece.cpp:[[@LINE-1]]:{{[0-9]+}}: note: {{.*}}macro 'PART'{{.*}}no automatic fix
