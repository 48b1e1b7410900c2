-- NOLINT(cascade-*,************b)
CREATE TABLE n (u int REFERENCES users(id)); -- NOLINTNEXTLINE(cascade-missing-on-delete)
/* NOLINTBEGIN */ CREATE TABLE o (u int REFERENCES users); /* NOLINTEND(*) */
