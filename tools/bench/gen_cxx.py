#!/usr/bin/env python3
"""Writes a generated C++ tree for tools/bench/run.sh.

  gen_cxx.py DIR TUS SHARE

DIR/src/tuNNN.cpp: TUS translation units, each with a few ordinary functions over std::string,
std::vector and std::map (so every TU parses real standard headers); SHARE percent of them (at
least one) also hold a raw string literal with a CREATE TABLE whose key to users has no ON DELETE
(one cascade-missing-on-delete finding per such TU). DIR/compile_commands.json lists every TU.
The tree is rewritten only when its parameters change.
"""
import json
import os
import sys

PLAIN = """#include <map>
#include <string>
#include <vector>

namespace gen{n} {{

struct Row {{
  int id = 0;
  std::string name;
  std::vector<int> tags;
}};

static std::map<std::string, Row> rowsByName;

int sumTags(const Row &row) {{
  int total = 0;
  for (int t : row.tags)
    total += t * {n} + 1;
  return total;
}}

std::vector<Row> allRows() {{
  std::vector<Row> out;
  for (const auto &entry : rowsByName)
    out.push_back(entry.second);
  return out;
}}

std::string describe(const Row &row) {{
  std::string text = row.name + ":" + std::to_string(row.id);
  for (int t : row.tags)
    text += "," + std::to_string(t);
  return text;
}}

void remember(int id, const std::string &name) {{
  Row row;
  row.id = id;
  row.name = name;
  row.tags = {{id, id + 1, id + {n}}};
  rowsByName[name] = row;
}}
{sql}
}} // namespace gen{n}
"""

SQL = """
const char *schemaSql() {{
  return R"sql(
CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL);
CREATE TABLE items_{n} (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users(id),
  title text NOT NULL
);
)sql";
}}

const char *lookupSql() {{ return "SELECT id, title FROM items_{n} WHERE user_id = $1"; }}
"""


def main():
    root, tus, share = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    stamp = os.path.join(root, ".params")
    params = f"{tus} {share} v2"
    if os.path.exists(stamp) and open(stamp).read() == params:
        return
    src = os.path.join(root, "src")
    os.makedirs(src, exist_ok=True)
    for old in os.listdir(src):
        os.remove(os.path.join(src, old))
    with_sql = max(1, round(tus * share / 100))
    step = tus / with_sql
    sql_tus = {int(i * step) for i in range(with_sql)}
    commands = []
    for n in range(tus):
        path = os.path.join(src, f"tu{n:03d}.cpp")
        with open(path, "w") as f:
            f.write(PLAIN.format(n=n, sql=SQL.format(n=n) if n in sql_tus else ""))
        commands.append({"directory": os.path.abspath(root), "file": os.path.abspath(path),
                         "arguments": ["clang++-19", "-std=c++17", "-O0", "-c", os.path.abspath(path),
                                       "-o", os.path.abspath(os.path.join(root, f"tu{n:03d}.o"))]})
    with open(os.path.join(root, "compile_commands.json"), "w") as f:
        json.dump(commands, f, indent=1)
    with open(stamp, "w") as f:
        f.write(params)


if __name__ == "__main__":
    main()
