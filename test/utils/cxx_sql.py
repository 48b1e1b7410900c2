#!/usr/bin/env python3
"""The SQL statements of a C/C++ file's string literals, in source order, for PostgreSQL tests.

  cxx_sql.py <file.cpp>

Prints each ordinary or u8 literal (adjacent literals joined, escapes decoded, as cxx_literals.py
evaluates them) that starts with CREATE, ALTER or DROP, ending it with `;` and a newline.
"""
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from cxx_literals import literals  # noqa: E402


def main():
    with open(sys.argv[1], encoding="utf-8", errors="surrogateescape") as f:
        text = f.read()
    for _prefix, value in literals(text):
        if value is None:
            continue
        sql = value.decode("utf-8").strip()
        if re.match(r"(?i)(create|alter|drop)\b", sql):
            print(sql + ("" if sql.endswith(";") else ";"))


if __name__ == "__main__":
    main()
