// A wide literal is not read as SQL: a note where it mentions references, never a warning.
// (u"" and U"" are covered by test/pending/cxx-ast-u16-u32-note.cpp.)
// RUN: bash %utils/cxx-fix-and-check.sh %s %t ast
const wchar_t *kLegacy = L"CREATE TABLE legacy (u UUID REFERENCES users(id))";
// CHECK: wide.cpp:[[@LINE-1]]:26: note: wide, UTF-16 and UTF-32 string literals are not checked for SQL
const wchar_t *kOther = L"no foreign key here";
