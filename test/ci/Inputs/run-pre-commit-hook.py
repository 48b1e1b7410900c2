"""Runs one hook of a .pre-commit-hooks.yaml the way pre-commit runs a `language: system` hook:
its entry split into words, its args, then the given files that match its `files` regex (and
not its `exclude`). Usage: run-pre-commit-hook.py HOOKS_YAML HOOK_ID TOOL FILE...
TOOL's directory goes first on PATH, as an installed cascade-tidy would be. Prints the command and the
hook's exit status; exits with that status."""
import os
import re
import shlex
import subprocess
import sys

import yaml

hooks_file, hook_id, files = sys.argv[1], sys.argv[2], sys.argv[4:]
tool_dir = os.path.dirname(os.path.abspath(sys.argv[3]))
with open(hooks_file) as f:
    hooks = yaml.safe_load(f)
matches = [h for h in hooks if h.get("id") == hook_id]
if len(matches) != 1:
    sys.exit("no single hook with id %s in %s" % (hook_id, hooks_file))
hook = matches[0]
if hook.get("language") != "system":
    sys.exit("hook %s: language %s, expected system" % (hook_id, hook.get("language")))
pattern = re.compile(hook.get("files", ""))
exclude = re.compile(hook["exclude"]) if hook.get("exclude") else None
selected = [p for p in files if pattern.search(p) and not (exclude and exclude.search(p))]
command = shlex.split(hook["entry"]) + list(hook.get("args", [])) + selected
print("hook %s: %s" % (hook_id, " ".join(command)), flush=True)
env = dict(os.environ, PATH=tool_dir + os.pathsep + os.environ.get("PATH", ""))
status = subprocess.call(command, env=env)
print("hook exit status %d" % status, flush=True)
sys.exit(status)
