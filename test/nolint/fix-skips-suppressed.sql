-- RUN: cp %s %t.sql
-- RUN: bash -c '%cascade-tidy --fix %t.sql; echo exit=$?' 2>&1 | FileCheck %s --check-prefix=RUN1
-- RUN: FileCheck %s --check-prefix=FIXED --match-full-lines < %t.sql
-- A suppressed finding is neither reported nor fixed.
CREATE TABLE a (u UUID REFERENCES users(id)); -- NOLINT
CREATE TABLE b (u UUID REFERENCES users(id));
-- FIXED: CREATE TABLE a (u UUID REFERENCES users(id)); -- NOLINT
-- FIXED-NEXT: CREATE TABLE b (u UUID REFERENCES users(id) ON DELETE CASCADE);
-- RUN1: fix-skips-suppressed.sql.tmp.sql:6:24: warning: foreign key b(u)
-- RUN1: Suppressed 1 warning (1 NOLINT).
-- RUN1-NEXT: cascade-tidy applied 1 of 1 fixes
-- RUN1-NEXT: exit=0
