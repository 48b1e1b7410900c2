// AST mode notes a wide L"" literal that mentions references, but not u"" or
// U"": noteSkipped measures the last token with a default LangOptions, where `u"..."` lexes as
// the identifier `u`, so the text it searches for "references" is one byte long. Lex mode
// notes all three (cxx-lex/wide.cpp); the spec says wide/u16/u32 are skipped with a note.
// RUN: bash %utils/cxx-fix-and-check.sh %s %t ast
const wchar_t *kW = L"CREATE TABLE w (u UUID REFERENCES users(id))";
// CHECK: u16-u32-note.cpp:[[@LINE-1]]:21: note: wide, UTF-16 and UTF-32 string literals are not checked for SQL
const char16_t *kU = u"CREATE TABLE u (u UUID REFERENCES users(id))";
// CHECK: u16-u32-note.cpp:[[@LINE-1]]:22: note: wide, UTF-16 and UTF-32 string literals are not checked for SQL
const char32_t *kV = U"CREATE TABLE v (u UUID REFERENCES users(id))";
// CHECK: u16-u32-note.cpp:[[@LINE-1]]:22: note: wide, UTF-16 and UTF-32 string literals are not checked for SQL
