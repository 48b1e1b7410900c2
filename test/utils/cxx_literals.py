#!/usr/bin/env python3
"""The SQL of the string literals a fix changed, for cxx-fix-and-check.sh.

  cxx_literals.py <original.cpp> <fixed.cpp> <out-prefix>

Evaluates the string literals of both files as translation phases 2-6 do (line splices removed,
escapes decoded, raw strings verbatim, adjacent literals joined), pairs them in order, and writes
each ordinary or u8 literal whose value the fix changed to <out-prefix>.N.sql, printing each path.
A whole statement (it starts with CREATE or ALTER) is written as it is; anything else is a column
definition fragment and is written inside `CREATE TABLE fragment_check (...)`, its trailing comma
dropped. Exit status 1 when the two files do not hold the same number of literals.
"""
import re
import sys

STRING_PREFIXES = {"u8", "u", "U", "L", "R", "u8R", "uR", "UR", "LR"}
CHAR_PREFIXES = {"u8", "u", "U", "L"}
SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v",
                  "\\": "\\", "'": "'", '"': '"', "?": "?"}


def decode_body(body):
    """The bytes of an ordinary literal's body (between the quotes), as UTF-8."""
    body = body.replace("\\\n", "")  # phase 2: line splices
    out = bytearray()
    i = 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out += c.encode("utf-8", "surrogateescape")
            i += 1
            continue
        e = body[i + 1]
        i += 2
        if e in SIMPLE_ESCAPES:
            out += SIMPLE_ESCAPES[e].encode()
        elif e == "x":
            m = re.match(r"[0-9A-Fa-f]+", body[i:])
            out.append(int(m.group(0), 16) & 0xFF)
            i += len(m.group(0))
        elif e in "uU":
            n = 4 if e == "u" else 8
            out += chr(int(body[i:i + n], 16)).encode()
            i += n
        elif e in "01234567":
            m = re.match(r"[0-7]{0,2}", body[i:])
            out.append(int(e + m.group(0), 8) & 0xFF)
            i += len(m.group(0))
        else:
            out += e.encode()
    return bytes(out)


def literals(text):
    """[(prefix, bytes)] per run of adjacent string literals; bytes is None for wide ones."""
    found = []
    current = None  # [prefix, bytes or None]

    def close():
        nonlocal current
        if current is not None:
            found.append((current[0], current[1]))
        current = None

    def add(prefix, value):
        nonlocal current
        enc = prefix.rstrip("R")
        if current is None:
            current = [enc, b""]
        elif not current[0]:
            current[0] = enc  # "a" u8"b" is a u8 literal
        if enc not in ("", "u8") or current[0] not in ("", "u8"):
            current[1] = None
        elif current[1] is not None:
            current[1] += value

    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("\\\n", i) or c.isspace():
            i += 2 if c == "\\" else 1
            continue
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if text.startswith("/*", i):
            i = text.index("*/", i + 2) + 2
            continue
        prefix = ""
        m = re.match(r"[A-Za-z_][A-Za-z0-9_]*", text[i:])
        if m:
            word = m.group(0)
            after = i + len(word)
            if after < n and text[after] == '"' and word in STRING_PREFIXES:
                prefix, i = word, after
            elif after < n and text[after] == "'" and word in CHAR_PREFIXES:
                i = after  # a character literal: scanned below
                c = "'"
            else:
                close()
                i = after
                continue
        elif c.isdigit() or (c == "." and i + 1 < n and text[i + 1].isdigit()):
            close()
            m = re.match(r"(?:[0-9A-Za-z_.]|'(?=[0-9A-Za-z])|[eEpP][+-])+", text[i:])
            i += len(m.group(0))
            continue
        if i < n and text[i] == '"':
            if prefix.endswith("R"):
                open_paren = text.index("(", i)
                delim = text[i + 1:open_paren]
                end = text.index(")" + delim + '"', open_paren)
                add(prefix, text[open_paren + 1:end].encode("utf-8", "surrogateescape"))
                i = end + len(delim) + 2
            else:
                j = i + 1
                while text[j] != '"':
                    j += 2 if text[j] == "\\" else 1
                add(prefix, decode_body(text[i + 1:j]))
                i = j + 1
            continue
        close()
        if c == "'":
            j = i + 1
            while text[j] != "'":
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            continue
        i += 1
    close()
    return found


def as_sql(value):
    sql = value.decode("utf-8").strip()
    if re.match(r"(?i)(create|alter)\b", sql):
        return sql + ("" if sql.endswith(";") else ";") + "\n"
    return "CREATE TABLE fragment_check (" + sql.rstrip(",").rstrip() + ");\n"


def main():
    original, fixed, prefix = sys.argv[1:4]
    read = lambda p: open(p, encoding="utf-8", errors="surrogateescape", newline="").read()
    before, after = literals(read(original)), literals(read(fixed))
    if len(before) != len(after):
        print("cxx_literals.py: %s has %d literals, %s has %d" %
              (original, len(before), fixed, len(after)), file=sys.stderr)
        return 1
    count = 0
    for (_, old), (_, new) in zip(before, after):
        if new is None or old == new:
            continue
        count += 1
        path = "%s.%d.sql" % (prefix, count)
        with open(path, "w", encoding="utf-8") as f:
            f.write(as_sql(new))
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
