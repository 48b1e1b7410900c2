// Wide, UTF-16 and UTF-32 literals are not read as SQL: a note where they mention references,
// never a warning, never a fix.
// RUN: bash %utils/cxx-fix-and-check.sh %s %t lex
const wchar_t *kW = L"CREATE TABLE w (u UUID REFERENCES users(id))";
// CHECK: wide.cpp:[[@LINE-1]]:21: note: wide, UTF-16 and UTF-32 string literals are not checked for SQL
const char16_t *kU = u"CREATE TABLE u (u UUID REFERENCES users(id))";
// CHECK: wide.cpp:[[@LINE-1]]:22: note: wide, UTF-16 and UTF-32 string literals are not checked for SQL
const char32_t *kV = U"CREATE TABLE v (u UUID REFERENCES users(id))";
// CHECK: wide.cpp:[[@LINE-1]]:22: note: wide, UTF-16 and UTF-32 string literals are not checked for SQL
const wchar_t *kOther = L"no foreign key here";
