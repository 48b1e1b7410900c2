#!/usr/bin/env python3
"""Drives `cascade-tidy --lsp` through a scripted session and prints what it answers.

Usage: lsp-driver.py --root DIR SCRIPT -- SERVER-COMMAND...

The script has one step per line (blank lines and lines starting with '#' are skipped). In every
step, @ROOT@ stands for DIR and @URI:rel/path@ for the file URI of DIR/rel/path.
  initialize [json-object]       request initialize (rootUri = DIR; the object is merged into
                                 the params), wait for its reply, then send initialized
  open REL [LANGUAGE-ID]         textDocument/didOpen with the file's text from disk (version 1)
  change REL VERSION L:C-L:C TEXT  an incremental didChange; TEXT is a JSON string; L:C 0-based
  replace REL VERSION TEXT       a full-text didChange (TEXT is a JSON string)
  save REL | close REL           didSave / didClose
  sync REL VERSION               the file's text on disk as a full-text didChange, then didSave
                                 (after `apply`: the editor's buffer holds the edit, saved)
  actions ID REL L:C-L:C         textDocument/codeAction for that range, wait for the reply
  apply ID N                     apply the edit of action N (0-based) of reply ID to the files
                                 on disk (what an editor does, then saves)
  request ID METHOD JSON         any request; waits for its reply
  notify METHOD JSON             any notification
  raw TEXT                       the JSON string TEXT, sent as a message body as it is
  rawframe TEXT                  the JSON string TEXT, written to the server's input unframed
  wait REL                       wait for the next diagnostics of REL not yet waited for
  shell COMMAND                  run COMMAND in DIR
  watched REL TYPE               workspace/didChangeWatchedFiles (TYPE 1 created, 2 changed,
                                 3 deleted)
  time LABEL                     the next `wait` prints how long the server took (stderr)
  exit                           shutdown, then exit; prints the server's exit status
  end                            close the server's input; prints its exit status

Everything the server writes is printed in arrival order: diagnostics and code actions in a
compact text form (positions 0-based, as LSP counts them), anything else as sorted JSON.
Anything on the server's output that is not a well-framed message fails the run.
"""
import json
import os
import subprocess
import sys
import threading
import time

TIMEOUT = 60.0


