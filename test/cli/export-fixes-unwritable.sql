-- RUN: bash -c '%cascade-tidy --quiet --export-fixes=%t.missing-dir/fixes.yaml %s > /dev/null; echo exit=$?' 2>&1 | FileCheck %s
-- An --export-fixes file that cannot be written is an error naming it, exit 2.
CREATE TABLE t (u UUID REFERENCES users(id));
-- CHECK: error: cannot write {{.*}}.missing-dir/fixes.yaml: No such file or directory
-- CHECK-NEXT: exit=2
