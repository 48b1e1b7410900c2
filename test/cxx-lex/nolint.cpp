// NOLINT and NOLINTNEXTLINE in C++ comments suppress a finding; a NOLINT naming another check
// does not. Suppressed findings are not fixed.
// RUN: bash %utils/cxx-fix-and-check.sh %s %t lex
// RUN: bash -c '%cascade-tidy --cxx-mode=lex %s > /dev/null; echo exit=$?' 2>&1 | FileCheck %s --check-prefix=COUNT
// COUNT: {{^}}1 warning generated.
// COUNT-NEXT: {{^}}Suppressed 3 warnings (3 NOLINT).
// COUNT-NEXT: {{^}}exit=1
const char *kA = "CREATE TABLE a (u UUID REFERENCES users(id))"; // NOLINT(cascade-missing-on-delete)
// FIXED: {{^}}const char *kA = "CREATE TABLE a (u UUID REFERENCES users(id))"; // NOLINT(cascade-missing-on-delete){{$}}
// NOLINTNEXTLINE(cascade-*)
const char *kB = "CREATE TABLE b (u UUID REFERENCES users(id))";
// FIXED: {{^}}const char *kB = "CREATE TABLE b (u UUID REFERENCES users(id))";{{$}}
const char *kC = "CREATE TABLE c (u UUID REFERENCES users(id))"; /* NOLINT */
const char *kD = "CREATE TABLE d (u UUID REFERENCES users(id))"; // NOLINT(cascade-set-null-not-null)
// CHECK: nolint.cpp:[[@LINE-1]]:42: warning: foreign key d(u) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
// FIXED: {{^}}const char *kD = "CREATE TABLE d (u UUID REFERENCES users(id) ON DELETE CASCADE)"; // NOLINT(cascade-set-null-not-null){{$}}
