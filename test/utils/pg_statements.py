#!/usr/bin/env python3
"""Prints the statements of a SQL file as libpg_query's parser sees them, one a line:
the statement's node type, then for ALTER TABLE the table, each command's subtype and the
constraint it names (Python repr, so a line break in a name stays on the line). Comments are
not statements: a name that escapes its comment shows up here as an extra statement.
    pg_statements.py FILE"""
import ctypes
import json
import sys


class PgQueryError(ctypes.Structure):
    _fields_ = [("message", ctypes.c_char_p), ("funcname", ctypes.c_char_p),
                ("filename", ctypes.c_char_p), ("lineno", ctypes.c_int),
                ("cursorpos", ctypes.c_int), ("context", ctypes.c_char_p)]


class PgQueryParseResult(ctypes.Structure):
    _fields_ = [("parse_tree", ctypes.c_char_p), ("stderr_buffer", ctypes.c_char_p),
                ("error", ctypes.POINTER(PgQueryError))]


lib = ctypes.CDLL("libpg_query.so")
lib.pg_query_parse.restype = PgQueryParseResult
lib.pg_query_parse.argtypes = [ctypes.c_char_p]
lib.pg_query_free_parse_result.argtypes = [PgQueryParseResult]

text = open(sys.argv[1], "rb").read()
result = lib.pg_query_parse(text)
try:
    if result.error:
        sys.exit("pg_statements: parse error: " + result.error.contents.message.decode())
    tree = json.loads(result.parse_tree.decode())
finally:
    lib.pg_query_free_parse_result(result)

for entry in tree.get("stmts", []):
    (kind, node), = entry["stmt"].items()
    words = [kind]
    if kind == "AlterTableStmt":
        words.append(repr(node["relation"]["relname"]))
        for cmd in node.get("cmds", []):
            c = cmd["AlterTableCmd"]
            name = c.get("name") or c.get("def", {}).get("Constraint", {}).get("conname", "")
            words += [c["subtype"], repr(name)]
    elif kind == "VariableSetStmt":
        words.append(node["name"])
    print(" ".join(words))
