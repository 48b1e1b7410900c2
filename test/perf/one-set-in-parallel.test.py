# Writes the migration set of one-set-in-parallel.test into the folder named by argv[1].
import os
import sys

out = sys.argv[1]


def write(name, text):
    with open(os.path.join(out, name), "w") as f:
        f.write(text)


write("0000_users.sql", "CREATE TABLE users (id BIGINT PRIMARY KEY);\n"
      "COMMENT ON TABLE users IS 'people';\n")
for i in range(1, 75):
    if i == 40:
        write("0040_syntax.sql", "CREATE TABL broken (id INT);\n")
    elif i == 50:
        write("0050_fix.sql", "ALTER TABLE t14 DROP CONSTRAINT t14_user_id_fkey;\n"
              "ALTER TABLE t14 ADD CONSTRAINT t14_user_id_fkey FOREIGN KEY (user_id) "
              "REFERENCES users(id) ON DELETE CASCADE;\n")
    elif i == 60:
        write("0060_rename.sql", "ALTER TABLE t4 RENAME TO renamed_t4;\n")
    elif i == 74:
        write("0074_child.sql", "CREATE TABLE leaf (id BIGINT PRIMARY KEY, parent_id BIGINT "
              "NOT NULL REFERENCES renamed_t4(id));\n")
    elif i % 10 == 5:
        write("%04d_do.sql" % i, "DO $$\nBEGIN\n  CREATE TABLE d%d (id BIGINT PRIMARY KEY, "
              "user_id BIGINT REFERENCES users(id) ON DELETE CASCADE);\nEND\n$$;\n" % i)
    elif i % 10 == 6:
        write("%04d_fn.sql" % i, "CREATE FUNCTION f%d() RETURNS void LANGUAGE sql AS $$\n"
              "  ALTER TABLE t%d ADD COLUMN extra BIGINT;\n$$;\n" % (i, i - 3))
    else:
        action = " ON DELETE CASCADE" if i % 4 in (0, 1) or i == 4 else ""
        write("%04d_t%d.sql" % (i, i),
              "CREATE TABLE t%d (\n  id BIGINT PRIMARY KEY,\n  user_id BIGINT REFERENCES "
              "users(id)%s\n);\nCREATE INDEX ON t%d (user_id);\n"
              "SELECT 1;\n" % (i, action, i))
