-- RUN: bash -c '%cascade-tidy %s; echo exit=$?' 2>&1 | %check-diags %s
-- The directives work in /* */ comments as well.
CREATE TABLE a (u UUID REFERENCES users(id)); /* NOLINT */
CREATE TABLE b (u UUID REFERENCES users(id) /* NOLINT(cascade-missing-on-delete) */);
/* NOLINTNEXTLINE(cascade-*) */
CREATE TABLE c (u UUID REFERENCES users(id));
CREATE TABLE d (u UUID REFERENCES users(id)); /* NOLINT(cascade-set-null-not-null) */
-- CHECK: c-style.sql:[[@LINE-1]]:24: warning: foreign key d(u) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: 1 warning generated.
-- CHECK-NEXT: Suppressed 3 warnings (3 NOLINT).
-- CHECK-NEXT: exit=1
