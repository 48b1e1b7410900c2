// Prose that mentions references is not SQL: no column definition shape (`name type ...
// REFERENCES`), no FOREIGN KEY, no CREATE/ALTER TABLE. Nothing is reported or changed.
// RUN: bash %utils/cxx-fix-and-check.sh %s %t module
// RUN: bash -c 'clang-tidy -load=%cascade-module -checks="-*,cascade-*" %s -- -std=c++17; echo exit=$?' 2>&1 | FileCheck %s --check-prefix=EXIT
// EXIT: {{^}}exit=0{{$}}
// CHECK-NOT: {{warning|error|note}}:
#include <cstdio>
void report() {
  std::fprintf(stderr, "error: this row references users(id) that no longer exist\n");
  std::puts("see the user this comment references (users(id))");
  std::puts("Foreign key references users(id)");
}
