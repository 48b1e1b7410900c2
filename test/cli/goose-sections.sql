-- RUN: bash -c '%cascade-tidy %s; echo exit=$?' 2>&1 | %check-diags %s
-- RUN: bash -c '%cascade-tidy --include-down %s; echo exit=$?' 2>&1 | %check-diags %s --check-prefix=ALL
-- RUN: cp %s %t.sql && %cascade-tidy --quiet --fix %t.sql || true
-- RUN: FileCheck %s --check-prefix=FIXED --match-full-lines < %t.sql
-- Sections after "-- +goose Down" / "-- +migrate Down" are not linted (nor fixed)
-- until the next Up marker; --include-down lints them.
-- +goose Up
CREATE TABLE a (u UUID REFERENCES users(id));
-- CHECK: goose-sections.sql:[[@LINE-1]]:24: warning: foreign key a(u)
-- ALL: goose-sections.sql:[[@LINE-2]]:24: warning: foreign key a(u)
-- +goose Down
CREATE TABLE b (u UUID REFERENCES users(id));
-- ALL: goose-sections.sql:[[@LINE-1]]:24: warning: foreign key b(u)
-- +migrate Up
CREATE TABLE c (u UUID REFERENCES users(id));
-- CHECK: goose-sections.sql:[[@LINE-1]]:24: warning: foreign key c(u)
-- ALL: goose-sections.sql:[[@LINE-2]]:24: warning: foreign key c(u)
-- +migrate Down
CREATE TABLE d (u UUID REFERENCES users(id));
-- ALL: goose-sections.sql:[[@LINE-1]]:24: warning: foreign key d(u)
-- CHECK: 2 warnings generated.
-- CHECK-NEXT: exit=1
-- ALL: 4 warnings generated.
-- ALL-NEXT: exit=1
-- FIXED: CREATE TABLE a (u UUID REFERENCES users(id) ON DELETE CASCADE);
-- FIXED: CREATE TABLE b (u UUID REFERENCES users(id));
-- FIXED: CREATE TABLE c (u UUID REFERENCES users(id) ON DELETE CASCADE);
-- FIXED: CREATE TABLE d (u UUID REFERENCES users(id));
