// Through clang-tidy: wide, UTF-16 and UTF-32 literals are not read as SQL; no warning, no
// fix, no crash. (cascade-tidy adds a note; the module emits none.)
// RUN: bash %utils/cxx-fix-and-check.sh %s %t module
// CHECK-NOT: {{warning|error}}:
const wchar_t *kW = L"CREATE TABLE w (u UUID REFERENCES users(id))";
const char16_t *kU = u"CREATE TABLE u (u UUID REFERENCES users(id))";
const char32_t *kV = U"CREATE TABLE v (u UUID REFERENCES users(id))";
