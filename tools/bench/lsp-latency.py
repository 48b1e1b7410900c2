#!/usr/bin/env python3
"""The language server's re-check latency after a one-character edit (docs/benchmarks.md).

Builds a migration set of FILES files (default 300) in a temporary directory, one of them (in
the middle of the set) a migration of about LINES lines (default 5,000), opens that migration in
`cascade-tidy --lsp`, then at EDITS places (default 20) spread over it types five characters one at a time and
deletes them again, and measures from the moment the didChange is
written to the moment its publishDiagnostics has arrived (the latency a user sees). Prints the
latency of the very first character typed after opening ("first"), the median latency of
the first character typed at a new place ("moved"), and the median, 90th
percentile and maximum of the characters typed and deleted after it at the same place
("typing"), for two shapes of the big migration: one whose keys already cascade (a few findings)
and one whose every key blocks (one finding per table).

Usage: tools/bench/lsp-latency.py [--server build/bin/cascade-tidy] [--files 300] [--lines 5000]
Not a test: nothing here passes or fails.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

TABLE_LINES = 9  # lines per table block below


def write_set(root, files, lines, blocking):
    os.makedirs(os.path.join(root, "migrations"))
    big_index = files // 2
    with open(os.path.join(root, "migrations", "0000_users.sql"), "w") as f:
        f.write("CREATE TABLE users (id BIGINT PRIMARY KEY, email TEXT NOT NULL);\n")
    big = None
    for i in range(1, files):
        path = os.path.join(root, "migrations", "%04d_m%d.sql" % (i, i))
        with open(path, "w") as f:
            if i == big_index:
                big = path
                for t in range(lines // TABLE_LINES):
                    action = "" if blocking or t % 100 == 7 else " ON DELETE CASCADE"
                    f.write("CREATE TABLE big_%d (\n  id BIGINT PRIMARY KEY,\n"
                            "  user_id BIGINT NOT NULL REFERENCES users(id)%s,\n  note TEXT,\n"
                            "  created_at TIMESTAMPTZ NOT NULL DEFAULT now()\n);\n"
                            "CREATE INDEX big_%d_user ON big_%d(user_id);\n"
                            "COMMENT ON TABLE big_%d IS 'x';\n\n" % (t, action, t, t, t))
            else:
                f.write("CREATE TABLE t%d (\n  id BIGINT PRIMARY KEY,\n"
                        "  user_id BIGINT REFERENCES users(id) ON DELETE CASCADE,\n  body TEXT\n);\n"
                        "CREATE INDEX t%d_u ON t%d(user_id);\n" % (i, i, i))
    return big


class Client:
    def __init__(self, server, root):
        self.proc = subprocess.Popen([server, "--lsp"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=root)
        self.next_id = 1

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def read(self):
        length = None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                sys.exit("lsp-latency: the server stopped")
            line = line.strip()
            if not line:
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.proc.stdout.read(length))

    def wait_diagnostics(self, uri):
        while True:
            m = self.read()
            if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
                return m["params"]["diagnostics"]


def measure(server, files, lines, edits, blocking):
    with tempfile.TemporaryDirectory() as root:
        big = write_set(root, files, lines, blocking)
        with open(big) as f:
            text = f.read()
        n_lines = text.count("\n")
        uri = "file://" + big
        c = Client(server, root)
        c.send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": {"rootUri": "file://" + root, "capabilities": {}}})
        while "id" not in c.read():
            pass
        c.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        start = time.monotonic()
        c.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "sql", "version": 1, "text": text}}})
        findings = len(c.wait_diagnostics(uri))
        first = (time.monotonic() - start) * 1000
        moves, typing = [], []
        version = 1
        for k in range(edits):
            line = 3 + (k * n_lines // edits) // TABLE_LINES * TABLE_LINES  # a "note TEXT" line
            # Five characters typed at the place, then deleted one by one.
            changes = [({"start": {"line": line, "character": 2 + i},
                         "end": {"line": line, "character": 2 + i}}, "x") for i in range(5)]
            changes += [({"start": {"line": line, "character": 2 + i},
                          "end": {"line": line, "character": 3 + i}}, "") for i in reversed(range(5))]
            for n, (rng, text) in enumerate(changes):
                version += 1
                t0 = time.monotonic()
                c.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": [{"range": rng, "text": text}]}})
                c.wait_diagnostics(uri)
                (moves if n == 0 else typing).append((time.monotonic() - t0) * 1000)
        c.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
        c.send({"jsonrpc": "2.0", "method": "exit"})
        c.proc.wait(30)
    typing.sort()
    return {"lines": n_lines, "findings": findings, "open": first, "first": moves[0],
            "move": statistics.median(moves), "median": statistics.median(typing),
            "p90": typing[int(len(typing) * 0.9) - 1], "max": typing[-1]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", default=os.path.join(os.path.dirname(__file__), "..", "..",
                                                      "build", "bin", "cascade-tidy"))
    ap.add_argument("--files", type=int, default=300)
    ap.add_argument("--lines", type=int, default=5000)
    ap.add_argument("--edits", type=int, default=20)
    args = ap.parse_args()
    server = os.path.abspath(args.server)
    print("cascade-tidy --lsp: one-character edits in a %d-line migration of a %d-file set"
          % (args.lines, args.files))
    print("%-28s %6s %8s %8s %9s %9s | %9s %8s %8s" % (
        "big migration", "lines", "findings", "open ms", "first ms", "moved ms", "typing ms",
        "p90 ms", "max ms"))
    for label, blocking in (("keys cascade (few findings)", False),
                            ("every key blocks", True)):
        r = measure(server, args.files, args.lines, args.edits, blocking)
        print("%-28s %6d %8d %8.1f %9.1f %9.1f | %9.1f %8.1f %8.1f" % (
            label, r["lines"], r["findings"], r["open"], r["first"], r["move"], r["median"],
            r["p90"], r["max"]))


if __name__ == "__main__":
    main()
