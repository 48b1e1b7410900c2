#!/usr/bin/env python3
"""Creates one user and one row in every table of its delete closure (chains included), each
row pointing at the rows made for its parents. Prints the user's id.

The closure is what cascade-migrate computes: tables reverse-reachable from the root through
FKs whose ON DELETE is not SET NULL / SET DEFAULT. CHECK constraints are dropped first: they say
nothing about foreign keys and would only make generic values fail. Text values are random, so
a second run (a second user) does not collide with the first on a UNIQUE column."""
import json
import subprocess
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else "users"


def psql(sql):
    out = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql],
                         capture_output=True, text=True)
    if out.returncode:
        sys.exit("seed_closure: " + out.stderr.strip() + "\n  in: " + sql)
    return out.stdout.strip()


fks = json.loads(psql("""
SELECT coalesce(json_agg(json_build_object(
  'child', c.conrelid::regclass::text, 'parent', c.confrelid::regclass::text,
  'action', c.confdeltype,
  'cols', (SELECT json_agg(a.attname ORDER BY k.o) FROM unnest(c.conkey) WITH ORDINALITY k(n, o)
           JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n),
  'pcols', (SELECT json_agg(a.attname ORDER BY k.o) FROM unnest(c.confkey) WITH ORDINALITY k(n, o)
            JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n))), '[]')
FROM pg_constraint c WHERE c.contype = 'f'"""))

closure, frontier = {ROOT}, [ROOT]
while frontier:
    parent = frontier.pop()
    for fk in fks:
        if fk["parent"] == parent and fk["action"] not in "nd" and fk["child"] not in closure:
            closure.add(fk["child"])
            frontier.append(fk["child"])

checks = psql("SELECT string_agg(format('ALTER TABLE %s DROP CONSTRAINT %I;', conrelid::regclass,"
              " conname), ' ') FROM pg_constraint WHERE contype = 'c' AND conrelid <> 0")
if checks:
    psql(checks)


def columns(table):
    return json.loads(psql(f"""
SELECT json_agg(json_build_object('name', attname, 'type', format_type(atttypid, atttypmod),
  'notnull', attnotnull, 'default', atthasdef OR attidentity <> '' OR attgenerated <> ''))
FROM pg_attribute WHERE attrelid = '{table}'::regclass AND attnum > 0 AND NOT attisdropped"""))


def value_for(type_name):
    t = type_name.lower()
    if t.endswith("[]"):
        return "'{}'"
    for prefix, value in [("uuid", "gen_random_uuid()"), ("bool", "false"),
                          ("timestamp", "now()"), ("date", "now()"), ("json", "'{}'"),
                          ("bytea", "'\\x00'"), ("interval", "'1 day'"), ("inet", "'127.0.0.1'"),
                          ("integer", "1"), ("bigint", "1"), ("smallint", "1"), ("numeric", "1"),
                          ("double", "1"), ("real", "1"), ("text", "md5(random()::text)"),
                          ("string", "md5(random()::text)"),
                          ("character", "'x'")]:
        if t.startswith(prefix):
            return value
    sys.exit(f"seed_closure: no value for type {type_name}")


rows, making = {}, set()


def make(table):
    """Inserts one row into table (its parents first) and returns it as a dict."""
    if table in rows:
        return rows[table]
    if table in making:
        return None  # a cycle: the caller leaves the column NULL
    making.add(table)
    cols = {c["name"]: c for c in columns(table)}
    values = {}
    for fk in fks:
        if fk["child"] != table or fk["parent"] == table:
            continue
        parent = make(fk["parent"])
        for col, pcol in zip(fk["cols"], fk["pcols"]):
            values[col] = "NULL" if parent is None else \
                "'" + str(parent[pcol]).replace("'", "''") + "'"
    for name, c in cols.items():
        if name not in values and c["notnull"] and not c["default"]:
            values[name] = value_for(c["type"])
    names = ", ".join('"' + n + '"' for n in values)
    body = f"({names}) VALUES ({', '.join(values.values())})" if values else "DEFAULT VALUES"
    row = json.loads(psql(f"INSERT INTO {table} AS r {body} RETURNING row_to_json(r)"))
    making.discard(table)
    rows[table] = row
    return row


user = make(ROOT)
for table in sorted(closure):
    make(table)
missing = [t for t in sorted(closure) if psql(f"SELECT count(*) FROM {t}") == "0"]
if missing:
    sys.exit("seed_closure: no row in " + ", ".join(missing))
print(json.dumps({"id": user["id"], "tables": sorted(closure)}))
