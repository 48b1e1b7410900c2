#!/usr/bin/env python3
"""Builds each fuzz target's seed corpus from the lit inputs, the hand-written seeds and the
saved regressions (test/fuzz/seeds/<target>/, test/fuzz/regressions/<target>/). Usage: make-seed-corpus.py SRC_ROOT OUT_DIR

OUT_DIR/<target>/ gets one file per seed, named by the hash of its bytes (so rebuilding is
idempotent and duplicates collapse). The lit inputs are every test/**/*.sql and *.cpp file,
every .cascade-tidy.yaml, and the split-file sections (//--- name) of *.test files, by the
section's extension. The cleanup-migration target reads bytes as choices, not text: any seed
does, so it gets the SQL seeds too, plus its regressions. GENERATED below adds the large
hostile inputs of issue 8 (deep expressions, nested comments, many-star globs, many keys).
"""
import hashlib
import os
import re
import sys

SECTION = re.compile(r"^(?://|#|--)--- (\S+)\s*$")
# Which target reads which kind of file.
KINDS = {
    "analyzer": ("sql",),
    "fix": ("sql",),
    "literal": ("cpp",),
    "config": ("yaml",),
    "cleanup-migration": ("sql",),
}


def kind_of(name):
    lower = name.lower()
    if os.path.basename(lower) == ".cascade-tidy.yaml" or lower.endswith((".yaml", ".yml")):
        return "yaml"
    for ext, kind in ((".sql", "sql"), (".cpp", "cpp"), (".cc", "cpp"), (".h", "cpp"),
                      (".c", "cpp")):
        if lower.endswith(ext):
            return kind
    return None


def split_sections(data):
    """The split-file sections of a .test file: (name, bytes) pairs."""
    sections, name, lines = [], None, []
    for line in data.splitlines(keepends=True):
        m = SECTION.match(line.decode("utf-8", "replace"))
        if m:
            if name is not None:
                sections.append((name, b"".join(lines)))
            name, lines = m.group(1), []
        elif name is not None:
            lines.append(line)
    if name is not None:
        sections.append((name, b"".join(lines)))
    return sections


def lit_inputs(test_root):
    """(kind, bytes) for every lit input under test_root, the fuzz folder excluded."""
    for dirpath, dirnames, filenames in os.walk(test_root):
        dirnames[:] = sorted(d for d in dirnames if os.path.join(dirpath, d) !=
                             os.path.join(test_root, "fuzz"))
        for f in sorted(filenames):
            path = os.path.join(dirpath, f)
            with open(path, "rb") as fh:
                data = fh.read()
            if f.endswith(".test"):
                for name, body in split_sections(data):
                    kind = kind_of(name)
                    if kind:
                        yield kind, body
                continue
            kind = kind_of(f)
            if kind:
                yield kind, data


def files_under(folder):
    if not os.path.isdir(folder):
        return
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for f in sorted(filenames):
            with open(os.path.join(dirpath, f), "rb") as fh:
                yield f, fh.read()


# Hostile inputs of issue 8 too big or too repetitive to check in, made here: (targets, bytes).
GENERATED = [
    # item 2: 20,000-term expression, deep recursion in the parse-tree reader
    (("analyzer", "fix"), b"SELECT " + b"1+" * 20000 + b"1;\n"),
    (("analyzer",), b"CREATE TABLE t (u int REFERENCES users(id) DEFAULT " + b"(" * 5000 +
     b"1" + b")" * 5000 + b");\n"),
    # item 9: deeply nested comments, quadratic in libpg_query's lexer
    (("analyzer",), b"/*" * 30000 + b"x" + b"*/" * 30000 +
     b"\nCREATE TABLE t (u int REFERENCES users(id));\n"),
    # item 4: a glob with many stars in a NOLINT comment and in Checks
    (("analyzer",), b"CREATE TABLE t (u int REFERENCES users); -- NOLINT(" + b"*" * 12 + b"b)\n"),
    (("config",), b"Checks: '" + b"*" * 12 + b"b'\n"),
    # item 7: many keys in one statement
    (("analyzer",), b"CREATE TABLE t (id int PRIMARY KEY" +
     b"".join(b", c%d int REFERENCES t(id)" % i for i in range(5000)) + b");\n"),
]


def main():
    src_root, out_dir = sys.argv[1], sys.argv[2]
    test_root = os.path.join(src_root, "test")
    fuzz_root = os.path.join(test_root, "fuzz")
    seeds = {target: set() for target in KINDS}
    for kind, data in lit_inputs(test_root):
        for target, kinds in KINDS.items():
            if kind in kinds and data:
                seeds[target].add(data)
    # Hand-written seeds and saved regressions: a .sql/.cpp/.yaml file feeds every target that
    # reads its kind; a file without such an extension only the target whose folder holds it.
    for sub in ("seeds", "regressions"):
        for owner in KINDS:
            for name, data in files_under(os.path.join(fuzz_root, sub, owner)):
                kind = kind_of(name)
                for target, kinds in KINDS.items():
                    if target == owner or (kind in kinds and target != "cleanup-migration"):
                        seeds[target].add(data)
    for targets, data in GENERATED:
        for target in targets:
            seeds[target].add(data)
    for target, datas in seeds.items():
        folder = os.path.join(out_dir, target)
        os.makedirs(folder, exist_ok=True)
        for data in datas:
            name = hashlib.sha1(data).hexdigest()
            path = os.path.join(folder, name)
            if not os.path.exists(path):
                with open(path, "wb") as fh:
                    fh.write(data)
        print(f"{target}: {len(datas)} seeds in {folder}")


if __name__ == "__main__":
    main()