class Session:
    def __init__(self, root, command):
        self.root = os.path.abspath(root)
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     cwd=self.root)
        self.lock = threading.Condition()
        self.messages = []  # everything received, in order
        self.consumed = {}  # uri -> diagnostics messages already waited for
        self.replies = {}
        self.failure = None
        self.reader = threading.Thread(target=self.read, daemon=True)
        self.reader.start()
        self.next_id = 1000
        self.timing = None

    # --- wire
    def read(self):
        out = self.proc.stdout
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                c = out.read(1)
                if not c:
                    with self.lock:
                        if header.strip():
                            self.failure = "output ended inside a header: %r" % header
                        self.lock.notify_all()
                    return
                header += c
            length = None
            for line in header.decode("ascii", "replace").split("\r\n"):
                if line.lower().startswith("content-length:"):
                    length = int(line.split(":", 1)[1])
                elif line and not line.lower().startswith("content-type:"):
                    with self.lock:
                        self.failure = "not protocol on stdout: %r" % header
                        self.lock.notify_all()
                    return
            if length is None:
                with self.lock:
                    self.failure = "header without Content-Length: %r" % header
                    self.lock.notify_all()
                return
            body = out.read(length)
            try:
                msg = json.loads(body)
            except ValueError:
                with self.lock:
                    self.failure = "body is not JSON: %r" % body
                    self.lock.notify_all()
                return
            with self.lock:
                self.messages.append((time.monotonic(), msg))
                self.show(msg)
                self.lock.notify_all()

    def send(self, msg):
        self.write_body(json.dumps(msg))

    def write_body(self, body):
        data = body.encode("utf-8")
        self.sent_at = time.monotonic()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.proc.stdin.flush()

    def wait_for(self, predicate, what):
        deadline = time.monotonic() + TIMEOUT
        with self.lock:
            while True:
                for stamp, m in self.messages:
                    if predicate(m):
                        return stamp, m
                if self.failure:
                    sys.exit("lsp-driver: " + self.failure)
                if self.proc.poll() is not None and not self.reader.is_alive():
                    sys.exit("lsp-driver: server exited (%d) while waiting for %s"
                             % (self.proc.returncode, what))
                left = deadline - time.monotonic()
                if left <= 0:
                    sys.exit("lsp-driver: timed out waiting for " + what)
                self.lock.wait(left)

    # --- printing
    def rel(self, uri):
        prefix = "file://" + self.root + "/"
        return uri[len(prefix):] if uri.startswith(prefix) else uri

    @staticmethod
    def span(r):
        return "%d:%d-%d:%d" % (r["start"]["line"], r["start"]["character"],
                                r["end"]["line"], r["end"]["character"])

    def show(self, msg):
        out = []
        if msg.get("method") == "textDocument/publishDiagnostics":
            p = msg["params"]
            diags = p["diagnostics"]
            out.append("diagnostics %s version=%s count=%d" % (self.rel(p["uri"]),
                                                               p.get("version", "-"), len(diags)))
            names = {1: "error", 2: "warning", 3: "info", 4: "hint"}
            for d in diags:
                code = " [%s]" % d["code"] if "code" in d else ""
                out.append("  %s %s: %s%s" % (self.span(d["range"]),
                                              names.get(d.get("severity"), "?"),
                                              d["message"], code))
                href = d.get("codeDescription", {}).get("href")
                if href:
                    out.append("    href ..." + href[href.rfind("/checks/"):])
                for r in d.get("relatedInformation", []):
                    out.append("    related %s %s: %s" % (self.rel(r["location"]["uri"]),
                                                          self.span(r["location"]["range"]),
                                                          r["message"]))
        elif "id" in msg and "method" not in msg:
            if "error" in msg:
                out.append("error %s: %d %s" % (json.dumps(msg["id"]), msg["error"]["code"],
                                                msg["error"]["message"]))
            elif isinstance(msg.get("result"), list) and all(
                    isinstance(a, dict) and "title" in a for a in msg["result"]):
                out.append("reply %s: %d actions" % (json.dumps(msg["id"]), len(msg["result"])))
                for a in msg["result"]:
                    out.append('  action "%s" kind=%s%s' % (
                        a["title"], a.get("kind", "-"), " preferred" if a.get("isPreferred") else ""))
                    for uri, edits in sorted(a.get("edit", {}).get("changes", {}).items()):
                        for e in edits:
                            out.append("    edit %s %s %s" % (self.rel(uri), self.span(e["range"]),
                                                            json.dumps(e["newText"])))
            else:
                out.append("reply %s: %s" % (json.dumps(msg["id"]),
                                             json.dumps(msg.get("result"), sort_keys=True)))
        else:
            out.append("server %s" % json.dumps(msg, sort_keys=True))
        print("\n".join(out), flush=True)

    # --- steps
    def subst(self, text):
        out = text.replace("@ROOT@", self.root)
        while "@URI:" in out:
            start = out.index("@URI:")
            end = out.index("@", start + 5)
            out = out[:start] + self.uri(out[start + 5:end]) + out[end + 1:]
        return out

    def uri(self, rel):
        from urllib.parse import quote
        return "file://" + quote(os.path.join(self.root, rel))

    def request(self, ident, method, params):
        self.send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        return self.wait_for(lambda m: m.get("id") == ident and "method" not in m,
                             "the reply to %s" % ident)[1]

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_diagnostics(self, rel):
        uri = self.uri(rel)
        seen = self.consumed.get(uri, 0)

        def match(m):
            # The (seen+1)-th diagnostics message of this document.
            return (m.get("method") == "textDocument/publishDiagnostics" and
                    m["params"]["uri"] == uri and self.nth(uri, m) == seen)

        stamp, _ = self.wait_for(match, "diagnostics of " + rel)
        self.consumed[uri] = seen + 1
        if self.timing:
            sys.stderr.write("%s: %.1f ms\n" % (self.timing, (stamp - self.sent_at) * 1000))
            self.timing = None

    def nth(self, uri, msg):
        """How many diagnostics messages of uri came before msg."""
        n = 0
        for _, m in self.messages:
            if m is msg:
                return n
            if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
                n += 1
        return n

    def step(self, line):
        word, _, rest = line.partition(" ")
        rest = self.subst(rest)
        if word == "initialize":
            params = {"processId": os.getpid(), "rootUri": "file://" + self.root,
                      "capabilities": {}}
            if rest.strip():
                params.update(json.loads(rest))
            self.request(1, "initialize", params)
            self.notify("initialized", {})
        elif word == "open":
            parts = rest.split()
            rel = parts[0]
            lang = parts[1] if len(parts) > 1 else ("sql" if rel.endswith(".sql") else "cpp")
            with open(os.path.join(self.root, rel), encoding="utf-8") as f:
                text = f.read()
            self.notify("textDocument/didOpen", {"textDocument": {
                "uri": self.uri(rel), "languageId": lang, "version": 1, "text": text}})
        elif word == "change":
            rel, version, span, text = rest.split(" ", 3)
            (sl, sc), (el, ec) = [map(int, p.split(":")) for p in span.split("-")]
            self.notify("textDocument/didChange", {
                "textDocument": {"uri": self.uri(rel), "version": int(version)},
                "contentChanges": [{"range": {"start": {"line": sl, "character": sc},
                                              "end": {"line": el, "character": ec}},
                                    "text": json.loads(text)}]})
        elif word == "replace":
            rel, version, text = rest.split(" ", 2)
            self.notify("textDocument/didChange", {
                "textDocument": {"uri": self.uri(rel), "version": int(version)},
                "contentChanges": [{"text": json.loads(text)}]})
        elif word == "sync":
            rel, version = rest.split()
            with open(os.path.join(self.root, rel), encoding="utf-8") as f:
                text = f.read()
            self.notify("textDocument/didChange", {
                "textDocument": {"uri": self.uri(rel), "version": int(version)},
                "contentChanges": [{"text": text}]})
            self.notify("textDocument/didSave", {"textDocument": {"uri": self.uri(rel)}})
        elif word in ("save", "close"):
            method = "textDocument/didSave" if word == "save" else "textDocument/didClose"
            self.notify(method, {"textDocument": {"uri": self.uri(rest.strip())}})
        elif word == "actions":
            ident, rel, span = rest.split()
            (sl, sc), (el, ec) = [map(int, p.split(":")) for p in span.split("-")]
            self.request(int(ident), "textDocument/codeAction", {
                "textDocument": {"uri": self.uri(rel)},
                "range": {"start": {"line": sl, "character": sc},
                          "end": {"line": el, "character": ec}},
                "context": {"diagnostics": []}})
        elif word == "apply":
            ident, index = map(int, rest.split())
            _, reply = self.wait_for(lambda m: m.get("id") == ident and "method" not in m,
                                     "reply %d" % ident)
            edit = reply["result"][index]["edit"]
            for uri, edits in edit["changes"].items():
                self.apply(uri, edits)
        elif word == "request":
            ident, method, params = rest.split(" ", 2)
            self.request(json.loads(ident), method, json.loads(params))
        elif word == "notify":
            method, params = rest.split(" ", 1)
            self.notify(method, json.loads(params))
        elif word == "raw":
            self.write_body(json.loads(rest))
        elif word == "rawframe":
            self.proc.stdin.write(json.loads(rest).encode("utf-8"))
            self.proc.stdin.flush()
        elif word == "wait":
            self.wait_diagnostics(rest.strip())
        elif word == "shell":
            subprocess.run(rest, shell=True, cwd=self.root, check=True)
        elif word == "watched":
            rel, kind = rest.split()
            self.notify("workspace/didChangeWatchedFiles",
                        {"changes": [{"uri": self.uri(rel), "type": int(kind)}]})
        elif word == "time":
            self.timing = rest.strip()
        elif word in ("exit", "end"):
            if word == "exit":
                self.request(2, "shutdown", None)
                self.notify("exit", None)
            self.proc.stdin.close()
            code = self.proc.wait(TIMEOUT)
            self.reader.join(TIMEOUT)
            if self.failure:
                sys.exit("lsp-driver: " + self.failure)
            print("exit %d" % code, flush=True)
        else:
            sys.exit("lsp-driver: unknown step: " + line)

    def apply(self, uri, edits):
        from urllib.parse import unquote
        path = unquote(uri[len("file://"):])
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
        lines = text.split("\n")
        starts = [0]
        for l in lines[:-1]:
            starts.append(starts[-1] + len(l) + 1)

        def offset(p):
            line = lines[p["line"]]
            # UTF-16 units to a character index in the line.
            units = 0
            for i, ch in enumerate(line):
                if units >= p["character"]:
                    return starts[p["line"]] + i
                units += 2 if ord(ch) > 0xFFFF else 1
            return starts[p["line"]] + len(line)

        for e in sorted(edits, key=lambda e: offset(e["range"]["start"]), reverse=True):
            b, en = offset(e["range"]["start"]), offset(e["range"]["end"])
            text = text[:b] + e["newText"] + text[en:]
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)


def main():
    args = sys.argv[1:]
    if "--" not in args or len(args) < 4 or args[0] != "--root":
        sys.exit(__doc__)
    sep = args.index("--")
    root, script, command = args[1], args[2], args[sep + 1:]
    if os.sep in command[0]:
        command[0] = os.path.abspath(command[0])
    s = Session(root, command)
    with open(script, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            s.step(line.strip())
    if s.proc.poll() is None:
        s.proc.kill()
        sys.exit("lsp-driver: the script ended without `exit`")


if __name__ == "__main__":
    main()
