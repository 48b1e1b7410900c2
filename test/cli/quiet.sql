-- RUN: %cascade-tidy --quiet %s > %t.out 2> %t.err || true
-- RUN: count 0 < %t.err
-- RUN: %check-diags %s < %t.out
-- RUN: bash -c '%cascade-tidy --quiet %s > /dev/null 2>&1; echo exit=$?' | FileCheck %s --check-prefix=EXIT
-- --quiet drops the counts on stderr but keeps the findings and the exit status.
CREATE TABLE t (u UUID REFERENCES users(id));
-- CHECK: quiet.sql:[[@LINE-1]]:24: warning: foreign key t(u) references users(id)
CREATE TABLE a (u UUID REFERENCES users(id)); -- NOLINT
-- EXIT: exit=1
