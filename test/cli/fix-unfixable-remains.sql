-- RUN: cp %s %t.sql
-- RUN: bash -c '%cascade-tidy --quiet --fix %t.sql > /dev/null; echo exit=$?' 2>&1 | FileCheck %s
-- A finding without a fix-it is not counted as offered, and it keeps the exit
-- status at 1 after --fix.
CREATE TABLE users (id UUID PRIMARY KEY, invited_by UUID NOT NULL REFERENCES users(id));
CREATE TABLE t (u UUID REFERENCES users(id));
-- CHECK: cascade-tidy applied 1 of 1 fixes
-- CHECK-NEXT: exit=1
